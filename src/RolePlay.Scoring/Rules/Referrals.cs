using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Whether a reply sends the person somewhere else to sort it out themselves: a referral verb ("ring", "ask", "take it up
/// with") aimed at the person - an imperative or "you('ll need to)" - rather than done by the learner ("I'll ring the bank").
/// Passing the buck flags these; escalation withholds credit for them. One reading keeps the two points consistent.
/// A sentence where the learner goes along ("let's go and see her together") sends nobody away, and neither does a time
/// clause ("I'll sit with you while you ring her").
/// </summary>
internal static class Referrals
{
    /// <summary>Words that may stand between "you" (or the clause start) and the referral verb: modals and softeners.</summary>
    private static readonly HashSet<string> Frame = new(StringComparer.Ordinal)
    {
        "will", "would", "need", "needs", "have", "has", "got", "to", "should", "could", "can", "must", "might", "may", "just",
        "please", "then", "so", "better", "best", "probably", "maybe", "perhaps", "try", "want", "going", "are", "is", "the",
        "your", "bet", "only", "really", "first", "instead", "directly", "yourself", "ought", "had", "do", "and", "or", "ll", "off", "be",
        "worth", "start", "by", "suggest", "recommend", "always",

        // Discourse fillers that open a clause without changing who acts: "tbh ask Gary", "idk ask the boss".
        "tbh", "idk", "honestly", "well", "ok", "okay", "lol", "mate",
    };

    /// <summary>Token ranges where the person is told to go to someone else: "[you'll need to] ring the bank".</summary>
    public static IEnumerable<(int Start, int End)> Elsewhere(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var verbs = input.Catalogue.Pipeline.Lexicon("referral_verbs");
        var unitVerbs = input.Catalogue.Pipeline.Lexicon("referral_verbs_unit_only");
        var targets = input.Catalogue.Pipeline.Lexicon("referral_targets");
        foreach (var sentence in input.Reply.Sentences)
        {
            // A question offers an option ("could you ask Lisa about a later start?"); it does not send them away.
            if (sentence.QuestionMark || GoesAlong(tokens, sentence))
            {
                continue;
            }

            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                // "tell" sends someone on only to a unit or role ("tell the coordinator"); "tell her" passes a message.
                var verbLength = verbs.MatchAt(tokens, i, sentence.EndToken);
                var unitOnly = verbLength == 0;
                if (unitOnly)
                {
                    verbLength = unitVerbs.MatchAt(tokens, i, sentence.EndToken);
                }

                if (verbLength == 0 || tokens[i].Negated)
                {
                    continue;
                }

                var targetLength = unitOnly ? 0 : targets.MatchAt(tokens, i + verbLength, sentence.EndToken);
                if (targetLength == 0)
                {
                    targetLength = TargetByShape(input, sentence, i, i + verbLength, unitOnly);
                }

                if (targetLength == 0)
                {
                    continue;
                }

                // "while you ring her", "once you call them": a time clause says when, it does not send anyone away
                // (for escalation the person is still the one acting, so SendsPersonTo keeps it).
                var from = AimedAtPerson(tokens, sentence, i);
                if (from >= 0 && !(from > sentence.FirstToken && TimeClauseOpeners.Contains(tokens[from - 1].Text)))
                {
                    yield return (from, i + verbLength + targetLength);
                }
            }
        }
    }

    /// <summary>
    /// The learner goes too ("let's go and see her together", "we can ring them together"): a shared act, not sending them away.
    /// </summary>
    private static bool GoesAlong(Token[] tokens, SentenceInfo sentence)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (tokens[k].Text == "together" && !tokens[k].Negated)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> PersonVerbs = new(StringComparer.Ordinal)
    {
        "ask", "ring", "call", "phone", "contact", "email", "message", "speak", "talk", "check", "complain", "get", "take", "raise", "go", "pop",
    };

    /// <summary>
    /// A target the lexicon does not list: a name ("ask Sarah", capitalised, after a verb that addresses a person) or a unit
    /// or role ("the returns team", "the billing department", "your social worker"). With <paramref name="unitOnly"/> only a
    /// unit or role counts. Returns its length in tokens, or 0.
    /// </summary>
    private static int TargetByShape(RuleInput input, SentenceInfo sentence, int verb, int next, bool unitOnly = false)
    {
        var tokens = input.Reply.Tokens;
        if (next >= sentence.EndToken)
        {
            return 0;
        }

        var first = tokens[next];
        var source = input.Reply.Source;
        if (!unitOnly && PersonVerbs.Contains(tokens[verb].Text) && first.Kind == TokenKind.Word && first.Text != "i" && !first.AllCaps
            && char.IsUpper(source[first.Start]))
        {
            return 1;
        }

        if (first.Text is not ("the" or "your" or "our"))
        {
            return 0;
        }

        var units = input.Catalogue.Pipeline.Lexicon("service_units");
        for (var k = next + 1; k < Math.Min(sentence.EndToken, next + 4); k++)
        {
            if (units.Contains(tokens[k].Text))
            {
                return k + 1 - next;
            }
        }

        return 0;
    }

    /// <summary>Subordinators that make "you ring them" a time clause ("while you ring her") rather than an instruction.</summary>
    private static readonly HashSet<string> TimeClauseOpeners = new(StringComparer.Ordinal)
    {
        "while", "whilst", "when", "once", "before", "after", "until", "till",
    };

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
            if (previous is "you" or "u" or "youd" or "ya")
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

    /// <summary>
    /// True when the person is told to go to tokens [targetStart, targetEnd) themselves: a referral verb just before or
    /// opening it ("ask my manager", "you'll have to speak to the supervisor") that is aimed at the person.
    /// </summary>
    public static bool SendsPersonTo(RuleInput input, SentenceInfo sentence, int targetStart, int targetEnd)
    {
        var tokens = input.Reply.Tokens;
        var verbs = input.Catalogue.Pipeline.Lexicon("referral_verbs");
        for (var k = Math.Max(sentence.FirstToken, targetStart - 5); k < targetEnd; k++)
        {
            var verbEnd = k + verbs.MatchAt(tokens, k, sentence.EndToken);
            if (verbEnd > k && verbEnd <= targetEnd && targetStart - verbEnd <= 2 && !tokens[k].Negated && AimedAtPerson(tokens, sentence, k) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
