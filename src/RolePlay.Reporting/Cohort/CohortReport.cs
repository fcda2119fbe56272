using System.Globalization;
using System.Text;
using System.Text.Json;

using RolePlay.Engine.Model;
using RolePlay.Reporting.Reports;
using RolePlay.Storage;

namespace RolePlay.Reporting.Cohort;

/// <summary>How a group did on one marking point.</summary>
/// <param name="LearnersAssessed">
/// Learners who answered at least one node that looks for it (the scenario's <c>assesses</c>), or were credited with it anyway.
/// When an attempt's scenario cannot be found, every point the scorer reported on it counts as assessed.
/// </param>
/// <param name="LearnersDemonstrated">Learners credited with it on at least one reply (assessor overrides applied).</param>
/// <param name="Rate">Demonstrated / assessed, 0 to 1.</param>
public sealed record CohortCriterion(
    string MarkingPointId,
    string Label,
    int LearnersAssessed,
    int LearnersDemonstrated,
    int AttemptsAssessed,
    int AttemptsDemonstrated,
    double Rate);

/// <summary>Per-marking-point results across a group of learners, weakest first.</summary>
/// <param name="Criteria">Every marking point assessed, weakest (lowest rate) first.</param>
/// <param name="Weakest">The few criteria the group most needs to work on.</param>
public sealed record CohortReport(
    string? ScenarioId,
    int Learners,
    int Attempts,
    IReadOnlyList<CohortCriterion> Criteria,
    IReadOnlyList<CohortCriterion> Weakest);

/// <summary>Options for <c>roleplay cohort</c>.</summary>
/// <param name="Filter">Which attempts count (scenario, dates...); null for all.</param>
/// <param name="WeakestCount">How many weakest criteria to single out.</param>
/// <param name="CompletedOnly">Count only completed attempts.</param>
public sealed record CohortOptions(TranscriptFilter? Filter = null, int WeakestCount = 3, bool CompletedOnly = false, ReportOptions? Labels = null);

/// <summary>Builds a <see cref="CohortReport"/> from stored transcripts.</summary>
/// <param name="scenarios">Looks a scenario up by id (null when it is gone); tells which marking points each node looks for.</param>
public sealed class CohortAnalyzer(ITranscriptQueries queries, Func<string, Scenario?>? scenarios = null)
{
    public async Task<CohortReport> AnalyzeAsync(CohortOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CohortOptions();
        var summaries = await queries.ListTranscriptsAsync(options.Filter ?? TranscriptFilter.All, cancellationToken).ConfigureAwait(false);
        var transcripts = new List<Transcript>();
        foreach (var summary in summaries.Where(s => !options.CompletedOnly || !s.IsUnfinished))
        {
            if (await queries.GetTranscriptAsync(summary.SessionId, cancellationToken).ConfigureAwait(false) is { } transcript)
            {
                transcripts.Add(transcript);
            }
        }

        return Analyze(transcripts, options, scenarios);
    }

    /// <summary>Pure analysis over already-loaded transcripts.</summary>
    /// <param name="scenarios">Scenario by id; without it (or when it returns null) every reported point counts as assessed.</param>
    public static CohortReport Analyze(IReadOnlyList<Transcript> transcripts, CohortOptions? options = null, Func<string, Scenario?>? scenarios = null)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        options ??= new CohortOptions();
        var labels = options.Labels ?? ReportOptions.Default;
        var assessedBy = new Dictionary<string, (HashSet<string> Learners, int Attempts)>(StringComparer.Ordinal);
        var demonstratedBy = new Dictionary<string, (HashSet<string> Learners, int Attempts)>(StringComparer.Ordinal);
        var order = new List<string>();

        var lookup = Memoised(scenarios);
        foreach (var transcript in transcripts)
        {
            var learner = transcript.Summary.Learner;
            foreach (var id in AssessedIn(transcript, lookup(transcript.Summary.ScenarioId)))
            {
                if (!assessedBy.ContainsKey(id))
                {
                    order.Add(id);
                }

                Count(assessedBy, id, learner);
                if (transcript.Turns.Any(turn => transcript.IsCredited(turn, id)))
                {
                    Count(demonstratedBy, id, learner);
                }
            }
        }

        var criteria = order
            .Select(id =>
            {
                var assessed = assessedBy[id];
                var demonstrated = demonstratedBy.TryGetValue(id, out var d) ? d : (Learners: new HashSet<string>(StringComparer.OrdinalIgnoreCase), Attempts: 0);
                return new CohortCriterion(
                    id,
                    labels.LabelFor(id),
                    assessed.Learners.Count,
                    demonstrated.Learners.Count,
                    assessed.Attempts,
                    demonstrated.Attempts,
                    assessed.Learners.Count == 0 ? 0 : Math.Round((double)demonstrated.Learners.Count / assessed.Learners.Count, 4));
            })
            .OrderBy(c => c.Rate)
            .ThenByDescending(c => c.LearnersAssessed)
            .ThenBy(c => c.MarkingPointId, StringComparer.Ordinal)
            .ToList();

        return new CohortReport(
            options.Filter?.ScenarioId,
            transcripts.Select(t => t.Summary.Learner).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            transcripts.Count,
            criteria,
            criteria.Where(c => c.Rate < 1).Take(Math.Max(0, options.WeakestCount)).ToList());
    }

    public static string ToJson(CohortReport report) => JsonSerializer.Serialize(report, ReportJson.Options);

    public static string ToMarkdown(CohortReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# Cohort results").Append(report.ScenarioId is null ? "" : ": " + MarkdownReportRenderer.Escape(report.ScenarioId)).Append("\n\n")
            .Append(report.Learners.ToString(CultureInfo.InvariantCulture)).Append(" learners, ")
            .Append(report.Attempts.ToString(CultureInfo.InvariantCulture)).Append(" attempts.\n\n")
            .Append("| Criterion | Learners demonstrated | Learners assessed | Rate |\n|---|---|---|---|\n");
        foreach (var criterion in report.Criteria)
        {
            md.Append("| ").Append(MarkdownReportRenderer.Escape(criterion.Label))
                .Append(" | ").Append(criterion.LearnersDemonstrated.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(criterion.LearnersAssessed.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append((criterion.Rate * 100).ToString("0", CultureInfo.InvariantCulture)).Append("% |\n");
        }

        if (report.Weakest.Count > 0)
        {
            md.Append("\nWeakest across the group: ").Append(string.Join(", ", report.Weakest.Select(c => MarkdownReportRenderer.Escape(c.Label)))).Append(".\n");
        }

        return md.ToString();
    }

    /// <summary>
    /// The points an attempt gave the learner a chance at: those sought by the nodes they answered, plus any credited or
    /// reviewed. The scorer reports every catalogue point on every turn, so without the scenario all of them count.
    /// </summary>
    private static IEnumerable<string> AssessedIn(Transcript transcript, Scenario? scenario)
    {
        if (scenario is null)
        {
            return transcript.MarkingPointIds;
        }

        var assesses = ReportOptions.AssessesByNode(scenario);
        var sought = transcript.Turns.SelectMany(t => assesses.TryGetValue(t.NodeId, out var points) ? points : []);
        var shown = transcript.MarkingPointIds.Where(id =>
            transcript.Turns.Any(turn => transcript.IsCredited(turn, id)) || transcript.Reviews.Any(r => r.MarkingPointId == id));
        return sought.Concat(shown).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Loads each scenario once per analysis (loading parses YAML from disk).</summary>
    private static Func<string, Scenario?> Memoised(Func<string, Scenario?>? scenarios)
    {
        if (scenarios is null)
        {
            return _ => null;
        }

        var cache = new Dictionary<string, Scenario?>(StringComparer.Ordinal);
        return id =>
        {
            if (!cache.TryGetValue(id, out var scenario))
            {
                scenario = scenarios(id);
                cache[id] = scenario;
            }

            return scenario;
        };
    }

    private static void Count(Dictionary<string, (HashSet<string> Learners, int Attempts)> counts, string id, string learner)
    {
        if (!counts.TryGetValue(id, out var entry))
        {
            entry = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), 0);
        }

        entry.Learners.Add(learner);
        counts[id] = (entry.Learners, entry.Attempts + 1);
    }
}
