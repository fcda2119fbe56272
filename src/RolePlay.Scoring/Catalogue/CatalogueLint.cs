using RolePlay.Scoring.Rules;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Catalogue;

/// <summary>A cue as written in the catalogue file, with where it was written.</summary>
internal sealed record WrittenCue(string PointId, CueTier Tier, CuePattern Pattern, int Line, int Column);

/// <summary>
/// Finds cues that load but cannot work as written. An exception (<c>not_when</c>) cancels every cue match it overlaps,
/// so an exception that matches a cue's own words silently switches that cue off; authors have done this by accident.
/// </summary>
internal static class CatalogueLint
{
    public static IReadOnlyList<CatalogueWarning> Check(string file, Tokeniser tokeniser, IReadOnlyList<WrittenCue> cues)
    {
        var warnings = new List<CatalogueWarning>();
        foreach (var entry in cues.GroupBy(c => c.PointId, StringComparer.Ordinal))
        {
            var exceptions = entry.Where(c => c.Tier == CueTier.NotWhen).ToList();
            var seen = new Dictionary<string, WrittenCue>(StringComparer.Ordinal);
            foreach (var cue in entry)
            {
                var key = (cue.Pattern.Text.StartsWith('!') ? "!" : "") + string.Join(' ', cue.Pattern.Elements.Select(Describe));
                if (seen.TryGetValue(key, out var first))
                {
                    warnings.Add(new CatalogueWarning(file, cue.Line, cue.Column,
                        $"{cue.PointId}: cue '{cue.Pattern.Text}' is already listed at line {first.Line} ({Name(first.Tier)}); remove one"));
                    continue;
                }

                seen[key] = cue;
                if (LooksLikePhraseAlternatives(cue.Pattern.Text) is { } word)
                {
                    warnings.Add(new CatalogueWarning(file, cue.Line, cue.Column,
                        $"{cue.PointId}: cue '{cue.Pattern.Text}' repeats '{word}' around a '|', which offers single words only; "
                        + "for whole phrases write a group: '(you are|you would)'"));
                }

                if (cue.Tier == CueTier.NotWhen)
                {
                    continue;
                }

                var example = ExampleWording(cue.Pattern);
                var tokens = tokeniser.Tokenise(example).Tokens;
                if (cue.Pattern.MatchAt(tokens, 0, tokens.Length) < 0)
                {
                    continue;
                }

                foreach (var exception in exceptions)
                {
                    if (Enumerable.Range(0, tokens.Length).Any(start => exception.Pattern.MatchAt(tokens, start, tokens.Length) >= 0))
                    {
                        warnings.Add(new CatalogueWarning(file, cue.Line, cue.Column,
                            $"{cue.PointId}: {Name(cue.Tier)} cue '{cue.Pattern.Text}' can never count for \"{example}\": its own not_when "
                            + $"'{exception.Pattern.Text}' (line {exception.Line}) matches those words; narrow the not_when"));
                        break;
                    }
                }
            }
        }

        return warnings;
    }

    /// <summary>
    /// "you are|you would|you feel" reads as three phrases but is "you", then "are" or "you", then "would" or "you"...:
    /// a word repeated around single-word alternatives is the sign. Returns the repeated word, or null.
    /// </summary>
    internal static string? LooksLikePhraseAlternatives(string cue)
    {
        if (cue.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        var pieces = cue.TrimStart('!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!pieces[i].Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            var options = pieces[i].Split('|', StringSplitOptions.RemoveEmptyEntries);
            for (var j = 0; j < pieces.Length; j++)
            {
                if (j == i)
                {
                    continue;
                }

                foreach (var other in pieces[j].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (options.Contains(other, StringComparer.OrdinalIgnoreCase) && (pieces[j].Contains('|', StringComparison.Ordinal) || Math.Abs(i - j) == 1))
                    {
                        return other;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The plainest wording a cue matches: first alternative of each word, no gap words, a filler for '*'.</summary>
    internal static string ExampleWording(CuePattern pattern) => string.Join(' ', pattern.Elements.Select(element => element switch
    {
        PatternElement.Words words => words.Options[0],
        PatternElement.Prefix prefix => prefix.Start,
        PatternElement.AnyWord => "thing",
        PatternElement.FromLexicon lexicon => string.Join(' ', lexicon.Lexicon.FirstEntry),
        PatternElement.Phrases phrases => string.Join(' ', phrases.Options[^1]),
        _ => "",
    }).Where(word => word.Length > 0));

    private static string Describe(PatternElement element) => element switch
    {
        PatternElement.Words words => string.Join('|', words.Options),
        PatternElement.Prefix prefix => prefix.Start + "*",
        PatternElement.AnyWord => "*",
        PatternElement.Gap => "..",
        PatternElement.FromLexicon lexicon => "@" + lexicon.Lexicon.Name,
        PatternElement.Phrases phrases => "(" + string.Join('|', phrases.Options.Select(o => string.Join(' ', o))) + ")",
        _ => "?",
    };

    private static string Name(CueTier tier) => tier switch
    {
        CueTier.Strong => "strong",
        CueTier.Weak => "weak",
        _ => "not_when",
    };
}
