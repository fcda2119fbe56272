using System.Text.Json.Nodes;

using RolePlay.Llm.Tests.Fakes;

namespace RolePlay.Llm.Tests;

/// <summary>Scripted faults through the real HTTP stack: retries, timeouts and fallbacks, with short test timeouts.</summary>
public sealed class ResilienceIntegrationTests
{
    private const string Line = "Third time late, and nobody has called me.";

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_and_then_succeeds()
    {
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Status(429, retryAfter: "0"), FakeReply.Chat(Line));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("llm", utterance.Source);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_500_is_retried_and_then_succeeds()
    {
        using var server = new FakeOpenAIServer().Enqueue(FakeReply.Status(500), FakeReply.Status(503), FakeReply.Chat(Line));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal(Line, utterance.Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_5xx_exhausts_the_bounded_retries_and_falls_back_to_the_scripted_line()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Status(500));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());
        var request = TestData.LineRequest();

        var utterance = await llm.Voice.SpeakAsync(request, null);

        Assert.Equal("scripted-fallback", utterance.Source);
        Assert.Equal(request.ScriptedLine, utterance.Text);
        Assert.Contains("500", utterance.FallbackReason);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, llm.Usage.Summary().Fallbacks);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Status(400));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("scripted-fallback", utterance.Source);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_hanging_server_times_out_per_attempt_and_the_turn_falls_back()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Hang);
        using var llm = LlmServices.Create(TestData.Options(server) with { MaxRetries = 1, TimeoutSeconds = 1.0 }, new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("scripted-fallback", utterance.Source);
        Assert.Contains("timed out", utterance.FallbackReason);

        // The client gives up on the retry after its attempt timeout. On a loaded machine the server may see that request
        // a moment later, or only its headers (the client hangs up before the body is read), so count arrivals and give
        // them time to appear.
        for (var waited = 0; waited < 50 && server.Arrivals < 2; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, server.Arrivals);
    }

    [Fact]
    public async Task A_malformed_response_body_falls_back()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Raw("{\"choices\": [ {\"message\": "));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("scripted-fallback", utterance.Source);
        Assert.NotNull(utterance.FallbackReason);
    }

    [Fact]
    public async Task Empty_content_falls_back_with_the_reason()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Chat(""));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());

        var utterance = await llm.Voice.SpeakAsync(TestData.LineRequest(), null);

        Assert.Equal("scripted-fallback", utterance.Source);
        Assert.Equal("empty output", utterance.FallbackReason);
    }

    [Fact]
    public async Task A_truncated_judge_verdict_falls_back_to_the_builtin_scorer_with_a_note()
    {
        var full = new JsonObject
        {
            ["marking_points"] = new JsonArray(ProviderIntegrationTests.Item("apology", true, "sorry")),
            ["negatives"] = new JsonArray(),
        }.ToJsonString();
        using var server = new FakeOpenAIServer(_ => FakeReply.Chat(full[..(full.Length / 2)]));
        using var llm = LlmServices.Create(TestData.Options(server), new KeywordStandInScorer());
        Assert.True(llm.TryCreateScorer("combined", out var combined, out _));
        var context = TestData.Reply("I'm sorry, I will send a replacement.");

        var assessment = await combined.ScoreAsync(context);
        var builtin = await new KeywordStandInScorer().ScoreAsync(context);

        Assert.Equal("builtin", assessment.Source);
        Assert.Equal(builtin.CreditedIds, assessment.CreditedIds);
        Assert.Equal(builtin.Score, assessment.Score);
        Assert.Contains(assessment.Notes, n => n.Contains("malformed JSON"));
        Assert.Equal(1, llm.Usage.Summary().ByPurpose["judge"].Fallbacks);
    }

    [Fact]
    public async Task The_judge_on_a_hanging_server_falls_back_and_the_session_goes_on()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Hang);
        using var llm = LlmServices.Create(TestData.Options(server) with { MaxRetries = 0, TimeoutSeconds = 0.4 }, new KeywordStandInScorer());
        Assert.True(llm.TryCreateScorer("llm", out var judge, out _));

        var assessment = await judge.ScoreAsync(TestData.Reply("I'm sorry about the delay."));

        Assert.Equal("builtin", assessment.Source);
        Assert.True(assessment.IsCredited("apology"));
        Assert.Contains(assessment.Notes, n => n.Contains("LLM judge unavailable"));
    }
}
