using RolePlay.Authoring;
using RolePlay.Engine.Loading;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

public class TestPlanRunnerTests
{
    /// <summary>Credits every catalogue id written in the reply as a word, so tests control routing exactly.</summary>
    private sealed class WordScorer : IReplyScorer
    {
        public Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default)
        {
            var words = context.Reply.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            MarkingPointResult Result(string id) => new(id, words.Contains(id), words.Contains(id) ? 1 : 0, [], "word match");
            return Task.FromResult(new TurnAssessment
            {
                MarkingPoints = Vocabulary.MarkingPoints.Select(Result).ToList(),
                Negatives = Vocabulary.Negatives.Select(Result).ToList(),
                Score = words.Count,
            });
        }
    }

    private static readonly TestPlanRunner Runner = new(new WordScorer());

    private static Playthrough Run(string ending, string[]? path, params string[] replies) =>
        new("run", replies, ending, path, []);

    [Fact]
    public async Task Passing_playthrough_records_path_and_ending()
    {
        var result = await Runner.RunAsync(Sample(), Run("good", ["start", "a"], "hello", "apology"));

        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal(["start", "a"], result.Path);
        Assert.Equal("good", result.ReachedEnding);
        Assert.Equal(2, result.Turns.Count);
    }

    [Fact]
    public async Task Wrong_ending_is_reported_with_the_last_reply_and_assessment()
    {
        var result = await Runner.RunAsync(Sample(), Run("good", null, "hello", "nothing", "blame"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("ending: expected 'good', got 'bad'", failure.ToString());
        Assert.Contains("turn 3 reply: \"blame\"", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("detected [blame]", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("to 'bad'", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_reached_before_the_replies_run_out_fails()
    {
        var result = await Runner.RunAsync(Sample(), Run("good", null, "hello", "apology", "one more"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal(3, failure.Turn);
        Assert.Equal("expected the dialogue to continue for 1 more reply", $"expected {failure.Expected}");
        Assert.Equal("ending 'good' after turn 2", failure.Actual);
    }

    [Fact]
    public async Task Replies_running_out_before_an_ending_fails()
    {
        var result = await Runner.RunAsync(Sample(), Run("good", null, "hello"));

        var failure = Assert.Single(result.Failures);
        Assert.Null(result.ReachedEnding);
        Assert.Contains("no ending after 1 replies (waiting at node 'a')", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_mismatch_names_the_turn_and_both_nodes()
    {
        var result = await Runner.RunAsync(Sample(), Run("partly", ["start", "a", "a"], "hello", "nothing", "nothing"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("turn 3 at node 'b': node: expected 'a', got 'b'", failure.ToString());
    }

    [Fact]
    public async Task Turn_limit_ending_is_reachable_by_stalling()
    {
        var scenario = Sample() with { TurnLimit = 4 };

        var result = await Runner.RunAsync(scenario, Run("ran_out", null, "hello", "nothing", "apology", "nothing"));

        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal(["start", "a", "b", "a"], result.Path);
    }

    [Fact]
    public async Task Assessment_expectations_are_checked_per_turn()
    {
        var playthrough = new Playthrough("expectations", ["hello", "apology"], "good", null,
        [
            new TurnExpectation(2, Credited: ["apology", "empathy"], NotCredited: ["apology"], Detected: ["blame"]),
        ]);

        var result = await Runner.RunAsync(Sample(), playthrough);

        Assert.Equal(
            ["credited: expected [empathy], got not credited", "not credited: expected [apology] not credited, got credited", "detected: expected [blame], got not detected"],
            result.Failures.Select(f => $"{f.What}: expected {f.Expected}, got {f.Actual}"));
        Assert.All(result.Failures, f => Assert.Equal((2, "a"), (f.Turn!.Value, f.NodeId!)));
    }

    [Fact]
    public async Task Refused_reply_stops_the_playthrough()
    {
        var result = await Runner.RunAsync(Sample(), Run("good", null, "hello", "   ", "apology"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("reply", failure.What);
        Assert.Contains("refused", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_reports_uncovered_endings_and_bad_ids_without_running()
    {
        var good = new TestPlan("sample", [Run("good", null, "hello", "apology")]);
        var bad = new TestPlan("sample", [Run("nowhere", null, "hello")]);

        var goodResult = await Runner.RunAsync(Sample(), good, Vocabulary);
        var badResult = await Runner.RunAsync(Sample(), bad, Vocabulary);

        Assert.True(goodResult.Passed);
        Assert.Equal(["partly", "bad", "ran_out"], goodResult.UncoveredEndings);
        Assert.False(badResult.Passed);
        Assert.Empty(badResult.Playthroughs);
        Assert.Equal("TP0101", Assert.Single(badResult.Diagnostics).Code);
    }

    [Fact]
    public async Task Report_is_readable()
    {
        var plan = new TestPlan("sample", [Run("good", null, "blame", "blame"), Run("bad", null, "hello", "nothing", "blame")], "sample.testplan.yaml");

        var report = TestPlanRunner.Format([await Runner.RunAsync(Sample(), plan)]);

        Assert.Contains("FAIL sample: 1/2 playthroughs passed", report, StringComparison.Ordinal);
        Assert.Contains("FAIL \"run\" (sample.testplan.yaml:0:0)", report, StringComparison.Ordinal);
        Assert.Contains("path: start > a > (no ending)", report, StringComparison.Ordinal);
        Assert.Contains("note: ending 'partly' is not reached by any playthrough", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suite_runs_plans_from_a_folder_and_reports_missing_plans_and_unknown_names()
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-suite-").FullName;
        try
        {
            File.Copy(Path.Combine(BrokenDir, "..", "minimal-valid.yaml"), Path.Combine(dir, "minimal-valid.yaml"));
            File.WriteAllText(Path.Combine(dir, "minimal-valid.testplan.yaml"), """
                scenario: minimal-valid
                playthroughs:
                  - name: apologises
                    replies: [apology]
                    ending: done
                """);
            File.Copy(Path.Combine(BrokenDir, "..", "minimal-valid.yaml"), Path.Combine(dir, "other.yaml"));
            File.WriteAllText(Path.Combine(dir, "other.yaml"), File.ReadAllText(Path.Combine(dir, "other.yaml")).Replace("id: minimal-valid", "id: other"));
            var library = ScenarioFolder.Load(dir, Vocabulary);

            var all = await TestSuite.RunAsync(library, new WordScorer(), Vocabulary);
            var named = await TestSuite.RunAsync(library, new WordScorer(), Vocabulary, ["scenarios/minimal-valid.yaml", "missing"]);

            Assert.True(all.Passed, all.Format());
            Assert.Equal(0, all.ExitCode);
            Assert.Equal(["other"], all.ScenariosWithoutPlan);
            Assert.Contains("PASSED: 1/1 playthroughs in 1 test plan(s)", all.Format(), StringComparison.Ordinal);
            Assert.Equal(1, named.ExitCode);
            Assert.Single(named.Plans);
            Assert.Contains("no scenario 'missing'", Assert.Single(named.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Suite_reports_load_errors_only_for_the_scenarios_it_tests()
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-suite-").FullName;
        try
        {
            File.Copy(Path.Combine(BrokenDir, "..", "minimal-valid.yaml"), Path.Combine(dir, "minimal-valid.yaml"));
            File.WriteAllText(Path.Combine(dir, "minimal-valid.testplan.yaml"), "scenario: minimal-valid\nplaythroughs:\n  - name: n\n    replies: [apology]\n    ending: done\n");
            File.Copy(Path.Combine(BrokenDir, "unknown-context-kind.yaml"), Path.Combine(dir, "unknown-context-kind.yaml"));
            var library = ScenarioFolder.Load(dir, Vocabulary);

            var all = await TestSuite.RunAsync(library, new WordScorer(), Vocabulary);
            var named = await TestSuite.RunAsync(library, new WordScorer(), Vocabulary, ["minimal-valid"]);

            Assert.Equal(1, all.ExitCode);
            Assert.Contains(all.Problems, d => d.File.EndsWith("unknown-context-kind.yaml", StringComparison.Ordinal));
            Assert.Equal(0, named.ExitCode);
            Assert.Empty(named.Problems);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Shipped_test_plans_load_cleanly_and_cover_every_ending()
    {
        var library = ScenarioFolder.Load(ScenariosDir, Vocabulary);
        Assert.NotEmpty(library.Scenarios);
        foreach (var scenario in library.Scenarios)
        {
            var loaded = TestPlanLoader.LoadFile(library.TestPlanPath(scenario.Id));
            Assert.True(loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics));
            Assert.Empty(TestPlanLoader.CheckAgainst(loaded.Plan!, scenario, Vocabulary));
            var expected = loaded.Plan!.Playthroughs.Select(p => p.ExpectedEnding).ToHashSet();
            Assert.True(scenario.Endings.All(e => expected.Contains(e.Id)),
                $"{scenario.Id}: no playthrough for {string.Join(", ", scenario.Endings.Select(e => e.Id).Where(id => !expected.Contains(id)))}");
        }
    }

    [Fact]
    public void Loader_reads_what_the_suite_loads()
    {
        // The library skips test plans and the catalogue when loading scenarios.
        Assert.False(ScenarioFolder.IsScenarioFile("late-delivery.testplan.yaml"));
        Assert.False(ScenarioFolder.IsScenarioFile("marking-points.yaml"));
        Assert.True(ScenarioFolder.IsScenarioFile("late-delivery.yaml"));
        Assert.Equal(ScenarioLoader.LoadFile(Path.Combine(ScenariosDir, "late-delivery.yaml"), Vocabulary).Scenario!.Id,
            ScenarioFolder.Load(ScenariosDir, Vocabulary).Find("late-delivery")!.Id);
    }
}
