using RolePlay.Engine.Model;

namespace RolePlay.Authoring;

/// <summary>Scripted playthroughs of one scenario, read from <c>scenarios/&lt;id&gt;.testplan.yaml</c>.</summary>
/// <param name="ScenarioId">The scenario the plan exercises.</param>
/// <param name="Playthroughs">The playthroughs, in file order.</param>
/// <param name="SourcePath">Where the plan was read from; null when loaded from text.</param>
public sealed record TestPlan(string ScenarioId, IReadOnlyList<Playthrough> Playthroughs, string? SourcePath = null);

/// <summary>One scripted run: the replies a learner types and what must happen.</summary>
/// <param name="Name">What the playthrough shows, e.g. "listens, apologises and resolves".</param>
/// <param name="Replies">Free-text replies, typed in order, one per turn.</param>
/// <param name="ExpectedEnding">The ending id the run must reach after its last reply.</param>
/// <param name="ExpectedPath">Optional: the node ids the persona speaks from, one per reply.</param>
/// <param name="Turns">Expectations about the assessment of particular turns.</param>
/// <param name="Seed">Seed for line-variant choice.</param>
/// <param name="Position">Where the playthrough starts in the file.</param>
public sealed record Playthrough(
    string Name,
    IReadOnlyList<string> Replies,
    string ExpectedEnding,
    IReadOnlyList<string>? ExpectedPath,
    IReadOnlyList<TurnExpectation> Turns,
    int Seed = 0,
    SourcePosition Position = default);

/// <summary>What the scorer must (and must not) find in the reply of one turn.</summary>
/// <param name="Turn">1-based turn number.</param>
/// <param name="Credited">Marking points that must be credited.</param>
/// <param name="NotCredited">Marking points that must not be credited.</param>
/// <param name="Detected">Negative behaviours that must be detected.</param>
/// <param name="Position">Where the expectation is written.</param>
public sealed record TurnExpectation(
    int Turn,
    IReadOnlyList<string> Credited,
    IReadOnlyList<string> NotCredited,
    IReadOnlyList<string> Detected,
    SourcePosition Position = default);
