using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Apology and non-apology from one analysis: an apology cue counts unless a non-apology form covers it
/// ("sorry you feel that way") or it is followed in the same sentence by "but" and an excuse ("sorry, but that's policy").
/// </summary>
internal sealed class ApologyRule : IMarkingPointRule
{
    private static readonly HashSet<string> Contrasts = new(StringComparer.Ordinal) { "but", "however", "though", "although", "except" };
    private static readonly string[] ExcuseSources = ["blame", "dismissive", "passing_the_buck"];

    private sealed record Analysis(List<Finding> Apologies, List<Finding> NonApologies, string? NegatedQuote);

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var analysis = Analyse(input);
        if (point.Kind == MarkingPointKind.Negative)
        {
            return Verdict.From(point, analysis.NonApologies);
        }

        string? whyNot = null;
        if (analysis.Apologies.Count == 0 && analysis.NonApologies.Count > 0)
        {
            whyNot = $"Not credited: \"{Verdict.Shorten(analysis.NonApologies[0].Span.Quote)}\" takes the apology back.";
        }
        else if (analysis.Apologies.Count == 0 && analysis.NegatedQuote is { } negated)
        {
            whyNot = $"Not credited: \"{Verdict.Shorten(negated)}\" is negated.";
        }

        return Verdict.From(point, analysis.Apologies, whyNot);
    }

    private static Analysis Analyse(RuleInput input)
    {
        if (input.Cache.TryGetValue(nameof(ApologyRule), out var cached))
        {
            return (Analysis)cached;
        }

        var tokens = input.Reply.Tokens;
        var explicitNonApologies = input.Effective("non_apology");
        var excuses = input.Catalogue.Pipeline.Lexicon("excuses");
        var excuseMatches = ExcuseSources.SelectMany(input.Effective).ToList();
        var apologies = new List<Finding>();
        var nonApologies = new List<Finding>();

        foreach (var cue in explicitNonApologies)
        {
            nonApologies.Add(new Finding(cue.Cue.BaseStrength, input.Span(cue), "a conditional or excused apology"));
        }

        foreach (var match in input.Effective("apology"))
        {
            if (explicitNonApologies.Any(n => n.Overlaps(match.Start, match.End)))
            {
                continue;
            }

            var sentence = input.Reply.SentenceOf(match.Start);
            if (TalksAboutApologising(tokens, sentence, match.Start))
            {
                continue;
            }

            var contrast = -1;
            for (var k = match.End; k < sentence.EndToken && contrast < 0; k++)
            {
                contrast = Contrasts.Contains(tokens[k].Text) ? k : -1;
            }

            if (contrast >= 0 && HasExcuse(tokens, contrast + 1, sentence.EndToken, excuses, excuseMatches))
            {
                nonApologies.Add(new Finding(0.8, input.Span(match.Start, sentence.EndToken), "an apology followed by 'but' and an excuse"));
                continue;
            }

            apologies.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "apologised with"));
        }

        var negated = input.NegatedMatches("apology").Select(m => input.Span(m).Quote).FirstOrDefault();
        var analysis = new Analysis(apologies, nonApologies, negated);
        input.Cache[nameof(ApologyRule)] = analysis;
        return analysis;
    }

    private static readonly HashSet<string> OtherPeople = new(StringComparer.Ordinal) { "you", "he", "she", "they", "him", "her", "them" };

    /// <summary>
    /// "You need to apologise to him", "well done for apologising", "I've already apologised": the verb is about an
    /// apology (someone else's, or an earlier one), not one made now.
    /// </summary>
    private static bool TalksAboutApologising(Token[] tokens, SentenceInfo sentence, int at)
    {
        var word = tokens[at].Text;
        if (!word.StartsWith("apologis", StringComparison.Ordinal))
        {
            return false;
        }

        for (var k = Math.Max(sentence.FirstToken, at - 4); k < at; k++)
        {
            if (OtherPeople.Contains(tokens[k].Text) || (word == "apologised" && tokens[k].Text is "have" or "has" or "had" or "already"))
            {
                return true;
            }
        }

        return word is "apologising" && at > sentence.FirstToken && tokens[at - 1].Text is "for" or "about";
    }

    private static bool HasExcuse(Token[] tokens, int from, int to, Lexicon excuses, List<CueMatch> excuseMatches)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Negated || excuses.MatchAt(tokens, k, to) > 0)
            {
                return true;
            }
        }

        return excuseMatches.Any(m => m.Start >= from && m.Start < to);
    }
}

/// <summary>Next steps: an action (who does what) earns full credit with a timescale (by when) in the same sentence.</summary>
internal sealed class NextStepsRule : IMarkingPointRule
{
    public const double ActionWithoutTime = 0.35;
    public const double StepFrameWithoutTime = 0.7;
    public const double VagueTime = 0.45;

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var time = input.Catalogue.Pipeline.Lexicon("time");
        var vague = input.Catalogue.Pipeline.Lexicon("time_vague");
        var promises = input.Effective("over_promising");
        var findings = new List<(int Sentence, Finding Finding)>();
        foreach (var match in input.Effective(point.Id))
        {
            var sentence = input.Reply.SentenceOf(match.Start);
            var sentenceIndex = tokens[match.Start].Sentence;

            // A guarantee is not a plan: it is assessed as over-promising instead.
            if (promises.Any(p => p.Start >= sentence.FirstToken && p.Start < sentence.EndToken))
            {
                continue;
            }

            var (timeStart, timeEnd) = FindTime(tokens, sentence, time);
            var (vagueStart, vagueEnd) = timeStart >= 0 ? (-1, -1) : FindTime(tokens, sentence, vague, clock: false);
            if (timeStart >= 0)
            {
                var span = input.Span(Math.Min(match.Start, timeStart), Math.Max(match.End, timeEnd));
                findings.Add((sentenceIndex, new Finding(1.0, span, "who does what by when:")));
            }
            else if (vagueStart >= 0)
            {
                var span = input.Span(Math.Min(match.Start, vagueStart), Math.Max(match.End, vagueEnd));
                findings.Add((sentenceIndex, new Finding(VagueTime, span, "a next step with a loose timescale:")));
            }
            else
            {
                var strength = match.Cue.Tier == CueTier.Strong ? StepFrameWithoutTime : ActionWithoutTime;
                findings.Add((sentenceIndex, new Finding(strength, input.Span(match), "a next step")));
            }
        }

        // One finding per sentence: several actions in one sentence are one step.
        var perSentence = findings
            .GroupBy(f => f.Sentence)
            .Select(g => g.Select(f => f.Finding).OrderByDescending(f => f.Strength).First())
            .ToList();
        var whyNot = perSentence.Count > 0 ? "Not credited: an action without a timescale - say by when." : null;
        return Verdict.From(point, perSentence, whyNot);
    }

    /// <summary>Tokens [start, end) of the first time expression in the sentence ("by 3pm", "tomorrow", "within 48 hours"), or (-1, -1).</summary>
    internal static (int Start, int End) FindTime(Token[] tokens, SentenceInfo sentence, Lexicon time, bool clock = true)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            var length = time.MatchAt(tokens, k, sentence.EndToken);
            if (length > 0)
            {
                return (k, k + length);
            }

            if (!clock)
            {
                continue;
            }

            if (IsClockOrDate(tokens[k].Text) ||
                (tokens[k].Kind == TokenKind.Number && k + 1 < sentence.EndToken && tokens[k + 1].Text is "am" or "pm" or "ish" or "th" or "st" or "nd" or "rd"))
            {
                return (k, k + 1);
            }
        }

        return (-1, -1);
    }

    /// <summary>"3pm", "10am", "5ish", "14th", "15:30": a clock time or a day of the month.</summary>
    private static bool IsClockOrDate(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2 || digits == word.Length)
        {
            return word.Length is 4 or 5 && digits > 0 && word.Contains(':', StringComparison.Ordinal);
        }

        var suffix = word[digits..];
        return suffix is "am" or "pm" or "ish" or "th" or "st" or "nd" or "rd" or "h" || suffix.StartsWith(':');
    }
}
