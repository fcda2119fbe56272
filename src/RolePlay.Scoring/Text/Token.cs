namespace RolePlay.Scoring.Text;

/// <summary>What a token is made of.</summary>
internal enum TokenKind
{
    Word,
    Number,

    /// <summary>An emoji or other symbol, kept as itself ("🙄").</summary>
    Symbol,
}

/// <summary>
/// One normalised word of a text and the characters [Start, End) it came from. A contraction yields two tokens
/// with the same span ("won't" = "will" + "not").
/// </summary>
internal readonly record struct Token(string Text, int Start, int End, int Sentence, int Clause, TokenKind Kind, bool Negated, bool AllCaps)
{
    /// <summary>Inside quotation marks: words quoted or suggested ("maybe say 'I'll start it today'"), not the writer's own.</summary>
    public bool Quoted { get; init; }
}

/// <summary>A sentence: tokens [FirstToken, EndToken) and what closed it.</summary>
internal readonly record struct SentenceInfo(int FirstToken, int EndToken, int Start, int End, bool QuestionMark, int Exclamations)
{
    public int TokenCount => EndToken - FirstToken;
}
