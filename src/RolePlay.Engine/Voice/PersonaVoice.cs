using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Engine.Voice;

/// <summary>What a persona voice needs to speak one node's line.</summary>
/// <param name="Scenario">The scenario being played.</param>
/// <param name="Node">The node whose line is spoken.</param>
/// <param name="Persona">Who speaks.</param>
/// <param name="ScriptedLine">The line the scenario's author wrote for the current state: the fallback and the reference.</param>
/// <param name="State">Current variable values (mood, trust...).</param>
/// <param name="History">The conversation so far, oldest first.</param>
public sealed record PersonaLineRequest(
    Scenario Scenario,
    DialogueNode Node,
    Persona Persona,
    string ScriptedLine,
    IReadOnlyDictionary<string, int> State,
    IReadOnlyList<ConversationLine> History);

/// <summary>Tokens used by an LLM call, for the session's cost summary.</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens)
{
    public static TokenUsage None { get; } = new(0, 0);

    public TokenUsage Add(TokenUsage? other) =>
        other is null ? this : new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens);
}

/// <summary>A persona's spoken line and where it came from.</summary>
/// <param name="Text">What the persona says.</param>
/// <param name="Source"><c>scripted</c> or <c>llm</c>.</param>
/// <param name="FallbackReason">Why the scripted line was used instead of the LLM's, when it was.</param>
/// <param name="Usage">Tokens used, when an LLM spoke.</param>
public sealed record PersonaUtterance(string Text, string Source, string? FallbackReason = null, TokenUsage? Usage = null);

/// <summary>Speaks a node's line: scripted by default, an LLM persona when configured.</summary>
public interface IPersonaVoice
{
    /// <param name="onPartialText">Called with streamed fragments as they arrive, if the voice streams; may be null.</param>
    Task<PersonaUtterance> SpeakAsync(PersonaLineRequest request, Action<string>? onPartialText, CancellationToken cancellationToken = default);
}

/// <summary>The embedded default voice: the scenario author's line, as written.</summary>
public sealed class ScriptedVoice : IPersonaVoice
{
    public Task<PersonaUtterance> SpeakAsync(PersonaLineRequest request, Action<string>? onPartialText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new PersonaUtterance(request.ScriptedLine, "scripted"));
    }
}
