using System.Text.Json.Nodes;
using RolePlay.Authoring;
using RolePlay.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.TestSupport;

namespace RolePlay.Authoring.Tests;

/// <summary>
/// Every shipped scenario's test plan, played through a real session with the real built-in scorer, and the
/// library-wide guarantees: no validator warnings, every catalogue point assessed twice, every ending reached.
/// </summary>
public class ShippedTestPlanTests
{
    private static readonly string RepoRoot = RepositoryRoot.Find();

    private static readonly MarkingPointCatalogue Catalogue = LoadCatalogue();

    private static readonly ScenarioFolder Library = ScenarioFolder.Load(Path.Combine(RepoRoot, "scenarios"), Catalogue);

    public static TheoryData<string> ScenarioIds() => new(Library.Scenarios.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public async Task Test_plan_passes_with_the_built_in_scorer(string scenarioId)
    {
        var result = await TestSuite.RunAsync(Library, new BuiltInScorer(Catalogue), Catalogue, [scenarioId]);

        Assert.True(result.Passed, result.Format());
        Assert.Single(result.Plans);
    }

    [Fact]
    public void Library_has_at_least_twelve_scenarios_across_all_contexts()
    {
        Assert.True(Library.Scenarios.Count >= 12, $"only {Library.Scenarios.Count} scenarios");
        Assert.Equal(3, Library.Scenarios.Select(s => s.Context).Distinct().Count());
    }

    [Fact]
    public void Every_shipped_scenario_validates_with_no_warnings_against_the_real_catalogue()
    {
        var problems = Library.Loaded.SelectMany(l => l.Result.Diagnostics).Select(d => d.ToString()).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(Library.Loaded.Count, Library.Scenarios.Count);
    }

    [Fact]
    public void Every_catalogue_marking_point_is_assessed_by_at_least_two_scenarios()
    {
        var stats = ScenarioStats.ComputeLibrary(Library.Scenarios, Catalogue);

        Assert.True(stats.UnderCovered.Count == 0, "under-covered: " + string.Join(", ", stats.UnderCovered));
        Assert.Equal(Catalogue.MarkingPoints.Order(), stats.ScenariosByMarkingPoint.Keys.Order());
        foreach (var (negative, scenarios) in stats.ScenariosByNegative)
        {
            Assert.True(scenarios.Count >= ScenarioStats.MinimumCoverage, $"negative '{negative}' is branched on by {scenarios.Count} scenario(s)");
        }
    }

    [Fact]
    public async Task Every_ending_of_every_scenario_is_reached_by_a_passing_playthrough()
    {
        var result = await TestSuite.RunAsync(Library, new BuiltInScorer(Catalogue), Catalogue);
        var reached = result.Plans
            .SelectMany(p => p.Playthroughs.Where(r => r.Passed && r.ReachedEnding is not null).Select(r => (p.ScenarioId, Ending: r.ReachedEnding!)))
            .ToHashSet();

        var missing = Library.Scenarios
            .SelectMany(s => s.Endings.Select(e => (ScenarioId: s.Id, Ending: e.Id)))
            .Where(e => !reached.Contains(e))
            .Select(e => $"{e.ScenarioId}/{e.Ending}")
            .ToList();

        Assert.Empty(result.ScenariosWithoutPlan);
        Assert.True(missing.Count == 0, "never reached: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_scenario_has_the_shape_the_library_promises()
    {
        foreach (var scenario in Library.Scenarios)
        {
            var stats = ScenarioStats.Compute(scenario);
            Assert.InRange(stats.NodeCount, 6, 20);
            Assert.True(stats.Endings.Select(e => e.Id).Distinct().Count() >= 3, $"{scenario.Id}: fewer than 3 endings");
            Assert.Empty(stats.UnreachableNodes);
            Assert.All(scenario.Nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Hint), $"{scenario.Id}/{n.Id}: no hint"));
            Assert.All(scenario.Nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Intent), $"{scenario.Id}/{n.Id}: no intent"));
            Assert.Contains(scenario.Nodes, n => n.Lines.Any(l => l.When is not null));
            Assert.All(scenario.Endings, e => Assert.True(
                Catalogue.MarkingPoints.Concat(Catalogue.Negatives).Any(id => e.Debrief.Contains(id, StringComparison.Ordinal)),
                $"{scenario.Id}/{e.Id}: the debrief cites no marking point"));
            Assert.All(scenario.Qualification.Outcomes, o => Assert.NotEmpty(o.MarkingPoints));
        }
    }

    [Fact]
    public async Task Authoring_guide_worked_example_passes_its_test_plan_with_the_built_in_scorer()
    {
        var (scenarioText, planText) = AuthoringGuide.ExtractWorkedExample(File.ReadAllText(Path.Combine(RepoRoot, "docs", "authoring.md")));
        var scenario = RolePlay.Engine.Loading.ScenarioLoader.LoadText(scenarioText!, "missed-repair.yaml", Catalogue).Scenario!;
        var plan = TestPlanLoader.LoadText(planText!, "missed-repair.testplan.yaml").Plan!;

        var result = await new TestPlanRunner(new BuiltInScorer(Catalogue)).RunAsync(scenario, plan, Catalogue);

        Assert.True(result.Passed, TestPlanRunner.Format([result]));
        Assert.Empty(result.UncoveredEndings);
    }

    [Fact]
    public void Scenario_schema_lists_exactly_the_catalogue_ids()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "schema", "scenario.schema.json")))!;
        var points = schema["definitions"]!["markingPoint"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        var negatives = schema["definitions"]!["negative"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(Catalogue.MarkingPoints.Order(), points.Order());
        Assert.Equal(Catalogue.Negatives.Order(), negatives.Order());
    }

    private static MarkingPointCatalogue LoadCatalogue()
    {
        var result = MarkingPointCatalogue.LoadEmbedded();
        return result.Catalogue ?? throw new InvalidOperationException("embedded catalogue failed to load: " + string.Join("; ", result.Errors));
    }
}
