using System.Text.RegularExpressions;
using RolePlay.Authoring;
using RolePlay.Engine.Diagnostics;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

/// <summary>docs/authoring.md must document exactly the diagnostics the loader and validator can report.</summary>
public partial class AuthoringGuideTests
{
    private static string GuidePath => Path.Combine(RepoRoot, "docs", "authoring.md");

    private static string Guide => File.ReadAllText(GuidePath).ReplaceLineEndings("\n");

    [Fact]
    public void Every_diagnostic_is_documented_with_its_title()
    {
        var guide = Guide;
        foreach (var d in DiagnosticDescriptors.All.Concat(TestPlanDiagnostics.All))
        {
            Assert.Contains($"#### {d.Code}\n\n**{d.Title}**", guide, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_unknown_diagnostic_code_is_mentioned()
    {
        var known = DiagnosticDescriptors.All.Concat(TestPlanDiagnostics.All).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        var unknown = CodePattern().Matches(Guide).Select(m => m.Value).Where(c => !known.Contains(c)).Distinct().ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_diagnostic_has_an_example_and_no_example_is_orphaned()
    {
        var codes = DiagnosticDescriptors.All.Concat(TestPlanDiagnostics.All).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        var missing = codes.Where(c => !AuthoringGuide.Examples.ContainsKey(c)).ToList();
        var orphaned = AuthoringGuide.Examples.Keys.Where(c => !codes.Contains(c)).ToList();

        Assert.True(missing.Count == 0, "no example for: " + string.Join(", ", missing));
        Assert.True(orphaned.Count == 0, "example for unknown code: " + string.Join(", ", orphaned));
    }

    /// <summary>
    /// The generated section must match the descriptors. To regenerate after changing descriptors or examples,
    /// run the tests once with ROLEPLAY_UPDATE_DOCS=1 and commit the updated guide.
    /// </summary>
    [Fact]
    public void Generated_diagnostics_section_is_up_to_date()
    {
        var section = AuthoringGuide.RenderDiagnosticsSection(DiagnosticDescriptors.All, TestPlanDiagnostics.All);
        var guide = Guide;
        var updated = AuthoringGuide.ReplaceDiagnosticsSection(guide, section);
        Assert.NotNull(updated);
        if (updated != guide && Environment.GetEnvironmentVariable("ROLEPLAY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(GuidePath, updated);
            guide = updated;
        }

        Assert.True(updated == guide, "docs/authoring.md is out of date: run the tests with ROLEPLAY_UPDATE_DOCS=1 and commit the result");
    }

    [Fact]
    public void Replacing_the_section_keeps_the_text_around_it()
    {
        var guide = $"before\n{AuthoringGuide.BeginMarker}\nold\n{AuthoringGuide.EndMarker}\nafter\n";

        var result = AuthoringGuide.ReplaceDiagnosticsSection(guide, $"{AuthoringGuide.BeginMarker}\nnew\n{AuthoringGuide.EndMarker}\n");

        Assert.Equal($"before\n{AuthoringGuide.BeginMarker}\nnew\n{AuthoringGuide.EndMarker}\nafter\n", result);
        Assert.Null(AuthoringGuide.ReplaceDiagnosticsSection("no markers", "x"));
    }

    [Fact]
    public void Worked_example_is_a_valid_scenario_with_a_valid_test_plan()
    {
        var (scenarioText, planText) = AuthoringGuide.ExtractWorkedExample(Guide);
        Assert.NotNull(scenarioText);
        Assert.NotNull(planText);

        var scenario = RolePlay.Engine.Loading.ScenarioLoader.LoadText(scenarioText, "missed-repair.yaml", Vocabulary);
        var plan = TestPlanLoader.LoadText(planText, "missed-repair.testplan.yaml");

        Assert.True(scenario.Diagnostics.Count == 0, string.Join("\n", scenario.Diagnostics));
        Assert.True(plan.Diagnostics.Count == 0, string.Join("\n", plan.Diagnostics));
        Assert.Empty(TestPlanLoader.CheckAgainst(plan.Plan!, scenario.Scenario!, Vocabulary));
        Assert.Equal(scenario.Scenario!.Endings.Select(e => e.Id).Order(), plan.Plan!.Playthroughs.Select(p => p.ExpectedEnding).Distinct().Order());
    }

    [GeneratedRegex(@"\b(RP|TP)\d{4}\b")]
    private static partial Regex CodePattern();
}
