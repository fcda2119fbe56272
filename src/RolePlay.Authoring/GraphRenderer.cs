using System.Globalization;
using System.Text;
using RolePlay.Engine.Model;

namespace RolePlay.Authoring;

/// <summary>Output formats of <c>roleplay graph</c>.</summary>
public enum GraphFormat
{
    Mermaid,
    Dot,
    Svg,
}

/// <summary>Draws a scenario as Mermaid or Graphviz DOT source: endings coloured by outcome, unreachable nodes dashed and grey, guards on edges.</summary>
public static class GraphRenderer
{
    /// <summary>Colour family of an ending's outcome.</summary>
    public enum OutcomeStyle
    {
        /// <summary>Green: resolved.</summary>
        Good,

        /// <summary>Amber: partially resolved or escalated.</summary>
        Mixed,

        /// <summary>Red: relationship damaged, timed out, abandoned.</summary>
        Bad,

        /// <summary>Blue-grey: any other outcome a scenario invents.</summary>
        Other,
    }

    public static OutcomeStyle StyleOf(string outcome) => outcome switch
    {
        Outcomes.Resolved => OutcomeStyle.Good,
        Outcomes.PartiallyResolved or Outcomes.Escalated => OutcomeStyle.Mixed,
        Outcomes.RelationshipDamaged or Outcomes.TimedOut or Outcomes.Abandoned => OutcomeStyle.Bad,
        _ => OutcomeStyle.Other,
    };

    private static (string Fill, string Stroke) Colours(OutcomeStyle style) => style switch
    {
        OutcomeStyle.Good => ("#c8e6c9", "#2e7d32"),
        OutcomeStyle.Mixed => ("#ffe0b2", "#ef6c00"),
        OutcomeStyle.Bad => ("#ffcdd2", "#c62828"),
        _ => ("#cfd8dc", "#455a64"),
    };

    /// <summary>Mermaid or DOT source; for <see cref="GraphFormat.Svg"/> use <see cref="RenderAsync"/> (this returns the DOT source).</summary>
    public static string Render(Scenario scenario, GraphFormat format) =>
        format == GraphFormat.Mermaid ? ToMermaid(scenario) : ToDot(scenario);

    /// <summary>The one call behind <c>roleplay graph</c>: Mermaid, DOT, or SVG through Graphviz (an error, not an exception, when <c>dot</c> is missing).</summary>
    public static async Task<SvgRenderResult> RenderAsync(Scenario scenario, GraphFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return format == GraphFormat.Svg
            ? await GraphvizRenderer.RenderSvgAsync(ToDot(scenario), cancellationToken: cancellationToken).ConfigureAwait(false)
            : new SvgRenderResult(Render(scenario, format), null);
    }

    /// <summary>The text shown on an edge: its guard (or <c>otherwise</c>) and its state updates.</summary>
    public static string EdgeLabel(Transition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var guard = transition.When is null ? "otherwise" : transition.When.Text.Trim();
        if (transition.Updates.Count == 0)
        {
            return guard;
        }

        var updates = string.Join(", ", transition.Updates.Select(u => u.Kind == UpdateKind.Set
            ? string.Create(CultureInfo.InvariantCulture, $"{u.Variable} = {u.Amount}")
            : string.Create(CultureInfo.InvariantCulture, $"{u.Variable} {(u.Amount >= 0 ? "+" : "")}{u.Amount}")));
        return $"{guard}\n[{updates}]";
    }

    public static string ToMermaid(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var graph = new ScenarioPaths(scenario);
        var ids = new MermaidIds();
        var sb = new StringBuilder();
        sb.AppendLine("flowchart TD");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    %% {Single(scenario.Title)} ({scenario.Id})");
        sb.AppendLine("    __start((start))");
        foreach (var node in scenario.Nodes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    {ids[node.Id]}[\"{MermaidText($"{node.Id}\n({node.Speaker})")}\"]");
        }

        foreach (var ending in scenario.Endings)
        {
            var label = $"{ending.Id}\n{ending.Outcome}" + (ending.Id == scenario.TurnLimitEnding.Id ? "\n(turn limit)" : "");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    {ids[ending.Id]}([\"{MermaidText(label)}\"])");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"    __start --> {ids[scenario.StartId]}");
        foreach (var node in scenario.Nodes)
        {
            var arrow = graph.IsReachable(node.Id) ? "-->" : "-.->";
            foreach (var transition in node.Transitions)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {ids[node.Id]} {arrow}|\"{MermaidText(EdgeLabel(transition))}\"| {ids[transition.Target]}");
            }
        }

        foreach (var style in Enum.GetValues<OutcomeStyle>())
        {
            var (fill, stroke) = Colours(style);
            sb.AppendLine(CultureInfo.InvariantCulture, $"    classDef {ClassName(style)} fill:{fill},stroke:{stroke},stroke-width:2px");
        }

        sb.AppendLine("    classDef unreachable fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray:5 5,color:#757575");
        foreach (var group in scenario.Endings.GroupBy(e => StyleOf(e.Outcome)))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    class {string.Join(",", group.Select(e => ids[e.Id]))} {ClassName(group.Key)}");
        }

        var unreachable = scenario.Nodes.Where(n => !graph.IsReachable(n.Id)).Select(n => n.Id)
            .Concat(scenario.Endings.Where(e => !graph.IsReachable(e.Id) && e.Id != scenario.TurnLimitEnding.Id).Select(e => e.Id))
            .ToList();
        if (unreachable.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    class {string.Join(",", unreachable.Select(id => ids[id]))} unreachable");
        }

        return sb.ToString();
    }

    public static string ToDot(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var graph = new ScenarioPaths(scenario);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"digraph {DotId(scenario.Id)} {{");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  label={DotString($"{scenario.Title} ({scenario.Id})")};");
        sb.AppendLine("  labelloc=t;");
        sb.AppendLine("  rankdir=TB;");
        sb.AppendLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];");
        sb.AppendLine("  edge [fontname=\"Helvetica\", fontsize=10];");
        sb.AppendLine("  \"__start\" [shape=circle, label=\"start\", fillcolor=\"#e3f2fd\"];");
        foreach (var node in scenario.Nodes)
        {
            var unreachable = graph.IsReachable(node.Id) ? "" : ", style=\"rounded,filled,dashed\", color=\"#9e9e9e\", fontcolor=\"#757575\", fillcolor=\"#eeeeee\"";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {DotId(node.Id)} [label={DotString($"{node.Id}\n({node.Speaker})")}{unreachable}];");
        }

        foreach (var ending in scenario.Endings)
        {
            var (fill, stroke) = Colours(StyleOf(ending.Outcome));
            var isTurnLimit = ending.Id == scenario.TurnLimitEnding.Id;
            var label = $"{ending.Id}\n{ending.Outcome}" + (isTurnLimit ? "\n(turn limit)" : "");
            var dashed = graph.IsReachable(ending.Id) || isTurnLimit ? "" : ",dashed";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {DotId(ending.Id)} [shape=box, style=\"rounded,filled,bold{dashed}\", label={DotString(label)}, fillcolor=\"{fill}\", color=\"{stroke}\"];");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"  \"__start\" -> {DotId(scenario.StartId)};");
        foreach (var node in scenario.Nodes)
        {
            var style = graph.IsReachable(node.Id) ? "" : ", style=dashed, color=\"#9e9e9e\"";
            foreach (var transition in node.Transitions)
            {
                var unconditional = transition.When is null ? ", fontcolor=\"#616161\"" : "";
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {DotId(node.Id)} -> {DotId(transition.Target)} [label={DotString(EdgeLabel(transition))}{unconditional}{style}];");
            }
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    /// <summary>A quoted DOT identifier.</summary>
    public static string DotId(string id) => DotString(id);

    private static string DotString(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
        return $"\"{escaped}\"";
    }

    private static string MermaidText(string text)
    {
        // Mermaid labels are quoted; quotes and angle brackets must be written as entity codes, line breaks as <br/>.
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '|' => "#124;",
                '\n' => "<br/>",
                '\r' => "",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Single(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    private static string ClassName(OutcomeStyle style) => style switch
    {
        OutcomeStyle.Good => "good",
        OutcomeStyle.Mixed => "mixed",
        OutcomeStyle.Bad => "bad",
        _ => "other",
    };

    /// <summary>Maps scenario ids to Mermaid-safe identifiers (letters, digits, underscores), keeping them unique.</summary>
    private sealed class MermaidIds
    {
        private readonly Dictionary<string, string> map = new(StringComparer.Ordinal);
        private readonly HashSet<string> used = new(StringComparer.Ordinal) { "__start" };

        public string this[string id]
        {
            get
            {
                if (map.TryGetValue(id, out var existing))
                {
                    return existing;
                }

                var safe = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
                // Mermaid reserves 'end' and ids starting with 'o'/'x' after '--' can be read as arrow heads; a prefix avoids both.
                var candidate = "n_" + safe;
                for (var i = 2; !used.Add(candidate); i++)
                {
                    candidate = string.Create(CultureInfo.InvariantCulture, $"n_{safe}_{i}");
                }

                map[id] = candidate;
                return candidate;
            }
        }
    }
}
