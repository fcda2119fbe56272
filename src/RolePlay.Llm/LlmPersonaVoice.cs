using System.Globalization;

using Microsoft.Extensions.AI;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;

namespace RolePlay.Llm;

/// <summary>Limits for the LLM persona voice.</summary>
public sealed record PersonaVoiceOptions
{
    /// <summary>Time budget for one line, retries and streaming included.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>A longer line is rejected (the persona speaks in one to three sentences).</summary>
    public int MaxLineChars { get; init; } = 700;

    /// <summary>How many earlier conversation lines the model sees.</summary>
    public int MaxHistoryLines { get; init; } = 12;

    /// <summary>Each untrusted line is cut to this length before it reaches the model.</summary>
    public int MaxLineInputChars { get; init; } = 1200;
}

/// <summary>The LLM persona: speaks the node's intent in character; the graph, state and scoring stay in control.</summary>
/// <remarks>Any empty, over-long, rule-breaking (must-say / must-not-say), failed or timed-out answer is replaced by the
/// scripted line with Source <c>scripted-fallback</c>. When streaming, fragments are shown as they arrive and the whole line is
/// validated afterwards; if it fails, the returned fallback replaces what was streamed.</remarks>
public sealed class LlmPersonaVoice : IPersonaVoice
{
    public const string SourceLlm = "llm";
    public const string SourceFallback = "scripted-fallback";
    public const string Purpose = "persona";

    private readonly IChatClient _client;
    private readonly LlmPrompt _prompt;
    private readonly LlmUsageMeter _meter;
    private readonly PersonaVoiceOptions _options;

    public LlmPersonaVoice(IChatClient client, LlmPrompt prompt, LlmUsageMeter meter, PersonaVoiceOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        _options = options ?? new PersonaVoiceOptions();
    }

    public async Task<PersonaUtterance> SpeakAsync(PersonaLineRequest request, Action<string>? onPartialText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = await _prompt.RenderAsync(Variables(request), cancellationToken).ConfigureAwait(false);
        var result = await LlmCall.RunAsync(_client, messages, _prompt.CreateChatOptions(), _options.Budget, onPartialText, cancellationToken).ConfigureAwait(false);

        var problem = result.Failure ?? Validate(Clean(result.Text, request.Persona.Name), request, _options.MaxLineChars);
        _meter.Record(Purpose, result.Usage, fellBack: problem is not null);
        return problem is null
            ? new PersonaUtterance(Clean(result.Text, request.Persona.Name), SourceLlm, null, result.Usage)
            : new PersonaUtterance(request.ScriptedLine, SourceFallback, problem, result.Usage);
    }

    /// <summary>Why a generated line may not be spoken, or null when it may. Checks are case-insensitive and whitespace-tolerant.</summary>
    public static string? Validate(string line, PersonaLineRequest request, int maxChars = 700)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(line))
        {
            return "empty output";
        }

        if (line.Length > maxChars)
        {
            return $"output too long ({line.Length} characters)";
        }

        if (line.Contains("<|", StringComparison.Ordinal) || line.Contains("<message", StringComparison.OrdinalIgnoreCase))
        {
            return "output contains prompt markup";
        }

        var missing = request.Node.MustSay.FirstOrDefault(fact => !string.IsNullOrWhiteSpace(fact) && !UntrustedText.ContainsNormalized(line, fact));
        if (missing is not null)
        {
            return $"missing must-say fact \"{missing}\"";
        }

        var forbidden = request.Node.MustNotSay.FirstOrDefault(limit => !string.IsNullOrWhiteSpace(limit) && UntrustedText.ContainsNormalized(line, limit));
        return forbidden is null ? null : $"said must-not-say \"{forbidden}\"";
    }

    /// <summary>Trims, strips a "Name:" label and wrapping quotes the model may add despite the instructions.</summary>
    internal static string Clean(string? text, string personaName)
    {
        var line = (text ?? "").Trim();
        if (personaName.Length > 0 && line.StartsWith(personaName + ":", StringComparison.OrdinalIgnoreCase))
        {
            line = line[(personaName.Length + 1)..].Trim();
        }

        if (line.Length >= 2 && (line[0], line[^1]) is ('"', '"') or ('\u201C', '\u201D'))
        {
            line = line[1..^1].Trim();
        }

        return line;
    }

    private Dictionary<string, string> Variables(PersonaLineRequest request)
    {
        var node = request.Node;
        var intent = string.IsNullOrWhiteSpace(node.Intent) ? request.ScriptedLine : node.Intent;
        var history = request.History.TakeLast(_options.MaxHistoryLines).ToList();
        var lastLearner = history.LastOrDefault(l => l.IsLearner);
        var earlier = lastLearner is null ? history : history.Take(history.LastIndexOf(lastLearner)).ToList();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["persona_name"] = request.Persona.Name,
            ["persona_role"] = request.Persona.Role,
            ["persona_voice"] = string.IsNullOrWhiteSpace(request.Persona.Voice) ? "natural, plain British English" : request.Persona.Voice,
            ["scenario_title"] = request.Scenario.Title,
            ["state"] = request.State.Count == 0
                ? "(none)"
                : string.Join(", ", request.State.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}"))),
            ["intent"] = intent,
            ["must_say"] = node.MustSay.Count == 0 ? "(none)" : string.Join("; ", node.MustSay),
            ["must_not_say"] = node.MustNotSay.Count == 0 ? "(none)" : string.Join("; ", node.MustNotSay),
            ["conversation"] = earlier.Count == 0 ? "(this is the start of the conversation)" : FormatHistory(earlier, _options.MaxLineInputChars),
            ["last_reply"] = lastLearner is null ? "(none yet)" : UntrustedText.Truncate(lastLearner.Text, _options.MaxLineInputChars),
        };
    }

    internal static string FormatHistory(IEnumerable<ConversationLine> lines, int maxChars) =>
        string.Join("\n", lines.Select(l => $"{(l.IsLearner ? "Trainee" : l.Speaker)}: {UntrustedText.Truncate(l.Text, maxChars)}"));
}
