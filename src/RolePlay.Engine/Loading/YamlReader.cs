using System.Globalization;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Engine.Loading;

/// <summary>Reads typed values out of a YAML node tree, reporting shape problems with positions instead of throwing.</summary>
internal sealed class YamlReader(string file, List<Diagnostic> diagnostics, string text = "")
{
    private readonly string[] _lines = text.Split('\n');

    public string File { get; } = file;

    public static SourcePosition PositionOf(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Where a scalar's text begins: past the opening quote of a quoted scalar, at the first content line of a block scalar.</summary>
    public SourcePosition TextPositionOf(YamlScalarNode node) => node.Style switch
    {
        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => new((int)node.Start.Line, (int)node.Start.Column + 1),
        ScalarStyle.Literal or ScalarStyle.Folded => BlockContentPosition(node),
        _ => PositionOf(node),
    };

    // A block scalar's node starts at its '|' or '>' indicator; its text starts on the next non-blank line, at that
    // line's indentation (not at the indicator's column).
    private SourcePosition BlockContentPosition(YamlScalarNode node)
    {
        for (var line = (int)node.Start.Line + 1; line <= _lines.Length; line++)
        {
            var content = _lines[line - 1].TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(content))
            {
                return new SourcePosition(line, content.Length - content.TrimStart(' ').Length + 1);
            }
        }

        return new SourcePosition((int)node.Start.Line + 1, (int)node.Start.Column);
    }

    public void Report(DiagnosticDescriptor descriptor, SourcePosition position, params object[] args) =>
        diagnostics.Add(new Diagnostic(descriptor, File, position, args));

    public YamlMappingNode? AsMapping(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Report(DiagnosticDescriptors.WrongShape, PositionOf(node), what, "a mapping of 'key: value' pairs");
        return null;
    }

    public YamlSequenceNode? AsSequence(YamlNode? node, string what)
    {
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Report(DiagnosticDescriptors.WrongShape, PositionOf(node), what, "a list");
        return null;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null");

    public string? AsString(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Report(DiagnosticDescriptors.WrongShape, PositionOf(node), what, "text");
        return null;
    }

    /// <summary>The text of a mapping key; YAML allows lists and mappings as keys, the scenario format does not.</summary>
    public string? KeyName(YamlNode key, string what)
    {
        if (key is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Report(DiagnosticDescriptors.WrongShape, PositionOf(key), what, "text");
        return null;
    }

    public int? AsInt(YamlNode? node, string what)
    {
        var text = AsString(node, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Report(DiagnosticDescriptors.WrongShape, PositionOf(node!), what, "a whole number");
        return null;
    }

    public IReadOnlyList<string> AsStringList(YamlNode? node, string what)
    {
        if (node is YamlScalarNode single && !IsNull(single))
        {
            return [single.Value ?? ""];
        }

        var seq = AsSequence(node, what);
        if (seq is null)
        {
            return [];
        }

        var list = new List<string>();
        foreach (var item in seq)
        {
            var value = AsString(item, what + " item");
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    /// <summary>A mapping's fields, checked against the keys the format allows.</summary>
    public Fields Fields(YamlMappingNode map, string what, params string[] allowed)
    {
        var fields = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = Suggest(name, allowed);
                Report(DiagnosticDescriptors.UnknownField, PositionOf(key), name, what,
                    suggestion is null ? "" : $" (did you mean '{suggestion}'?)");
                continue;
            }

            if (fields.TryGetValue(name, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateId, PositionOf(key), "field", name, first.Key.Start.Line);
                continue;
            }

            fields[name] = (key, value);
        }

        return new Fields(this, map, what, fields);
    }

    private static string? Suggest(string name, string[] allowed) =>
        allowed
            .Select(a => (a, d: EditDistance(name.ToLowerInvariant(), a)))
            .Where(x => x.d <= Math.Max(2, x.a.Length / 3))
            .OrderBy(x => x.d)
            .Select(x => x.a)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

/// <summary>The recognised fields of one YAML mapping.</summary>
internal sealed class Fields(YamlReader reader, YamlMappingNode map, string what, Dictionary<string, (YamlNode Key, YamlNode Value)> fields)
{
    public SourcePosition Position => YamlReader.PositionOf(map);

    public YamlNode? this[string name] => fields.TryGetValue(name, out var f) ? f.Value : null;

    public bool Has(string name) => fields.ContainsKey(name);

    public SourcePosition KeyPosition(string name) =>
        fields.TryGetValue(name, out var f) ? YamlReader.PositionOf(f.Key) : Position;

    public string? RequiredString(string name)
    {
        var node = this[name];
        if (node is null || YamlReader.IsNull(node))
        {
            reader.Report(DiagnosticDescriptors.MissingField, Position, what, name);
            return null;
        }

        var value = reader.AsString(node, name);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            reader.Report(DiagnosticDescriptors.MissingField, YamlReader.PositionOf(node), what, name);
            return null;
        }

        return value;
    }

    public string OptionalString(string name) => this[name] is { } node && !YamlReader.IsNull(node) ? reader.AsString(node, name) ?? "" : "";

    public int? OptionalInt(string name) => this[name] is { } node ? reader.AsInt(node, name) : null;
}
