using System.Globalization;

namespace RolePlay.Engine.Diagnostics;

/// <summary>The definition of one diagnostic: its code, severity, message and the advice the authoring guide prints.</summary>
public sealed record DiagnosticDescriptor(
    string Code,
    Severity Severity,
    string Title,
    string MessageFormat,
    string Explanation,
    string Fix)
{
    public string Format(params object[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
}

/// <summary>Every diagnostic the loader and validator can report; the authoring guide is checked against this list.</summary>
public static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "RP0001", Severity.Error, "YAML syntax error", "YAML syntax error: {0}",
        "The file is not well-formed YAML, so nothing else can be checked.",
        "Check indentation (spaces, not tabs) and quote text that contains ': ' or starts with a special character.");

    public static readonly DiagnosticDescriptor MissingField = new(
        "RP0002", Severity.Error, "Missing required field", "'{0}' is missing required field '{1}'",
        "A scenario, persona, node, transition or ending lacks a field it cannot do without.",
        "Add the field named in the message.");

    public static readonly DiagnosticDescriptor WrongShape = new(
        "RP0003", Severity.Error, "Wrong kind of value", "'{0}' must be {1}",
        "A field holds a list where text was expected, text where a number was expected, and so on.",
        "Write the value in the form the message asks for.");

    public static readonly DiagnosticDescriptor UnknownField = new(
        "RP0004", Severity.Warning, "Unknown field", "unknown field '{0}' in {1}{2}",
        "The field is not part of the scenario format and is ignored; usually a typo.",
        "Correct the spelling or remove the field.");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "RP0005", Severity.Error, "Invalid value", "{0}",
        "A value is of the right kind but not allowed here (an unknown context kind, an empty id, a negative number...).",
        "Use one of the allowed values given in the message.");

    public static readonly DiagnosticDescriptor DuplicateId = new(
        "RP0101", Severity.Error, "Duplicate id", "duplicate {0} id '{1}' (first defined at line {2})",
        "Two nodes, endings, personas, variables or outcomes share an id, so references to it are ambiguous. Nodes and endings share one namespace.",
        "Rename one of them and update the references.");

    public static readonly DiagnosticDescriptor UnknownTarget = new(
        "RP0102", Severity.Error, "Unknown node or ending", "unknown node or ending '{0}'{1}",
        "A transition or 'start' points at an id that no node or ending has.",
        "Fix the id or add the missing node or ending.");

    public static readonly DiagnosticDescriptor UnknownPersona = new(
        "RP0103", Severity.Error, "Unknown persona", "unknown persona '{0}'{1}",
        "A node or ending names a speaker that is not in 'personas'.",
        "Use the id of a declared persona.");

    public static readonly DiagnosticDescriptor UnknownMarkingPoint = new(
        "RP0104", Severity.Error, "Unknown marking point", "unknown marking point '{0}'{1}",
        "A node assesses, or a learning outcome cites, a marking point that is not in the catalogue.",
        "Use an id from scenarios/marking-points.yaml (run 'roleplay score --help' or see docs/marking-points.md).");

    public static readonly DiagnosticDescriptor UnknownVariable = new(
        "RP0105", Severity.Error, "Unknown variable", "unknown variable '{0}'{1}",
        "A state update or persona initial state names a variable that is not declared under 'variables'.",
        "Declare the variable with its range, or fix the name.");

    public static readonly DiagnosticDescriptor UnreachableNode = new(
        "RP0201", Severity.Warning, "Unreachable node", "node '{0}' can never be reached from start '{1}'",
        "No path of transitions leads from the start to this node, so no learner will ever see it.",
        "Add a transition to it, or remove it.");

    public static readonly DiagnosticDescriptor NoDefaultPath = new(
        "RP0202", Severity.Error, "No default path", "node '{0}' has no unconditional transition, so a reply that matches no guard has nowhere to go",
        "Every node needs a last transition without 'when' (the default) so that the dialogue always moves on.",
        "Add a final transition with only 'to:'.");

    public static readonly DiagnosticDescriptor EndingNeverReached = new(
        "RP0203", Severity.Warning, "Ending never reached", "ending '{0}' is never reached by any transition",
        "No reachable transition leads to this ending (the turn-limit ending is exempt).",
        "Add a transition to it, or remove it.");

    public static readonly DiagnosticDescriptor CycleWithoutExit = new(
        "RP0204", Severity.Error, "Cycle with no way out", "nodes {0} form a cycle with no transition leading out of it",
        "Once a learner enters these nodes no ending can be reached except by running out of turns.",
        "Add a transition from one of the nodes towards an ending.");

    public static readonly DiagnosticDescriptor ShadowedTransition = new(
        "RP0205", Severity.Warning, "Transition can never fire", "this transition can never fire: the unconditional transition at line {0} is always taken first",
        "Transitions are tried in order and the first that holds wins; an unconditional one hides everything after it.",
        "Move the unconditional transition to the end, or give it a 'when'.");

    public static readonly DiagnosticDescriptor ShadowedLine = new(
        "RP0206", Severity.Warning, "Misleading line-variant order", "conditional line variant after the unconditional variant at line {0}: conditional variants are always tried first",
        "Conditional variants are tried in order and the first whose 'when' holds is spoken; only when none holds is one of the unconditional variants chosen (by the session seed). Listing a conditional variant after an unconditional one reads as if it could be hidden.",
        "Put conditional variants first and the unconditional ones last.");

    public static readonly DiagnosticDescriptor NoEndings = new(
        "RP0207", Severity.Error, "No endings", "the scenario has no {0}",
        "A playable scenario needs at least one node and at least one ending.",
        "Add the missing section.");

    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        "RP0301", Severity.Error, "Value out of range", "{0} sets '{1}' to {2}, outside its range {3}..{4}",
        "A variable's initial value, a persona's initial state or a 'set' update lies outside the declared range.",
        "Use a value inside the range, or widen the range.");

    public static readonly DiagnosticDescriptor InvalidRange = new(
        "RP0302", Severity.Error, "Invalid range", "variable '{0}' has min {1} greater than max {2}",
        "A variable's minimum is above its maximum.",
        "Swap or correct min and max.");

    public static readonly DiagnosticDescriptor ConditionSyntax = new(
        "RP0401", Severity.Error, "Condition syntax error", "condition syntax error: {0}",
        "A 'when' expression could not be parsed.",
        "Conditions combine names and comparisons with and, or, not and parentheses, e.g. 'apology and anger <= 6'.");

    public static readonly DiagnosticDescriptor ConditionType = new(
        "RP0402", Severity.Error, "Condition type error", "condition type error: {0}",
        "A 'when' expression mixes yes/no values (marking points, negatives) and numbers (variables, score, turn) wrongly.",
        "Compare numbers with <, <=, >, >=, ==, !=; combine yes/no values with and, or, not.");

    public static readonly DiagnosticDescriptor UnknownName = new(
        "RP0403", Severity.Error, "Unknown name in condition", "unknown name '{0}' in condition{1}",
        "A condition names something that is neither a marking point, a negative behaviour, a declared variable, 'score' nor 'turn'.",
        "Fix the spelling or declare the variable.");

    public static readonly DiagnosticDescriptor GuardNotAssessed = new(
        "RP0404", Severity.Warning, "Guard uses a marking point the node does not assess", "condition uses marking point '{0}', which node '{1}' does not list under 'assesses'",
        "A judge (LLM or assessor) only looks for the marking points a node assesses, so a guard on another one may behave differently from what the author expects.",
        "Add the marking point to the node's 'assesses' list.");

    public static readonly DiagnosticDescriptor NameClash = new(
        "RP0405", Severity.Error, "Variable name clashes", "variable '{0}' has the same name as {1}",
        "Conditions could not tell the variable apart from a marking point, a negative behaviour or a built-in name.",
        "Rename the variable.");

    public static readonly DiagnosticDescriptor InvalidTurnLimit = new(
        "RP0501", Severity.Error, "Invalid turn limit", "turn_limit must be between 1 and 200 (was {0})",
        "The turn limit stops a learner from going round forever.",
        "Set turn_limit to a small positive number, such as 10.");

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "RP0006", Severity.Error, "File cannot be read", "cannot read file: {0}",
        "The path does not exist, is a folder, or could not be opened.",
        "Check the path and permissions.");

    /// <summary>All descriptors, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
