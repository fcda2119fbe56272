using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;

namespace RolePlay.Engine.Sessions;

/// <summary>Where a session stands.</summary>
public enum SessionStatus
{
    InProgress,

    /// <summary>An ending was reached (including the turn-limit ending).</summary>
    Ended,

    /// <summary>The learner typed <c>/quit</c>; the session can be resumed.</summary>
    Quit,
}

/// <summary>One completed exchange: the persona's line, the learner's reply, its assessment and where the graph went.</summary>
/// <param name="Number">1-based turn number.</param>
/// <param name="NodeId">The node the persona spoke from.</param>
/// <param name="SpeakerId">The persona who spoke.</param>
/// <param name="PersonaLine">What the persona actually said (scripted or LLM-voiced).</param>
/// <param name="PersonaLineSource"><c>scripted</c>, <c>llm</c>, or <c>scripted-fallback</c>.</param>
/// <param name="Reply">The learner's reply, as typed.</param>
/// <param name="Assessment">The scorer's verdict.</param>
/// <param name="StateBefore">Variables when the persona spoke.</param>
/// <param name="StateAfter">Variables after the transition's updates.</param>
/// <param name="NextId">The node or ending the transition led to.</param>
/// <param name="TransitionIndex">Index of the transition taken at the node; -1 when the turn limit forced the ending.</param>
/// <param name="Timestamp">When the reply was assessed.</param>
/// <param name="PersonaLineFallbackReason">Why an LLM-voiced line was replaced by the scripted one; null otherwise.</param>
/// <param name="PersonaLineUsage">Tokens the LLM persona spent on the line; null when no model was called.</param>
public sealed record TurnRecord(
    int Number,
    string NodeId,
    string SpeakerId,
    string PersonaLine,
    string PersonaLineSource,
    string Reply,
    TurnAssessment Assessment,
    IReadOnlyDictionary<string, int> StateBefore,
    IReadOnlyDictionary<string, int> StateAfter,
    string NextId,
    int TransitionIndex,
    DateTimeOffset Timestamp,
    string? PersonaLineFallbackReason = null,
    TokenUsage? PersonaLineUsage = null)
{
    /// <summary>Tokens spent on the turn by every model involved: the persona's line and the judge's assessment.</summary>
    public TokenUsage LlmUsage => TokenUsage.None.Add(PersonaLineUsage).Add(Assessment.Usage);
}

/// <summary>Everything needed to resume a session exactly where it stopped; serialisable as JSON.</summary>
/// <param name="FormatVersion">Bumped when the shape changes.</param>
/// <param name="SessionId">Stable id of the attempt.</param>
/// <param name="ScenarioId">The scenario played.</param>
/// <param name="Seed">Seed for line-variant choice; with the same replies, the same seed gives the same session.</param>
/// <param name="CurrentId">The node awaiting a reply, or the ending reached.</param>
/// <param name="Variables">Current state.</param>
/// <param name="Turns">Every completed turn, oldest first.</param>
/// <param name="Status">In progress, ended or quit.</param>
/// <param name="CurrentLine">The persona line shown for the current node, once spoken (so a resume shows the same words).</param>
/// <param name="CurrentLineSource">Where <paramref name="CurrentLine"/> came from.</param>
/// <param name="CurrentLineFallbackReason">Why an LLM-voiced current line was replaced by the scripted one.</param>
/// <param name="CurrentLineUsage">Tokens the LLM persona spent on the current line.</param>
public sealed record SessionSnapshot(
    int FormatVersion,
    string SessionId,
    string ScenarioId,
    int Seed,
    string CurrentId,
    IReadOnlyDictionary<string, int> Variables,
    IReadOnlyList<TurnRecord> Turns,
    SessionStatus Status,
    string? CurrentLine,
    string? CurrentLineSource,
    string? CurrentLineFallbackReason = null,
    TokenUsage? CurrentLineUsage = null)
{
    public const int CurrentFormatVersion = 1;
}

/// <summary>Identity of a new attempt, written before its first turn.</summary>
public sealed record SessionStart(
    string SessionId,
    string ScenarioId,
    string ScenarioTitle,
    string Learner,
    int Seed,
    DateTimeOffset StartedAt);
