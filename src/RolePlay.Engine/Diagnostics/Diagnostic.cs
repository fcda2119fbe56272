using RolePlay.Engine.Model;

namespace RolePlay.Engine.Diagnostics;

/// <summary>How bad a diagnostic is: errors stop a scenario from loading, warnings do not.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>One finding about a scenario file, with the position a tutor can jump to.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string File, int Line, int Column)
{
    public Diagnostic(DiagnosticDescriptor descriptor, string file, SourcePosition position, params object[] args)
        : this(descriptor.Severity, descriptor.Code, descriptor.Format(args), file, position.Line, position.Column)
    {
    }

    public bool IsError => Severity == Severity.Error;

    /// <summary>The compiler-style form <c>path:line:col: error CODE: message</c>.</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
