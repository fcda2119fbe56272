using RolePlay.Authoring;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Scoring;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

public class TestPlanLoaderTests
{
    private const string Valid = """
        scenario: sample
        playthroughs:
          - name: apologises straight away
            replies:
              - Hello there.
              - "I'm so sorry: that should not have happened."
            ending: good
            path: [start, a]
            seed: 7
            expect:
              - turn: 2
                credited: [apology]
                not_credited: [empathy]
                detected: [blame]
        """;

    [Fact]
    public void Loads_a_valid_plan()
    {
        var result = TestPlanLoader.LoadText(Valid, "sample.testplan.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var plan = result.Plan!;
        Assert.Equal("sample", plan.ScenarioId);
        var run = Assert.Single(plan.Playthroughs);
        Assert.Equal("apologises straight away", run.Name);
        Assert.Equal(["Hello there.", "I'm so sorry: that should not have happened."], run.Replies);
        Assert.Equal("good", run.ExpectedEnding);
        Assert.Equal(["start", "a"], run.ExpectedPath);
        Assert.Equal(7, run.Seed);
        var turn = Assert.Single(run.Turns);
        Assert.Equal((2, "apology", "empathy", "blame"), (turn.Turn, turn.Credited.Single(), turn.NotCredited.Single(), turn.Detected.Single()));
        Assert.Equal(3, run.Position.Line);
    }

    [Fact]
    public void Reports_missing_fields_with_line_and_column()
    {
        var result = TestPlanLoader.LoadText("""
            scenario: sample
            playthroughs:
              - name: no ending
                replies: [hello]
            """, "p.yaml");

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TP0002", diagnostic.Code);
        Assert.Equal((3, 5), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("p.yaml:3:5: error TP0002: 'playthrough 'no ending'' is missing required field 'ending'", diagnostic.ToString());
    }

    [Fact]
    public void Unknown_fields_are_warnings()
    {
        var result = TestPlanLoader.LoadText("""
            scenario: sample
            playthroughs:
              - name: typo
                replies: [hello]
                ending: good
                endign: good
            """);

        Assert.True(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("TP0004", Severity.Warning, 6, 5), (diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("scenario: s\nplaythroughs: nope\n", "TP0003")]
    [InlineData("scenario: s\nplaythroughs: []\n", "TP0005")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a, b]\n    ending: e\n    path: [x]\n", "TP0005")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a]\n    ending: e\n    expect:\n      - turn: 3\n", "TP0005")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a]\n    ending: e\n    seed: many\n", "TP0003")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: a\n    ending: e\n", "TP0003")]
    [InlineData("scenario: [s\n", "TP0001")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a, b\n    ending: e\n", "TP0001")]
    [InlineData("- just a list\n", "TP0003")]
    [InlineData("", "TP0003")]
    public void Reports_malformed_plans_without_throwing(string text, string code)
    {
        var result = TestPlanLoader.LoadText(text);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.IsError);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1));
    }

    [Fact]
    public void Checks_ids_against_the_scenario_and_catalogue()
    {
        var plan = TestPlanLoader.LoadText(Valid.Replace("ending: good", "ending: nowhere").Replace("[start, a]", "[start, zz]")).Plan!;
        var vocabulary = MarkingPointVocabulary.Of(["apology"], ["blame"]);

        var found = TestPlanLoader.CheckAgainst(plan, Sample(), vocabulary);

        Assert.Equal(
            ["ending 'nowhere'", "node 'zz'", "marking point 'empathy'"],
            found.Select(d => d.Message[..d.Message.IndexOf(" is not", StringComparison.Ordinal)]));
        Assert.All(found, d => Assert.Equal("TP0101", d.Code));
    }

    [Fact]
    public void Missing_file_is_a_diagnostic()
    {
        var result = TestPlanLoader.LoadFile(Path.Combine(RepoRoot, "no-such.testplan.yaml"));

        Assert.Equal("TP0006", Assert.Single(result.Diagnostics).Code);
    }
}
