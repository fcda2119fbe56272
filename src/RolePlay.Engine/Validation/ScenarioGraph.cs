using RolePlay.Engine.Model;

namespace RolePlay.Engine.Validation;

/// <summary>The scenario as a directed graph of node and ending ids, for reachability and cycle analysis.</summary>
public sealed class ScenarioGraph
{
    private readonly Scenario _scenario;
    private readonly Dictionary<string, List<string>> _edges;

    private ScenarioGraph(Scenario scenario, Dictionary<string, List<string>> edges)
    {
        _scenario = scenario;
        _edges = edges;
    }

    public static ScenarioGraph Build(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var targets = scenario.Nodes.Select(n => n.Id).Concat(scenario.Endings.Select(e => e.Id)).ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in scenario.Nodes)
        {
            var list = edges.TryGetValue(node.Id, out var existing) ? existing : edges[node.Id] = [];
            list.AddRange(node.Transitions.Select(t => t.Target).Where(targets.Contains).Distinct(StringComparer.Ordinal));
        }

        return new ScenarioGraph(scenario, edges);
    }

    /// <summary>Ids of nodes and endings directly after <paramref name="id"/>.</summary>
    public IReadOnlyList<string> Successors(string id) => _edges.TryGetValue(id, out var list) ? list : [];

    /// <summary>Every node and ending id reachable from the start, including the start itself.</summary>
    public IReadOnlySet<string> ReachableFromStart()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_scenario.FindNode(_scenario.StartId) is null && _scenario.FindEnding(_scenario.StartId) is null)
        {
            return seen;
        }

        var queue = new Queue<string>([_scenario.StartId]);
        seen.Add(_scenario.StartId);
        while (queue.Count > 0)
        {
            foreach (var next in Successors(queue.Dequeue()).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    /// <summary>Groups of reachable nodes that lead only to each other: once entered, no ending can be reached.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ClosedCycles(IReadOnlySet<string> reachable)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        var result = new List<IReadOnlyList<string>>();
        var nodeIds = _scenario.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var component in StronglyConnectedComponents())
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var isCycle = component.Count > 1 || Successors(component[0]).Contains(component[0]);
            var isNode = nodeIds.Contains(component[0]);
            var leaves = component.Any(id => Successors(id).Any(next => !members.Contains(next)));
            if (isCycle && isNode && !leaves && component.Any(reachable.Contains))
            {
                result.Add(_scenario.Nodes.Select(n => n.Id).Where(members.Contains).ToList());
            }
        }

        return result;
    }

    // Tarjan's algorithm with an explicit stack: a scenario file may hold thousands of nodes, and recursing once per
    // node would overflow the thread's stack (an uncatchable crash) on a long chain.
    private List<List<string>> StronglyConnectedComponents()
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        var work = new Stack<(string Id, int NextSuccessor)>();

        foreach (var root in _scenario.Nodes.Select(n => n.Id).Where(id => !indices.ContainsKey(id)))
        {
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (id, next) = work.Pop();
                if (next == 0 && !indices.ContainsKey(id))
                {
                    indices[id] = lowLinks[id] = index++;
                    stack.Push(id);
                    onStack.Add(id);
                }

                var successors = Successors(id);
                if (next > 0)
                {
                    // Returning from successors[next - 1]: fold its low-link into ours.
                    lowLinks[id] = Math.Min(lowLinks[id], lowLinks[successors[next - 1]]);
                }

                var descended = false;
                for (var i = next; i < successors.Count; i++)
                {
                    var successor = successors[i];
                    if (!indices.TryGetValue(successor, out var successorIndex))
                    {
                        work.Push((id, i + 1));
                        work.Push((successor, 0));
                        descended = true;
                        break;
                    }

                    if (onStack.Contains(successor))
                    {
                        lowLinks[id] = Math.Min(lowLinks[id], successorIndex);
                    }
                }

                if (descended || lowLinks[id] != indices[id])
                {
                    continue;
                }

                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != id);
                components.Add(component);
            }
        }

        return components;
    }
}
