using RolePlay.Authoring;
using RolePlay.Engine.Model;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

public class GraphRendererTests
{
    [Fact]
    public void Dot_declares_every_node_and_ending_and_every_edge()
    {
        var scenario = Sample();
        var dot = GraphRenderer.ToDot(scenario);

        Assert.StartsWith("digraph \"sample\" {", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var id in scenario.Nodes.Select(n => n.Id).Concat(scenario.Endings.Select(e => e.Id)))
        {
            Assert.Contains($"  \"{id}\" [", dot, StringComparison.Ordinal);
        }

        var edgeCount = dot.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal));
        Assert.Equal(1 + scenario.Nodes.Sum(n => n.Transitions.Count), edgeCount);
        Assert.Contains("\"__start\" -> \"start\";", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_labels_edges_with_guards_and_updates()
    {
        var dot = GraphRenderer.ToDot(Sample());

        Assert.Contains("\"a\" -> \"good\" [label=\"apology and anger <= 6\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"b\" -> \"a\" [label=\"apology\\n[anger -2]\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"a\" -> \"b\" [label=\"otherwise\"", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_colours_endings_by_outcome_and_dashes_unreachable_nodes()
    {
        var lines = GraphRenderer.ToDot(Sample()).Split('\n');
        string Decl(string id) => lines.Single(l => l.StartsWith($"  \"{id}\" [", StringComparison.Ordinal));

        Assert.Contains("fillcolor=\"#c8e6c9\"", Decl("good"), StringComparison.Ordinal);
        Assert.Contains("fillcolor=\"#ffe0b2\"", Decl("partly"), StringComparison.Ordinal);
        Assert.Contains("fillcolor=\"#ffcdd2\"", Decl("bad"), StringComparison.Ordinal);
        Assert.Contains("(turn limit)", Decl("ran_out"), StringComparison.Ordinal);
        Assert.Contains("dashed", Decl("orphan"), StringComparison.Ordinal);
        Assert.DoesNotContain("dashed", Decl("a"), StringComparison.Ordinal);
        Assert.Contains("style=dashed", lines.Single(l => l.StartsWith("  \"orphan\" ->", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_escapes_quotes_in_titles()
    {
        var dot = GraphRenderer.ToDot(Sample());

        Assert.Contains("label=\"Sample \\\"quoted\\\" scenario (sample)\";", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_is_a_flowchart_with_classes_for_outcomes_and_unreachable_nodes()
    {
        var mermaid = GraphRenderer.ToMermaid(Sample());
        var lines = mermaid.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("flowchart TD", lines[0]);
        Assert.Contains("    n_a -->|\"apology and anger #lt;= 6\"| n_good", lines);
        Assert.Contains("    n_b -->|\"apology<br/>[anger -2]\"| n_a", lines);
        Assert.Contains("    n_orphan -.->|\"otherwise\"| n_good", lines);
        Assert.Contains("    class n_good good", lines);
        Assert.Contains("    class n_partly mixed", lines);
        Assert.Contains("    class n_bad,n_ran_out bad", lines);
        Assert.Contains("    class n_orphan unreachable", lines);
        Assert.Contains(lines, l => l.StartsWith("    classDef unreachable", StringComparison.Ordinal) && l.Contains("stroke-dasharray", StringComparison.Ordinal));
    }

    [Fact]
    public void Mermaid_ids_are_safe_and_unique_for_hyphenated_ids()
    {
        var scenario = Sample() with
        {
            StartId = "go-on",
            Nodes = [Node("go-on", To("go_on")), Node("go_on", To("end"))],
            Endings = [End("end", Outcomes.Resolved)],
        };

        var mermaid = GraphRenderer.ToMermaid(scenario);

        Assert.Contains("n_go_on -->", mermaid, StringComparison.Ordinal);
        Assert.Contains("n_go_on_2 -->", mermaid, StringComparison.Ordinal);
        Assert.Contains("n_end([\"end<br/>resolved<br/>(turn limit)\"])", mermaid, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Outcomes.Resolved, GraphRenderer.OutcomeStyle.Good)]
    [InlineData(Outcomes.PartiallyResolved, GraphRenderer.OutcomeStyle.Mixed)]
    [InlineData(Outcomes.Escalated, GraphRenderer.OutcomeStyle.Mixed)]
    [InlineData(Outcomes.RelationshipDamaged, GraphRenderer.OutcomeStyle.Bad)]
    [InlineData(Outcomes.TimedOut, GraphRenderer.OutcomeStyle.Bad)]
    [InlineData("customer_walks_out", GraphRenderer.OutcomeStyle.Other)]
    public void Outcomes_map_to_colour_families(string outcome, GraphRenderer.OutcomeStyle expected) =>
        Assert.Equal(expected, GraphRenderer.StyleOf(outcome));

    [Theory]
    [InlineData(GraphFormat.Mermaid, "flowchart TD")]
    [InlineData(GraphFormat.Dot, "digraph ")]
    public async Task RenderAsync_returns_text_formats_directly(GraphFormat format, string start)
    {
        var result = await GraphRenderer.RenderAsync(Sample(), format);

        Assert.True(result.Succeeded);
        Assert.StartsWith(start, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_svg_either_renders_or_explains_that_dot_is_missing()
    {
        var result = await GraphRenderer.RenderAsync(Sample(), GraphFormat.Svg);

        if (GraphvizRenderer.IsDotAvailable())
        {
            Assert.Contains("<svg", result.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(GraphvizRenderer.MissingDotMessage, result.Error);
        }
    }

    [Fact]
    public async Task Svg_rendering_reports_a_missing_dot_instead_of_throwing()
    {
        var result = await GraphvizRenderer.RenderSvgAsync("digraph { a -> b }", "definitely-not-graphviz-dot");

        Assert.False(result.Succeeded);
        Assert.Equal(GraphvizRenderer.MissingDotMessage, result.Error);
    }

    [Fact]
    public async Task Svg_rendering_uses_dot_when_it_is_installed()
    {
        if (!GraphvizRenderer.IsDotAvailable())
        {
            // Without Graphviz the helper must say so; the test above covers that path.
            Assert.False((await GraphvizRenderer.RenderSvgAsync("digraph { a }")).Succeeded);
            return;
        }

        var result = await GraphvizRenderer.RenderSvgAsync(GraphRenderer.ToDot(Sample()));

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("<svg", result.Svg, StringComparison.Ordinal);
    }
}
