using System.Globalization;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Authoring;

/// <summary>The outcome of loading a test plan: the plan when there were no errors, and every diagnostic.</summary>
public sealed record TestPlanLoadResult(TestPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Plan is not null && !Diagnostics.Any(d => d.IsError);
}

/// <summary>Reads <c>*.testplan.yaml</c> files, reporting mistakes with line and column instead of throwing.</summary>
public static class TestPlanLoader
{
    /// <summary>File-name suffix of test plans.</summary>
    public const string FileSuffix = ".testplan.yaml";

    private static readonly string[] PlanFields = ["scenario", "playthroughs"];
    private static readonly string[] PlaythroughFields = ["name", "replies", "ending", "path", "expect", "seed"];
    private static readonly string[] ExpectFields = ["turn", "credited", "not_credited", "detected"];

    public static TestPlanLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(null, [new Diagnostic(TestPlanDiagnostics.FileUnreadable, path, new SourcePosition(1, 1), ex.Message)]);
        }

        return LoadText(text, path);
    }

    public static TestPlanLoadResult LoadText(string text, string file = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(file);
        var plan = reader.Read(text);
        return new(reader.HasErrors ? null : plan, reader.Diagnostics);
    }

    /// <summary>Checks a loaded plan against its scenario: endings, node ids and marking-point ids must exist.</summary>
    public static IReadOnlyList<Diagnostic> CheckAgainst(TestPlan plan, Scenario scenario, IMarkingPointVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        var file = plan.SourcePath ?? "<text>";
        var found = new List<Diagnostic>();
        if (plan.ScenarioId != scenario.Id)
        {
            found.Add(new Diagnostic(TestPlanDiagnostics.InvalidValue, file, new SourcePosition(1, 1),
                $"the plan is for scenario '{plan.ScenarioId}' but was run against '{scenario.Id}'"));
        }

        foreach (var playthrough in plan.Playthroughs)
        {
            if (scenario.FindEnding(playthrough.ExpectedEnding) is null)
            {
                found.Add(new Diagnostic(TestPlanDiagnostics.UnknownReference, file, playthrough.Position, "ending", playthrough.ExpectedEnding, scenario.Id));
            }

            foreach (var nodeId in playthrough.ExpectedPath ?? [])
            {
                if (scenario.FindNode(nodeId) is null)
                {
                    found.Add(new Diagnostic(TestPlanDiagnostics.UnknownReference, file, playthrough.Position, "node", nodeId, scenario.Id));
                }
            }

            if (vocabulary is null)
            {
                continue;
            }

            foreach (var turn in playthrough.Turns)
            {
                foreach (var id in turn.Credited.Concat(turn.NotCredited).Where(id => !vocabulary.MarkingPoints.Contains(id)))
                {
                    found.Add(new Diagnostic(TestPlanDiagnostics.UnknownReference, file, turn.Position, "marking point", id, "the catalogue"));
                }

                foreach (var id in turn.Detected.Where(id => !vocabulary.Negatives.Contains(id)))
                {
                    found.Add(new Diagnostic(TestPlanDiagnostics.UnknownReference, file, turn.Position, "negative behaviour", id, "the catalogue"));
                }
            }
        }

        return found;
    }

    private sealed class Reader(string file)
    {
        private readonly List<Diagnostic> diagnostics = [];

        public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

        public bool HasErrors => diagnostics.Any(d => d.IsError);

        public TestPlan? Read(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                Add(TestPlanDiagnostics.YamlSyntax, new SourcePosition(Math.Max(1, (int)ex.Start.Line), Math.Max(1, (int)ex.Start.Column)), ex.Message);
                return null;
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner can fail this way on some malformed input (e.g. an unclosed flow sequence).
                Add(TestPlanDiagnostics.YamlSyntax, new SourcePosition(1, 1), ex.Message);
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var position = stream.Documents.Count == 0 ? new SourcePosition(1, 1) : PositionOf(stream.Documents[0].RootNode);
                Add(TestPlanDiagnostics.WrongShape, position, "test plan", "a mapping with 'scenario' and 'playthroughs'");
                return null;
            }

            CheckFields(root, PlanFields, "the test plan");
            var scenarioId = RequiredText(root, "scenario", "test plan");
            var playthroughs = new List<Playthrough>();
            if (Child(root, "playthroughs") is { } list)
            {
                if (list is YamlSequenceNode sequence)
                {
                    foreach (var item in sequence)
                    {
                        if (ReadPlaythrough(item) is { } playthrough)
                        {
                            playthroughs.Add(playthrough);
                        }
                    }

                    if (sequence.Children.Count == 0)
                    {
                        Add(TestPlanDiagnostics.InvalidValue, PositionOf(sequence), "'playthroughs' must contain at least one playthrough");
                    }
                }
                else
                {
                    Add(TestPlanDiagnostics.WrongShape, PositionOf(list), "playthroughs", "a list of playthroughs");
                }
            }
            else
            {
                Add(TestPlanDiagnostics.MissingField, PositionOf(root), "test plan", "playthroughs");
            }

            return new TestPlan(scenarioId ?? "", playthroughs, file);
        }

        private Playthrough? ReadPlaythrough(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Add(TestPlanDiagnostics.WrongShape, PositionOf(node), "playthrough", "a mapping with 'name', 'replies' and 'ending'");
                return null;
            }

            var name = RequiredText(map, "name", "playthrough") ?? "";
            var label = name.Length == 0 ? "playthrough" : $"playthrough '{name}'";
            CheckFields(map, PlaythroughFields, label);
            var ending = RequiredText(map, "ending", label) ?? "";
            var replies = Child(map, "replies") is { } repliesNode
                ? TextList(repliesNode, $"{label}: replies")
                : Missing(map, label, "replies");
            if (replies is { Count: 0 } && Child(map, "replies") is { } emptyReplies)
            {
                Add(TestPlanDiagnostics.InvalidValue, PositionOf(emptyReplies), $"{label} has no replies");
            }

            var path = Child(map, "path") is { } pathNode ? TextList(pathNode, $"{label}: path") : null;
            if (path is not null && replies is not null && path.Count != replies.Count)
            {
                Add(TestPlanDiagnostics.InvalidValue, PositionOf(Child(map, "path")!),
                    $"{label}: 'path' lists {path.Count} node(s) but there are {replies.Count} replies; list one node per reply");
            }

            var seed = 0;
            if (Child(map, "seed") is { } seedNode && Integer(seedNode, $"{label}: seed") is { } seedValue)
            {
                seed = seedValue;
            }

            var turns = new List<TurnExpectation>();
            if (Child(map, "expect") is { } expectNode)
            {
                if (expectNode is YamlSequenceNode expectations)
                {
                    foreach (var item in expectations)
                    {
                        if (ReadExpectation(item, label, replies?.Count ?? 0) is { } turn)
                        {
                            turns.Add(turn);
                        }
                    }
                }
                else
                {
                    Add(TestPlanDiagnostics.WrongShape, PositionOf(expectNode), $"{label}: expect", "a list of { turn, credited, not_credited, detected }");
                }
            }

            return new Playthrough(name, replies ?? [], ending, path, turns, seed, PositionOf(map));
        }

        private TurnExpectation? ReadExpectation(YamlNode node, string label, int replyCount)
        {
            if (node is not YamlMappingNode map)
            {
                Add(TestPlanDiagnostics.WrongShape, PositionOf(node), $"{label}: expect item", "a mapping with 'turn'");
                return null;
            }

            CheckFields(map, ExpectFields, $"{label}: expect item");
            int? turn = Child(map, "turn") is { } turnNode ? Integer(turnNode, $"{label}: turn") : null;
            if (Child(map, "turn") is null)
            {
                Add(TestPlanDiagnostics.MissingField, PositionOf(map), $"{label}: expect item", "turn");
            }
            else if (turn is { } value && (value < 1 || value > replyCount))
            {
                Add(TestPlanDiagnostics.InvalidValue, PositionOf(Child(map, "turn")!), $"{label}: turn {value} does not exist; there are {replyCount} replies");
            }

            IReadOnlyList<string> Ids(string key) => Child(map, key) is { } n ? TextList(n, $"{label}: {key}") ?? [] : [];
            return turn is null ? null : new TurnExpectation(turn.Value, Ids("credited"), Ids("not_credited"), Ids("detected"), PositionOf(map));
        }

        private List<string>? Missing(YamlMappingNode map, string label, string field)
        {
            Add(TestPlanDiagnostics.MissingField, PositionOf(map), label, field);
            return null;
        }

        private string? RequiredText(YamlMappingNode map, string key, string label)
        {
            var node = Child(map, key);
            if (node is null)
            {
                Add(TestPlanDiagnostics.MissingField, PositionOf(map), label, key);
                return null;
            }

            if (node is not YamlScalarNode { Value: { } value } || value.Trim().Length == 0)
            {
                Add(TestPlanDiagnostics.WrongShape, PositionOf(node), $"{label}: {key}", "non-empty text");
                return null;
            }

            return value.Trim();
        }

        private List<string>? TextList(YamlNode node, string label)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Add(TestPlanDiagnostics.WrongShape, PositionOf(node), label, "a list of text");
                return null;
            }

            var items = new List<string>();
            foreach (var item in sequence)
            {
                if (item is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
                {
                    items.Add(value.Trim());
                }
                else
                {
                    Add(TestPlanDiagnostics.WrongShape, PositionOf(item), label, "a list of non-empty text");
                }
            }

            return items;
        }

        private int? Integer(YamlNode node, string label)
        {
            if (node is YamlScalarNode { Value: { } value }
                && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            Add(TestPlanDiagnostics.WrongShape, PositionOf(node), label, "a whole number");
            return null;
        }

        private void CheckFields(YamlMappingNode map, string[] known, string where)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    Add(TestPlanDiagnostics.UnknownField, PositionOf(key), name, where);
                }
            }
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static SourcePosition PositionOf(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

        private void Add(DiagnosticDescriptor descriptor, SourcePosition position, params object[] args) =>
            diagnostics.Add(new Diagnostic(descriptor, file, position, args));
    }
}
