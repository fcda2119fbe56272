using System.Text.Json.Nodes;

using RolePlay.Engine.Scoring;
using RolePlay.Llm.Tests.Fakes;

namespace RolePlay.Llm.Tests;

/// <summary>Real HTTP through the real OpenAI client against the fake server, one test per provider configuration.</summary>
public sealed class ProviderIntegrationTests
{
    private const string Line = "Third time late, and nobody has called me.";

    [Fact]
    public async Task Azure_goes_to_the_openai_v1_path_with_an_api_key_header_and_the_deployment_as_model()
    {
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Chat(Line));
        using var llm = LlmServices.Create(TestData.Options(server, LlmProvider.Azure, path: null), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("llm", utterance.Source);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("sk-test-placeholder", request.Header("api-key"));
        Assert.Null(request.Header("authorization"));
        Assert.Equal("roleplay-deploy", request.Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenAI_with_a_base_url_override_sends_a_bearer_token()
    {
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Chat(Line));
        using var llm = LlmServices.Create(TestData.Options(server, LlmProvider.OpenAI, path: "proxy/v1"), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal(Line, utterance.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/proxy/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-placeholder", request.Header("authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Equal("gpt-test", request.Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Local_without_a_key_sends_no_credentials()
    {
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Chat(Line));
        using var llm = LlmServices.Create(TestData.Options(server, LlmProvider.Local, path: "v1"), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("llm", utterance.Source);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Null(request.Header("authorization"));
        Assert.Null(request.Header("api-key"));
    }

    [Fact]
    public async Task Streaming_delivers_fragments_over_SSE_and_records_usage()
    {
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Chat(Line, inputTokens: 40, outputTokens: 12));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());
        var fragments = new List<string>();

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), fragments.Add);

        Assert.True(fragments.Count > 1);
        Assert.Equal(Line, string.Concat(fragments));
        Assert.Equal(Line, utterance.Text);
        Assert.Equal(new Engine.Voice.TokenUsage(40, 12), utterance.Usage);
        Assert.True(server.Requests[0].Json!["stream"]!.GetValue<bool>());
        Assert.Equal(40, llm.Usage.Summary().Usage.InputTokens);
    }

    [Fact]
    public async Task Judge_requests_a_json_schema_response_and_credits_verified_evidence()
    {
        const string reply = "I'm so sorry about this. I will arrange a replacement today.";
        var verdict = new JsonObject
        {
            ["marking_points"] = new JsonArray(
                Item("apology", true, "I'm so sorry about this"),
                Item("empathy", false, ""),
                Item("solution", true, "arrange a replacement today")),
            ["negatives"] = new JsonArray(),
        };
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Chat(verdict.ToJsonString()));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());
        Assert.True(llm.TryCreateScorer("llm", out var judge, out _));

        var assessment = await judge.ScoreAsync(TestData.Reply(reply));

        Assert.Equal("llm", assessment.Source);
        Assert.Equal(["apology", "solution"], assessment.CreditedIds.ToArray());
        var format = server.Requests[0].Json!["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.Equal("turn_assessment", format["json_schema"]!["name"]!.GetValue<string>());
        Assert.NotNull(format["json_schema"]!["schema"]!["properties"]!["marking_points"]);
        var evidence = assessment.MarkingPoints.Single(m => m.Id == "solution").Evidence.Single();
        Assert.Equal("arrange a replacement today", reply[evidence.Start..evidence.End]);
    }

    internal static JsonObject Item(string id, bool credited, string evidence) => new()
    {
        ["id"] = id,
        ["credited"] = credited,
        ["evidence"] = evidence,
        ["rationale"] = credited ? "shown" : "not shown",
    };
}
