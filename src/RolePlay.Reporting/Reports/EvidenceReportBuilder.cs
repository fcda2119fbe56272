using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Engine.Voice;
using RolePlay.Storage;

namespace RolePlay.Reporting.Reports;

/// <summary>Builds an <see cref="EvidenceReport"/> from a stored transcript, applying assessor overrides on top of the automated result.</summary>
public static class EvidenceReportBuilder
{
    public static EvidenceReport Build(Transcript transcript, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        options ??= ReportOptions.Default;
        var summary = transcript.Summary;
        var decision = transcript.LatestDecision;
        return new EvidenceReport
        {
            SessionId = summary.SessionId,
            ScenarioId = summary.ScenarioId,
            ScenarioTitle = summary.ScenarioTitle,
            Learner = summary.Learner,
            Attempt = summary.Attempt,
            StartedAt = summary.StartedAt,
            CompletedAt = summary.Completion?.CompletedAt,
            Status = summary.Completion is not null ? "completed" : StatusText(summary.Status),
            Outcome = summary.Completion?.Outcome,
            EndingId = summary.Completion?.EndingId,
            Band = summary.Completion?.Band,
            Score = summary.Completion?.Score,
            AssessorDecision = decision is null ? null : new ReportDecision(decision.Decision ?? "", decision.Assessor, decision.Comment, decision.CreatedAt),
            Criteria = CriterionIds(transcript, options)
                .Select(id => Criterion(transcript, id, options))
                .Where(row => row.Turns.Count > 0 || options.NodeAssesses is null)
                .ToList(),
            Concerns = transcript.Turns
                .SelectMany(t => t.Assessment.Negatives.Where(n => n.Credited)
                    .Select(n => new ReportConcern(t.Number, n.Id, n.Evidence.Select(e => e.Quote).ToList(), n.Rationale)))
                .ToList(),
            Tips = transcript.Turns.SelectMany(t => t.Assessment.Tips.Select(tip => new ReportTip(t.Number, tip))).ToList(),
            Path = PathOf(transcript),
            Conversation = transcript.Turns.Select(t => Turn(transcript, t, options)).ToList(),
            LlmUsage = transcript.Turns.Any(t => t.PersonaLineUsage is not null || t.Assessment.Usage is not null)
                ? transcript.Turns.Aggregate(TokenUsage.None, (sum, t) => sum.Add(t.LlmUsage))
                : null,
            Reviews = transcript.Reviews
                .Select(r => new ReportReview(KindText(r.Kind), r.TurnNumber, r.MarkingPointId, r.Decision, r.Assessor, r.Comment, r.CreatedAt))
                .ToList(),
            GeneratedAt = (options.Clock ?? TimeProvider.System).GetUtcNow(),
        };
    }

    /// <summary>Keeps only spans that lie inside the reply, in order and without overlap; re-locates a span by its quote when its offsets are off.</summary>
    public static IReadOnlyList<EvidenceSpan> ValidSpans(string reply, IEnumerable<EvidenceSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(spans);
        var located = new List<EvidenceSpan>();
        foreach (var span in spans)
        {
            if (span.Start >= 0 && span.End <= reply.Length && span.Start < span.End)
            {
                located.Add(span with { Quote = reply[span.Start..span.End] });
            }
            else if (!string.IsNullOrEmpty(span.Quote) && reply.IndexOf(span.Quote, StringComparison.Ordinal) is var at and >= 0)
            {
                located.Add(new EvidenceSpan(at, at + span.Quote.Length, span.Quote));
            }
        }

        var result = new List<EvidenceSpan>();
        foreach (var span in located.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (result.Count == 0 || span.Start >= result[^1].End)
            {
                result.Add(span);
            }
        }

        return result;
    }

    private static CriterionRow Criterion(Transcript transcript, string id, ReportOptions options)
    {
        var evidence = new List<CriterionEvidence>();
        foreach (var turn in transcript.Turns)
        {
            var automated = turn.Assessment.MarkingPoints.FirstOrDefault(m => m.Id == id);
            var review = transcript.LatestOverride(turn.Number, id);
            var lookedFor = options.NodeLooksFor(turn.NodeId, id);
            var credited = transcript.IsCredited(turn, id);

            // A turn bears on the criterion when it earned it, an assessor ruled on it, its node sought it and it was missed, or
            // a scorer found it and withdrew it (an assessor may disagree); the scorer reporting "not credited" on a turn whose
            // node never asked for the point is noise to an assessor.
            if (!credited && automated?.Credited != true && automated?.Withdrawn != true && review is null && lookedFor != true)
            {
                continue;
            }

            evidence.Add(new CriterionEvidence(
                Turn: turn.Number,
                NodeId: turn.NodeId,
                Reply: turn.Reply,
                Evidence: ValidSpans(turn.Reply, automated?.Evidence ?? []),
                AutomatedCredited: automated?.Credited ?? false,
                Strength: automated?.Strength ?? 0,
                Rationale: automated?.Rationale ?? "",
                Source: automated?.Source ?? turn.Assessment.Source,
                Assessor: review is null ? null : new ReportOverride(KindText(review.Kind), review.Assessor, review.Comment, review.CreatedAt),
                Credited: credited,
                LookedFor: lookedFor));
        }

        return new CriterionRow(id, options.LabelFor(id), evidence.Any(e => e.AutomatedCredited), evidence.Any(e => e.Credited), evidence);
    }

    /// <summary>Points sought by the visited nodes first (scenario order of visit), then any other point the attempt reported or reviewed.</summary>
    private static IEnumerable<string> CriterionIds(Transcript transcript, ReportOptions options)
    {
        var sought = options.NodeAssesses is null
            ? []
            : transcript.Turns.SelectMany(t => options.NodeAssesses.TryGetValue(t.NodeId, out var points) ? points : []);
        return sought.Concat(transcript.MarkingPointIds).Distinct(StringComparer.Ordinal);
    }

    private static ReportTurn Turn(Transcript transcript, TurnRecord turn, ReportOptions options) => new(
        turn.Number,
        turn.NodeId,
        options.NameFor(turn.SpeakerId),
        turn.PersonaLine,
        turn.Reply,
        turn.Assessment.Score,
        transcript.MarkingPointIds.Where(id => transcript.IsCredited(turn, id)).ToList(),
        turn.Assessment.DetectedNegativeIds.ToList(),
        turn.NextId,
        turn.Timestamp,
        turn.Assessment.FlaggedForReview,
        turn.Assessment.Notes,
        turn.PersonaLineSource,
        turn.PersonaLineFallbackReason);

    private static List<string> PathOf(Transcript transcript)
    {
        var path = transcript.Turns.Select(t => t.NodeId).ToList();
        var last = transcript.Turns.Count > 0 ? transcript.Turns[^1].NextId : transcript.Snapshot?.CurrentId;
        if (!string.IsNullOrEmpty(last))
        {
            path.Add(last);
        }

        return path;
    }

    private static string StatusText(SessionStatus status) => status switch
    {
        SessionStatus.Ended => "ended",
        SessionStatus.Quit => "quit",
        _ => "in_progress",
    };

    private static string KindText(ReviewKind kind) => kind switch
    {
        ReviewKind.Credit => "credit",
        ReviewKind.Uncredit => "uncredit",
        _ => "decision",
    };
}
