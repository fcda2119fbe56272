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
        var brushOffs = input.Effective("dismissive");
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
                contrast = Connectives.Contrasts.Contains(tokens[k].Text) ? k : -1;
            }

            if (contrast >= 0 && HasExcuse(tokens, contrast + 1, sentence.EndToken, excuses, excuseMatches))
            {
                nonApologies.Add(new Finding(0.8, input.Span(match.Start, sentence.EndToken), "an apology followed by 'but' and an excuse"));
                continue;
            }

            // No "but" needed when the rest of the sentence only excuses or brushes off: "Sorry, we're just really busy",
            // "Sorry mate, that's just how it is".
            if (contrast < 0 && OnlyExcuses(tokens, match.End, sentence.EndToken, brushOffs))
            {
                nonApologies.Add(new Finding(0.8, input.Span(match.Start, sentence.EndToken), "an apology followed by an excuse"));
                continue;
            }

            apologies.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "apologised with"));
        }

        var negated = input.FirstNegatedMatch("apology") is { } negatedMatch ? input.Span(negatedMatch).Quote : null;
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

    // Excuses that say nothing about what went wrong ("we're busy", "it's policy"), unlike a named cause ("the courier lost it").
    private static readonly HashSet<string> PureExcuses = new(StringComparer.Ordinal) { "busy", "understaffed", "policy", "policies", "rules" };

    private static bool OnlyExcuses(Token[] tokens, int from, int to, IReadOnlyList<CueMatch> brushOffs)
    {
        if (brushOffs.Any(m => m.Start >= from && m.Start < to))
        {
            return true;
        }

        // "Sorry, I can't share that - it's our policy": an apology for a refusal is still an apology.
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Negated || tokens[k].Text == "not")
            {
                return false;
            }
        }

        for (var k = from; k < to; k++)
        {
            if (PureExcuses.Contains(tokens[k].Text) || (tokens[k].Text == "short" && k + 1 < to && tokens[k + 1].Text == "staffed"))
            {
                return true;
            }
        }

        return false;
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
