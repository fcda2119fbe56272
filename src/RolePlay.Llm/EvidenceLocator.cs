using RolePlay.Engine.Scoring;

namespace RolePlay.Llm;

/// <summary>Finds a model's evidence quote in the learner's reply and maps it back to an exact span.</summary>
/// <remarks>Tolerance: case, runs of whitespace, curly vs straight quotes and dashes, and quote marks or spaces around the
/// quote are ignored. Nothing else is: the quote must be one contiguous stretch of the reply (no ellipses, no paraphrase)
/// of at least <see cref="MinQuoteChars"/> non-space characters.</remarks>
public static class EvidenceLocator
{
    public const int MinQuoteChars = 3;

    public static EvidenceSpan? Locate(string reply, string? quote)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var trimmed = (quote ?? "").Trim().Trim('"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '`').Trim();
        var needle = UntrustedText.Normalize(trimmed);
        if (needle.Count(c => c != ' ') < MinQuoteChars)
        {
            return null;
        }

        var (haystack, map) = UntrustedText.NormalizeWithMap(reply);
        var at = haystack.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = map[at];
        var end = map[at + needle.Length - 1] + 1;
        if (char.IsHighSurrogate(reply[end - 1]) && end < reply.Length)
        {
            end++;
        }

        return new EvidenceSpan(start, end, reply[start..end]);
    }

    /// <summary>True when the span really is that stretch of the reply (used on spans from any scorer).</summary>
    public static bool IsGenuine(string reply, EvidenceSpan span)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(span);
        return span.Start >= 0 && span.End <= reply.Length && span.End > span.Start
            && string.Equals(reply[span.Start..span.End], span.Quote, StringComparison.Ordinal)
            && span.Quote.Count(c => !char.IsWhiteSpace(c)) >= MinQuoteChars;
    }

    public static bool Overlaps(EvidenceSpan a, EvidenceSpan b) => a.Start < b.End && b.Start < a.End;
}
