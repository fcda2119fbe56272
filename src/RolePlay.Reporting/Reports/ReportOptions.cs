namespace RolePlay.Reporting.Reports;

/// <summary>Optional inputs to a report.</summary>
/// <param name="CriterionLabels">Readable names for marking point ids (e.g. from the scoring catalogue); ids are shown when missing.</param>
/// <param name="Clock">Source of the "generated at" time.</param>
public sealed record ReportOptions(IReadOnlyDictionary<string, string>? CriterionLabels = null, TimeProvider? Clock = null)
{
    public static ReportOptions Default { get; } = new();

    public string LabelFor(string markingPointId) =>
        CriterionLabels is not null && CriterionLabels.TryGetValue(markingPointId, out var label) && !string.IsNullOrWhiteSpace(label)
            ? label
            : markingPointId.Replace('_', ' ');
}
