using System.Text.RegularExpressions;

namespace RolePlay.Llm;

/// <summary>The screen's view of a reply: whether an LLM judge may be trusted with it, and why not.</summary>
public sealed record ScreenResult(bool Suspicious, IReadOnlyList<string> Reasons)
{
    public static ScreenResult Clean { get; } = new(false, []);
}

/// <summary>Spots replies shaped like prompt injection, padding or non-English text, on which the LLM judge's verdict is not used.</summary>
/// <remarks>It is one layer of several (the prompt keeps the reply in a user message, evidence must be quoted verbatim, the
/// combined rule caps judge-only credits); false positives cost nothing but the judge's opinion, since the built-in scorer
/// still assesses the reply and the turn is flagged for review.</remarks>
public static partial class InjectionScreen
{
    public const int MaxReplyChars = 2000;

    private static readonly (Regex Pattern, string Reason)[] Rules =
    [
        (IgnoreInstructions(), "asks to ignore or replace instructions"),
        (AwardMarks(), "asks for marks or a verdict"),
        (RoleTag(), "contains chat role tags"),
        (RoleLine(), "contains a role-prefixed line"),
        (VerdictJson(), "contains a JSON-like verdict"),
        (CodeFence(), "contains a markdown code fence"),
        (AddressesGrader(), "addresses the assessor or model"),
        (LongToken(), "contains an encoded blob"),
        (InvisibleChars(), "contains invisible or direction-control characters"),
        (Repetition(), "contains padding or long repetition"),
    ];

    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.Ordinal)
    {
        "i", "you", "we", "the", "a", "an", "to", "and", "is", "it", "that", "of", "for", "in", "on", "with", "this", "your", "my",
        "can", "will", "be", "are", "have", "not", "sorry", "so", "if", "me", "us", "our", "what", "please", "thanks", "thank",
        "do", "at", "as", "was", "but", "or", "let", "know", "get", "am", "i'm", "i'll", "we'll", "that's", "it's", "can't",
    };

    public static ScreenResult Check(string? reply)
    {
        var text = reply ?? "";
        var reasons = new List<string>();
        if (text.Length > MaxReplyChars)
        {
            reasons.Add($"reply is longer than {MaxReplyChars} characters");
        }

        foreach (var (pattern, reason) in Rules)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    reasons.Add(reason);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                reasons.Add("reply is too convoluted to screen");
            }
        }

        if (LooksNonEnglish(text))
        {
            reasons.Add("reply does not look like English");
        }

        return reasons.Count == 0 ? ScreenResult.Clean : new ScreenResult(true, reasons);
    }

    /// <summary>Mostly non-Latin letters, or five or more words with almost no common English words among them.</summary>
    internal static bool LooksNonEnglish(string text)
    {
        var letters = text.Count(char.IsLetter);
        if (letters == 0)
        {
            return false;
        }

        var latin = text.Count(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'));
        if (latin < letters * 0.7)
        {
            return true;
        }

        var words = Word().Matches(text.ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToList();
        if (words.Count < 5)
        {
            return false;
        }

        var english = words.Count(EnglishFunctionWords.Contains);
        return english < Math.Max(1, words.Count * 0.08);
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|any|your|the|these|those|system)\b.{0,30}\b(instructions?|rules?|prompts?|guidelines?|directions?|rubric)\b|\bnew (instructions?|rules?|task)\b|\byou are now\b|\bfrom now on\b.{0,40}\b(you|respond|answer|output)\b|\bjailbreak|\bDAN\b|developer mode", RegexOptions.IgnoreCase | RegexOptions.Singleline, 200)]
    private static partial Regex IgnoreInstructions();

    [GeneratedRegex(@"\b(award|give|grant|assign|credit|score|rate)\b.{0,40}\b(full|all|maximum|max|every|top|perfect|10|ten|100)\s+(of\s+)?(the\s+)?(available\s+|possible\s+)?(marks?|points?(?!\s+of\b)|credits?|scores?|grades?|band)\b|\b(credited|credit(ed)?\s*=\s*true|mark(ed)? (it |this |me )?as (credited|passed|correct))\b|\b(score|grade|mark)\s*[:=]\s*\d|\bpass(es)? (all|every)\b|\b10\s*/\s*10\b", RegexOptions.IgnoreCase | RegexOptions.Singleline, 200)]
    private static partial Regex AwardMarks();

    [GeneratedRegex(@"<\|[^|>]{0,30}\|>|\[/?(INST|SYS|SYSTEM)\]|<</?SYS>>|</?(message|system|assistant|user|s|instructions?)\b[^>]{0,40}>|\brole\s*=\s*[""']?(system|assistant|developer)", RegexOptions.IgnoreCase, 200)]
    private static partial Regex RoleTag();

    [GeneratedRegex(@"(^|\n)\s*[#>*\[(]*\s*(system|assistant|developer|instruction|instructions|admin|grader|examiner|judge|evaluator)\s*[)\]*]*\s*[:>\-]", RegexOptions.IgnoreCase, 200)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"[{\[]\s*""[^""]{1,40}""\s*:|""(id|credited|evidence|rationale|marking_points|negatives|score|verdict)""", RegexOptions.IgnoreCase, 200)]
    private static partial Regex VerdictJson();

    [GeneratedRegex(@"```|~~~", RegexOptions.None, 200)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"\b(dear|attention|note (to|for)|hey|hi|hello)\s+(the\s+)?(ai|llm|model|grader|assessor|examiner|judge|evaluator|marker|scorer|language model|chatbot|gpt)\b|\b(as an? (ai|language model))\b|\b(the|this|any) (ai|llm|model|grader|judge|evaluator|marker|scorer)\s+(must|should|will|shall|needs to)\b|\b(assessor|examiner|marker)s?\s+(must|should|shall)\s+(award|give|credit|mark)", RegexOptions.IgnoreCase, 200)]
    private static partial Regex AddressesGrader();

    [GeneratedRegex(@"[A-Za-z0-9+/=_\-]{60,}", RegexOptions.None, 200)]
    private static partial Regex LongToken();

    [GeneratedRegex(@"[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uE000-\uF8FF]|[\uDB40][\uDC00-\uDC7F]", RegexOptions.None, 200)]
    private static partial Regex InvisibleChars();

    [GeneratedRegex(@"(.)\1{24,}|(\b\w+\b[\s,.!]+)\2{9,}", RegexOptions.Singleline, 500)]
    private static partial Regex Repetition();

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.None, 200)]
    private static partial Regex Word();
}
