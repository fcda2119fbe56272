using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>How rules recognise a person named in a text: a title ("Mrs Khan") or a capitalised word that is not a day or month.</summary>
internal static class PersonNames
{
    /// <summary>Titles that put a name after them.</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "mx", "dr", "coach" };

    /// <summary>Capitalised words that are not names: days, months and holidays.</summary>
    public static readonly HashSet<string> Calendar = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "christmas", "easter",
    };

    /// <summary>Token <paramref name="k"/> is written with a capital, is not in capitals, not "I" and not a day or month.</summary>
    public static bool LooksLikeAName(ReplyText text, int k)
    {
        var token = text.Tokens[k];
        return token.Kind == TokenKind.Word && token.Text != "i" && !token.AllCaps && char.IsUpper(text.Source[token.Start])
            && !Calendar.Contains(token.Text);
    }
}
