using RolePlay.Engine.Diagnostics;

namespace RolePlay.Authoring;

/// <summary>Diagnostics of the test-plan loader; codes start with TP so they never clash with scenario codes.</summary>
public static class TestPlanDiagnostics
{
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "TP0001", Severity.Error, "Test plan YAML syntax error", "YAML syntax error: {0}",
        "The test plan is not well-formed YAML.",
        "Check indentation and quote replies that contain ': ' or start with a special character.");

    public static readonly DiagnosticDescriptor MissingField = new(
        "TP0002", Severity.Error, "Missing required field", "'{0}' is missing required field '{1}'",
        "A test plan or playthrough lacks a field it cannot do without.",
        "Add the field named in the message.");

    public static readonly DiagnosticDescriptor WrongShape = new(
        "TP0003", Severity.Error, "Wrong kind of value", "'{0}' must be {1}",
        "A field holds a list where text was expected, text where a number was expected, and so on.",
        "Write the value in the form the message asks for.");

    public static readonly DiagnosticDescriptor UnknownField = new(
        "TP0004", Severity.Warning, "Unknown field", "unknown field '{0}' in {1}",
        "The field is not part of the test-plan format and is ignored; usually a typo.",
        "Correct the spelling or remove the field.");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "TP0005", Severity.Error, "Invalid value", "{0}",
        "A value is of the right kind but not allowed here.",
        "Use a value the message allows.");

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "TP0006", Severity.Error, "File cannot be read", "cannot read file: {0}",
        "The path does not exist, is a folder, or could not be opened.",
        "Check the path and permissions.");

    public static readonly DiagnosticDescriptor UnknownReference = new(
        "TP0101", Severity.Error, "Unknown id in test plan", "{0} '{1}' is not in scenario '{2}'",
        "The plan names an ending, node or marking point that the scenario (or catalogue) does not have.",
        "Use an id from the scenario file.");

    /// <summary>All test-plan descriptors, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [YamlSyntax, MissingField, WrongShape, UnknownField, InvalidValue, FileUnreadable, UnknownReference];
}
