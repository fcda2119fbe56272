using System.Text;

namespace RolePlay.Llm;

/// <summary>Helpers for text a learner (or a model) wrote: sanitising and whitespace/case-tolerant matching.</summary>
public static class UntrustedText
{
    /// <summary>Removes control characters (keeping tab/newline) and unpaired surrogates, which would break rendering.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }

                continue;
            }

            if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Cuts text to a maximum length, marking the cut.</summary>
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), " [...]");

    /// <summary>Lower case, curly quotes and dashes folded, whitespace runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string text) => NormalizeWithMap(text).Text;

    /// <summary>True when <paramref name="needle"/> occurs in <paramref name="haystack"/> under <see cref="Normalize"/>.</summary>
    public static bool ContainsNormalized(string haystack, string needle)
    {
        var n = Normalize(needle);
        return n.Length > 0 && Normalize(haystack).Contains(n, StringComparison.Ordinal);
    }

    /// <summary>Normalised text plus, for each of its characters, the index in the original it came from.</summary>
    internal static (string Text, int[] Map) NormalizeWithMap(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                builder.Append(' ');
                map.Add(pendingSpace);
                pendingSpace = -1;
            }

            builder.Append(char.ToLowerInvariant(c));
            map.Add(i);
        }

        return (builder.ToString(), map.ToArray());
    }

    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
        '\u2013' or '\u2014' or '\u2212' => '-',
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        _ => c,
    };
}
