using RolePlay.Engine.Authoring;
using RolePlay.Engine.Loading;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Tests;

/// <summary>The scenario library's test plans, played with the built-in scorer: authors' expectations of the scorer hold.</summary>
public class ScenarioPlaythroughTests
{
    public static TheoryData<string> Plans()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*" + TestPlanLoader.FileSuffix).Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Test_plan_passes_with_the_built_in_scorer(string planFile)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Scenarios");
        var plan = TestPlanLoader.LoadFile(Path.Combine(folder, planFile));
        Assert.True(plan.Succeeded, string.Join("\n", plan.Diagnostics));
        var scenario = ScenarioLoader.LoadFile(Path.Combine(folder, plan.Plan!.ScenarioId + ".yaml"), MarkingPointCatalogue.Default);
        Assert.True(scenario.Succeeded, string.Join("\n", scenario.Diagnostics));

        var result = await new TestPlanRunner(Score.Scorer).RunAsync(scenario.Scenario!, plan.Plan!, MarkingPointCatalogue.Default);

        Assert.True(result.Passed, TestPlanRunner.Format([result], verbose: true));
    }
}
