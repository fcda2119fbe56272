using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;

namespace RolePlay.Reporting.Reports;

/// <summary>
/// Everything an assessor needs about one attempt, in one serialisable shape; HTML, Markdown and JSON are renderings of it.
/// Learner text in it is untrusted and is encoded by each renderer.
/// </summary>
public sealed record EvidenceReport
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string SessionId { get; init; }

    public required string ScenarioId { get; init; }

    public required string ScenarioTitle { get; init; }

    public required string Learner { get; init; }

    public int Attempt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary><c>in_progress</c>, <c>quit</c>, <c>ended</c> or <c>completed</c>.</summary>
    public required string Status { get; init; }

    public string? Outcome { get; init; }

    public string? EndingId { get; init; }

    public string? Band { get; init; }

    public double? Score { get; init; }

    /// <summary>The assessor's latest decision on the attempt, if any.</summary>
    public ReportDecision? AssessorDecision { get; init; }

    /// <summary>
    /// One row per marking point that a visited node looked for, or that was credited or reviewed, in first-seen order.
    /// Each lists only the turns that bear on it: credited, reviewed, or at a node that looked for it (a missed opportunity).
    /// </summary>
    public IReadOnlyList<CriterionRow> Criteria { get; init; } = [];

    /// <summary>Negative behaviours detected, turn by turn.</summary>
    public IReadOnlyList<ReportConcern> Concerns { get; init; } = [];

    /// <summary>Feedback tips the learner was given, turn by turn.</summary>
    public IReadOnlyList<ReportTip> Tips { get; init; } = [];

    /// <summary>Node ids visited in order, ending with the ending (or the node awaiting a reply).</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    public IReadOnlyList<ReportTurn> Conversation { get; init; } = [];

    /// <summary>The full assessor trail, oldest first.</summary>
    public IReadOnlyList<ReportReview> Reviews { get; init; } = [];

    /// <summary>Tokens spent by LLM persona and judge over the attempt; null when no model was called.</summary>
    public TokenUsage? LlmUsage { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>A marking point: whether the attempt demonstrated it, and the turns that bear on it (credited, reviewed or missed).</summary>
/// <param name="AutomatedDemonstrated">Credited by the scorer on at least one turn.</param>
/// <param name="Demonstrated">Credited on at least one turn once assessor overrides are applied.</param>
public sealed record CriterionRow(
    string MarkingPointId,
    string Label,
    bool AutomatedDemonstrated,
    bool Demonstrated,
    IReadOnlyList<CriterionEvidence> Turns);

/// <summary>One turn's evidence for one marking point, with the automated and the assessor's decision.</summary>
/// <param name="Evidence">Spans of <paramref name="Reply"/> that earned the point (validated: inside the reply, in order, not overlapping).</param>
/// <param name="Assessor">The assessor's latest override on this point and turn, if any.</param>
/// <param name="Credited">The effective decision: the assessor's, else the automated one.</param>
/// <param name="LookedFor">The turn's node assesses this point (per the scenario); null when the scenario was not available.</param>
public sealed record CriterionEvidence(
    int Turn,
    string NodeId,
    string Reply,
    IReadOnlyList<EvidenceSpan> Evidence,
    bool AutomatedCredited,
    double Strength,
    string Rationale,
    string Source,
    ReportOverride? Assessor,
    bool Credited,
    bool? LookedFor = null)
{
    /// <summary>The node looked for the point and the learner did not get it (after assessor overrides).</summary>
    public bool MissedOpportunity => !Credited && LookedFor == true;
}

/// <summary>An assessor's credit or un-credit of a point on a turn.</summary>
/// <param name="Action"><c>credit</c> or <c>uncredit</c>.</param>
public sealed record ReportOverride(string Action, string Assessor, string Comment, DateTimeOffset At);

/// <summary>An assessor's decision on the whole attempt.</summary>
public sealed record ReportDecision(string Decision, string Assessor, string Comment, DateTimeOffset At);

/// <summary>A negative behaviour detected on a turn, with the words that showed it.</summary>
public sealed record ReportConcern(int Turn, string Id, IReadOnlyList<string> Quotes, string Rationale);

/// <summary>A feedback tip given after a turn.</summary>
public sealed record ReportTip(int Turn, string Text);

/// <summary>One exchange of the conversation.</summary>
/// <param name="Credited">Marking points credited on the turn once assessor overrides are applied.</param>
/// <param name="PersonaLineSource"><c>scripted</c>, <c>llm</c>, or <c>scripted-fallback</c>.</param>
/// <param name="PersonaLineFallbackReason">Why the LLM persona's line was replaced by the scripted one, if it was.</param>
public sealed record ReportTurn(
    int Number,
    string NodeId,
    string Speaker,
    string PersonaLine,
    string Reply,
    double Score,
    IReadOnlyList<string> Credited,
    IReadOnlyList<string> Negatives,
    string NextId,
    DateTimeOffset Timestamp,
    bool FlaggedForReview,
    IReadOnlyList<string> Notes,
    string PersonaLineSource = "scripted",
    string? PersonaLineFallbackReason = null)
{
    /// <summary>A line for the assessor when the persona's words were not the ones the scenario or the model meant, else null.</summary>
    public string? PersonaLineNote => PersonaLineSource == "scripted-fallback"
        ? "The LLM persona's line was replaced by the scripted one" + (PersonaLineFallbackReason is { Length: > 0 } reason ? $" ({reason})." : ".")
        : null;
}

/// <summary>One record of the assessor trail.</summary>
/// <param name="Kind"><c>credit</c>, <c>uncredit</c> or <c>decision</c>.</param>
public sealed record ReportReview(string Kind, int? Turn, string? MarkingPointId, string? Decision, string Assessor, string Comment, DateTimeOffset At);
