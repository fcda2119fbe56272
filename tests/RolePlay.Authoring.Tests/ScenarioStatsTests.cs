using RolePlay.Authoring;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

public class ScenarioStatsTests
{
    [Fact]
    public void Graph_finds_reachable_and_unreachable_nodes()
    {
        var graph = new ScenarioPaths(Sample());

        Assert.True(graph.IsReachable("b"));
        Assert.True(graph.IsReachable("bad"));
        Assert.False(graph.IsReachable("orphan"));
        Assert.Equal(["orphan"], graph.UnreachableNodes.Select(n => n.Id));
    }

    [Fact]
    public void Path_lengths_count_replies_along_simple_paths()
    {
        var stats = ScenarioStats.Compute(Sample());
        EndingStats Ending(string id) => stats.Endings.Single(e => e.Id == id);

        // start → a → good: two replies; start → a → b → (a already visited) so good is never longer.
        Assert.Equal((2, 2), (Ending("good").ShortestTurns, Ending("good").LongestTurns));
        Assert.Equal((3, 3), (Ending("bad").ShortestTurns, Ending("bad").LongestTurns));
        Assert.Null(Ending("ran_out").ShortestTurns);
        Assert.True(Ending("ran_out").IsTurnLimitEnding);
        Assert.Equal(4, stats.NodeCount);
        Assert.Equal(4, stats.EndingCount);
        Assert.Equal(["orphan"], stats.UnreachableNodes);
    }

    [Fact]
    public void Longest_path_takes_the_detour()
    {
        var scenario = Sample() with
        {
            Nodes =
            [
                Node("start", To("x", "apology"), To("y")),
                Node("x", To("y", "apology"), To("end")),
                Node("y", To("end")),
            ],
            Endings = [End("end", Outcomes.Resolved)],
        };

        var end = ScenarioStats.Compute(scenario).Endings.Single();

        Assert.Equal(2, end.ShortestTurns);
        Assert.Equal(3, end.LongestTurns);
    }

    [Fact]
    public void Guard_names_and_estimate_are_reported()
    {
        var stats = ScenarioStats.Compute(Sample());

        Assert.Equal(["apology", "blame", "anger"], stats.NamesInGuards);
        Assert.Equal(["apology"], stats.MarkingPointsAssessed);
        Assert.True(stats.EstimatedMinutes >= 2);
    }

    [Fact]
    public void Library_lists_uncovered_catalogue_points_and_negatives()
    {
        var vocabulary = MarkingPointVocabulary.Of(["apology", "empathy"], ["blame", "jargon"]);
        var other = Sample() with { Id = "other" };

        var library = ScenarioStats.ComputeLibrary([Sample(), other], vocabulary);

        Assert.Equal(["other", "sample"], library.ScenariosByMarkingPoint["apology"]);
        Assert.Empty(library.ScenariosByMarkingPoint["empathy"]);
        Assert.Equal(["empathy"], library.UnderCovered);
        Assert.Equal(2, library.ScenariosByNegative["blame"].Count);
        Assert.Empty(library.ScenariosByNegative["jargon"]);
    }

    [Fact]
    public void Json_uses_snake_case_and_round_trips_the_numbers()
    {
        var json = ScenarioStats.ToJson(ScenarioStats.Compute(Sample()));
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        Assert.Equal("sample", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("node_count").GetInt32());
        Assert.Equal("customer", doc.RootElement.GetProperty("context").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("endings")[0].GetProperty("shortest_turns").GetInt32());
    }

    [Fact]
    public void Text_report_flags_under_covered_points()
    {
        var vocabulary = MarkingPointVocabulary.Of(["apology", "empathy"], []);

        var text = ScenarioStats.ToText(ScenarioStats.ComputeLibrary([Sample()], vocabulary));

        Assert.Contains("empathy", text, StringComparison.Ordinal);
        Assert.Contains("<- fewer than 2", text, StringComparison.Ordinal);
        Assert.Contains("unreachable nodes: orphan", text, StringComparison.Ordinal);
    }
}
