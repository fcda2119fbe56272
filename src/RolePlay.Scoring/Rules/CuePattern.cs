using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>One element of a compiled cue pattern.</summary>
internal abstract record PatternElement
{
    /// <summary>A word, or one of several single words.</summary>
    public sealed record Words(string[] Options) : PatternElement;

    /// <summary>A word starting with a prefix (<c>apolog*</c>).</summary>
    public sealed record Prefix(string Start) : PatternElement;

    /// <summary>Any one word (<c>*</c>).</summary>
    public sealed record AnyWord : PatternElement;

    /// <summary>A gap of 0 to <see cref="CuePattern.MaxGap"/> words (<c>..</c>).</summary>
    public sealed record Gap : PatternElement;

    /// <summary>A word or phrase from a named lexicon (<c>@feeling_anger</c>).</summary>
    public sealed record FromLexicon(Lexicon Lexicon) : PatternElement;

    /// <summary>One of several phrases (<c>(he is|she is|they are)</c>), longest first.</summary>
    public sealed record Phrases(string[][] Options) : PatternElement;
}

/// <summary>
/// A compiled cue pattern, matched against the normalised tokens of one sentence. Matching is a bounded walk over a
/// handful of elements (gaps are at most <see cref="MaxGap"/> words), so it cannot blow up on hostile input.
/// </summary>
internal sealed class CuePattern
{
    public const int MaxGap = 3;

    private CuePattern(string text, PatternElement[] elements, bool bearsNegation, bool lexiconBearsNegation = false)
    {
        LexiconBearsNegation = lexiconBearsNegation;
        Text = text;
        Elements = elements;
        BearsNegation = bearsNegation;
    }

    public string Text { get; }

    public PatternElement[] Elements { get; }

    /// <summary>True when the pattern itself contains a negation ("can't share") or is a '!' topic cue, so a negation does not cancel it.</summary>
    public bool BearsNegation { get; }

    /// <summary>True when a lexicon of the pattern has negated entries ("never told"): a negation starting inside the match is its own.</summary>
    public bool LexiconBearsNegation { get; }

    /// <summary>Compiles <paramref name="text"/>; returns null and an error message when it is malformed.</summary>
    public static CuePattern? TryParse(string text, Normaliser normaliser, Tokeniser tokeniser, IReadOnlyDictionary<string, Lexicon> lexicons, out string error)
    {
        error = "";
        // A leading '!' marks a topic cue ("!data protection") that counts even inside a negation's reach:
        // "that isn't allowed under data protection" is still about data protection.
        var ignoresNegation = text.StartsWith('!');
        var body = ignoresNegation ? text[1..] : text;
        var elements = new List<PatternElement>();
        var words = new List<string>(2);
        if (!TrySplitPieces(body, out var pieces))
        {
            error = $"cue '{text}' has an unclosed '(' or a stray ')'";
            return null;
        }

        foreach (var piece in pieces)
        {
            if (piece.StartsWith('('))
            {
                var options = new List<string[]>();
                foreach (var option in piece[1..^1].Split('|', StringSplitOptions.TrimEntries))
                {
                    var tokens = tokeniser.Tokenise(option).Tokens;
                    if (tokens.Length == 0)
                    {
                        error = $"cue '{text}': a group has an empty alternative";
                        return null;
                    }

                    options.Add([.. tokens.Select(t => t.Text)]);
                }

                elements.Add(new PatternElement.Phrases([.. options.OrderByDescending(o => o.Length)]));
            }
            else if (piece == "*")
            {
                elements.Add(new PatternElement.AnyWord());
            }
            else if (piece == "..")
            {
                elements.Add(new PatternElement.Gap());
            }
            else if (piece.StartsWith('@'))
            {
                if (!lexicons.TryGetValue(piece[1..], out var lexicon))
                {
                    error = $"cue '{text}' uses unknown lexicon '{piece}'";
                    return null;
                }

                elements.Add(new PatternElement.FromLexicon(lexicon));
            }
            else if (piece.Contains('|', StringComparison.Ordinal))
            {
                var options = new List<string>();
                foreach (var option in piece.Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    var tokens = tokeniser.Tokenise(option).Tokens;
                    if (tokens.Length != 1)
                    {
                        error = $"cue '{text}': alternative '{option}' must be a single word";
                        return null;
                    }

                    options.Add(tokens[0].Text);
                }

                elements.Add(new PatternElement.Words([.. options]));
            }
            else if (piece.Length > 1 && piece.EndsWith('*'))
            {
                words.Clear();
                normaliser.Normalise(piece.AsSpan(0, piece.Length - 1), words);
                if (words.Count != 1)
                {
                    error = $"cue '{text}': prefix '{piece}' must be a single word";
                    return null;
                }

                elements.Add(new PatternElement.Prefix(words[0]));
            }
            else
            {
                foreach (var token in tokeniser.Tokenise(piece).Tokens)
                {
                    elements.Add(new PatternElement.Words([token.Text]));
                }
            }
        }

        if (elements.Count == 0 || elements[0] is PatternElement.Gap or PatternElement.AnyWord || elements[^1] is PatternElement.Gap or PatternElement.AnyWord)
        {
            error = elements.Count == 0 ? "empty cue" : $"cue '{text}' must start and end with a word or lexicon";
            return null;
        }

        var bearsNegation = ignoresNegation
            || elements.Any(e => e is PatternElement.Words w && w.Options.Any(tokeniser.IsNegator))
            || elements.Any(e => e is PatternElement.Phrases p && p.Options.Any(o => o.Any(tokeniser.IsNegator)));
        var lexiconBearsNegation = elements.Any(e => e is PatternElement.FromLexicon l && l.Lexicon.AnyWord(tokeniser.IsNegator));
        return new CuePattern(text, [.. elements], bearsNegation, lexiconBearsNegation);
    }

    /// <summary>
    /// Splits a cue into pieces at spaces, keeping a parenthesised group of phrases ("(find out|notice)") as one piece.
    /// False when a parenthesis is unbalanced or nested.
    /// </summary>
    private static bool TrySplitPieces(string body, out List<string> pieces)
    {
        pieces = [];
        var current = new System.Text.StringBuilder();
        var inGroup = false;
        foreach (var c in body)
        {
            if (c == '(' && !inGroup && current.Length == 0)
            {
                inGroup = true;
            }
            else if (c == '(' || (c == ')' && !inGroup))
            {
                return false;
            }
            else if (c == ')')
            {
                inGroup = false;
                current.Append(c);
                pieces.Add(current.ToString());
                current.Clear();
                continue;
            }

            if (c == ' ' && !inGroup)
            {
                if (current.Length > 0)
                {
                    pieces.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(c);
        }

        if (inGroup)
        {
            return false;
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return true;
    }

    /// <summary>End (exclusive) of a match starting at <paramref name="start"/> and staying before <paramref name="limit"/>, or -1.</summary>
    public int MatchAt(Token[] tokens, int start, int limit) => Match(tokens, 0, start, limit);

    private int Match(Token[] tokens, int element, int position, int limit)
    {
        if (element == Elements.Length)
        {
            return position;
        }

        switch (Elements[element])
        {
            case PatternElement.Gap:
                for (var skip = 0; skip <= MaxGap && position + skip <= limit; skip++)
                {
                    var end = Match(tokens, element + 1, position + skip, limit);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                return -1;
            case PatternElement.FromLexicon lexicon:
                var length = lexicon.Lexicon.MatchAt(tokens, position, limit);
                return length == 0 ? -1 : Match(tokens, element + 1, position + length, limit);
            case PatternElement.Phrases phrases:
                foreach (var option in phrases.Options)
                {
                    if (StartsWith(tokens, position, limit, option) && Match(tokens, element + 1, position + option.Length, limit) is var end and >= 0)
                    {
                        return end;
                    }
                }

                return -1;
            default:
                if (position >= limit || !ElementMatches(Elements[element], tokens[position].Text))
                {
                    return -1;
                }

                return Match(tokens, element + 1, position + 1, limit);
        }
    }

    private static bool StartsWith(Token[] tokens, int position, int limit, string[] phrase)
    {
        if (position + phrase.Length > limit)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(tokens[position + i].Text, phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ElementMatches(PatternElement element, string word) => element switch
    {
        PatternElement.Words w => w.Options.Length == 1 ? string.Equals(w.Options[0], word, StringComparison.Ordinal) : Array.IndexOf(w.Options, word) >= 0,
        PatternElement.Prefix p => word.StartsWith(p.Start, StringComparison.Ordinal),
        PatternElement.AnyWord => true,
        _ => false,
    };

    public override string ToString() => Text;
}
