using RolePlay.Engine.Model;
using RolePlay.Engine.Validation;

namespace RolePlay.Engine.Tests;

/// <summary>Reachability and closed-cycle detection on crafted graphs.</summary>
public sealed class ScenarioGraphTests
{
    /// <summary>A scenario whose nodes have the given successors; ids starting with "end" are endings.</summary>
    private static Scenario Graph(string start, params (string Id, string[] To)[] nodes)
    {
        var endingIds = nodes.SelectMany(n => n.To).Concat([start]).Where(id => id.StartsWith("end", StringComparison.Ordinal)).Distinct();
        return new Scenario
        {
            Id = "graph",
            Title = "Graph",
            StartId = start,
            Nodes = nodes.Select(n => new DialogueNode
            {
                Id = n.Id,
                Speaker = "p",
                Transitions = n.To.Select(t => new Transition(t, null, [])).ToList(),
            }).ToList(),
            Endings = endingIds.Select(id => new Ending { Id = id, Outcome = Outcomes.Resolved }).ToList(),
        };
    }

    private static IReadOnlyList<IReadOnlyList<string>> ClosedCycles(Scenario scenario)
    {
        var graph = ScenarioGraph.Build(scenario);
        return graph.ClosedCycles(graph.ReachableFromStart());
    }

    [Fact]
    public void Reachable_set_follows_transitions_from_the_start_only()
    {
        var scenario = Graph("a",
            ("a", ["b", "end1"]),
            ("b", ["c"]),
            ("c", ["a"]),
            ("island", ["d", "end2"]),
            ("d", ["end2"]));

        var reachable = ScenarioGraph.Build(scenario).ReachableFromStart();

        Assert.Equal(new HashSet<string> { "a", "b", "c", "end1" }, reachable);
    }

    [Fact]
    public void Unknown_start_reaches_nothing()
    {
        var scenario = Graph("missing", ("a", ["end1"]));

        Assert.Empty(ScenarioGraph.Build(scenario).ReachableFromStart());
    }

    [Fact]
    public void Start_at_an_ending_reaches_only_it()
    {
        var scenario = Graph("end1", ("a", ["end1"]));

        Assert.Equal(new HashSet<string> { "end1" }, ScenarioGraph.Build(scenario).ReachableFromStart());
    }

    [Fact]
    public void Successors_skip_unknown_targets_and_duplicates()
    {
        var scenario = Graph("a", ("a", ["b", "nowhere", "b", "end1"]), ("b", ["end1"]));

        Assert.Equal(["b", "end1"], ScenarioGraph.Build(scenario).Successors("a"));
        Assert.Empty(ScenarioGraph.Build(scenario).Successors("end1"));
        Assert.Empty(ScenarioGraph.Build(scenario).Successors("nowhere"));
    }

    [Fact]
    public void Self_loop_without_exit_is_a_closed_cycle()
    {
        var scenario = Graph("a", ("a", ["b", "end1"]), ("b", ["b"]));

        var cycle = Assert.Single(ClosedCycles(scenario));

        Assert.Equal(["b"], cycle);
    }

    [Fact]
    public void Self_loop_with_an_exit_is_fine()
    {
        var scenario = Graph("a", ("a", ["a", "end1"]));

        Assert.Empty(ClosedCycles(scenario));
    }

    [Fact]
    public void Two_node_cycle_without_exit_is_reported_in_scenario_order()
    {
        var scenario = Graph("a", ("a", ["c", "end1"]), ("b", ["c"]), ("c", ["b"]));

        var cycle = Assert.Single(ClosedCycles(scenario));

        Assert.Equal(["b", "c"], cycle);
    }

    [Fact]
    public void Cycle_with_an_exit_from_any_member_is_fine()
    {
        var scenario = Graph("a", ("a", ["b"]), ("b", ["c"]), ("c", ["a", "end1"]));

        Assert.Empty(ClosedCycles(scenario));
    }

    [Fact]
    public void Unreachable_closed_cycle_is_not_reported()
    {
        var scenario = Graph("a", ("a", ["end1"]), ("x", ["y"]), ("y", ["x"]));

        Assert.Empty(ClosedCycles(scenario));
    }

    [Fact]
    public void Only_the_inner_trap_of_a_cycle_leading_into_a_trap_is_reported()
    {
        var scenario = Graph("a",
            ("a", ["b", "end1"]),
            ("b", ["a", "c"]),
            ("c", ["d"]),
            ("d", ["e"]),
            ("e", ["c"]));

        var cycle = Assert.Single(ClosedCycles(scenario));

        Assert.Equal(["c", "d", "e"], cycle);
    }

    [Fact]
    public void Separate_traps_are_reported_separately()
    {
        var scenario = Graph("a", ("a", ["b", "d", "end1"]), ("b", ["c"]), ("c", ["b"]), ("d", ["d"]));

        var cycles = ClosedCycles(scenario).Select(c => string.Join(",", c)).Order().ToList();

        Assert.Equal(["b,c", "d"], cycles);
    }

    [Fact]
    public void Dead_end_node_is_not_a_cycle()
    {
        var scenario = Graph("a", ("a", ["b", "end1"]), ("b", []));

        Assert.Empty(ClosedCycles(scenario));
    }

    [Fact]
    public void Long_chains_do_not_overflow_the_stack()
    {
        // A scenario file may hold thousands of nodes; the analysis must not recurse once per node.
        const int count = 20000;
        var nodes = Enumerable.Range(0, count)
            .Select(i => ($"n{i}", i == count - 1 ? new[] { "n0" } : [$"n{i + 1}"]))
            .Append(("entry", new[] { "n0", "end1" }))
            .ToArray();
        var scenario = Graph("entry", nodes);
        IReadOnlyList<IReadOnlyList<string>> cycles = [];
        var reachableCount = 0;

        var thread = new Thread(
            () =>
            {
                var graph = ScenarioGraph.Build(scenario);
                var reachable = graph.ReachableFromStart();
                reachableCount = reachable.Count;
                cycles = graph.ClosedCycles(reachable);
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal(count + 2, reachableCount);
        Assert.Equal(count, Assert.Single(cycles).Count);
    }
}
