using RolePlay.Engine.Voice;
using RolePlay.Llm.Tests.Fakes;
using RolePlay.Storage;
using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Cli.Tests;

/// <summary>The real CLI with an LLM configured through environment variables, against a fake OpenAI-compatible server on loopback.</summary>
public sealed class LlmProcessTests
{
    [Fact]
    public async Task The_persona_speaks_the_models_line_and_a_garbage_judge_falls_back_to_the_built_in_scorer()
    {
        const string modelLine = "Three days late, and nobody has told me a thing. Where is my parcel?";
        using var server = new FakeOpenAIServer(request =>
            request.Body.Contains("json_schema", StringComparison.Ordinal)
                ? FakeReply.Chat("this is not the JSON you asked for", 900, 15)
                : FakeReply.Chat(modelLine, 300, 25));
        using var temp = new TempFolder();
        var (code, output, error) = await CliProcess.RunAsync(temp.Path,
            ["I'm so sorry it's late. Could you give me your order number so I can check?", "/quit"],
            ["--scenarios", CliProcess.ScenariosFolder, "play", "late-delivery", "--seed", "1"],
            new Dictionary<string, string>
            {
                ["ROLEPLAY_LLM__PROVIDER"] = "local",
                ["ROLEPLAY_LLM__ENDPOINT"] = new Uri(server.BaseUri, "v1").ToString(),
                ["ROLEPLAY_LLM__MODEL"] = "fake-model",
                ["ROLEPLAY_LLM__TIMEOUTSECONDS"] = "5",
                ["ROLEPLAY_LLM__MAXRETRIES"] = "0",
            });

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains(modelLine, output);
        Assert.Contains("apology", output);
        Assert.Contains(server.Requests, r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

        // The stored turn says where the line came from and what each model call cost, garbage included.
        using var store = SqliteTranscriptStore.Open(temp.Database);
        var summary = Assert.Single(await store.ListTranscriptsAsync(new TranscriptFilter()));
        var turn = Assert.Single((await store.GetTranscriptAsync(summary.SessionId))!.Turns);
        Assert.Equal(("llm", modelLine), (turn.PersonaLineSource, turn.PersonaLine));
        Assert.Equal(new TokenUsage(300, 25), turn.PersonaLineUsage);
        Assert.Equal(new TokenUsage(900, 15), turn.Assessment.Usage);
        Assert.Contains(turn.Assessment.Notes, n => n.Contains("LLM judge unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_llm_no_request_is_made_and_the_scripted_line_is_spoken()
    {
        using var server = new FakeOpenAIServer(_ => FakeReply.Chat("should never be used"));
        using var temp = new TempFolder();
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, ["/quit"],
            ["--scenarios", CliProcess.ScenariosFolder, "play", "late-delivery", "--seed", "1"],
            new Dictionary<string, string> { ["ROLEPLAY_LLM__ENDPOINT"] = server.BaseUri.ToString() });

        Assert.Equal(0, code);
        Assert.DoesNotContain("should never be used", output);
        Assert.Empty(server.Requests);
    }
}
