using System.Globalization;
using System.Text.Json.Serialization;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Sessions;

/// <summary>The overall band of a session; the rule is in docs/scoring.md and <see cref="SessionAssessor"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CompetenceBand>))]
public enum CompetenceBand
{
    NotYetCompetent,
    Competent,
    Strong,
}

/// <summary>Where a marking point was credited (or a behaviour shown): the turn, node, strength and the words.</summary>
public sealed record TurnEvidence(int Turn, string NodeId, double Strength, IReadOnlyList<EvidenceSpan> Evidence, string Rationale);

/// <summary>One marking point (or negative behaviour) across a whole session, for an assessor.</summary>
/// <param name="Id">Catalogue id.</param>
/// <param name="Title">Catalogue title.</param>
/// <param name="Kind">Positive marking point or negative behaviour.</param>
/// <param name="ExaminerWording">The examiner wording the point comes from.</param>
/// <param name="Required">True when the scenario names this point (it counts towards the band).</param>
/// <param name="Demonstrated">Positive: credited at least once. Negative: shown at least once.</param>
/// <param name="Turns">Turns where it was credited / shown, with evidence.</param>
/// <param name="AssessedAt">Turns whose node looked for it.</param>
/// <param name="MissedAt">Missed opportunities: turns whose node looked for it but did not get it.</param>
/// <param name="Summary">One readable line.</param>
public sealed record CriterionSummary(
    string Id,
    string Title,
    MarkingPointKind Kind,
    string ExaminerWording,
    bool Required,
    bool Demonstrated,
    IReadOnlyList<TurnEvidence> Turns,
    IReadOnlyList<int> AssessedAt,
    IReadOnlyList<int> MissedAt,
    string Summary);

/// <summary>A whole session's assessment: per-criterion evidence, missed opportunities and the overall band.</summary>
public sealed record SessionAssessment(
    int Turns,
    double MeanScore,
    double Coverage,
    CompetenceBand Band,
    string BandLabel,
    string BandReason,
    IReadOnlyList<CriterionSummary> Criteria,
    IReadOnlyList<CriterionSummary> Negatives,
    IReadOnlyList<string> Summary);

/// <summary>
/// Summarises a session's turns for an assessor. Band rule: <b>Strong</b> when coverage of the scenario's marking points
/// is at least <see cref="StrongCoverage"/>, the mean turn score at least <see cref="StrongMeanScore"/> and no negative
/// behaviour was shown; <b>Competent</b> when coverage is at least <see cref="CompetentCoverage"/>, the mean score at least
/// <see cref="CompetentMeanScore"/> and no serious behaviour (catalogue penalty of at least <see cref="SeriousPenalty"/>:
/// aggression, confidentiality breach) was shown; otherwise <b>Not yet competent</b>.
/// </summary>
public sealed class SessionAssessor
{
    public const double StrongCoverage = 0.8;
    public const double StrongMeanScore = 7.0;
    public const double CompetentCoverage = 0.6;
    public const double CompetentMeanScore = 5.0;
    public const double SeriousPenalty = 4.0;

    private readonly MarkingPointCatalogue _catalogue;

    public SessionAssessor()
        : this(MarkingPointCatalogue.Default)
    {
    }

    public SessionAssessor(MarkingPointCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
    }

    /// <summary>Assesses a session of <paramref name="scenario"/>: required points are the outcomes' and nodes' marking points.</summary>
    public SessionAssessment Assess(Scenario scenario, IReadOnlyList<TurnRecord> turns)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var required = scenario.Qualification.Outcomes.SelectMany(o => o.MarkingPoints)
            .Concat(scenario.AssessedMarkingPoints)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Assess(turns, required, nodeId => scenario.FindNode(nodeId)?.Assesses ?? []);
    }

    /// <summary>
    /// Assesses <paramref name="turns"/> against <paramref name="requiredPoints"/> (the scenario's marking points);
    /// <paramref name="assessedAtNode"/> says which points each node looked for (for missed opportunities).
    /// </summary>
    public SessionAssessment Assess(
        IReadOnlyList<TurnRecord> turns,
        IReadOnlyList<string> requiredPoints,
        Func<string, IReadOnlyList<string>>? assessedAtNode = null)
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(requiredPoints);
        assessedAtNode ??= _ => [];
        var required = requiredPoints.Where(_catalogue.MarkingPoints.Contains).Distinct(StringComparer.Ordinal).ToList();
        var criteria = _catalogue.Positives
            .Select(p => Summarise(p, turns, required.Contains(p.Id), assessedAtNode))
            .Where(c => c.Required || c.Demonstrated || c.AssessedAt.Count > 0)
            .OrderByDescending(c => c.Required)
            .ThenBy(c => required.IndexOf(c.Id))
            .ToList();
        var negatives = _catalogue.NegativeBehaviours
            .Select(p => Summarise(p, turns, false, assessedAtNode))
            .Where(c => c.Demonstrated)
            .ToList();

        var meanScore = turns.Count == 0 ? 0 : Math.Round(turns.Average(t => t.Assessment.Score), 1, MidpointRounding.AwayFromZero);
        var requiredCriteria = criteria.Where(c => c.Required).ToList();
        var coverage = requiredCriteria.Count == 0
            ? (criteria.Any(c => c.Demonstrated) ? 1 : 0)
            : Math.Round((double)requiredCriteria.Count(c => c.Demonstrated) / requiredCriteria.Count, 2);
        var serious = negatives.Where(n => (_catalogue.Find(n.Id)?.Penalty ?? 0) >= SeriousPenalty).Select(n => n.Title).ToList();
        var (band, reason) = Band(turns.Count, coverage, meanScore, negatives.Count, serious);

        var summary = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{BandLabel(band)}: {reason}"),
            string.Create(CultureInfo.InvariantCulture, $"{turns.Count} turn(s); mean turn score {meanScore:0.0}/10; {requiredCriteria.Count(c => c.Demonstrated)} of {requiredCriteria.Count} required marking point(s) demonstrated."),
        };
        summary.AddRange(criteria.Select(c => c.Summary));
        summary.AddRange(negatives.Select(n => n.Summary));
        return new SessionAssessment(turns.Count, meanScore, coverage, band, BandLabel(band), reason, criteria, negatives, summary);
    }

    public static string BandLabel(CompetenceBand band) => band switch
    {
        CompetenceBand.Strong => "Strong",
        CompetenceBand.Competent => "Competent",
        _ => "Not yet competent",
    };

    private static (CompetenceBand Band, string Reason) Band(int turns, double coverage, double meanScore, int negatives, List<string> serious)
    {
        var facts = string.Create(CultureInfo.InvariantCulture, $"coverage {coverage:P0}, mean score {meanScore:0.0}");
        if (turns == 0)
        {
            return (CompetenceBand.NotYetCompetent, "no turns were played.");
        }

        if (coverage >= StrongCoverage && meanScore >= StrongMeanScore && negatives == 0)
        {
            return (CompetenceBand.Strong, $"{facts}, no negative behaviour.");
        }

        if (coverage >= CompetentCoverage && meanScore >= CompetentMeanScore && serious.Count == 0)
        {
            return (CompetenceBand.Competent, $"{facts}{(negatives > 0 ? ", some negative behaviour to work on" : "")}.");
        }

        var why = new List<string>();
        if (coverage < CompetentCoverage)
        {
            why.Add(string.Create(CultureInfo.InvariantCulture, $"coverage {coverage:P0} is below {CompetentCoverage:P0}"));
        }

        if (meanScore < CompetentMeanScore)
        {
            why.Add(string.Create(CultureInfo.InvariantCulture, $"mean score {meanScore:0.0} is below {CompetentMeanScore:0.0}"));
        }

        if (serious.Count > 0)
        {
            why.Add($"serious behaviour shown ({string.Join(", ", serious)})");
        }

        return (CompetenceBand.NotYetCompetent, string.Join("; ", why) + ".");
    }

    private static CriterionSummary Summarise(
        MarkingPointDefinition point,
        IReadOnlyList<TurnRecord> turns,
        bool required,
        Func<string, IReadOnlyList<string>> assessedAtNode)
    {
        var credited = new List<TurnEvidence>();
        var assessedAt = new List<int>();
        var missedAt = new List<int>();
        foreach (var turn in turns)
        {
            var results = point.Kind == MarkingPointKind.Positive ? turn.Assessment.MarkingPoints : turn.Assessment.Negatives;
            var result = results.FirstOrDefault(r => r.Id == point.Id);
            if (result is { Credited: true })
            {
                credited.Add(new TurnEvidence(turn.Number, turn.NodeId, result.Strength, result.Evidence, result.Rationale));
            }

            if (point.Kind == MarkingPointKind.Positive && assessedAtNode(turn.NodeId).Contains(point.Id))
            {
                assessedAt.Add(turn.Number);
                if (result is not { Credited: true })
                {
                    missedAt.Add(turn.Number);
                }
            }
        }

        return new CriterionSummary(
            point.Id,
            point.Title,
            point.Kind,
            point.ExaminerWording,
            required,
            credited.Count > 0,
            credited,
            assessedAt,
            missedAt,
            Describe(point, credited, assessedAt, missedAt));
    }

    private static string Describe(MarkingPointDefinition point, List<TurnEvidence> credited, List<int> assessedAt, List<int> missedAt)
    {
        static string Quote(TurnEvidence e) => e.Evidence.Count > 0 ? $" (\"{Rules.Verdict.Shorten(e.Evidence[0].Quote)}\")" : "";
        static string TurnList(IEnumerable<int> turns) => string.Join(", ", turns);

        if (point.Kind == MarkingPointKind.Negative)
        {
            return $"{point.Title} - shown at turn {string.Join("; turn ", credited.Select(e => $"{e.Turn}{Quote(e)}"))}.";
        }

        if (credited.Count == 0)
        {
            return assessedAt.Count > 0
                ? $"{point.Title} - not demonstrated; looked for at turn(s) {TurnList(assessedAt)}."
                : $"{point.Title} - not demonstrated.";
        }

        var text = $"{point.Title} - demonstrated at turn {string.Join("; turn ", credited.Select(e => $"{e.Turn}{Quote(e)}"))}";
        return missedAt.Count > 0 ? $"{text}; missed at turn(s) {TurnList(missedAt)}." : text + ".";
    }
}
