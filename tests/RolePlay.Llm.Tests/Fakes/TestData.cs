using System.Text.RegularExpressions;

using Microsoft.Extensions.AI;

using NSubstitute;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;

namespace RolePlay.Llm.Tests.Fakes;

/// <summary>Scenario pieces, options and substitutes shared by the tests.</summary>
public static class TestData
{
    public static Persona Persona { get; } = new("cust", "Mrs Patel", "customer", "Short sentences, cross but fair.", new Dictionary<string, int>());

    public static DialogueNode Node(string intent = "You are upset the parcel is late again.", IReadOnlyList<string>? mustSay = null, IReadOnlyList<string>? mustNotSay = null) => new()
    {
        Id = "opening",
        Speaker = "cust",
        Intent = intent,
        MustSay = mustSay ?? [],
        MustNotSay = mustNotSay ?? [],
        Assesses = ["apology", "empathy", "solution"],
    };

    public static Scenario Scenario(DialogueNode node) => new()
    {
        Id = "late-parcel",
        Title = "Late parcel",
        StartId = node.Id,
        Personas = [Persona],
        Nodes = [node],
    };

    public static PersonaLineRequest LineRequest(DialogueNode? node = null, IReadOnlyList<ConversationLine>? history = null)
    {
        node ??= Node();
        return new PersonaLineRequest(Scenario(node), node, Persona, "This is the third time my parcel has been late!",
            new Dictionary<string, int> { ["anger"] = 3, ["trust"] = 1 }, history ?? []);
    }

    public static ReplyContext Reply(string reply, params string[] assessed) =>
        new(reply, "Where is my parcel?", [], assessed.Length == 0 ? ["apology", "empathy", "solution"] : assessed, ContextKind.Customer);

    public static LlmPrompt PersonaPrompt { get; } = new PromptLibrary(directory: null).Load(PromptLibrary.PersonaPromptName);

    public static LlmPrompt JudgePrompt { get; } = new PromptLibrary(directory: null).Load(PromptLibrary.JudgePromptName);

    /// <summary>Options pointing at a fake server, with short timeouts so fault tests stay fast.</summary>
    public static LlmOptions Options(FakeOpenAIServer server, LlmProvider provider = LlmProvider.OpenAI, string? path = "v1") => new()
    {
        Provider = provider,
        Endpoint = new Uri(server.BaseUri, path ?? ""),
        Model = "gpt-test",
        Deployment = provider == LlmProvider.Azure ? "roleplay-deploy" : null,
        ApiKey = provider == LlmProvider.Local ? null : "sk-test-placeholder",
        TimeoutSeconds = 3,
        TotalTimeoutSeconds = 8,
        MaxRetries = 2,
        RetryBaseDelaySeconds = 0.02,
        MaxRetryAfterSeconds = 0.3,
        InputPricePer1K = 0.5m,
        OutputPricePer1K = 1.5m,
    };

    /// <summary>An IChatClient substitute answering every call with <paramref name="text"/>.</summary>
    public static IChatClient ChatReturning(string text, long inputTokens = 20, long outputTokens = 10)
    {
        var client = Substitute.For<IChatClient>();
        client.GetResponseAsync(default!, default, default)
            .ReturnsForAnyArgs(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
            {
                Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
            });
        return client;
    }

    public static IReadOnlyList<ChatMessage> LastMessages(IChatClient client) =>
        client.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name is "GetResponseAsync" or "GetStreamingResponseAsync")
            .Select(c => ((IEnumerable<ChatMessage>)c.GetArguments()[0]!).ToList())
            .Last();
}

/// <summary>A deterministic stand-in for the built-in scorer (keyword cues with exact spans), so these tests do not depend on
/// RolePlay.Scoring's internals. It is a test double, not the real scorer.</summary>
public sealed class KeywordStandInScorer : IReplyScorer
{
    private static readonly Dictionary<string, Regex> Cues = new(StringComparer.Ordinal)
    {
        ["apology"] = new(@"\b(sorry|apologi[sz]e)\b", RegexOptions.IgnoreCase),
        ["empathy"] = new(@"\b(i understand|that must be|frustrating|i can see)\b", RegexOptions.IgnoreCase),
        ["solution"] = new(@"\b(refund|replacement|re-?send|redeliver)\b", RegexOptions.IgnoreCase),
        ["follow_up"] = new(@"\b(call you back|follow up|email you)\b", RegexOptions.IgnoreCase),
        ["active_listening"] = new(@"\b(you said|so you|if i understand)\b", RegexOptions.IgnoreCase),
    };

    private static readonly Dictionary<string, Regex> NegativeCues = new(StringComparer.Ordinal)
    {
        ["blame"] = new(@"\b(your fault|you should have)\b", RegexOptions.IgnoreCase),
    };

    public Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default)
    {
        var assessed = context.Assessed.Count > 0 ? context.Assessed : ["apology", "empathy", "solution"];
        var points = assessed.Select(id => Assess(id, Cues.GetValueOrDefault(id), context.Reply)).ToList();
        var negatives = NegativeCues.Select(kv => Assess(kv.Key, kv.Value, context.Reply)).ToList();
        var score = Math.Clamp((10.0 * points.Count(p => p.Credited) / assessed.Count) - (2 * negatives.Count(n => n.Credited)), 0, 10);
        return Task.FromResult(new TurnAssessment { MarkingPoints = points, Negatives = negatives, Score = Math.Round(score, 2), Source = "builtin" });
    }

    private static MarkingPointResult Assess(string id, Regex? cue, string reply)
    {
        var match = cue?.Match(reply);
        return match is { Success: true }
            ? new MarkingPointResult(id, true, 1, [new EvidenceSpan(match.Index, match.Index + match.Length, match.Value)], "cue matched")
            : new MarkingPointResult(id, false, 0, [], "no cue");
    }
}
