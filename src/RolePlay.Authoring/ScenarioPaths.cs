using RolePlay.Engine.Model;

namespace RolePlay.Authoring;

/// <summary>Structural facts about a scenario's graph that authoring tools share: reachability and simple paths.</summary>
public sealed class ScenarioPaths
{
    /// <summary>Simple-path search stops after this many steps so a pathological graph cannot hang a tool.</summary>
    public const int MaxSearchSteps = 200_000;

    private readonly Dictionary<string, DialogueNode> nodes;
    private readonly HashSet<string> endingIds;

    public ScenarioPaths(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        nodes = scenario.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        endingIds = scenario.Endings.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Reachable = FindReachable();
        (ShortestTurns, LongestTurns, PathSearchTruncated) = FindPathLengths();
    }

    public Scenario Scenario { get; }

    /// <summary>Ids of nodes and endings that some chain of transitions leads to from the start (guards ignored).</summary>
    public IReadOnlySet<string> Reachable { get; }

    /// <summary>Fewest learner replies along a simple path from the start to each reachable ending.</summary>
    public IReadOnlyDictionary<string, int> ShortestTurns { get; }

    /// <summary>Most learner replies along a simple (loop-free) path from the start to each reachable ending.</summary>
    public IReadOnlyDictionary<string, int> LongestTurns { get; }

    /// <summary>True when the path search hit <see cref="MaxSearchSteps"/>; lengths are then lower bounds.</summary>
    public bool PathSearchTruncated { get; }

    public bool IsReachable(string id) => Reachable.Contains(id);

    public bool IsEnding(string id) => endingIds.Contains(id);

    /// <summary>Nodes no learner can ever see.</summary>
    public IEnumerable<DialogueNode> UnreachableNodes => Scenario.Nodes.Where(n => !Reachable.Contains(n.Id));

    private HashSet<string> FindReachable()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (nodes.ContainsKey(Scenario.StartId) || endingIds.Contains(Scenario.StartId))
        {
            seen.Add(Scenario.StartId);
            queue.Enqueue(Scenario.StartId);
        }

        while (queue.Count > 0)
        {
            if (!nodes.TryGetValue(queue.Dequeue(), out var node))
            {
                continue;
            }

            foreach (var target in node.Transitions.Select(t => t.Target))
            {
                if ((nodes.ContainsKey(target) || endingIds.Contains(target)) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return seen;
    }

    private (Dictionary<string, int> Shortest, Dictionary<string, int> Longest, bool Truncated) FindPathLengths()
    {
        var shortest = new Dictionary<string, int>(StringComparer.Ordinal);
        var longest = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!nodes.ContainsKey(Scenario.StartId))
        {
            return (shortest, longest, false);
        }

        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var steps = 0;
        var truncated = false;

        // Iterative depth-first search over simple paths; each frame remembers which transition to try next.
        var stack = new Stack<(string NodeId, int Next)>();
        stack.Push((Scenario.StartId, 0));
        onPath.Add(Scenario.StartId);
        while (stack.Count > 0)
        {
            if (++steps > MaxSearchSteps)
            {
                truncated = true;
                break;
            }

            var (nodeId, next) = stack.Pop();
            var transitions = nodes[nodeId].Transitions;
            if (next >= transitions.Count)
            {
                onPath.Remove(nodeId);
                continue;
            }

            stack.Push((nodeId, next + 1));
            var target = transitions[next].Target;
            var turns = stack.Count;
            if (endingIds.Contains(target))
            {
                shortest[target] = shortest.TryGetValue(target, out var s) ? Math.Min(s, turns) : turns;
                longest[target] = longest.TryGetValue(target, out var l) ? Math.Max(l, turns) : turns;
            }
            else if (nodes.ContainsKey(target) && onPath.Add(target))
            {
                stack.Push((target, 0));
            }
        }

        return (shortest, longest, truncated);
    }
}
