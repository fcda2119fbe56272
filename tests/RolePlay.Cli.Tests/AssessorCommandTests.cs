using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlay.Storage;
using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Cli.Tests;

/// <summary>Attempts played once through the real program, shared by the assessor command tests.</summary>
public sealed class PlayedAttempts : IAsyncLifetime, IDisposable
{
    public const string Script = "<script>alert(1)</script>";

    private static readonly string[] SamReplies =
    [
        "I'm so sorry your parcel is late, that must be really frustrating. Could you give me your order number so I can look into it? " + Script,
        "Thank you. I can see it's held at our depot because the label was damaged. I will personally arrange a priority redelivery for Friday and I'll call you by 5pm today to confirm the time.",
        "I'll ring you tomorrow afternoon to check it has arrived. Is that okay with you?",
        "/quit",
    ];

    private readonly TempFolder temp = new();

    public string Folder => temp.Path;

    public string SamSession { get; private set; } = "";

    public string KimSession { get; private set; } = "";

    public string LeeSession { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await PlayAsync(SamReplies, "late-delivery", "sam");
        await PlayAsync(["I'm sorry about that, could you tell me more about what happened?", "/quit"], "late-delivery", "kim");
        await PlayAsync(["Thanks for telling me, I understand. Could you tell me more?", "/quit"], "shift-cover", "lee");
        using var store = SqliteTranscriptStore.Open(temp.Database);
        SamSession = (await store.ListTranscriptsAsync(new TranscriptFilter(Learner: "sam"))).Single().SessionId;
        KimSession = (await store.ListTranscriptsAsync(new TranscriptFilter(Learner: "kim"))).Single().SessionId;
        LeeSession = (await store.ListTranscriptsAsync(new TranscriptFilter(Learner: "lee"))).Single().SessionId;
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        await CliProcess.RunAsync(temp.Path, [], ["--scenarios", CliProcess.ScenariosFolder, .. args]);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => temp.Dispose();

    private async Task PlayAsync(IEnumerable<string> replies, string scenario, string learner)
    {
        var (code, output, error) = await CliProcess.RunAsync(temp.Path, replies,
            "--scenarios", CliProcess.ScenariosFolder, "play", scenario, "--seed", "7", "--learner", learner);
        Assert.True(code == 0, $"play {scenario} as {learner}: exit {code}\n{output}\n{error}");
    }
}

/// <summary>
/// Runs the assessor tests on their own, after the parallel ones: they start many processes, and on a shared machine
/// that load would starve the play tests that wait for a killed process's turns.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AssessorTestsRunAlone
{
    public const string Name = "assessor commands";
}

/// <summary>The assessor's commands (review, report, export, transcripts, cohort, history) on attempts stored by real play.</summary>
[Collection(AssessorTestsRunAlone.Name)]
public sealed class AssessorCommandTests(PlayedAttempts played) : IClassFixture<PlayedAttempts>
{
    [Fact]
    public async Task Review_without_a_real_comment_is_refused_and_stores_nothing()
    {
        var (code, output, error) = await played.RunAsync("review", played.KimSession, "--decision", "competent", "--comment", "  ", "--assessor", "Jo");

        Assert.Equal(1, code);
        Assert.Contains("--comment must say why", output + error, StringComparison.Ordinal);
        using var store = SqliteTranscriptStore.Open(Path.Combine(played.Folder, "roleplay.db"));
        Assert.Empty((await store.GetTranscriptAsync(played.KimSession))!.Reviews);
    }

    [Fact]
    public async Task Credit_uncredit_and_decision_are_stored_and_reported_beside_the_unchanged_automated_result()
    {
        using var before = JsonDocument.Parse((await RunOk("report", played.SamSession, "--format", "json")).Output);
        var turnOne = before.RootElement.GetProperty("conversation")[0];
        var creditedBefore = turnOne.GetProperty("credited").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("apology", creditedBefore);
        Assert.DoesNotContain("follow_up", creditedBefore);

        await RunOk("review", played.SamSession, "--turn", "1", "--uncredit", "apology", "--comment", "Said sorry but then added code.", "--assessor", "Jo Assessor");
        await RunOk("review", played.SamSession, "--turn", "1", "--credit", "follow_up", "--comment", "Promised to look into it.", "--assessor", "Jo Assessor");
        await RunOk("review", played.SamSession, "--decision", "competent", "--comment", "Handled the complaint well overall.", "--assessor", "Jo Assessor");

        using var after = JsonDocument.Parse((await RunOk("report", played.SamSession, "--format", "json")).Output);
        var root = after.RootElement;
        var apology = TurnOf(root, "apology", 1);
        Assert.True(apology.GetProperty("automatedCredited").GetBoolean());
        Assert.False(apology.GetProperty("credited").GetBoolean());
        Assert.Equal("uncredit", apology.GetProperty("assessor").GetProperty("action").GetString());
        var followUp = TurnOf(root, "follow_up", 1);
        Assert.False(followUp.GetProperty("automatedCredited").GetBoolean());
        Assert.True(followUp.GetProperty("credited").GetBoolean());
        Assert.Equal("Jo Assessor", followUp.GetProperty("assessor").GetProperty("assessor").GetString());
        Assert.Equal("competent", root.GetProperty("assessorDecision").GetProperty("decision").GetString());
        Assert.Equal(["uncredit", "credit", "decision"], root.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(turnOne.GetProperty("score").GetDouble(), root.GetProperty("conversation")[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Html_report_is_written_to_a_self_contained_file_with_the_learners_text_encoded()
    {
        var file = Path.Combine(played.Folder, "sam-report.html");

        await RunOk("report", played.SamSession, "--format", "html", "--output", file);

        var html = await File.ReadAllTextAsync(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("(src|href)=\"https?:", RegexOptions.IgnoreCase), html);
        Assert.Contains("Dana Hughes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_lists_only_turns_that_bear_on_each_criterion_without_a_doubled_verdict()
    {
        var md = (await RunOk("report", played.SamSession, "--format", "md")).Output;
        using var json = JsonDocument.Parse((await RunOk("report", played.SamSession, "--format", "json")).Output);

        Assert.DoesNotContain("Credited: Credited", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Not credited: Not credited", md, StringComparison.Ordinal);

        // The scenario was found, so each row says whether its node looked for the point; a row is there only when
        // the turn earned the point, an assessor ruled on it, or its node sought it (a missed opportunity).
        var rows = json.RootElement.GetProperty("criteria").EnumerateArray().SelectMany(c => c.GetProperty("turns").EnumerateArray()).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(
            row.GetProperty("credited").GetBoolean() || row.GetProperty("automatedCredited").GetBoolean()
            || row.GetProperty("assessor").ValueKind == JsonValueKind.Object || row.GetProperty("lookedFor").GetBoolean()));
    }

    [Fact]
    public async Task Xapi_export_is_a_json_array_of_statements_sharing_one_registration()
    {
        var output = (await RunOk("export", "xapi", played.SamSession)).Output;

        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var statements = json.RootElement.EnumerateArray().ToList();
        Assert.True(statements.Count >= 3, output);
        foreach (var statement in statements)
        {
            Assert.Equal(JsonValueKind.Object, statement.GetProperty("actor").ValueKind);
            Assert.StartsWith("http", statement.GetProperty("verb").GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(statement.GetProperty("object").GetProperty("id").GetString()));
        }

        var registrations = statements.Select(s => s.GetProperty("context").GetProperty("registration").GetString()).Distinct().ToList();
        Assert.True(Guid.TryParse(Assert.Single(registrations), out _));
    }

    [Fact]
    public async Task Transcripts_list_filters_by_learner_and_by_scenario()
    {
        using var sam = JsonDocument.Parse((await RunOk("transcripts", "list", "--json", "--learner", "sam")).Output);
        using var lateDelivery = JsonDocument.Parse((await RunOk("transcripts", "list", "--json", "--scenario", "late-delivery")).Output);
        using var everyone = JsonDocument.Parse((await RunOk("transcripts", "list", "--json")).Output);

        Assert.Equal([played.SamSession], Ids(sam));
        Assert.Equal(new[] { played.KimSession, played.SamSession }.Order(), Ids(lateDelivery).Order());
        Assert.Equal(new[] { played.KimSession, played.LeeSession, played.SamSession }.Order(), Ids(everyone).Order());
    }

    [Fact]
    public async Task Cohort_counts_learners_per_marking_point_the_scenario_looked_for()
    {
        using var cohort = JsonDocument.Parse((await RunOk("cohort", "--json", "--scenario", "late-delivery")).Output);
        var root = cohort.RootElement;
        Assert.Equal(2, root.GetProperty("learners").GetInt32());
        var criteria = root.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("markingPointId").GetString()!);

        // Both learners answered the opening node, which looks for an apology; kim quit after it.
        Assert.Equal(2, criteria["apology"].GetProperty("learnersAssessed").GetInt32());
        Assert.All(criteria.Values, c => Assert.InRange(c.GetProperty("learnersDemonstrated").GetInt32(), 0, c.GetProperty("learnersAssessed").GetInt32()));

        // "Assessed" means a node the learner answered looked for it (or it was credited), not every catalogue point.
        var sought = SoughtBy(Path.Combine(CliProcess.ScenariosFolder, "late-delivery.yaml"));
        using var store = SqliteTranscriptStore.Open(Path.Combine(played.Folder, "roleplay.db"));
        var credited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in new[] { played.SamSession, played.KimSession })
        {
            var transcript = (await store.GetTranscriptAsync(id))!;
            credited.UnionWith(transcript.MarkingPointIds.Where(p => transcript.Turns.Any(t => transcript.IsCredited(t, p))));
        }

        Assert.All(criteria.Keys, id => Assert.True(sought.Contains(id) || credited.Contains(id), $"{id} counted as assessed"));
    }

    [Fact]
    public async Task History_lists_learners_and_one_learners_attempts()
    {
        var learners = (await RunOk("history")).Output;
        var kim = (await RunOk("history", "--learner", "kim")).Output;

        Assert.Contains("sam", learners, StringComparison.Ordinal);
        Assert.Contains("kim", learners, StringComparison.Ordinal);
        Assert.Contains("lee", learners, StringComparison.Ordinal);
        Assert.Contains("kim", kim, StringComparison.Ordinal);
        Assert.DoesNotContain("sam", kim, StringComparison.Ordinal);
        Assert.DoesNotContain("lee", kim, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunOk(params string[] args)
    {
        var result = await played.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        return result;
    }

    private static JsonElement TurnOf(JsonElement report, string markingPointId, int turn) =>
        report.GetProperty("criteria").EnumerateArray()
            .Single(c => c.GetProperty("markingPointId").GetString() == markingPointId)
            .GetProperty("turns").EnumerateArray()
            .Single(t => t.GetProperty("turn").GetInt32() == turn);

    private static List<string> Ids(JsonDocument list) =>
        list.RootElement.EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()!).ToList();

    /// <summary>Every marking point named in the scenario file's <c>assesses</c> lists.</summary>
    private static HashSet<string> SoughtBy(string scenarioFile) =>
        Regex.Matches(File.ReadAllText(scenarioFile), @"assesses:\s*\[([^\]]*)\]")
            .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
}
