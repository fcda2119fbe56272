using System.Text.RegularExpressions;
using RolePlay.Engine.Conditions;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Engine.Loading;

/// <summary>The result of loading a scenario: the scenario when it has no errors, and every diagnostic found.</summary>
public sealed record LoadResult(Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}

/// <summary>Reads scenario YAML into an immutable <see cref="Scenario"/>, validating it; tutor mistakes become diagnostics, never exceptions.</summary>
public static partial class ScenarioLoader
{
    /// <summary>Scenario files larger than this are refused: hand-written scenarios are a few kilobytes.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    private static readonly string[] ScenarioFields =
    [
        "id", "title", "summary", "context", "qualification", "estimated_minutes", "turn_limit", "turn_limit_ending",
        "variables", "personas", "start", "nodes", "endings",
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Loads and validates a scenario file.</summary>
    public static LoadResult LoadFile(string path, IMarkingPointVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return Failed(path, $"the file is {info.Length / 1024} KB; scenarios are limited to {MaxFileBytes / 1024} KB");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, ex.Message);
        }

        return LoadText(text, path, vocabulary);
    }

    /// <summary>Loads and validates scenario text; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult LoadText(string text, string file, IMarkingPointVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var diagnostics = new List<Diagnostic>();
        var reader = new YamlReader(file, diagnostics, text);
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            var colon = message.IndexOf("): ", StringComparison.Ordinal);
            message = colon >= 0 ? message[(colon + 3)..] : message;

            // The scanner's Start is where the value it was reading began; End is where it found the problem (a tab, a
            // missing quote...). Point at the problem and mention the start.
            var at = ex.Start;
            if (ex is SyntaxErrorException && ex.End.Index > ex.Start.Index)
            {
                at = ex.End;
                message += $" (the value began at line {ex.Start.Line}, column {ex.Start.Column})";
            }

            reader.Report(DiagnosticDescriptors.YamlSyntax, new SourcePosition((int)at.Line, (int)at.Column), message);
            return new LoadResult(null, diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) for some malformed input, e.g. an unclosed '[' followed
            // by a less-indented line; untrusted text must not crash the loader.
            reader.Report(DiagnosticDescriptors.YamlSyntax, parser.LastGoodPosition,
                "the YAML cannot be read after this point (is a '[', '{' or quote left open?)");
            return new LoadResult(null, diagnostics);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var position = stream.Documents.Count == 0 ? new SourcePosition(1, 1) : YamlReader.PositionOf(stream.Documents[0].RootNode);
            reader.Report(DiagnosticDescriptors.WrongShape, position, "a scenario file", "a mapping with id, title, nodes and endings");
            return new LoadResult(null, diagnostics);
        }

        var scenario = ReadScenario(reader, root, file);
        if (scenario is not null)
        {
            diagnostics.AddRange(ScenarioValidator.Validate(scenario, vocabulary));
        }

        var sorted = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new LoadResult(sorted.Any(d => d.IsError) ? null : scenario, sorted);
    }

    private static LoadResult Failed(string path, string message) =>
        new(null, [new Diagnostic(DiagnosticDescriptors.FileUnreadable, path, new SourcePosition(1, 1), message)]);

    private static Scenario? ReadScenario(YamlReader reader, YamlMappingNode root, string file)
    {
        var fields = reader.Fields(root, "the scenario", ScenarioFields);
        var id = fields.RequiredString("id");
        var title = fields.RequiredString("title");
        var start = fields.RequiredString("start");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, YamlReader.PositionOf(fields["id"]!),
                $"scenario id '{id}' must use lower-case letters, digits, '-' and '_'");
        }

        var context = ReadContext(reader, fields);
        var turnLimit = fields.OptionalInt("turn_limit") ?? 12;
        if (turnLimit is < 1 or > 200)
        {
            reader.Report(DiagnosticDescriptors.InvalidTurnLimit, YamlReader.PositionOf(fields["turn_limit"]!), turnLimit);
        }

        var minutes = fields.OptionalInt("estimated_minutes") ?? 0;
        if (minutes < 0)
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, YamlReader.PositionOf(fields["estimated_minutes"]!), "estimated_minutes cannot be negative");
        }

        var nodes = ReadList(reader, fields["nodes"], "nodes", ReadNode);
        var endings = ReadList(reader, fields["endings"], "endings", ReadEnding);
        if (!fields.Has("nodes"))
        {
            reader.Report(DiagnosticDescriptors.MissingField, fields.Position, "the scenario", "nodes");
        }

        if (!fields.Has("endings"))
        {
            reader.Report(DiagnosticDescriptors.MissingField, fields.Position, "the scenario", "endings");
        }

        if (id is null || title is null || start is null)
        {
            return null;
        }

        return new Scenario
        {
            Id = id,
            Title = title,
            Summary = fields.OptionalString("summary"),
            Context = context,
            Qualification = ReadQualification(reader, fields["qualification"]),
            EstimatedMinutes = minutes,
            TurnLimit = turnLimit,
            TurnLimitEndingId = fields.Has("turn_limit_ending") ? fields.OptionalString("turn_limit_ending") : null,
            TurnLimitEndingPosition = fields.Has("turn_limit_ending") ? YamlReader.PositionOf(fields["turn_limit_ending"]!) : fields.Position,
            NodesPosition = fields.KeyPosition("nodes"),
            EndingsPosition = fields.KeyPosition("endings"),
            StartId = start,
            StartPosition = YamlReader.PositionOf(fields["start"]!),
            Variables = ReadVariables(reader, fields["variables"]),
            Personas = ReadList(reader, fields["personas"], "personas", ReadPersona),
            Nodes = nodes,
            Endings = endings,
            SourcePath = file,
        };
    }

    private static ContextKind ReadContext(YamlReader reader, Fields fields)
    {
        var text = fields.RequiredString("context");
        if (text is null)
        {
            return ContextKind.Customer;
        }

        if (Enum.TryParse<ContextKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _))
        {
            return kind;
        }

        reader.Report(DiagnosticDescriptors.InvalidValue, YamlReader.PositionOf(fields["context"]!),
            $"context '{text}' must be one of colleague, customer, partner");
        return ContextKind.Customer;
    }

    private static List<T> ReadList<T>(YamlReader reader, YamlNode? node, string what, Func<YamlReader, YamlMappingNode, T?> read)
        where T : class
    {
        var list = new List<T>();
        var seq = reader.AsSequence(node, what);
        if (seq is null)
        {
            return list;
        }

        foreach (var item in seq)
        {
            if (reader.AsMapping(item, $"each of {what}") is { } map && read(reader, map) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static Qualification ReadQualification(YamlReader reader, YamlNode? node)
    {
        if (reader.AsMapping(node, "qualification") is not { } map)
        {
            return Qualification.Empty;
        }

        var fields = reader.Fields(map, "qualification", "element", "outcomes");
        var outcomes = ReadList(reader, fields["outcomes"], "outcomes", (r, m) =>
        {
            var f = r.Fields(m, "a learning outcome", "id", "text", "marking_points");
            var id = f.RequiredString("id");
            var text = f.RequiredString("text");
            return id is null || text is null
                ? null
                : new LearningOutcome(id, text, r.AsStringList(f["marking_points"], "marking_points"))
                {
                    Position = f.Position,
                    MarkingPointsPosition = f.KeyPosition("marking_points"),
                };
        });
        return new Qualification(fields.OptionalString("element"), outcomes);
    }

    private static IReadOnlyList<VariableDefinition> ReadVariables(YamlReader reader, YamlNode? node)
    {
        var list = new List<VariableDefinition>();
        if (reader.AsMapping(node, "variables") is not { } map)
        {
            return list;
        }

        foreach (var (key, value) in map.Children)
        {
            if (reader.KeyName(key, "a variable name") is not { } name || reader.AsMapping(value, $"variable '{name}'") is not { } body)
            {
                continue;
            }

            var f = reader.Fields(body, $"variable '{name}'", "min", "max", "initial");
            var min = f.OptionalInt("min") ?? 0;
            var max = f.OptionalInt("max") ?? 10;
            var initial = f.OptionalInt("initial") ?? min;
            list.Add(new VariableDefinition(name, min, max, initial, YamlReader.PositionOf(key)));
        }

        return list;
    }

    private static Persona? ReadPersona(YamlReader reader, YamlMappingNode map)
    {
        var f = reader.Fields(map, "a persona", "id", "name", "role", "voice", "state");
        var id = f.RequiredString("id");
        var name = f.RequiredString("name");
        if (id is null || name is null)
        {
            return null;
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var statePositions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        if (reader.AsMapping(f["state"], "state") is { } stateMap)
        {
            foreach (var (key, value) in stateMap.Children)
            {
                if (reader.KeyName(key, "a state variable name") is { } variable && reader.AsInt(value, variable) is { } amount)
                {
                    state[variable] = amount;
                    statePositions[variable] = YamlReader.PositionOf(key);
                }
            }
        }

        return new Persona(id, name, f.OptionalString("role"), f.OptionalString("voice"), state, f.Position)
        {
            StatePositions = statePositions,
        };
    }

    private static DialogueNode? ReadNode(YamlReader reader, YamlMappingNode map)
    {
        var f = reader.Fields(map, "a node",
            "id", "speaker", "lines", "line", "assesses", "hint", "intent", "must_say", "must_not_say", "transitions");
        var id = f.RequiredString("id");
        var speaker = f.RequiredString("speaker");
        if (id is null || speaker is null)
        {
            return null;
        }

        var lines = new List<LineVariant>();
        if (f["line"] is { } single && reader.AsString(single, "line") is { } singleText)
        {
            lines.Add(new LineVariant(singleText, null, YamlReader.PositionOf(single)));
        }

        if (reader.AsSequence(f["lines"], "lines") is { } seq)
        {
            foreach (var item in seq)
            {
                if (item is YamlScalarNode scalar)
                {
                    lines.Add(new LineVariant(scalar.Value ?? "", null, YamlReader.PositionOf(scalar)));
                }
                else if (reader.AsMapping(item, "a line variant") is { } variantMap)
                {
                    var vf = reader.Fields(variantMap, "a line variant", "when", "text");
                    var text = vf.RequiredString("text");
                    if (text is not null)
                    {
                        lines.Add(new LineVariant(text, ReadCondition(reader, vf["when"]), vf.Position));
                    }
                }
            }
        }

        if (lines.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.MissingField, f.Position, $"node '{id}'", "lines");
        }

        return new DialogueNode
        {
            Id = id,
            Speaker = speaker,
            SpeakerPosition = YamlReader.PositionOf(f["speaker"]!),
            Lines = lines,
            Assesses = reader.AsStringList(f["assesses"], "assesses"),
            AssessesPosition = f.KeyPosition("assesses"),
            Hint = f.OptionalString("hint"),
            Intent = f.OptionalString("intent"),
            MustSay = reader.AsStringList(f["must_say"], "must_say"),
            MustNotSay = reader.AsStringList(f["must_not_say"], "must_not_say"),
            Transitions = ReadList(reader, f["transitions"], "transitions", ReadTransition),
            Position = YamlReader.PositionOf(f["id"]!),
        };
    }

    private static Transition? ReadTransition(YamlReader reader, YamlMappingNode map)
    {
        var f = reader.Fields(map, "a transition", "when", "to", "update", "set");
        var target = f.RequiredString("to");
        if (target is null)
        {
            return null;
        }

        var updates = new List<StateUpdate>();
        ReadUpdates(reader, f["update"], UpdateKind.Add, updates);
        ReadUpdates(reader, f["set"], UpdateKind.Set, updates);
        return new Transition(target, ReadCondition(reader, f["when"]), updates, f.Position, YamlReader.PositionOf(f["to"]!));
    }

    private static void ReadUpdates(YamlReader reader, YamlNode? node, UpdateKind kind, List<StateUpdate> into)
    {
        if (reader.AsMapping(node, kind == UpdateKind.Add ? "update" : "set") is not { } map)
        {
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            if (reader.KeyName(key, "a variable name") is { } variable && reader.AsInt(value, variable) is { } amount)
            {
                into.Add(new StateUpdate(variable, kind, amount, YamlReader.PositionOf(key)));
            }
        }
    }

    private static Condition? ReadCondition(YamlReader reader, YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            reader.Report(DiagnosticDescriptors.WrongShape, YamlReader.PositionOf(node), "when", "a condition written as text, e.g. 'apology and anger <= 6'");
            return InvalidCondition("", YamlReader.PositionOf(node));
        }

        var text = scalar.Value ?? "";
        var position = reader.TextPositionOf(scalar);
        var (expression, error) = ConditionParser.Parse(text);
        if (error is not null)
        {
            reader.Report(DiagnosticDescriptors.ConditionSyntax, new SourcePosition(position.Line, position.Column + error.Offset), error.Message);
            return InvalidCondition(text, position);
        }

        return new Condition(text, expression!, position);
    }

    /// <summary>Stands in for a condition that failed to parse, so that it is not mistaken for a default transition.</summary>
    private static Condition InvalidCondition(string text, SourcePosition position) =>
        new(text, new BoolExpr(false, 0), position) { IsValid = false };

    private static Ending? ReadEnding(YamlReader reader, YamlMappingNode map)
    {
        var f = reader.Fields(map, "an ending", "id", "outcome", "title", "speaker", "line", "debrief");
        var id = f.RequiredString("id");
        var outcome = f.RequiredString("outcome");
        if (id is null || outcome is null)
        {
            return null;
        }

        return new Ending
        {
            Id = id,
            Outcome = outcome,
            Title = f.OptionalString("title"),
            Speaker = f.Has("speaker") ? f.OptionalString("speaker") : null,
            SpeakerPosition = f.KeyPosition("speaker"),
            Line = f.OptionalString("line"),
            Debrief = f.OptionalString("debrief"),
            Position = YamlReader.PositionOf(f["id"]!),
        };
    }
}
