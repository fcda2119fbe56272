using Superpower;
using Superpower.Display;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace RolePlay.Engine.Conditions;

/// <summary>Tokens of the condition language.</summary>
public enum ConditionToken
{
    None,
    Identifier,
    Number,
    [Token(Category = "keyword", Example = "and")] And,
    [Token(Category = "keyword", Example = "or")] Or,
    [Token(Category = "keyword", Example = "not")] Not,
    [Token(Category = "keyword", Example = "true")] True,
    [Token(Category = "keyword", Example = "false")] False,
    [Token(Example = "(")] LParen,
    [Token(Example = ")")] RParen,
    [Token(Category = "comparison", Example = "<")] Less,
    [Token(Category = "comparison", Example = "<=")] LessOrEqual,
    [Token(Category = "comparison", Example = ">")] Greater,
    [Token(Category = "comparison", Example = ">=")] GreaterOrEqual,
    [Token(Category = "comparison", Example = "==")] Equal,
    [Token(Category = "comparison", Example = "!=")] NotEqual,
}

/// <summary>A syntax error in a condition, with its 0-based offset in the condition text.</summary>
public sealed record ConditionSyntaxError(string Message, int Offset);

/// <summary>Parses guard and line-variant conditions such as <c>apology and not blame and anger &lt;= 6</c>.</summary>
public static class ConditionParser
{
    private static readonly Tokenizer<ConditionToken> Tokenizer = new TokenizerBuilder<ConditionToken>()
        .Ignore(Span.WhiteSpace)
        .Match(Span.EqualTo("&&"), ConditionToken.And)
        .Match(Span.EqualTo("||"), ConditionToken.Or)
        .Match(Span.EqualTo("<="), ConditionToken.LessOrEqual)
        .Match(Span.EqualTo(">="), ConditionToken.GreaterOrEqual)
        .Match(Span.EqualTo("=="), ConditionToken.Equal)
        .Match(Span.EqualTo("!="), ConditionToken.NotEqual)
        .Match(Character.EqualTo('<'), ConditionToken.Less)
        .Match(Character.EqualTo('>'), ConditionToken.Greater)
        .Match(Character.EqualTo('='), ConditionToken.Equal)
        .Match(Character.EqualTo('!'), ConditionToken.Not)
        .Match(Character.EqualTo('('), ConditionToken.LParen)
        .Match(Character.EqualTo(')'), ConditionToken.RParen)
        .Match(Numerics.Decimal, ConditionToken.Number, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("and"), ConditionToken.And, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("or"), ConditionToken.Or, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("not"), ConditionToken.Not, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("true"), ConditionToken.True, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("false"), ConditionToken.False, requireDelimiters: true)
        .Match(Identifier.CStyle, ConditionToken.Identifier, requireDelimiters: true)
        .Build();

    private static readonly TokenListParser<ConditionToken, ConditionExpr> Name =
        Token.EqualTo(ConditionToken.Identifier)
            .Select(t => (ConditionExpr)new NameExpr(t.ToStringValue(), t.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, ConditionExpr> NumberLiteral =
        Token.EqualTo(ConditionToken.Number)
            .Select(t => (ConditionExpr)new NumberExpr(
                double.Parse(t.ToStringValue(), System.Globalization.CultureInfo.InvariantCulture), t.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, ConditionExpr> BoolLiteral =
        Token.EqualTo(ConditionToken.True).Select(t => (ConditionExpr)new BoolExpr(true, t.Position.Absolute))
            .Or(Token.EqualTo(ConditionToken.False).Select(t => (ConditionExpr)new BoolExpr(false, t.Position.Absolute)));

    private static readonly TokenListParser<ConditionToken, ConditionExpr> Parenthesised =
        from open in Token.EqualTo(ConditionToken.LParen)
        from inner in Superpower.Parse.Ref(() => OrExpr!)
        from close in Token.EqualTo(ConditionToken.RParen)
        select inner;

    private static readonly TokenListParser<ConditionToken, ConditionExpr> Primary =
        Parenthesised.Or(NumberLiteral).Or(BoolLiteral).Or(Name).Named("name, number or '('");

    private static readonly TokenListParser<ConditionToken, Token<ConditionToken>> ComparisonOperator =
        Token.EqualTo(ConditionToken.LessOrEqual)
            .Or(Token.EqualTo(ConditionToken.GreaterOrEqual))
            .Or(Token.EqualTo(ConditionToken.Less))
            .Or(Token.EqualTo(ConditionToken.Greater))
            .Or(Token.EqualTo(ConditionToken.Equal))
            .Or(Token.EqualTo(ConditionToken.NotEqual));

    private static readonly TokenListParser<ConditionToken, ConditionExpr> Comparison =
        from left in Primary
        from rest in (from op in ComparisonOperator
                      from right in Primary
                      select (op, right)).OptionalOrDefault()
        select rest.op.HasValue
            ? new BinaryExpr(ToOperator(rest.op.Kind), left, rest.right, rest.op.Position.Absolute)
            : left;

    private static readonly TokenListParser<ConditionToken, ConditionExpr> Unary =
        (from not in Token.EqualTo(ConditionToken.Not)
         from operand in Superpower.Parse.Ref(() => Unary!)
         select (ConditionExpr)new NotExpr(operand, not.Position.Absolute))
        .Or(Comparison);

    private static readonly TokenListParser<ConditionToken, ConditionExpr> AndExpr =
        Superpower.Parse.Chain(Token.EqualTo(ConditionToken.And), Unary,
            (op, left, right) => new BinaryExpr(BinaryOperator.And, left, right, op.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, ConditionExpr> OrExpr =
        Superpower.Parse.Chain(Token.EqualTo(ConditionToken.Or), AndExpr,
            (op, left, right) => new BinaryExpr(BinaryOperator.Or, left, right, op.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, ConditionExpr> Whole = OrExpr.AtEnd();

    /// <summary>Parses a condition; on failure returns the error and its offset instead of throwing.</summary>
    public static (ConditionExpr? Expression, ConditionSyntaxError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new ConditionSyntaxError("the condition is empty", 0));
        }

        var tokens = Tokenizer.TryTokenize(text);
        if (!tokens.HasValue)
        {
            var offset = tokens.ErrorPosition.HasValue ? tokens.ErrorPosition.Absolute : 0;
            return (null, new ConditionSyntaxError(tokens.FormatErrorMessageFragment(), offset));
        }

        if (TooDeep(tokens.Value) is { } tooDeep)
        {
            return (null, tooDeep);
        }

        var parsed = Whole.TryParse(tokens.Value);
        if (!parsed.HasValue)
        {
            var offset = parsed.ErrorPosition.HasValue ? parsed.ErrorPosition.Absolute : text.Length;
            return (null, new ConditionSyntaxError(parsed.FormatErrorMessageFragment(), offset));
        }

        return (parsed.Value, null);
    }

    /// <summary>Most parentheses open at once, and most 'not's, in one condition; hand-written guards use a few.</summary>
    public const int MaxNesting = 50;

    // The parser recurses once per '(' and per 'not'; a hostile file with thousands of them would overflow the
    // stack and kill the process, which no catch can stop. Refuse such conditions before parsing.
    private static ConditionSyntaxError? TooDeep(TokenList<ConditionToken> tokens)
    {
        var depth = 0;
        var nots = 0;
        foreach (var token in tokens)
        {
            depth += token.Kind switch
            {
                ConditionToken.LParen => 1,
                ConditionToken.RParen => -1,
                _ => 0,
            };
            nots += token.Kind == ConditionToken.Not ? 1 : 0;
            if (depth > MaxNesting || nots > MaxNesting)
            {
                return new ConditionSyntaxError($"the condition nests too deeply (more than {MaxNesting} parentheses or 'not's)", token.Position.Absolute);
            }
        }

        return null;
    }

    private static BinaryOperator ToOperator(ConditionToken token) => token switch
    {
        ConditionToken.Less => BinaryOperator.Less,
        ConditionToken.LessOrEqual => BinaryOperator.LessOrEqual,
        ConditionToken.Greater => BinaryOperator.Greater,
        ConditionToken.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        ConditionToken.Equal => BinaryOperator.Equal,
        ConditionToken.NotEqual => BinaryOperator.NotEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(token)),
    };
}
