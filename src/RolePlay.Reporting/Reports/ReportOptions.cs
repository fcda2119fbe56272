using RolePlay.Engine.Model;

namespace RolePlay.Reporting.Reports;

/// <summary>Optional inputs to a report.</summary>
/// <param name="CriterionLabels">Readable names for marking point ids (e.g. from the scoring catalogue); ids are shown when missing.</param>
/// <param name="Clock">Source of the "generated at" time.</param>
/// <param name="PersonaNames">Display names for persona ids (e.g. <c>dana</c> → <c>Dana Hughes</c>); ids are shown when missing.</param>
public sealed record ReportOptions(
    IReadOnlyDictionary<string, string>? CriterionLabels = null,
    TimeProvider? Clock = null,
    IReadOnlyDictionary<string, string>? PersonaNames = null)
{
    public static ReportOptions Default { get; } = new();

    /// <summary>Options that name the scenario's personas; pass the catalogue's labels when the caller has them.</summary>
    public static ReportOptions ForScenario(Scenario scenario, IReadOnlyDictionary<string, string>? criterionLabels = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ReportOptions(
            criterionLabels,
            PersonaNames: scenario.Personas.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));
    }

    public string LabelFor(string markingPointId) =>
        CriterionLabels is not null && CriterionLabels.TryGetValue(markingPointId, out var label) && !string.IsNullOrWhiteSpace(label)
            ? label
            : markingPointId.Replace('_', ' ');

    public string NameFor(string personaId) =>
        PersonaNames is not null && PersonaNames.TryGetValue(personaId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : personaId;
}