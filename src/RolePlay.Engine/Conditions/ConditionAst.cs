namespace RolePlay.Engine.Conditions;

/// <summary>A node of a parsed condition; <see cref="Offset"/> is its 0-based position in the condition text.</summary>
public abstract record ConditionExpr(int Offset);

/// <summary>A name: a marking point, a negative behaviour, a variable, <c>score</c> or <c>turn</c>.</summary>
public sealed record NameExpr(string Name, int Offset) : ConditionExpr(Offset);

/// <summary>A whole or decimal number.</summary>
public sealed record NumberExpr(double Value, int Offset) : ConditionExpr(Offset);

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BoolExpr(bool Value, int Offset) : ConditionExpr(Offset);

/// <summary><c>not x</c>.</summary>
public sealed record NotExpr(ConditionExpr Operand, int Offset) : ConditionExpr(Offset);

/// <summary>Binary operators of the condition language.</summary>
public enum BinaryOperator
{
    And,
    Or,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>A binary operation; <see cref="ConditionExpr.Offset"/> is the operator's position.</summary>
public sealed record BinaryExpr(BinaryOperator Operator, ConditionExpr Left, ConditionExpr Right, int Offset) : ConditionExpr(Offset)
{
    public bool IsComparison => Operator is not (BinaryOperator.And or BinaryOperator.Or);
}
