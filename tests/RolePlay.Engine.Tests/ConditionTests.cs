using System.Globalization;
using RolePlay.Engine.Conditions;
using RolePlay.Engine.Model;

namespace RolePlay.Engine.Tests;

/// <summary>The guard language: parsing, precedence, type checking, evaluation and robustness.</summary>
public sealed class ConditionTests
{
    [Theory]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("a and b or c", "((a and b) or c)")]
    [InlineData("a or b or c", "((a or b) or c)")]
    [InlineData("a and b and c", "((a and b) and c)")]
    [InlineData("not a and b", "((not a) and b)")]
    [InlineData("not a or not b", "((not a) or (not b))")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("x > 1 and y <= 2", "((x > 1) and (y <= 2))")]
    [InlineData("a or x == 3", "(a or (x == 3))")]
    [InlineData("not x > 2", "(not (x > 2))")] // the only well-typed reading: comparisons bind tighter than 'not'
    [InlineData("(a or b) and c", "((a or b) and c)")]
    [InlineData("a and (b or c)", "(a and (b or c))")]
    [InlineData("((a))", "a")]
    [InlineData("a && b || !c", "((a and b) or (not c))")]
    [InlineData("A AND NOT b Or c", "((A and (not b)) or c)")]
    [InlineData("x != 1", "(x != 1)")]
    [InlineData("x = 1", "(x == 1)")]
    [InlineData("x>=1&&y<2", "((x >= 1) and (y < 2))")]
    [InlineData("score >= 6.5", "(score >= 6.5)")]
    [InlineData("TRUE or False", "(True or False)")]
    [InlineData("order and android or notable and truth", "((order and android) or (notable and truth))")]
    public void Parses_with_the_documented_precedence(string text, string expected)
    {
        var (expression, error) = ConditionParser.Parse(text);

        Assert.Null(error);
        Assert.Equal(expected, Render(expression!));
    }

    [Fact]
    public void Offsets_point_at_names_and_operators()
    {
        var (expression, _) = ConditionParser.Parse("apology and anger <= 6");

        var and = Assert.IsType<BinaryExpr>(expression);
        Assert.Equal(8, and.Offset);
        Assert.Equal(new NameExpr("apology", 0), and.Left);
        var comparison = Assert.IsType<BinaryExpr>(and.Right);
        Assert.Equal(BinaryOperator.LessOrEqual, comparison.Operator);
        Assert.Equal(18, comparison.Offset);
        Assert.Equal(new NameExpr("anger", 12), comparison.Left);
        Assert.Equal(new NumberExpr(6, 21), comparison.Right);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("and apology", 0)]
    [InlineData("apology and", 11)]
    [InlineData("apology and and anger", 12)]
    [InlineData("(apology", 8)]
    [InlineData("apology)", 7)]
    [InlineData("apology anger", 8)]
    [InlineData("apology $ anger", 8)]
    [InlineData("anger > > 2", 8)]
    [InlineData("anger < 2 < 3", 10)]
    [InlineData("2abc", 0)]
    public void Syntax_errors_report_the_offset_of_the_bad_token(string text, int offset)
    {
        var (expression, error) = ConditionParser.Parse(text);

        Assert.Null(expression);
        Assert.NotNull(error);
        Assert.Equal(offset, error.Offset);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("apology and not blame", true)]
    [InlineData("apology and blame", false)]
    [InlineData("empathy or apology", true)]
    [InlineData("empathy", false)]
    [InlineData("not empathy", true)]
    [InlineData("anger >= 7", true)]
    [InlineData("anger > 7", false)]
    [InlineData("anger == 7 and trust != 7", true)]
    [InlineData("anger < 7 or trust <= 2", true)]
    [InlineData("score >= 6.5", true)]
    [InlineData("score > 6.75", false)]
    [InlineData("turn == 3", true)]
    [InlineData("unknown_flag", false)]
    [InlineData("missing_number == 0", true)]
    [InlineData("true and not false", true)]
    [InlineData("(apology or empathy) and anger >= 7 and not (blame or aggression)", true)]
    [InlineData("apology and (anger < 5 or score > 9)", false)]
    [InlineData("2 > 1", true)]
    public void Evaluates_over_a_scope(string text, bool expected)
    {
        var scope = new DictionaryScope(
            flags: ["apology"],
            numbers: new() { ["anger"] = 7, ["trust"] = 2, ["score"] = 6.75, ["turn"] = 3 });
        var (expression, error) = ConditionParser.Parse(text);
        Assert.Null(error);
        var condition = new Condition(text, expression!, new SourcePosition(1, 1));

        Assert.Equal(expected, condition.Evaluate(scope));
    }

    [Fact]
    public void Names_lists_every_name_with_its_offset()
    {
        var (expression, _) = ConditionParser.Parse("apology and not (blame or anger > 2)");
        var condition = new Condition("", expression!, new SourcePosition(5, 10));

        Assert.Equal([("apology", 0), ("blame", 17), ("anger", 26)], condition.Names().Select(n => (n.Name, n.Offset)));
        Assert.Equal(new SourcePosition(5, 36), condition.PositionOf(26));
    }

    [Theory]
    [InlineData("apology and anger <= 6", null)]
    [InlineData("anger and apology", "'and' combines yes/no values")]
    [InlineData("apology > 2", "'>' compares numbers")]
    [InlineData("anger", "a number, not yes/no")]
    [InlineData("not anger", "'not' needs a yes/no value")]
    [InlineData("score + 1", null)]
    public void Checker_keeps_flags_and_numbers_apart(string text, string? problem)
    {
        var (expression, error) = ConditionParser.Parse(text);
        if (error is not null)
        {
            Assert.Null(problem); // "score + 1" is not in the language at all
            Assert.Equal(6, error.Offset);
            return;
        }

        var problems = ConditionChecker.Check(expression!, Lookup);

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => !p.IsUnknownName && p.Message.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Checker_reports_unknown_names_with_offsets()
    {
        var (expression, _) = ConditionParser.Parse("apology and angr <= 6 or blam");

        var problems = ConditionChecker.Check(expression!, Lookup);

        Assert.Equal([("angr", 12), ("blam", 25)], problems.Where(p => p.IsUnknownName).Select(p => (p.Name, p.Offset)));
    }

    [Fact]
    public void Random_token_soup_never_throws()
    {
        string[] pieces =
        [
            "apology", "anger", "score", "turn", "and", "or", "not", "AND", "Or", "&&", "||", "!", "(", ")", "<", "<=", ">", ">=",
            "==", "!=", "=", "1", "2.5", "0.", ".5", "-3", "true", "FALSE", "$", "'", "\"", "\t", "é", "_x", "9a", "a9", "&", "|",
            "\n", "1e5", "99999999999999999999999999999999999", "\u0000", "\uD800",
        ];
        var random = new Random(20261123);
        for (var i = 0; i < 3000; i++)
        {
            var count = random.Next(0, 12);
            var separator = random.Next(3) == 0 ? "" : " ";
            var text = string.Join(separator, Enumerable.Range(0, count).Select(_ => pieces[random.Next(pieces.Length)]));

            var (expression, error) = ConditionParser.Parse(text);

            Assert.True((expression is null) != (error is null), text);
            if (error is not null)
            {
                Assert.InRange(error.Offset, 0, text.Length);
                continue;
            }

            var problems = ConditionChecker.Check(expression!, Lookup);
            var condition = new Condition(text, expression!, new SourcePosition(1, 1));
            _ = condition.Evaluate(new DictionaryScope(["apology"], new() { ["anger"] = 3 }));
            Assert.All(problems, p => Assert.InRange(p.Offset, 0, text.Length));
        }
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        // Parsing recurses per level; run it on a thread with a small stack so that a regression fails this test
        // (by reporting) rather than taking the test host down in a way that hides which input did it.
        string[] texts =
        [
            new string('(', 5000) + "apology" + new string(')', 5000),
            string.Concat(Enumerable.Repeat("not ", 5000)) + "apology",
        ];
        foreach (var text in texts)
        {
            (ConditionExpr? Expression, ConditionSyntaxError? Error) result = default;
            var thread = new Thread(() => result = ConditionParser.Parse(text), maxStackSize: 1024 * 1024);
            thread.Start();
            thread.Join();

            Assert.Null(result.Expression);
            Assert.NotNull(result.Error);
            Assert.Contains("nests too deeply", result.Error.Message, StringComparison.Ordinal);
            Assert.Equal(ConditionParser.MaxNesting * (text[0] == '(' ? 1 : 4), result.Error.Offset);
        }
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_on_a_small_stack()
    {
        var depth = ConditionParser.MaxNesting;
        var text = new string('(', depth) + "apology" + new string(')', depth) + " and " + string.Concat(Enumerable.Repeat("not ", depth)) + "blame";

        (ConditionExpr? Expression, ConditionSyntaxError? Error) result = default;
        var thread = new Thread(() => result = ConditionParser.Parse(text), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(result.Error);
        Assert.NotNull(result.Expression);
    }

    private static ConditionType? Lookup(string name) => name switch
    {
        "apology" or "empathy" or "blame" => ConditionType.Flag,
        "anger" or "trust" or "score" or "turn" => ConditionType.Number,
        _ => null,
    };

    internal static string Render(ConditionExpr expr) => expr switch
    {
        NameExpr n => n.Name,
        NumberExpr n => n.Value.ToString(CultureInfo.InvariantCulture),
        BoolExpr b => b.Value.ToString(),
        NotExpr n => $"(not {Render(n.Operand)})",
        BinaryExpr b => $"({Render(b.Left)} {ConditionChecker.Symbol(b.Operator)} {Render(b.Right)})",
        _ => throw new ArgumentOutOfRangeException(nameof(expr)),
    };


    private sealed class DictionaryScope(string[] flags, Dictionary<string, double> numbers) : IConditionScope
    {
        public bool GetFlag(string name) => flags.Contains(name);

        public double GetNumber(string name) => numbers.TryGetValue(name, out var value) ? value : 0;
    }
}
