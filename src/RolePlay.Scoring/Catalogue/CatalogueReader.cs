using System.Globalization;
using System.Text.RegularExpressions;

using RolePlay.Engine.Model;
using RolePlay.Scoring.Rules;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Scoring.Catalogue;

/// <summary>Reads catalogue YAML node by node so every problem is reported with its line and column.</summary>
internal static partial class CatalogueReader
{
    private static readonly HashSet<string> TopLevelKeys = ["version", "spellings", "lexicons", "marking_points"];

    private static readonly HashSet<string> EntryKeys =
    [
        "id", "title", "kind", "rule", "examiner_wording", "source", "earns", "done", "detected", "fix", "undermines",
        "penalty", "contexts", "weakened_by", "weakens_within", "feedback", "cues",
    ];

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static CatalogueLoadResult Read(string yaml, string file)
    {
        var errors = new List<CatalogueError>();
        void Error(YamlNode? node, string message) =>
            errors.Add(new CatalogueError(file, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return new CatalogueLoadResult(null, [new CatalogueError(file, (int)ex.Start.Line, (int)ex.Start.Column, ex.InnerException?.Message ?? ex.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new CatalogueLoadResult(null, [new CatalogueError(file, 1, 1, "catalogue must be a mapping with a 'marking_points' list")]);
        }

        foreach (var key in root.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !TopLevelKeys.Contains(name))
            {
                Error(key, $"unknown top-level key '{(key as YamlScalarNode)?.Value}' (expected: {string.Join(", ", TopLevelKeys)})");
            }
        }

        var version = 1;
        if (Child(root, "version") is { } versionNode && (!TryInt(versionNode, out version) || version != 1))
        {
            Error(versionNode, "version must be 1");
        }

        var spellings = ReadSpellings(Child(root, "spellings"), Error);
        var lexicons = ReadLexicons(Child(root, "lexicons"), Error);
        var pipeline = new TextPipeline(spellings, lexicons);

        var points = new List<MarkingPointDefinition>();
        var cueSources = new List<(MarkingPointDefinition Point, CueTier Tier, YamlScalarNode Node)>();
        if (Child(root, "marking_points") is not YamlSequenceNode entries)
        {
            Error(Child(root, "marking_points") ?? root, "'marking_points' must be a list of entries");
        }
        else
        {
            foreach (var entry in entries)
            {
                if (ReadEntry(entry, Error, cueSources) is { } point)
                {
                    if (points.Any(p => p.Id == point.Id))
                    {
                        Error(entry, $"duplicate id '{point.Id}'");
                    }
                    else
                    {
                        points.Add(point);
                    }
                }
            }
        }

        CheckReferences(points, entries: Child(root, "marking_points") as YamlSequenceNode, Error);

        var cues = new List<CompiledCue>();
        var written = new List<WrittenCue>();
        foreach (var (point, tier, node) in cueSources)
        {
            var index = points.IndexOf(point);
            if (index < 0)
            {
                continue;
            }

            var pattern = CuePattern.TryParse(node.Value ?? "", pipeline.Normaliser, pipeline.Tokeniser, pipeline.Lexicons, out var problem);
            if (pattern is null)
            {
                Error(node, $"{point.Id}: {problem}");
            }
            else
            {
                cues.Add(new CompiledCue(index, tier, pattern));
                written.Add(new WrittenCue(point.Id, tier, pattern, (int)node.Start.Line, (int)node.Start.Column));
            }
        }

        if (points.Count == 0 && errors.Count == 0)
        {
            Error(root, "catalogue defines no marking points");
        }

        if (errors.Count > 0)
        {
            return new CatalogueLoadResult(null, errors);
        }

        var compiled = new CompiledCatalogue(pipeline, points, cues);
        var warnings = CatalogueLint.Check(file, pipeline.Tokeniser, written);
        return new CatalogueLoadResult(new MarkingPointCatalogue(version, file, points, lexicons, spellings, compiled), []) { Warnings = warnings };
    }

    private static MarkingPointDefinition? ReadEntry(
        YamlNode node,
        Action<YamlNode?, string> error,
        List<(MarkingPointDefinition, CueTier, YamlScalarNode)> cueSources)
    {
        if (node is not YamlMappingNode map)
        {
            error(node, "each marking point must be a mapping (id, title, kind, ...)");
            return null;
        }

        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !EntryKeys.Contains(name))
            {
                error(key, $"unknown key '{(key as YamlScalarNode)?.Value}' in marking point");
            }
        }

        var id = Text(map, "id");
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            error(Child(map, "id") ?? map, "id is required: lower-case letters, digits and '_'");
            return null;
        }

        var title = Text(map, "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            error(Child(map, "title") ?? map, $"{id}: title is required");
        }

        MarkingPointKind kind;
        switch (Text(map, "kind"))
        {
            case "positive": kind = MarkingPointKind.Positive; break;
            case "negative": kind = MarkingPointKind.Negative; break;
            default:
                error(Child(map, "kind") ?? map, $"{id}: kind must be 'positive' or 'negative'");
                return null;
        }

        var rule = Text(map, "rule") ?? "cues";
        if (!RuleSet.Names.Contains(rule))
        {
            error(Child(map, "rule"), $"{id}: unknown rule '{rule}' (known: {string.Join(", ", RuleSet.Names)})");
        }

        var penalty = 0.0;
        if (Child(map, "penalty") is { } penaltyNode)
        {
            if (!double.TryParse((penaltyNode as YamlScalarNode)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out penalty) || penalty < 0 || penalty > 10)
            {
                error(penaltyNode, $"{id}: penalty must be a number from 0 to 10");
            }
        }
        else if (kind == MarkingPointKind.Negative)
        {
            error(map, $"{id}: a negative behaviour needs a penalty");
        }

        var contexts = new List<ContextKind>();
        foreach (var (value, valueNode) in List(map, "contexts", id, error))
        {
            if (Enum.TryParse<ContextKind>(value, ignoreCase: true, out var context) && !int.TryParse(value, out _))
            {
                contexts.Add(context);
            }
            else
            {
                error(valueNode, $"{id}: unknown context '{value}' (colleague, customer or partner)");
            }
        }

        var weakensWithin = WeakeningScope.Reply;
        if (Child(map, "weakens_within") is { } scopeNode)
        {
            switch ((scopeNode as YamlScalarNode)?.Value)
            {
                case "reply" when kind == MarkingPointKind.Negative: break;
                case "sentence" when kind == MarkingPointKind.Negative: weakensWithin = WeakeningScope.Sentence; break;
                case "reply" or "sentence":
                    error(scopeNode, $"{id}: weakens_within is only for negative behaviours");
                    break;
                default:
                    error(scopeNode, $"{id}: weakens_within must be 'reply' or 'sentence'");
                    break;
            }
        }

        var feedbackNode = Child(map, "feedback") as YamlMappingNode;
        var feedback = new MarkingPointFeedback(Text(feedbackNode, "missed") ?? "", Text(feedbackNode, "badly") ?? "");
        if (kind == MarkingPointKind.Positive && string.IsNullOrWhiteSpace(feedback.Missed))
        {
            error(feedbackNode ?? (YamlNode)map, $"{id}: feedback.missed is required for a marking point");
        }

        if (kind == MarkingPointKind.Negative && string.IsNullOrWhiteSpace(feedback.Badly))
        {
            error(feedbackNode ?? (YamlNode)map, $"{id}: feedback.badly is required for a negative behaviour");
        }

        var cuesNode = Child(map, "cues") as YamlMappingNode;
        var strong = List(cuesNode, "strong", id, error);
        var weak = List(cuesNode, "weak", id, error);
        var notWhen = List(cuesNode, "not_when", id, error);
        var point = new MarkingPointDefinition
        {
            Id = id,
            Title = title ?? id,
            Kind = kind,
            Rule = rule,
            ExaminerWording = Text(map, "examiner_wording") ?? "",
            Source = Text(map, "source") ?? "",
            Earns = Text(map, "earns") ?? "",
            Done = Text(map, "done") ?? title ?? id,
            Detected = Text(map, "detected") ?? title ?? id,
            Fix = Text(map, "fix") ?? "",
            Undermines = List(map, "undermines", id, error).Select(x => x.Value).ToList(),
            WeakenedBy = List(map, "weakened_by", id, error).Select(x => x.Value).ToList(),
            WeakensWithin = weakensWithin,
            Penalty = penalty,
            Contexts = contexts,
            Feedback = feedback,
            Cues = new CueSet(
                strong.Select(x => x.Value).ToList(),
                weak.Select(x => x.Value).ToList(),
                notWhen.Select(x => x.Value).ToList()),
            Position = new SourcePosition((int)map.Start.Line, (int)map.Start.Column),
        };

        foreach (var (cues, tier) in new[] { (strong, CueTier.Strong), (weak, CueTier.Weak), (notWhen, CueTier.NotWhen) })
        {
            foreach (var (_, cueNode) in cues)
            {
                cueSources.Add((point, tier, cueNode));
            }
        }

        return point;
    }

    private static void CheckReferences(List<MarkingPointDefinition> points, YamlSequenceNode? entries, Action<YamlNode?, string> error)
    {
        var ids = points.ToDictionary(p => p.Id, p => p.Kind, StringComparer.Ordinal);
        foreach (var point in points)
        {
            var node = entries?.Children.FirstOrDefault(e => e is YamlMappingNode m && Text(m, "id") == point.Id);
            foreach (var target in point.Undermines)
            {
                if (!ids.TryGetValue(target, out var kind) || kind != MarkingPointKind.Positive)
                {
                    error(node, $"{point.Id}: undermines '{target}', which is not a positive marking point");
                }
            }

            foreach (var target in point.WeakenedBy)
            {
                if (!ids.TryGetValue(target, out var kind) || kind != MarkingPointKind.Negative)
                {
                    error(node, $"{point.Id}: weakened_by '{target}', which is not a negative behaviour");
                }
            }
        }
    }

    private static Dictionary<string, string> ReadSpellings(YamlNode? node, Action<YamlNode?, string> error)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            error(node, "'spellings' must be a mapping of variant: canonical");
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } variant } && value is YamlScalarNode { Value: { Length: > 0 } canonical })
            {
                result[variant.ToLowerInvariant()] = canonical.ToLowerInvariant();
            }
            else
            {
                error(key, "each spelling must map one word to one word");
            }
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadLexicons(YamlNode? node, Action<YamlNode?, string> error)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            error(node, "'lexicons' must be a mapping of name: [words]");
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!IdPattern().IsMatch(name))
            {
                error(key, $"lexicon name '{name}' must be lower-case letters, digits and '_'");
                continue;
            }

            if (value is not YamlSequenceNode sequence)
            {
                error(value, $"lexicon '{name}' must be a list of words");
                continue;
            }

            var words = new List<string>();
            foreach (var item in sequence)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } word })
                {
                    words.Add(word);
                }
                else
                {
                    error(item, $"lexicon '{name}': each entry must be a word or phrase");
                }
            }

            result[name] = words;
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode? map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static bool TryInt(YamlNode node, out int value)
    {
        value = 0;
        return node is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static List<(string Value, YamlScalarNode Node)> List(YamlMappingNode? map, string key, string id, Action<YamlNode?, string> error)
    {
        var result = new List<(string, YamlScalarNode)>();
        var node = Child(map, key);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            error(node, $"{id}: '{key}' must be a list");
            return result;
        }

        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value } scalar)
            {
                result.Add((value, scalar));
            }
            else
            {
                error(item, $"{id}: each item of '{key}' must be text");
            }
        }

        return result;
    }
}
