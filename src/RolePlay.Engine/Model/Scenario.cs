namespace RolePlay.Engine.Model;

/// <summary>Who the learner is talking to; it frames the scorer's expectations and the library's coverage.</summary>
public enum ContextKind
{
    Colleague,
    Customer,
    Partner,
}

/// <summary>A 1-based line and column in a scenario file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None => new(0, 0);

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>An immutable, loaded scenario: the branching dialogue graph a learner plays.</summary>
public sealed record Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public ContextKind Context { get; init; }
    public Qualification Qualification { get; init; } = Qualification.Empty;
    public int EstimatedMinutes { get; init; }
    public int TurnLimit { get; init; }
    public required string StartId { get; init; }
    public SourcePosition StartPosition { get; init; }
    public IReadOnlyList<Persona> Personas { get; init; } = [];
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    public IReadOnlyList<DialogueNode> Nodes { get; init; } = [];
    public IReadOnlyList<Ending> Endings { get; init; } = [];

    /// <summary>The turn-limit ending used when the learner runs out of turns; null means the first ending whose outcome is <c>timed_out</c>, else the last ending.</summary>
    public string? TurnLimitEndingId { get; init; }

    /// <summary>Where <see cref="TurnLimitEndingId"/> is written, for diagnostics.</summary>
    public SourcePosition TurnLimitEndingPosition { get; init; }

    /// <summary>Where the <c>nodes</c> section starts (its key), for diagnostics about the section as a whole.</summary>
    public SourcePosition NodesPosition { get; init; }

    /// <summary>Where the <c>endings</c> section starts (its key), for diagnostics about the section as a whole.</summary>
    public SourcePosition EndingsPosition { get; init; }

    /// <summary>Where the scenario was read from, for diagnostics; null when loaded from text.</summary>
    public string? SourcePath { get; init; }

    public DialogueNode? FindNode(string id) => Nodes.FirstOrDefault(n => n.Id == id);

    public Ending? FindEnding(string id) => Endings.FirstOrDefault(e => e.Id == id);

    public Persona? FindPersona(string id) => Personas.FirstOrDefault(p => p.Id == id);

    /// <summary>Marking points assessed anywhere in the scenario, in first-seen order.</summary>
    public IReadOnlyList<string> AssessedMarkingPoints =>
        Nodes.SelectMany(n => n.Assesses).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The ending reached when the learner uses every turn without reaching one.</summary>
    public Ending TurnLimitEnding =>
        (TurnLimitEndingId is null ? null : FindEnding(TurnLimitEndingId))
        ?? Endings.FirstOrDefault(e => e.Outcome == Outcomes.TimedOut)
        ?? Endings[^1];
}

/// <summary>The qualification element a scenario evidences and its learning outcomes.</summary>
public sealed record Qualification(string Element, IReadOnlyList<LearningOutcome> Outcomes)
{
    public static Qualification Empty { get; } = new("", []);
}

/// <summary>A learning outcome and the marking points that evidence it.</summary>
public sealed record LearningOutcome(string Id, string Text, IReadOnlyList<string> MarkingPoints)
{
    public SourcePosition Position { get; init; }
    public SourcePosition MarkingPointsPosition { get; init; }
}

/// <summary>Someone the learner talks to: a colleague, a customer or a service partner.</summary>
public sealed record Persona(
    string Id,
    string Name,
    string Role,
    string Voice,
    IReadOnlyDictionary<string, int> InitialState,
    SourcePosition Position = default)
{
    /// <summary>Where each initial-state entry is written, for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourcePosition> StatePositions { get; init; } = new Dictionary<string, SourcePosition>();
}

/// <summary>A whole-number state variable such as anger or trust, clamped to its range.</summary>
public sealed record VariableDefinition(string Name, int Min, int Max, int Initial, SourcePosition Position = default)
{
    public int Clamp(int value) => Math.Clamp(value, Min, Max);
}

/// <summary>A point in the dialogue where a persona speaks and the learner replies.</summary>
public sealed record DialogueNode
{
    public required string Id { get; init; }
    public required string Speaker { get; init; }
    public SourcePosition SpeakerPosition { get; init; }
    public IReadOnlyList<LineVariant> Lines { get; init; } = [];
    public IReadOnlyList<string> Assesses { get; init; } = [];
    public SourcePosition AssessesPosition { get; init; }
    public IReadOnlyList<Transition> Transitions { get; init; } = [];

    /// <summary>What the node is looking for, shown on <c>/hint</c>.</summary>
    public string Hint { get; init; } = "";

    /// <summary>What the persona means to convey here, in the author's words; the LLM voice speaks this in character.</summary>
    public string Intent { get; init; } = "";

    /// <summary>Facts an LLM-voiced line must contain.</summary>
    public IReadOnlyList<string> MustSay { get; init; } = [];

    /// <summary>Things an LLM-voiced line must never say.</summary>
    public IReadOnlyList<string> MustNotSay { get; init; } = [];

    public SourcePosition Position { get; init; }
}

/// <summary>One way of saying a node's line, chosen when its condition holds over state.</summary>
public sealed record LineVariant(string Text, Conditions.Condition? When, SourcePosition Position = default);

/// <summary>An edge of the graph: taken when its guard holds (or always, when it has none), applying state updates.</summary>
public sealed record Transition(
    string Target,
    Conditions.Condition? When,
    IReadOnlyList<StateUpdate> Updates,
    SourcePosition Position = default,
    SourcePosition TargetPosition = default)
{
    public bool IsUnconditional => When is null;
}

/// <summary>How a transition changes a variable.</summary>
public enum UpdateKind
{
    /// <summary>Add the (possibly negative) amount, then clamp.</summary>
    Add,

    /// <summary>Set to the amount, which must lie in range.</summary>
    Set,
}

/// <summary>A change to one state variable made when a transition is taken.</summary>
public sealed record StateUpdate(string Variable, UpdateKind Kind, int Amount, SourcePosition Position = default);

/// <summary>Well-known ending outcomes; scenarios may use others.</summary>
public static class Outcomes
{
    public const string Resolved = "resolved";
    public const string Escalated = "escalated";
    public const string RelationshipDamaged = "relationship_damaged";
    public const string PartiallyResolved = "partially_resolved";
    public const string TimedOut = "timed_out";
    public const string Abandoned = "abandoned";

    /// <summary>Outcomes that count as a good result for the learner.</summary>
    public static bool IsPositive(string outcome) => outcome is Resolved or PartiallyResolved;
}

/// <summary>A terminal point of the dialogue with an outcome and a debrief for the learner.</summary>
public sealed record Ending
{
    public required string Id { get; init; }
    public required string Outcome { get; init; }
    public string Title { get; init; } = "";

    /// <summary>Optional closing line spoken by <see cref="Speaker"/>.</summary>
    public string Line { get; init; } = "";
    public string? Speaker { get; init; }
    public SourcePosition SpeakerPosition { get; init; }

    /// <summary>What the learner did and should take away; cites marking points.</summary>
    public string Debrief { get; init; } = "";
    public SourcePosition Position { get; init; }
}
