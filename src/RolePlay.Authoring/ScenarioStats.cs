using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RolePlay.Engine.Conditions;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Authoring;

/// <summary>Path lengths to one ending, in learner replies, over simple (loop-free) paths.</summary>
/// <param name="ShortestTurns">Null when no path reaches the ending (e.g. the turn-limit ending).</param>
/// <param name="LongestTurns">Null when no path reaches the ending.</param>
/// <param name="IsTurnLimitEnding">True for the ending used when the learner runs out of turns.</param>
public sealed record EndingStats(string Id, string Outcome, string Title, int? ShortestTurns, int? LongestTurns, bool IsTurnLimitEnding);

/// <summary>Size, shape and coverage of one scenario, as shown by <c>roleplay stats</c>.</summary>
/// <param name="DeclaredMinutes">The author's <c>estimated_minutes</c> (0 when absent).</param>
/// <param name="EstimatedMinutes">Estimated from path lengths: about <see cref="ScenarioStats.MinutesPerTurn"/> per reply along an average path.</param>
/// <param name="MarkingPointsAssessed">Marking points listed under <c>assesses</c>, first-seen order.</param>
/// <param name="NamesInGuards">Marking points, negatives and variables that guards branch on.</param>
public sealed record ScenarioStatistics(
    string Id,
    string Title,
    ContextKind Context,
    int NodeCount,
    int EndingCount,
    IReadOnlyList<string> UnreachableNodes,
    int TurnLimit,
    IReadOnlyList<EndingStats> Endings,
    IReadOnlyList<string> MarkingPointsAssessed,
    IReadOnlyList<string> NamesInGuards,
    int DeclaredMinutes,
    double EstimatedMinutes,
    bool PathSearchTruncated);

/// <summary>Statistics over a whole library: per scenario, and which scenarios assess each marking point.</summary>
/// <param name="ScenariosByMarkingPoint">Marking point → ids of scenarios that assess it (catalogue points with none are listed with an empty list).</param>
/// <param name="ScenariosByNegative">Negative behaviour → ids of scenarios whose guards branch on it (only when a vocabulary is given).</param>
/// <param name="UnderCovered">Catalogue marking points assessed by fewer than <see cref="ScenarioStats.MinimumCoverage"/> scenarios.</param>
public sealed record LibraryStatistics(
    IReadOnlyList<ScenarioStatistics> Scenarios,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ScenariosByMarkingPoint,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ScenariosByNegative,
    IReadOnlyList<string> UnderCovered);

/// <summary>Computes <c>roleplay stats</c>: per-scenario shape and library-wide marking-point coverage.</summary>
public static class ScenarioStats
{
    /// <summary>Reading a persona line, typing a considered reply and reading the feedback takes about this long.</summary>
    public const double MinutesPerTurn = 1.5;

    /// <summary>How many scenarios should assess every catalogue marking point.</summary>
    public const int MinimumCoverage = 2;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static ScenarioStatistics Compute(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var graph = new ScenarioPaths(scenario);
        var turnLimitId = scenario.Endings.Count == 0 ? null : scenario.TurnLimitEnding.Id;
        var endings = scenario.Endings.Select(e => new EndingStats(
            e.Id,
            e.Outcome,
            e.Title,
            graph.ShortestTurns.TryGetValue(e.Id, out var s) ? s : null,
            graph.LongestTurns.TryGetValue(e.Id, out var l) ? l : null,
            e.Id == turnLimitId)).ToList();
        var variables = scenario.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var guardNames = scenario.Nodes
            .SelectMany(n => n.Transitions)
            .Where(t => t.When is not null)
            .SelectMany(t => t.When!.Names())
            .Select(n => n.Name)
            .Where(n => n is not ("score" or "turn"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ScenarioStatistics(
            scenario.Id,
            scenario.Title,
            scenario.Context,
            scenario.Nodes.Count,
            scenario.Endings.Count,
            graph.UnreachableNodes.Select(n => n.Id).ToList(),
            scenario.TurnLimit,
            endings,
            scenario.AssessedMarkingPoints,
            guardNames.Where(n => !variables.Contains(n)).Concat(guardNames.Where(variables.Contains)).ToList(),
            scenario.EstimatedMinutes,
            Estimate(endings, scenario.TurnLimit),
            graph.PathSearchTruncated);
    }

    /// <summary>Library statistics; with a vocabulary, every catalogue point is listed (even uncovered ones) and negatives are tracked.</summary>
    public static LibraryStatistics ComputeLibrary(IEnumerable<Scenario> scenarios, IMarkingPointVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var stats = scenarios.Select(Compute).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var byPoint = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var point in vocabulary?.MarkingPoints ?? Enumerable.Empty<string>())
        {
            byPoint[point] = [];
        }

        foreach (var s in stats)
        {
            foreach (var point in s.MarkingPointsAssessed)
            {
                (byPoint.TryGetValue(point, out var list) ? list : byPoint[point] = []).Add(s.Id);
            }
        }

        var byNegative = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        if (vocabulary is not null)
        {
            foreach (var negative in vocabulary.Negatives)
            {
                byNegative[negative] = stats.Where(s => s.NamesInGuards.Contains(negative, StringComparer.Ordinal)).Select(s => s.Id).ToList();
            }
        }

        var underCovered = byPoint.Where(kv => kv.Value.Count < MinimumCoverage).Select(kv => kv.Key).ToList();
        return new LibraryStatistics(
            stats,
            byPoint.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
            byNegative.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
            underCovered);
    }

    public static string ToJson(ScenarioStatistics stats) => JsonSerializer.Serialize(stats, JsonOptions);

    public static string ToJson(LibraryStatistics stats) => JsonSerializer.Serialize(stats, JsonOptions);

    /// <summary>A plain-text table for the terminal.</summary>
    public static string ToText(ScenarioStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{stats.Title} ({stats.Id}) - {stats.Context.ToString().ToLowerInvariant()}");
        sb.AppendLine(inv, $"  nodes: {stats.NodeCount}   endings: {stats.EndingCount}   turn limit: {stats.TurnLimit}");
        sb.AppendLine(inv, $"  minutes: declared {stats.DeclaredMinutes}, estimated {stats.EstimatedMinutes:0.#}");
        if (stats.UnreachableNodes.Count > 0)
        {
            sb.AppendLine(inv, $"  unreachable nodes: {string.Join(", ", stats.UnreachableNodes)}");
        }

        sb.AppendLine("  endings (turns: shortest..longest simple path):");
        foreach (var e in stats.Endings)
        {
            var turns = e.ShortestTurns is null ? (e.IsTurnLimitEnding ? "turn limit" : "never reached") : $"{e.ShortestTurns}..{e.LongestTurns}";
            sb.AppendLine(inv, $"    {e.Id,-24} {e.Outcome,-22} {turns}");
        }

        sb.AppendLine(inv, $"  marking points assessed: {string.Join(", ", stats.MarkingPointsAssessed)}");
        sb.AppendLine(inv, $"  guards branch on: {string.Join(", ", stats.NamesInGuards)}");
        if (stats.PathSearchTruncated)
        {
            sb.AppendLine("  (path search stopped early: the graph has very many paths; lengths are lower bounds)");
        }

        return sb.ToString();
    }

    public static string ToText(LibraryStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var s in stats.Scenarios)
        {
            sb.Append(ToText(s)).AppendLine();
        }

        sb.AppendLine(inv, $"Library: {stats.Scenarios.Count} scenarios, {stats.Scenarios.Sum(s => s.NodeCount)} nodes, {stats.Scenarios.Sum(s => s.EndingCount)} endings");
        sb.AppendLine("Marking point coverage (scenarios assessing it):");
        foreach (var (point, ids) in stats.ScenariosByMarkingPoint)
        {
            var flag = ids.Count < MinimumCoverage ? "  <- fewer than " + MinimumCoverage.ToString(inv) : "";
            sb.AppendLine(inv, $"  {point,-22} {ids.Count,2}  {string.Join(", ", ids)}{flag}");
        }

        if (stats.ScenariosByNegative.Count > 0)
        {
            sb.AppendLine("Negative behaviours (scenarios whose guards branch on it):");
            foreach (var (negative, ids) in stats.ScenariosByNegative)
            {
                sb.AppendLine(inv, $"  {negative,-22} {ids.Count,2}  {string.Join(", ", ids)}");
            }
        }

        return sb.ToString();
    }

    private static double Estimate(IReadOnlyList<EndingStats> endings, int turnLimit)
    {
        var reached = endings.Where(e => e.ShortestTurns is not null).ToList();
        if (reached.Count == 0)
        {
            return Math.Max(1, turnLimit) * MinutesPerTurn;
        }

        var averageTurns = reached.Average(e => (e.ShortestTurns!.Value + e.LongestTurns!.Value) / 2.0);
        // Round to the nearest half minute: the figure is a planning aid, not a measurement.
        return Math.Round(averageTurns * MinutesPerTurn * 2, MidpointRounding.AwayFromZero) / 2;
    }
}
