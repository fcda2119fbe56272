using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Blame: fault put on the other person ("you must have", "if you'd read") or on someone else with a failure word
/// ("the courier lost it", "sales never tell us"), a habit held against someone in the progressive with "always"
/// ("you're always letting us down"), or a question that turns the person's own step back on them ("did you cancel in
/// writing though?"), or a conditional saying their doing caused the trouble ("if you checked first you wouldn't have this
/// issue"), or a guessed past act offered as the cause ("you probably tapped twice"). When the same reply apologises
/// plainly or commits to act, naming the cause reads as an explanation, so one cue is no longer enough.
/// </summary>
internal sealed class BlameRule : IMarkingPointRule
{
    /// <summary>What a blame cue is worth in a reply that also owns the problem.</summary>
    public const double OwnedFactor = 0.35;

    // After an opening "should have": words that say what happened rather than what someone failed to do.
    private static readonly HashSet<string> NotAFailing = new(StringComparer.Ordinal)
    {
        "been", "had", "got", "received", "arrived", "come", "reached", "heard", "gone", "happened", "worked", "done",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var matches = input.Effective(point.Id);
        var named = NamedPersonFailures(input).Concat(HindsightOrders(input)).Concat(ComplainedHabits(input)).Concat(RebuttingQuestions(input)).Concat(CounterfactualCharges(input)).Concat(GuessedCauses(input)).ToList();
        if ((matches.Count == 0 && named.Count == 0) || !point.AppliesIn(input.Context))
        {
            return new CueRule().Assess(point, input);
        }

        var owned = Owned(input);
        var tokens = input.Reply.Tokens;
        var factor = owned ? OwnedFactor : 1.0;
        var traits = input.Catalogue.Pipeline.Lexicon("failing_traits");
        var findings = matches
            .Select(m => new Finding(m.Cue.BaseStrength * (owned && !NamesFault(tokens, m, traits) ? OwnedFactor : 1.0), input.Span(m), "fault put on someone else in"))
            .Concat(named.Select(n => new Finding(CompiledCue.StrongStrength * factor, input.Span(n.Start, n.End), "fault put on someone else in")))
            .ToList();
        var whyNot = owned
            ? "Not detected: the reply also apologises or takes ownership, so naming the cause reads as an explanation."
            : null;
        return Verdict.From(point, findings, whyNot);
    }

    /// <summary>
    /// "Should've backed it up.", "Should have left on time then": a sentence that opens with "should have" and no subject
    /// tells the other person what they failed to do. With a subject ("I should have", "we should have") it is ownership,
    /// and "should have arrived/been" is about what happened, not who failed.
    /// </summary>
    private static IEnumerable<(int Start, int End)> HindsightOrders(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            var k = sentence.FirstToken;
            if (k + 2 < sentence.EndToken && tokens[k].Text == "should" && tokens[k + 1].Text is "have" or "of"
                && !NotAFailing.Contains(tokens[k + 2].Text) && !tokens[k].Quoted)
            {
                yield return (k, k + 3);
            }
        }
    }

    private static readonly HashSet<string> HabitSubjects = new(StringComparer.Ordinal) { "you", "he", "she", "they" };
    private static readonly HashSet<string> HabitBe = new(StringComparer.Ordinal) { "are", "is", "were", "was" };
    private static readonly HashSet<string> HabitAdverbs = new(StringComparer.Ordinal) { "always", "forever", "constantly", "continually" };

    // Progressive verbs that praise a habit rather than hold it against someone ("she's always helping out").
    private static readonly HashSet<string> KindHabits = new(StringComparer.Ordinal)
    {
        "helping", "smiling", "offering", "giving", "looking", "thinking", "trying", "working", "being",
    };

    /// <summary>
    /// "You're always letting us down", "he's forever leaving it to me": English puts a habit in the progressive with
    /// "always" (not the plain "he always leaves") to complain about it, so with another person as the subject it holds
    /// a fault against them. "I'm always..." / "we're always..." is about oneself and does not count.
    /// </summary>
    private static IEnumerable<(int Start, int End)> ComplainedHabits(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        for (var k = 0; k + 3 < tokens.Length; k++)
        {
            var verb = tokens[k + 3].Text;
            if (HabitSubjects.Contains(tokens[k].Text) && HabitBe.Contains(tokens[k + 1].Text) && HabitAdverbs.Contains(tokens[k + 2].Text)
                && verb.Length > 4 && verb.EndsWith("ing", StringComparison.Ordinal) && !KindHabits.Contains(verb)
                && tokens[k].Sentence == tokens[k + 3].Sentence && !tokens[k + 2].Negated && !tokens[k].Quoted)
            {
                yield return (k, k + 4);
            }
        }
    }

    private static readonly HashSet<string> QuestionAux = new(StringComparer.Ordinal) { "did", "have", "are", "were", "do", "had" };

    /// <summary>
    /// "Did u cancel in writing tho?", "have you checked the spam folder though?": a question about the person's own
    /// step that ends in "though" is not asking but rebutting - it implies they did not, and so that the fault is theirs.
    /// </summary>
    private static IEnumerable<(int Start, int End)> RebuttingQuestions(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            var first = sentence.FirstToken;
            var last = sentence.EndToken - 1;
            if (sentence.QuestionMark && sentence.TokenCount >= 4 && QuestionAux.Contains(tokens[first].Text) && tokens[first + 1].Text == "you"
                && tokens[last].Text is "though" or "tho" && !tokens[first].Quoted)
            {
                yield return (first, sentence.EndToken);
            }
        }
    }

    // If-clause subjects that are not another party: oneself, or a dummy subject ("if it wasn't for you").
    private static readonly HashSet<string> OwnSubjects = new(StringComparer.Ordinal) { "i", "we", "it", "this", "that", "there" };
    private static readonly HashSet<string> PoliteAfterYou = new(StringComparer.Ordinal)
    {
        "would", "could", "can", "will", "like", "want", "wish", "need", "prefer", "do", "are", "have", "feel",
    };

    /// <summary>
    /// "If you checked the address first, you wouldn't have this issue", "maybe if the kitchen cooked faster we wouldn't
    /// have a problem": a conditional about what another party did (or did not do), whose main clause says the trouble
    /// would not have happened, charges them with causing it. An if-clause about oneself ("if I'd known, I wouldn't"), a
    /// negated one that thanks ("if you hadn't told us we wouldn't have found it") and a polite one ("if you would like")
    /// do not count.
    /// </summary>
    private static IEnumerable<(int Start, int End)> CounterfactualCharges(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            for (var k = sentence.FirstToken; k + 4 < sentence.EndToken; k++)
            {
                if (tokens[k].Text != "if" || tokens[k].Quoted || OwnSubjects.Contains(tokens[k + 1].Text)
                    || (tokens[k + 1].Text == "you" && PoliteAfterYou.Contains(tokens[k + 2].Text)))
                {
                    continue;
                }

                for (var m = k + 3; m + 1 < sentence.EndToken; m++)
                {
                    if (tokens[m].Text == "not" || tokens[m].Text == "never" || tokens[m].Text == "if")
                    {
                        break;
                    }

                    if (tokens[m].Text is "would" or "could" && tokens[m + 1].Text is "not" or "never")
                    {
                        yield return (k, m + 2);
                        break;
                    }
                }
            }
        }
    }

    private static readonly HashSet<string> GuessWords = new(StringComparer.Ordinal) { "probably", "prob", "probs" };
    // Words before "probably" that make the guess a state ("he's probably exhausted") or about oneself ("I probably").
    private static readonly HashSet<string> StateOrSelf = new(StringComparer.Ordinal) { "is", "are", "am", "was", "were", "be", "i", "we" };

    // Past forms that report what reached or touched the person, or how they felt, not a step someone got wrong.
    private static readonly HashSet<string> NotASlip = new(StringComparer.Ordinal)
    {
        "received", "arrived", "heard", "noticed", "felt", "wanted", "needed", "expected", "used", "worried", "tried", "asked",
        "explained", "offered", "helped", "deserved", "hoped", "experienced", "suffered",
    };

    /// <summary>
    /// "You probably tapped twice", "probably dragged it over the kerb herself", "the line probably dropped": a guessed
    /// past act ("probably" and a past form) offered as the cause of the trouble puts it on whoever did it. Not after a
    /// form of "be" ("he's probably exhausted": a state) nor about oneself ("I probably missed it", "we've probably sent").
    /// </summary>
    private static IEnumerable<(int Start, int End)> GuessedCauses(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var participles = input.Catalogue.Pipeline.Lexicon("irregular_participles");
        for (var k = 0; k + 1 < tokens.Length; k++)
        {
            if (!GuessWords.Contains(tokens[k].Text) || tokens[k].Quoted || tokens[k].Negated)
            {
                continue;
            }

            var v = tokens[k + 1].Text is "have" or "has" or "just" && k + 2 < tokens.Length ? k + 2 : k + 1;
            var verb = tokens[v].Text;
            var past = (verb.Length >= 5 && verb.EndsWith("ed", StringComparison.Ordinal)) || participles.MatchAt(tokens, v, v + 1) > 0;
            var self = (k >= 1 && StateOrSelf.Contains(tokens[k - 1].Text)) || (k >= 2 && tokens[k - 2].Text is "i" or "we");
            if (past && !self && !NotASlip.Contains(verb) && tokens[v].Sentence == tokens[k].Sentence && !tokens[v].Negated)
            {
                yield return (k, v + 1);
            }
        }
    }

    /// <summary>
    /// "Dave forgot to log it", "ask why Priya never passes them on": a name (a capitalised word that does not open its
    /// sentence) followed by a failure verb. Names are open-ended, so they cannot be listed in the catalogue.
    /// </summary>
    private static IEnumerable<(int Start, int End)> NamedPersonFailures(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var source = input.Reply.Source;
        var failures = input.Catalogue.Pipeline.Lexicon("failure_verbs");
        for (var k = 0; k + 1 < tokens.Length; k++)
        {
            var token = tokens[k];
            var sentence = input.Reply.SentenceOf(k);
            if (k == sentence.FirstToken || token.Kind != Text.TokenKind.Word || token.AllCaps || token.Text == "i" || tokens[k - 1].Start == token.Start
                || !char.IsUpper(source[token.Start]) || tokens[k + 1].Sentence != token.Sentence)
            {
                continue;
            }

            var length = failures.MatchAt(tokens, k + 1, sentence.EndToken);
            if (length > 0 && (!tokens[k + 1].Negated || input.Catalogue.Pipeline.Tokeniser.IsNegator(tokens[k + 1].Text)))
            {
                yield return (k, k + 1 + length);
            }
        }
    }

    private static readonly HashSet<string> FaultWords = new(StringComparer.Ordinal) { "fault", "blame", "blamed", "blaming" };

    /// <summary>
    /// Whether a blame cue stands as blame, as this rule judges it: the reply neither apologises nor owns the problem, or
    /// the cue says whose fault it is ("useless drivers"). Otherwise naming the cause reads as an explanation.
    /// </summary>
    internal static bool StandsAsBlame(RuleInput input, CueMatch match) =>
        !Owned(input) || NamesFault(input.Reply.Tokens, match, input.Catalogue.Pipeline.Lexicon("failing_traits"));

    private static bool Owned(RuleInput input) => Commitment.ApologisesPlainly(input) || Commitment.OwnsAction(input);

    /// <summary>
    /// "The courier's fault", "blame the system", "the drivers are lazy": saying whose fault it is, or running someone
    /// down, is blame even next to an apology.
    /// </summary>
    private static bool NamesFault(Text.Token[] tokens, CueMatch match, Text.Lexicon traits)
    {
        for (var k = match.Start; k < match.End; k++)
        {
            if (FaultWords.Contains(tokens[k].Text) || traits.MatchAt(tokens, k, match.End) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
