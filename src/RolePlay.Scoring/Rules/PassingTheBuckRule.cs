using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Passing the buck: the entry's cues ("not my department") plus a referral aimed at the person - a sending verb
/// and somewhere to go ("ring the bank", "you'll need to ask accounts") that the person, not the learner, must act on.
/// A reply that also commits the learner to an action ("I'll email them the details too") is a handover, so its
/// findings count for less.
/// </summary>
internal sealed class PassingTheBuckRule : IMarkingPointRule
{
    public const double Referral = 0.8;
    public const double HandedOverFactor = 0.35;

    /// <summary>Words that may stand between "you" (or the clause start) and the referral verb: modals and softeners.</summary>
    private static readonly HashSet<string> Frame = new(StringComparer.Ordinal)
    {
        "will", "would", "need", "needs", "have", "has", "got", "to", "should", "could", "can", "must", "might", "may", "just",
        "please", "then", "so", "better", "best", "probably", "maybe", "perhaps", "try", "want", "going", "are", "is", "the",
        "your", "bet", "only", "really", "first", "instead", "directly", "yourself", "ought", "had", "do", "and", "or", "ll", "off", "be",
        "worth", "start", "by", "suggest", "recommend",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        var findings = input.CueFindings(point.Id, "sent the problem elsewhere:");
        var referralStart = int.MaxValue;
        var referralEnd = 0;
        foreach (var (start, end) in Referrals(input))
        {
            findings.Add(new Finding(Referral, input.Span(start, end), "sent them elsewhere to sort it themselves:"));
            referralStart = Math.Min(referralStart, start);
            referralEnd = Math.Max(referralEnd, end);
        }

        if (findings.Count == 0)
        {
            return new CueRule().Assess(point, input);
        }

        if (!Commitment.OwnsAction(input, referralStart, referralEnd))
        {
            return Verdict.From(point, findings);
        }

        var handedOver = findings.Select(f => f with { Strength = f.Strength * HandedOverFactor }).ToList();
        return Verdict.From(point, handedOver, "Not detected: the reply refers them on but also commits to an action itself.");
    }

    /// <summary>Token ranges where the person is told to go to someone else: "[you'll need to] ring the bank".</summary>
    private static IEnumerable<(int Start, int End)> Referrals(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var verbs = input.Catalogue.Pipeline.Lexicon("referral_verbs");
        var targets = input.Catalogue.Pipeline.Lexicon("referral_targets");
        foreach (var sentence in input.Reply.Sentences)
        {
            // A question offers an option ("could you ask Lisa about a later start?"); it does not send them away.
            if (sentence.QuestionMark)
            {
                continue;
            }

            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var verbLength = verbs.MatchAt(tokens, i, sentence.EndToken);
                if (verbLength == 0 || tokens[i].Negated)
                {
                    continue;
                }

                var targetLength = targets.MatchAt(tokens, i + verbLength, sentence.EndToken);
                if (targetLength == 0)
                {
                    targetLength = TargetByShape(input, sentence, i, i + verbLength);
                }

                if (targetLength == 0)
                {
                    continue;
                }

                var from = AimedAtPerson(tokens, sentence, i);
                if (from >= 0)
                {
                    yield return (from, i + verbLength + targetLength);
                }
            }
        }
    }

    private static readonly HashSet<string> PersonVerbs = new(StringComparer.Ordinal)
    {
        "ask", "ring", "call", "phone", "contact", "email", "message", "speak", "talk", "check", "complain", "get", "take", "raise",
    };

    private static readonly HashSet<string> UnitNouns = new(StringComparer.Ordinal)
    {
        "team", "department", "desk", "office", "helpline", "line", "centre", "center", "services", "support", "manager", "supervisor",
    };

    /// <summary>
    /// A target the lexicon does not list: a name ("ask Sarah", capitalised, after a verb that addresses a person) or a unit
    /// ("the returns team", "the billing department"). Returns its length in tokens, or 0.
    /// </summary>
    private static int TargetByShape(RuleInput input, SentenceInfo sentence, int verb, int next)
    {
        var tokens = input.Reply.Tokens;
        if (next >= sentence.EndToken)
        {
            return 0;
        }

        var first = tokens[next];
        var source = input.Reply.Source;
        if (PersonVerbs.Contains(tokens[verb].Text) && first.Kind == TokenKind.Word && first.Text != "i" && !first.AllCaps
            && char.IsUpper(source[first.Start]))
        {
            return 1;
        }

        if (first.Text is not ("the" or "your" or "our"))
        {
            return 0;
        }

        for (var k = next + 1; k < Math.Min(sentence.EndToken, next + 4); k++)
        {
            if (UnitNouns.Contains(tokens[k].Text))
            {
                return k + 1 - next;
            }
        }

        return 0;
    }

    /// <summary>
    /// Where the instruction starts when the verb at <paramref name="verb"/> is an instruction to the person (clause-initial
    /// imperative, or after "you" and modals), or -1 when someone else does it ("I'll ring the bank", "let me ask").
    /// </summary>
    private static int AimedAtPerson(Token[] tokens, SentenceInfo sentence, int verb)
    {
        var k = verb;
        while (true)
        {
            if (Commitment.StartsClause(tokens, sentence, k))
            {
                return k;
            }

            var previous = tokens[k - 1].Text;
            if (previous == "you")
            {
                return k - 1;
            }

            if (!Frame.Contains(previous) || verb - k >= 5)
            {
                return -1;
            }

            k--;
        }
    }
}
