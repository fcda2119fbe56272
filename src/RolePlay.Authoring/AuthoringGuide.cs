using System.Globalization;
using System.Text;
using RolePlay.Engine.Diagnostics;

namespace RolePlay.Authoring;

/// <summary>A broken snippet that triggers a diagnostic and the corrected version, for the authoring guide.</summary>
public sealed record DiagnosticExample(string Broken, string Fixed);

/// <summary>Generates the diagnostics reference of docs/authoring.md from the descriptors, so the guide cannot drift from the validator.</summary>
public static class AuthoringGuide
{
    public const string BeginMarker = "<!-- BEGIN GENERATED: diagnostics (edit AuthoringGuide.cs, not this section) -->";
    public const string EndMarker = "<!-- END GENERATED: diagnostics -->";

    /// <summary>Examples by code; every descriptor should have one (a test checks).</summary>
    public static IReadOnlyDictionary<string, DiagnosticExample> Examples { get; } = new Dictionary<string, DiagnosticExample>(StringComparer.Ordinal)
    {
        ["RP0001"] = new("title: Late delivery: the sequel", "title: \"Late delivery: the sequel\""),
        ["RP0002"] = new("- id: opening\n  lines: [Hello?]\n  transitions: [{ to: done }]", "- id: opening\n  speaker: dana\n  lines: [Hello?]\n  transitions: [{ to: done }]"),
        ["RP0003"] = new("turn_limit: ten", "turn_limit: 10"),
        ["RP0004"] = new("- id: opening\n  speeker: dana", "- id: opening\n  speaker: dana"),
        ["RP0005"] = new("context: supplier", "context: partner"),
        ["RP0006"] = new("roleplay validate scenarios/late-delivery.yml", "roleplay validate scenarios/late-delivery.yaml"),
        ["RP0101"] = new("nodes:\n  - id: opening\n    ...\n  - id: opening", "nodes:\n  - id: opening\n    ...\n  - id: opening_again"),
        ["RP0102"] = new("- when: apology\n  to: detials", "- when: apology\n  to: details"),
        ["RP0103"] = new("speaker: dan        # the persona is 'dana'", "speaker: dana"),
        ["RP0104"] = new("assesses: [politeness]", "assesses: [respect]"),
        ["RP0105"] = new("update: { angr: +2 }", "update: { anger: +2 }"),
        ["RP0201"] = new("# no transition anywhere has 'to: side_quest'\n- id: side_quest", "# add a transition that leads to it, or delete the node\n- when: empathy\n  to: side_quest"),
        ["RP0202"] = new("transitions:\n  - when: apology\n    to: details", "transitions:\n  - when: apology\n    to: details\n  - to: still_cross"),
        ["RP0203"] = new("endings:\n  - id: secret_ending    # nothing leads here", "# in some node:\n- when: follow_up and score >= 8\n  to: secret_ending"),
        ["RP0204"] = new("- id: a\n  transitions: [{ to: b }]\n- id: b\n  transitions: [{ to: a }]", "- id: b\n  transitions:\n    - when: solution\n      to: resolved\n    - to: a"),
        ["RP0205"] = new("transitions:\n  - to: still_cross\n  - when: apology\n    to: details", "transitions:\n  - when: apology\n    to: details\n  - to: still_cross"),
        ["RP0206"] = new("lines:\n  - I ordered next-day delivery.\n  - when: anger >= 8\n    text: THREE DAYS late!", "lines:\n  - when: anger >= 8\n    text: THREE DAYS late!\n  - I ordered next-day delivery."),
        ["RP0207"] = new("endings: []", "endings:\n  - id: resolved\n    outcome: resolved"),
        ["RP0301"] = new("variables:\n  anger: { min: 0, max: 10, initial: 12 }", "variables:\n  anger: { min: 0, max: 10, initial: 10 }"),
        ["RP0302"] = new("anger: { min: 10, max: 0, initial: 5 }", "anger: { min: 0, max: 10, initial: 5 }"),
        ["RP0401"] = new("when: apology and", "when: apology and empathy"),
        ["RP0402"] = new("when: anger and apology", "when: anger >= 7 and apology"),
        ["RP0403"] = new("when: apolgy", "when: apology"),
        ["RP0404"] = new("assesses: [apology]\ntransitions:\n  - when: apology and empathy\n    to: details", "assesses: [apology, empathy]\ntransitions:\n  - when: apology and empathy\n    to: details"),
        ["RP0405"] = new("variables:\n  score: { min: 0, max: 10, initial: 0 }", "variables:\n  rapport: { min: 0, max: 10, initial: 0 }"),
        ["RP0501"] = new("turn_limit: 0", "turn_limit: 10"),
        ["TP0001"] = new("replies:\n  - Sorry: I'll fix it", "replies:\n  - \"Sorry: I'll fix it\""),
        ["TP0002"] = new("- name: Good path\n  replies: [Sorry about that.]", "- name: Good path\n  replies: [Sorry about that.]\n  ending: resolved"),
        ["TP0003"] = new("replies: Sorry about that.", "replies:\n  - Sorry about that."),
        ["TP0004"] = new("endign: resolved", "ending: resolved"),
        ["TP0005"] = new("replies: [Hello, Sorry]\npath: [opening]", "replies: [Hello, Sorry]\npath: [opening, still_cross]"),
        ["TP0006"] = new("roleplay test scenarios/late-delivery.testplan.yml", "roleplay test late-delivery"),
        ["TP0101"] = new("ending: resolve", "ending: resolved"),
    };

    /// <summary>The Markdown for every descriptor, between <see cref="BeginMarker"/> and <see cref="EndMarker"/>.</summary>
    public static string RenderDiagnosticsSection(IEnumerable<DiagnosticDescriptor> scenarioDescriptors, IEnumerable<DiagnosticDescriptor> testPlanDescriptors)
    {
        ArgumentNullException.ThrowIfNull(scenarioDescriptors);
        ArgumentNullException.ThrowIfNull(testPlanDescriptors);
        var sb = new StringBuilder();
        sb.Append(BeginMarker).Append('\n');
        sb.Append("### Scenario diagnostics\n\n");
        sb.Append("| Code | Severity | Title |\n|---|---|---|\n");
        var scenario = scenarioDescriptors.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var plans = testPlanDescriptors.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        foreach (var d in scenario)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| [{d.Code}](#{d.Code.ToLowerInvariant()}) | {Severity(d)} | {d.Title} |\n");
        }

        sb.Append('\n');
        foreach (var d in scenario)
        {
            AppendEntry(sb, d);
        }

        sb.Append("### Test-plan diagnostics\n\n");
        foreach (var d in plans)
        {
            AppendEntry(sb, d);
        }

        sb.Append(EndMarker).Append('\n');
        return sb.ToString();
    }

    /// <summary>Replaces the generated region of a guide with freshly generated text; null when the markers are missing.</summary>
    public static string? ReplaceDiagnosticsSection(string guide, string section)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(section);
        var start = guide.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = guide.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        var after = end + EndMarker.Length;
        if (after < guide.Length && guide[after] == '\n')
        {
            after++;
        }

        return string.Concat(guide.AsSpan(0, start), section, guide.AsSpan(after));
    }

    /// <summary>
    /// The worked example of the guide: every YAML block of section 1 before "### 1.6", joined, is a scenario; the
    /// first YAML block after it is its test plan. Null parts mean the guide no longer has that shape.
    /// </summary>
    public static (string? Scenario, string? TestPlan) ExtractWorkedExample(string guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        var text = guide.ReplaceLineEndings("\n");
        var start = text.IndexOf("\n## 1.", StringComparison.Ordinal);
        var plan = text.IndexOf("\n### 1.6", StringComparison.Ordinal);
        var end = text.IndexOf("\n## 2.", StringComparison.Ordinal);
        if (start < 0 || plan < start || end < plan)
        {
            return (null, null);
        }

        var scenarioBlocks = YamlBlocks(text[start..plan]).ToList();
        var planBlock = YamlBlocks(text[plan..end]).FirstOrDefault();
        return (scenarioBlocks.Count == 0 ? null : string.Join("\n", scenarioBlocks), planBlock);
    }

    private static IEnumerable<string> YamlBlocks(string text)
    {
        const string open = "```yaml\n";
        for (var at = text.IndexOf(open, StringComparison.Ordinal); at >= 0; at = text.IndexOf(open, at, StringComparison.Ordinal))
        {
            var bodyStart = at + open.Length;
            var close = text.IndexOf("\n```", bodyStart, StringComparison.Ordinal);
            if (close < 0)
            {
                yield break;
            }

            yield return text[bodyStart..close] + "\n";
            at = close + 4;
        }
    }

    private static void AppendEntry(StringBuilder sb, DiagnosticDescriptor d)
    {
        sb.Append(CultureInfo.InvariantCulture, $"#### {d.Code}\n\n**{d.Title}** ({Severity(d)}) - message: `{d.MessageFormat}`\n\n");
        sb.Append(d.Explanation).Append("\n\n");
        if (Examples.TryGetValue(d.Code, out var example))
        {
            var fence = example.Broken.StartsWith("roleplay ", StringComparison.Ordinal) ? "sh" : "yaml";
            sb.Append(CultureInfo.InvariantCulture, $"Example:\n\n```{fence}\n{example.Broken}\n```\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Fix: {d.Fix}\n\n```{fence}\n{example.Fixed}\n```\n\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"Fix: {d.Fix}\n\n");
        }
    }

    private static string Severity(DiagnosticDescriptor d) => d.Severity == RolePlay.Engine.Diagnostics.Severity.Error ? "error" : "warning";
}
