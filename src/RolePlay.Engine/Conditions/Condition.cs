using RolePlay.Engine.Model;

namespace RolePlay.Engine.Conditions;

/// <summary>The two value types of the condition language.</summary>
public enum ConditionType
{
    /// <summary>Yes/no: a marking point credited, a negative behaviour detected, a comparison.</summary>
    Flag,

    /// <summary>A number: a state variable, <c>score</c> or <c>turn</c>.</summary>
    Number,
}

/// <summary>A parsed condition with the text it came from and where that text starts in the file.</summary>
public sealed record Condition(string Text, ConditionExpr Expression, SourcePosition Position)
{
    /// <summary>False when the text failed to parse; such a condition never holds.</summary>
    public bool IsValid { get; init; } = true;

    /// <summary>The file position of a 0-based offset into <see cref="Text"/> (single-line conditions map exactly).</summary>
    public SourcePosition PositionOf(int offset) =>
        Position.Line == 0 ? Position : new SourcePosition(Position.Line, Position.Column + offset);

    public bool Evaluate(IConditionScope scope) => ConditionEvaluator.IsTrue(Expression, scope);

    /// <summary>Every name the condition mentions, with its offset.</summary>
    public IEnumerable<NameExpr> Names() => Walk(Expression).OfType<NameExpr>();

    private static IEnumerable<ConditionExpr> Walk(ConditionExpr expr)
    {
        yield return expr;
        IEnumerable<ConditionExpr> children = expr switch
        {
            NotExpr n => Walk(n.Operand),
            BinaryExpr b => Walk(b.Left).Concat(Walk(b.Right)),
            _ => [],
        };
        foreach (var child in children)
        {
            yield return child;
        }
    }

    public override string ToString() => Text;
}

/// <summary>Values a condition reads while a session runs.</summary>
public interface IConditionScope
{
    /// <summary>A marking point credited or a negative detected on the reply being routed; false when unknown.</summary>
    bool GetFlag(string name);

    /// <summary>A variable, <c>score</c> or <c>turn</c>; 0 when unknown.</summary>
    double GetNumber(string name);
}

/// <summary>Type-checks a condition against the names a scenario knows.</summary>
public static class ConditionChecker
{
    /// <summary>A problem found while checking, at a 0-based offset of the condition text.</summary>
    public sealed record Problem(bool IsUnknownName, string Name, string Message, int Offset);

    /// <summary>Returns the problems; a well-typed condition yields a flag and no problems.</summary>
    public static IReadOnlyList<Problem> Check(ConditionExpr expression, Func<string, ConditionType?> lookup)
    {
        var problems = new List<Problem>();
        var type = TypeOf(expression, lookup, problems);
        if (type == ConditionType.Number && problems.Count == 0)
        {
            problems.Add(new Problem(false, "", "the condition is a number, not yes/no; compare it, e.g. 'score >= 6'", expression.Offset));
        }

        return problems;
    }

    private static ConditionType? TypeOf(ConditionExpr expr, Func<string, ConditionType?> lookup, List<Problem> problems)
    {
        switch (expr)
        {
            case NumberExpr:
                return ConditionType.Number;
            case BoolExpr:
                return ConditionType.Flag;
            case NameExpr name:
                var type = lookup(name.Name);
                if (type is null)
                {
                    problems.Add(new Problem(true, name.Name, $"unknown name '{name.Name}'", name.Offset));
                }

                return type;
            case NotExpr not:
                var operand = TypeOf(not.Operand, lookup, problems);
                if (operand == ConditionType.Number)
                {
                    problems.Add(new Problem(false, "", "'not' needs a yes/no value, but got a number", not.Offset));
                }

                return ConditionType.Flag;
            case BinaryExpr binary:
                var left = TypeOf(binary.Left, lookup, problems);
                var right = TypeOf(binary.Right, lookup, problems);
                var wanted = binary.IsComparison ? ConditionType.Number : ConditionType.Flag;
                if ((left is not null && left != wanted) || (right is not null && right != wanted))
                {
                    var what = binary.IsComparison
                        ? $"'{Symbol(binary.Operator)}' compares numbers, but got a yes/no value"
                        : $"'{Symbol(binary.Operator)}' combines yes/no values, but got a number";
                    problems.Add(new Problem(false, "", what, binary.Offset));
                }

                return ConditionType.Flag;
            default:
                throw new ArgumentOutOfRangeException(nameof(expr));
        }
    }

    internal static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        _ => op.ToString(),
    };
}

/// <summary>Evaluates checked conditions; numbers and flags are kept apart by the checker, so evaluation is total.</summary>
internal static class ConditionEvaluator
{
    public static bool IsTrue(ConditionExpr expr, IConditionScope scope) => expr switch
    {
        BoolExpr b => b.Value,
        NameExpr n => scope.GetFlag(n.Name),
        NumberExpr n => n.Value != 0,
        NotExpr n => !IsTrue(n.Operand, scope),
        BinaryExpr { Operator: BinaryOperator.And } b => IsTrue(b.Left, scope) && IsTrue(b.Right, scope),
        BinaryExpr { Operator: BinaryOperator.Or } b => IsTrue(b.Left, scope) || IsTrue(b.Right, scope),
        BinaryExpr b => Compare(b.Operator, Number(b.Left, scope), Number(b.Right, scope)),
        _ => false,
    };

    private static double Number(ConditionExpr expr, IConditionScope scope) => expr switch
    {
        NumberExpr n => n.Value,
        NameExpr n => scope.GetNumber(n.Name),
        _ => IsTrue(expr, scope) ? 1 : 0,
    };

    private static bool Compare(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Less => left < right,
        BinaryOperator.LessOrEqual => left <= right,
        BinaryOperator.Greater => left > right,
        BinaryOperator.GreaterOrEqual => left >= right,
        BinaryOperator.Equal => Math.Abs(left - right) < 1e-9,
        BinaryOperator.NotEqual => Math.Abs(left - right) >= 1e-9,
        _ => false,
    };
}
