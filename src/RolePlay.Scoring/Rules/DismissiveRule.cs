using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Dismissive: the entry's cues (brush-offs, minimising, "calm down") plus three shapes the cues cannot state:
/// <list type="bullet">
/// <item>a bare rule given as the whole answer: a short reply that cites policy, the terms or the website and offers
/// nothing else ("No receipt no refund, policy.", "No. Says so on the website."). Stating the same rule inside a reply
/// that also helps is an explanation, not a brush-off;</item>
/// <item>a tautology that closes the matter: "W is W" ("rules are rules", "what's done is done", "a deadline is a
/// deadline") or "W when … W" ("it'll be ready when it's ready", "they'll go when they go");</item>
/// <item>a non-answer as the whole reply: every sentence is only "no", "nope", "hmm", "idk", "dunno", "not sure",
/// "can't say" or "next" (with at most "sorry"/"mate"), or the reply ends on a bare "Next." after its answer. "ok",
/// "fine", "k" and "sure" stay neutral;</item>
/// <item>an apology for the person's feelings followed by a defence and nothing else ("I'm sorry you feel that way, our
/// kitchen follows strict rules"): the complaint is brushed off. Not when the reply also engages (a fix, a commitment,
/// empathy, any question), when the defence is blame, aggression or a promise or is about the writer ("…but I had
/// to"), and not for a bare "sorry you feel that way".</item>
/// </list>
/// </summary>
internal sealed class DismissiveRule : IMarkingPointRule
{
    /// <summary>Replies longer than this are doing more than citing a rule.</summary>
    public const int MaxBareRuleWords = 10;

    /// <summary>What a bare rule given as the whole answer counts.</summary>
    public const double BareRule = 0.7;

    /// <summary>What "don't worry" next to an over-promise counts.</summary>
    public const double EmptyReassurance = 0.7;

    // Positive acts whose cues show the reply offers something beyond the rule.
    private static readonly string[] Offers = ["solution", "ownership", "empathy", "active_listening", "next_steps", "explanation"];

    /// <summary>What a closing tautology counts.</summary>
    public const double Tautology = 0.7;

    /// <summary>What a non-answer given as the whole reply counts.</summary>
    public const double NonAnswer = 0.7;

    // Words too empty to make a tautology ("it is what it is" is a cue of its own).
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "it", "its", "they", "he", "she", "we", "you", "i", "me", "him", "her", "them", "us", "that", "this", "there",
        "what", "who", "which", "is", "are", "was", "were", "be", "been", "will", "would", "the", "a", "an", "to", "and", "or",
        "not", "do", "does", "did", "so", "as", "if", "then", "one", "s",
    };

    // "W is W", "W's W", "W will be W".
    private static readonly HashSet<string> Links = new(StringComparer.Ordinal) { "is", "are", "was", "were", "its", "s" };

    // What may stand between "when" and the repeated word: a subject and its auxiliaries.
    private static readonly HashSet<string> WhenFillers = new(StringComparer.Ordinal)
    {
        "it", "its", "they", "he", "she", "we", "you", "i", "things", "that", "is", "are", "will", "be", "has", "have", "gets", "get", "s",
    };

    // Sentences that answer nothing, after "sorry"/"mate"/"i am" are set aside.
    private static readonly HashSet<string> NonAnswers = new(StringComparer.Ordinal)
    {
        "no", "nope", "nah", "hmm", "hmmm", "hm", "idk", "dunno", "not sure", "no idea", "can not say", "can not help", "next",
    };

    /// <summary>What "sorry you feel that way" followed by a defence and nothing else counts.</summary>
    public const double DefendedFeelings = 0.7;

    // Acts that show the reply does more than defend itself after a conditional apology.
    private static readonly string[] Engages =
    [
        "solution", "ownership", "empathy", "active_listening", "next_steps", "de_escalation", "follow_up", "escalation",
        "collaboration", "respect", "check_understanding", "boundaries", "confidentiality",
    ];

    // Where the defence is itself blame, aggression or a promise, that is what it is.
    private static readonly string[] OtherFaults = ["blame", "aggression", "over_promising"];

    /// <summary>Words a defence must have after the conditional apology's clause.</summary>
    public const int MinDefenceWords = 3;

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "sorry", "mate", "i", "am" };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var cueResult = new CueRule().Assess(point, input);
        if (!cueResult.Credited && point.AppliesIn(input.Context))
        {
            var shape = FindTautology(input) ?? FindNonAnswer(input) ?? FindDefendedFeelings(input);
            if (shape is { } found)
            {
                return Verdict.From(point, [found]);
            }
        }

        if (!cueResult.Credited && point.AppliesIn(input.Context) && input.Effective("over_promising").Any(m => m.Cue.Tier == CueTier.Strong))
        {
            var reassurance = input.Catalogue.Pipeline.Lexicon("empty_reassurance").FindAll(input.Reply.Tokens, 0, input.Reply.Tokens.Length).FirstOrDefault();
            if (reassurance.Length > 0)
            {
                return Verdict.From(point, [new Finding(EmptyReassurance, input.Span(reassurance.Start, reassurance.Start + reassurance.Length), "waved the worry away with a promise:")]);
            }
        }

        if (cueResult.Credited || !point.AppliesIn(input.Context) || input.Reply.WordCount > MaxBareRuleWords
            || Offers.Any(id => input.Effective(id).Any(m => m.Cue.Tier == CueTier.Strong)))
        {
            return cueResult;
        }

        var tokens = input.Reply.Tokens;
        var sources = input.Catalogue.Pipeline.Lexicon("rule_sources");
        foreach (var (start, length) in sources.FindAll(tokens, 0, tokens.Length))
        {
            if (!tokens[start].Negated)
            {
                return Verdict.From(point, [new Finding(BareRule, input.Span(start, start + length), "gave a rule as the whole answer:")]);
            }
        }

        return cueResult;
    }

    private static Finding? FindTautology(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        for (var i = 1; i < tokens.Length; i++)
        {
            var word = tokens[i - 1];
            if (IsEmpty(word))
            {
                continue;
            }

            // "W is (a|the) W" / "W will be W"
            var j = i;
            if (Links.Contains(tokens[j].Text))
            {
                j++;
            }
            else if (tokens[j].Text == "will" && j + 1 < tokens.Length && tokens[j + 1].Text == "be")
            {
                j += 2;
            }
            else
            {
                j = -1;
            }

            if (j > 0 && j < tokens.Length && tokens[j].Text is "a" or "an" or "the")
            {
                j++;
            }

            if (j > 0 && j < tokens.Length && tokens[j].Text == word.Text && tokens[j].Sentence == word.Sentence && !tokens[j].Negated)
            {
                return new Finding(Tautology, input.Span(i - 1, j + 1), "closed the matter with a tautology:");
            }

            // "W when (it|they) (is|will…) W"
            if (tokens[i].Text == "when")
            {
                var k = i + 1;
                while (k < tokens.Length && k - i <= 3 && WhenFillers.Contains(tokens[k].Text))
                {
                    k++;
                }

                if (k > i + 1 && k < tokens.Length && tokens[k].Sentence == word.Sentence && !IsEmpty(tokens[k])
                    && RuleInput.Stem(tokens[k].Text) == RuleInput.Stem(word.Text))
                {
                    return new Finding(Tautology, input.Span(i - 1, k + 1), "closed the matter with a tautology:");
                }
            }
        }

        return null;
    }

    private static Finding? FindNonAnswer(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var sentences = input.Reply.Sentences;
        if (sentences.Length > 1 && sentences[^1] is { TokenCount: 1 } last && tokens[last.FirstToken].Text == "next")
        {
            return new Finding(NonAnswer, input.Span(last.FirstToken, last.EndToken), "closed the conversation:");
        }

        if (tokens.Length == 0 || input.Reply.WordCount > 6)
        {
            return null;
        }

        var answered = false;
        foreach (var sentence in input.Reply.Sentences)
        {
            var words = new List<string>();
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                // "say sorry" is an apology refused or owed, not a filler.
                var saySorry = tokens[t].Text == "sorry" && t > sentence.FirstToken && tokens[t - 1].Text == "say" && tokens[t - 1].Clause == tokens[t].Clause;
                if (saySorry || !Fillers.Contains(tokens[t].Text))
                {
                    words.Add(tokens[t].Text);
                }
            }

            if (words.Count > 0 && !NonAnswers.Contains(string.Join(' ', words)))
            {
                return null;
            }

            answered |= words.Count > 0;
        }

        return !answered ? null : new Finding(NonAnswer, input.Span(0, tokens.Length), "answered with a non-answer:");
    }

    // "Sorry you feel that way, our kitchen follows strict rules": an apology for the person's feelings, then a defence of
    // the service and nothing for them. A bare "sorry you feel that way" is only a non-apology.
    private static Finding? FindDefendedFeelings(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        if (input.Reply.Sentences.Any(s => s.QuestionMark)
            || Engages.Concat(OtherFaults).Any(id => input.Effective(id).Any(m => m.Cue.Tier == CueTier.Strong)))
        {
            return null;
        }

        foreach (var match in input.Effective("non_apology"))
        {
            var conditional = false;
            for (var t = match.Start; t < match.End; t++)
            {
                conditional |= tokens[t].Text is "if" or "you";
            }

            var clause = tokens[match.End - 1].Clause;
            var defence = tokens.Skip(match.End).Where(t => t.Clause != clause && t.Kind == TokenKind.Word).ToList();

            // "…but I had to", "I was actually answering an email": justifying oneself, not brushing the complaint off.
            if (conditional && defence.Count >= MinDefenceWords && !defence.Any(t => t.Text == "i"))
            {
                return new Finding(DefendedFeelings, input.Span(match.Start, tokens.Length), "apologised for their feelings, then defended the service:");
            }
        }

        return null;
    }

    private static bool IsEmpty(Token token) => token.Kind != TokenKind.Word || token.Text.Length < 2 || FunctionWords.Contains(token.Text);
}
