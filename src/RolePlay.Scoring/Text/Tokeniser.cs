using System.Collections.Frozen;
using System.Globalization;

namespace RolePlay.Scoring.Text;

/// <summary>A tokenised text: normalised tokens with character offsets, sentences, clauses and negation scopes.</summary>
internal sealed class ReplyText
{
    public ReplyText(string source, Token[] tokens, SentenceInfo[] sentences, int letters, int latinLetters, int upperLetters)
    {
        Source = source;
        Tokens = tokens;
        Sentences = sentences;
        Letters = letters;
        LatinLetters = latinLetters;
        UpperLetters = upperLetters;
        WordCount = tokens.Count(t => t.Kind == TokenKind.Word);
    }

    public string Source { get; }

    public Token[] Tokens { get; }

    public SentenceInfo[] Sentences { get; }

    public int Letters { get; }

    public int LatinLetters { get; }

    public int UpperLetters { get; }

    public int WordCount { get; }

    /// <summary>The sentence containing token <paramref name="index"/>.</summary>
    public SentenceInfo SentenceOf(int index) => Sentences[Tokens[index].Sentence];
}

/// <summary>Splits text into normalised tokens, sentences and clauses, and marks which tokens a negation reaches.</summary>
internal sealed class Tokeniser
{
    /// <summary>How many words after a negator it still applies to (within the clause).</summary>
    public const int NegationReach = 5;

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "will", "can", "do", "does", "did", "am", "is", "are", "was", "were", "have", "has", "had", "would", "could",
        "should", "shall", "must", "might", "may",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "st", "etc", "eg", "ie", "vs", "e", "g", "approx", "tel",
    }.ToFrozenSet(StringComparer.Ordinal);

    // After these words "ill" is the adjective ("she's ill", "fell ill"); elsewhere it is "I'll" typed without the apostrophe.
    private static readonly FrozenSet<string> IllAsAdjectiveAfter = new[]
    {
        "am", "is", "are", "was", "were", "be", "been", "being", "feel", "feels", "felt", "feeling", "fell", "falls", "fall",
        "very", "so", "really", "too", "quite", "seriously", "critically", "terminally", "mentally", "chronically", "become",
        "became", "got", "getting", "get", "look", "looks", "looked", "seem", "seems", "seemed", "an", "the", "of", "to",
        "taken", "gravely", "not", "off", "sick",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Normaliser _normaliser;
    private readonly FrozenSet<string> _negators;
    private readonly FrozenSet<string> _clauseBreaks;
    private readonly Lexicon _negationIdioms;

    /// <param name="normaliser">Spelling and contraction normaliser.</param>
    /// <param name="negators">Words that negate what follows them in their clause.</param>
    /// <param name="clauseBreaks">Words that end a clause without punctuation.</param>
    /// <param name="negationIdioms">
    /// Words that, right after a negator, make a set phrase whose negation ends with it ("no problem", "not a problem",
    /// "no questions asked"), so "no problem I'll swap it" still swaps it.
    /// </param>
    public Tokeniser(Normaliser normaliser, IEnumerable<string> negators, IEnumerable<string> clauseBreaks, IEnumerable<string>? negationIdioms = null)
    {
        _normaliser = normaliser;
        _negators = negators.Append("not").ToFrozenSet(StringComparer.Ordinal);
        _clauseBreaks = clauseBreaks.ToFrozenSet(StringComparer.Ordinal);
        _negationIdioms = new Lexicon(
            "negation_idioms",
            (negationIdioms ?? []).Select(idiom => idiom.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    public bool IsNegator(string word) => _negators.Contains(word);

    private const int KeptBuilderCapacity = 1024;

    [ThreadStatic]
    private static List<Token>? t_tokens;

    [ThreadStatic]
    private static List<SentenceInfo>? t_sentences;

    [ThreadStatic]
    private static List<string>? t_parts;

    public ReplyText Tokenise(string text)
    {
        // The builders are reused per thread: every scored reply and persona line is tokenised, and growing fresh lists
        // was a fifth of what scoring a reply allocated.
        var tokens = t_tokens ??= new List<Token>(256);
        var sentences = t_sentences ??= new List<SentenceInfo>(16);
        var parts = t_parts ??= new List<string>(2);
        tokens.Clear();
        sentences.Clear();
        parts.Clear();
        int letters = 0, latin = 0, upper = 0;
        int sentence = 0, clause = 0, sentenceFirstToken = 0, sentenceStart = -1;
        var i = 0;

        void CloseSentence(int endChar, bool question, int exclamations)
        {
            if (tokens.Count > sentenceFirstToken)
            {
                sentences.Add(new SentenceInfo(sentenceFirstToken, tokens.Count, sentenceStart, endChar, question, exclamations));
                sentence++;
                clause++;
                sentenceFirstToken = tokens.Count;
            }

            sentenceStart = -1;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                i++;
                continue;
            }

            if (IsWordStart(text, i))
            {
                var start = i;
                var hasLetter = false;
                var allUpper = true;
                var letterCount = 0;
                while (i < text.Length && IsWordPart(text, i, start))
                {
                    var ch = text[i];
                    if (char.IsLetter(ch))
                    {
                        hasLetter = true;
                        letterCount++;
                        letters++;
                        if (ch < '\u0250')
                        {
                            latin++;
                        }

                        if (char.IsUpper(ch))
                        {
                            upper++;
                        }
                        else
                        {
                            allUpper = false;
                        }
                    }

                    i++;
                }

                if (sentenceStart < 0)
                {
                    sentenceStart = start;
                }

                var raw = text.AsSpan(start, i - start);
                parts.Clear();
                if (hasLetter)
                {
                    _normaliser.Normalise(raw, parts);
                }
                else
                {
                    parts.Add(raw.ToString());
                }

                if (parts is ["ill"] && (tokens.Count == sentenceFirstToken || !IllAsAdjectiveAfter.Contains(tokens[^1].Text)))
                {
                    parts[0] = "i";
                    parts.Add("will");
                }

                foreach (var part in parts)
                {
                    if (_clauseBreaks.Contains(part) && tokens.Count > sentenceFirstToken)
                    {
                        clause++;
                    }

                    tokens.Add(new Token(part, start, i, sentence, clause, hasLetter ? TokenKind.Word : TokenKind.Number, false, hasLetter && allUpper && letterCount >= 2));
                }

                // "Mr. Smith" and "3.5" do not end a sentence.
                if (i < text.Length && text[i] == '.' && parts.Count == 1 && Abbreviations.Contains(parts[0]))
                {
                    i++;
                }

                continue;
            }

            if (IsSentenceEnd(c))
            {
                var question = false;
                var exclamations = 0;
                var endChar = i;
                while (i < text.Length && (IsSentenceEnd(text[i]) || text[i] is ' ' && i + 1 < text.Length && IsTerminalPunctuation(text[i + 1])))
                {
                    question |= text[i] is '?' or '\uFF1F';
                    exclamations += text[i] is '!' or '\uFF01' ? 1 : 0;
                    i++;
                }

                CloseSentence(endChar, question, exclamations);
                continue;
            }

            var category = char.GetUnicodeCategory(text, i);
            if (category is UnicodeCategory.OtherSymbol || (char.IsHighSurrogate(c) && category is UnicodeCategory.OtherSymbol or UnicodeCategory.OtherNotAssigned))
            {
                var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                if (sentenceStart < 0)
                {
                    sentenceStart = i;
                }

                tokens.Add(new Token(text.Substring(i, width), i, i + width, sentence, clause, TokenKind.Symbol, false, false));
                i += width;
                continue;
            }

            if (IsClauseBreak(text, i))
            {
                clause++;
            }

            i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }

        CloseSentence(text.Length, false, 0);
        var array = tokens.ToArray();
        if (tokens.Capacity > KeptBuilderCapacity)
        {
            // A reply near the length limit should not pin its token buffer to the thread for good.
            t_tokens = null;
        }

        ResolveApostropheS(text, array);
        MarkQuoted(text, array);
        MarkNegation(array);
        return new ReplyText(text, array, [.. sentences], letters, latin, upper);
    }

    // Past participles that turn "'s" into "has": "it's been", "what's happened", "she's gone".
    private static readonly FrozenSet<string> Participles = new[]
    {
        "been", "gone", "got", "had", "done", "made", "taken", "given", "sent", "left", "seen", "come", "become", "written",
        "spoken", "told", "said", "paid", "lost", "found", "kept", "brought", "bought", "put", "set", "run", "shown", "known",
        "broken", "chosen", "forgotten", "fallen", "held", "meant", "heard", "read", "caught", "thought", "taught", "won",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"'s" was expanded to "is"; before a past participle it is "has" ("it's been", "what's happened").</summary>
    private static void ResolveApostropheS(string text, Token[] tokens)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Text != "is" || token.End - token.Start < 3 || tokens[i + 1].Sentence != token.Sentence
                || text[token.End - 1] is not ('s' or 'S') || text[token.End - 2] is not ('\'' or '\u2019'))
            {
                continue;
            }

            var next = tokens[i + 1].Text;
            if (Participles.Contains(next) || (next.Length > 4 && next.EndsWith("ed", StringComparison.Ordinal)))
            {
                tokens[i] = token with { Text = "has" };
            }
        }
    }

    /// <summary>The longest stretch a pair of quotation marks may enclose; a stray mark must not swallow the reply.</summary>
    public const int MaxQuoteLength = 120;

    /// <summary>Marks tokens between an opening quotation mark and its closing mark (within <see cref="MaxQuoteLength"/>).</summary>
    private static void MarkQuoted(string text, Token[] tokens)
    {
        var t = 0;
        var i = 0;
        while (i < text.Length && t < tokens.Length)
        {
            if (!IsOpeningQuote(text, i))
            {
                i++;
                continue;
            }

            var close = -1;
            for (var j = i + 1; j < text.Length && j - i <= MaxQuoteLength && close < 0; j++)
            {
                close = IsClosingQuote(text, j, text[i]) ? j : -1;
            }

            if (close < 0)
            {
                i++;
                continue;
            }

            while (t < tokens.Length && tokens[t].Start < i)
            {
                t++;
            }

            for (; t < tokens.Length && tokens[t].Start < close; t++)
            {
                tokens[t] = tokens[t] with { Quoted = true };
            }

            i = close + 1;
        }
    }

    private static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u2018' or '\u2019' or '\u201C' or '\u201D';

    /// <summary>A quotation mark at the start of a word: after a space, bracket or start, before a letter or digit.</summary>
    private static bool IsOpeningQuote(string text, int i) =>
        IsQuoteMark(text[i]) && text[i] is not ('\u2019' or '\u201D')
        && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or ':')
        && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    /// <summary>The matching mark at the end of a word: not between two letters (that is an apostrophe).</summary>
    private static bool IsClosingQuote(string text, int j, char opening)
    {
        var c = text[j];
        var matches = opening switch
        {
            '"' => c is '"' or '\u201D',
            '\u201C' => c is '\u201D' or '"',
            _ => c is '\'' or '\u2019',
        };
        if (!matches || j == 0 || char.IsWhiteSpace(text[j - 1]))
        {
            return false;
        }

        return j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1]);
    }

    private void MarkNegation(Token[] tokens)
    {
        for (var n = 0; n < tokens.Length; n++)
        {
            if (!_negators.Contains(tokens[n].Text))
            {
                continue;
            }

            // "not only ... but" is not a negation of what follows.
            if (n + 1 < tokens.Length && tokens[n + 1].Text == "only")
            {
                continue;
            }

            var clause = tokens[n].Clause;
            if (n > 0 && tokens[n - 1].Clause == clause && Auxiliaries.Contains(tokens[n - 1].Text))
            {
                tokens[n - 1] = tokens[n - 1] with { Negated = true };
            }

            // Clause-crossing matches need no check: the loop below stops at the clause's end either way.
            var idiom = _negationIdioms.MatchAt(tokens, n + 1, tokens.Length);
            var reach = idiom > 0 ? idiom : NegationReach;
            var conditional = InConditional(tokens, n);
            var gerund = IsNegatedGerund(tokens, n);
            for (var j = n + 1; j < tokens.Length && j - n <= reach && tokens[j].Clause == clause; j++)
            {
                // "an hour not knowing where he was must have been frightening": the gerund phrase ends at the main verb.
                if (gerund && j > n + 1 && FiniteVerbs.Contains(tokens[j].Text))
                {
                    break;
                }

                // "If it's not done today I'm escalating": without a comma the main clause starts at its subject.
                // An elliptical "if not" ("If not I'll ring my manager") negates the condition left unsaid, not the main clause.
                if (conditional && (j > n + 1 || (n > 0 && tokens[n - 1].Text is "if" or "unless")) && MainClauseSubjects.Contains(tokens[j].Text))
                {
                    break;
                }

                tokens[j] = tokens[j] with { Negated = true };
            }
        }
    }

    /// <summary>"not knowing", "not hearing back": a negated gerund, whose negation covers its own phrase only ("not going to" is a future, not a gerund).</summary>
    private static bool IsNegatedGerund(Token[] tokens, int n) =>
        tokens[n].Text == "not" && n + 1 < tokens.Length && tokens[n + 1].Text.Length > 4 && tokens[n + 1].Text.EndsWith("ing", StringComparison.Ordinal)
        && tokens[n + 1].Text is not ("going" or "being" or "having" or "doing" or "getting" or "nothing" or "anything" or "something");

    private static readonly FrozenSet<string> FiniteVerbs = new[]
    {
        "must", "is", "was", "are", "were", "will", "would", "can", "could", "should", "has", "have", "had", "makes", "made", "feels", "felt",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MainClauseSubjects = new[] { "i", "we", "you", "they", "he", "she" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the negator at <paramref name="n"/> sits in a clause that opens with "if" or "unless".</summary>
    private static bool InConditional(Token[] tokens, int n)
    {
        var first = n;
        while (first > 0 && tokens[first - 1].Clause == tokens[n].Clause)
        {
            first--;
        }

        return tokens[first].Text is "if" or "unless";
    }

    private static bool IsWordStart(string text, int i) =>
        char.IsLetterOrDigit(text[i]) && !char.IsSurrogate(text[i]) || char.IsSurrogatePair(text, i) && char.IsLetter(text, i);

    private static bool IsWordPart(string text, int i, int start)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (char.IsSurrogatePair(text, i) || (char.IsLowSurrogate(c) && i > start && char.IsHighSurrogate(text[i - 1])))
        {
            return char.IsLetter(text, char.IsLowSurrogate(c) ? i - 1 : i);
        }

        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return i > start;
        }

        var prev = i > start ? text[i - 1] : '\0';
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return c switch
        {
            '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' => char.IsLetter(prev) && char.IsLetter(next),
            '.' or ':' or ',' => char.IsDigit(prev) && char.IsDigit(next),
            '%' => char.IsDigit(prev),
            _ => false,
        };
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '\u2026' or '\n' or '\r' or '\u3002' or '\uFF01' or '\uFF1F';

    private static bool IsTerminalPunctuation(char c) => c is '.' or '!' or '?';

    private static bool IsClauseBreak(string text, int i)
    {
        var c = text[i];
        if (c is ',' or ';' or ':' or '(' or ')' or '"' or '\u201C' or '\u201D' or '\u2014' or '\u2013' or '[' or ']')
        {
            return true;
        }

        // A dash with a space beside it is punctuation, not a hyphenated word.
        return c == '-' && ((i > 0 && char.IsWhiteSpace(text[i - 1])) || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])));
    }
}
