using RolePlay.Engine.Model;

namespace RolePlay.Reporting.Reports;

/// <summary>Optional inputs to a report.</summary>
/// <param name="CriterionLabels">Readable names for marking point ids (e.g. from the scoring catalogue); ids are shown when missing.</param>
/// <param name="Clock">Source of the "generated at" time.</param>
/// <param name="PersonaNames">Display names for persona ids (e.g. <c>dana</c> → <c>Dana Hughes</c>); ids are shown when missing.</param>
/// <param name="NodeAssesses">
/// For each node id, the marking points the node looks for (the scenario's <c>assesses</c> lists). When known, a criterion
/// lists the turns that credited it plus the turns at nodes that looked for it and missed it; when null, only credited
/// or reviewed turns are listed because there is no way to tell a missed opportunity from a point the node never sought.
/// </param>
public sealed record ReportOptions(
    IReadOnlyDictionary<string, string>? CriterionLabels = null,
    TimeProvider? Clock = null,
    IReadOnlyDictionary<string, string>? PersonaNames = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? NodeAssesses = null)
{
    public static ReportOptions Default { get; } = new();

    /// <summary>Options that name the scenario's personas and know what each node assesses; pass the catalogue's labels when the caller has them.</summary>
    public static ReportOptions ForScenario(Scenario scenario, IReadOnlyDictionary<string, string>? criterionLabels = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ReportOptions(
            criterionLabels,
            PersonaNames: scenario.Personas.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
            NodeAssesses: AssessesByNode(scenario));
    }

    /// <summary>Each node's <c>assesses</c> list, keyed by node id (the first node wins if an id repeats).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AssessesByNode(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Assesses, StringComparer.Ordinal);
    }

    /// <summary>Whether the node looked for the marking point: null when the scenario is unknown, false for an unknown node.</summary>
    public bool? NodeLooksFor(string nodeId, string markingPointId)
    {
        if (NodeAssesses is null)
        {
            return null;
        }

        return NodeAssesses.TryGetValue(nodeId, out var points) && points.Contains(markingPointId, StringComparer.Ordinal);
    }

    public string LabelFor(string markingPointId) =>
        CriterionLabels is not null && CriterionLabels.TryGetValue(markingPointId, out var label) && !string.IsNullOrWhiteSpace(label)
            ? label
            : markingPointId.Replace('_', ' ');

    public string NameFor(string personaId) =>
        PersonaNames is not null && PersonaNames.TryGetValue(personaId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : personaId;
}
