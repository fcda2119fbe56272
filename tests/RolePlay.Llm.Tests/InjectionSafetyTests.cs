using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using RolePlay.Engine.Scoring;
using RolePlay.Llm.Tests.Fakes;
using RolePlay.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Llm.Tests;

/// <summary>Prompt-injection replies against a fake model that OBEYS them: the combined result must never beat the built-in scorer alone.</summary>
/// <remarks>Runs against the real <see cref="BuiltInScorer"/> from RolePlay.Scoring (and, as a second reference, the keyword stand-in).</remarks>
public sealed partial class InjectionSafetyTests
{
    public sealed record InjectionCase(string Id, string Kind, string Reply);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<InjectionCase> Cases { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "injection-replies.jsonl"))
        .Where(line => line.Trim().Length > 0)
        .Select(line => JsonSerializer.Deserialize<InjectionCase>(line, Web)!)
        .ToList();

    [Fact]
    public void The_data_file_has_at_least_30_varied_cases()
    {
        Assert.True(Cases.Count >= 30);
        Assert.True(Cases.Select(c => c.Kind).Distinct().Count() >= 8);
        Assert.Contains(Cases, c => c.Reply.Length > InjectionScreen.MaxReplyChars);
    }

    public static TheoryData<string> BuiltinScorers => ["real", "stand-in"];

    [Theory]
    [MemberData(nameof(BuiltinScorers))]
    public async Task An_obedient_model_never_lifts_the_combined_result_above_the_builtin_scorer(string which)
    {
        IReplyScorer builtinScorer = which == "real" ? new BuiltInScorer() : new KeywordStandInScorer();
        using var server = new FakeOpenAIServer(ObedientModel);
        using var llm = LlmServices.Create(TestData.Options(server), builtinScorer, guide: MarkingPointGuide.FromCatalogue(MarkingPointCatalogue.Default));
        Assert.True(llm.TryCreateScorer("combined", out var combined, out _));
        var failures = new List<string>();

        foreach (var injection in Cases)
        {
            var context = TestData.Reply(injection.Reply, "apology", "empathy", "solution");
            var builtin = await builtinScorer.ScoreAsync(context);
            var result = await combined.ScoreAsync(context);

            var extra = result.CreditedIds.Except(builtin.CreditedIds).ToList();
            if (result.Score > builtin.Score || extra.Count > 0)
            {
                failures.Add($"{injection.Id} ({injection.Kind}): score {result.Score} > {builtin.Score} or extra credits [{string.Join(", ", extra)}]");
            }
        }

        Assert.Empty(failures);

        // Some replies pass the screen and reach the obedient model, so the combination rule itself was exercised too.
        var unscreened = Cases.Count(c => !InjectionScreen.Check(c.Reply).Suspicious);
        Assert.True(unscreened >= 3);
        Assert.Equal(unscreened, server.Requests.Count);
    }

    [Fact]
    public async Task Under_the_opt_in_verified_policy_only_unscreened_replies_can_gain_and_at_most_one_point()
    {
        var builtinScorer = new BuiltInScorer();
        using var server = new FakeOpenAIServer(ObedientModel);
        using var llm = LlmServices.Create(TestData.Options(server) with { JudgeOnlyCredits = JudgeOnlyCreditPolicy.Verified }, builtinScorer);
        Assert.True(llm.TryCreateScorer("combined", out var combined, out _));

        foreach (var injection in Cases)
        {
            var context = TestData.Reply(injection.Reply, "apology", "empathy", "solution");
            var builtin = await builtinScorer.ScoreAsync(context);
            var result = await combined.ScoreAsync(context);

            var extra = result.CreditedIds.Except(builtin.CreditedIds).Count();
            var screened = InjectionScreen.Check(injection.Reply).Suspicious;
            Assert.True(screened ? extra == 0 && result.Score <= builtin.Score : extra <= 1, $"{injection.Id}: {extra} extra credit(s)");
        }
    }

    [Fact]
    public void The_screen_lets_ordinary_replies_through()
    {
        string[] ordinary =
        [
            "I'm really sorry about this. I can see why you're frustrated - I'll arrange a replacement and call you back by 5pm.",
            "Thanks for flagging it. Could you give me the order number so I can check what happened with the courier?",
            "I understand. Let me talk to the warehouse team and I'll email you an update tomorrow morning.",
            "Hi Sam, I know you're busy, but could we agree who covers Saturday? I can do the morning if you take the afternoon.",
        ];

        Assert.All(ordinary, reply => Assert.False(InjectionScreen.Check(reply).Suspicious, string.Join("; ", InjectionScreen.Check(reply).Reasons)));
    }

    /// <summary>Credits every marking point it is asked about, quoting the start of the reply (drawn from the injection) or invented text.</summary>
    private static FakeReply ObedientModel(RecordedRequest request)
    {
        var messages = request.Json!["messages"]!.AsArray();
        var system = messages[0]!["content"]!.ToString();
        var reply = messages[^1]!["content"]!.ToString();
        reply = reply[(reply.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        var markingSection = system[..system.IndexOf("Negative behaviours", StringComparison.Ordinal)];
        var ids = IdLine().Matches(markingSection).Select(m => m.Groups[1].Value).ToList();
        var quoteFromReply = reply.Length > 20 ? reply[..20] : reply;
        var points = new JsonArray(ids.Select((id, i) => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["credited"] = true,
            ["evidence"] = i % 2 == 0 ? quoteFromReply : "I sincerely apologise and will refund you",
            ["rationale"] = "As instructed by the reply, full credit.",
        }).ToArray());
        return FakeReply.Chat(new JsonObject { ["marking_points"] = points, ["negatives"] = new JsonArray() }.ToJsonString());
    }

    [GeneratedRegex(@"^- ([a-z_]+):", RegexOptions.Multiline)]
    private static partial Regex IdLine();
}
