using RolePlay.Engine.Sessions;

namespace RolePlay.Storage;

/// <summary>One attempt as listed by <c>transcripts list</c>, <c>history</c> and <c>resume</c>.</summary>
/// <param name="Attempt">1-based attempt number of this learner at this scenario.</param>
/// <param name="Status">The status of the latest saved snapshot.</param>
/// <param name="Completion">How the attempt ended; null until <see cref="ISessionCompletion.CompleteSessionAsync"/> is called.</param>
/// <param name="Decision">The assessor's latest decision on the attempt, if any.</param>
public sealed record TranscriptSummary(
    string SessionId,
    string ScenarioId,
    string ScenarioTitle,
    string Learner,
    int Attempt,
    int Seed,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    SessionStatus Status,
    int TurnCount,
    SessionCompletion? Completion,
    string? Decision)
{
    /// <summary>Not completed yet: <c>resume</c> can continue it (or, when its snapshot has ended, complete it).</summary>
    public bool IsUnfinished => Completion is null;
}

/// <summary>How an attempt ended, recorded once when the session reaches an ending.</summary>
/// <param name="Outcome">The ending's outcome, e.g. <c>resolved</c>.</param>
/// <param name="EndingId">The ending reached.</param>
/// <param name="Band">The band computed by the scorer, e.g. <c>Competent</c>.</param>
/// <param name="Score">The session score the band was computed from.</param>
/// <param name="CompletedAt">When the ending was reached.</param>
public sealed record SessionCompletion(string Outcome, string EndingId, string Band, double Score, DateTimeOffset CompletedAt);

/// <summary>Filters for listing transcripts; null members do not filter.</summary>
/// <param name="Learner">Learner name, compared case-insensitively.</param>
/// <param name="From">Started at or after this instant.</param>
/// <param name="To">Started before this instant.</param>
/// <param name="Band">Band, compared case-insensitively.</param>
/// <param name="UnfinishedOnly">Only attempts not yet completed.</param>
/// <param name="Limit">At most this many, newest first; null for all.</param>
public sealed record TranscriptFilter(
    string? Learner = null,
    string? ScenarioId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Outcome = null,
    string? Band = null,
    bool UnfinishedOnly = false,
    int? Limit = null)
{
    public static TranscriptFilter All { get; } = new();
}

/// <summary>One learner's activity, for <c>history</c> without a learner name.</summary>
public sealed record LearnerSummary(string Learner, int Attempts, int Completed, DateTimeOffset LastActive);

/// <summary>A whole attempt: its summary, every stored turn, the latest snapshot and the assessor's review records.</summary>
/// <param name="Turns">Turns as committed, oldest first.</param>
/// <param name="Snapshot">The latest snapshot, or null when the session was begun but nothing was saved yet.</param>
/// <param name="Reviews">Assessor records, oldest first; the automated results in <paramref name="Turns"/> are never changed by them.</param>
public sealed record Transcript(
    TranscriptSummary Summary,
    IReadOnlyList<TurnRecord> Turns,
    SessionSnapshot? Snapshot,
    IReadOnlyList<ReviewRecord> Reviews)
{
    /// <summary>The latest assessor record crediting or un-crediting <paramref name="markingPointId"/> on a turn, if any.</summary>
    public ReviewRecord? LatestOverride(int turnNumber, string markingPointId) =>
        Reviews.LastOrDefault(r => r.Kind is ReviewKind.Credit or ReviewKind.Uncredit
            && r.TurnNumber == turnNumber
            && string.Equals(r.MarkingPointId, markingPointId, StringComparison.Ordinal));

    /// <summary>The assessor's latest decision on the whole attempt, if any.</summary>
    public ReviewRecord? LatestDecision => Reviews.LastOrDefault(r => r.Kind == ReviewKind.Decision);

    /// <summary>Whether the point counts as demonstrated on the turn: the assessor's latest override, else the automated result.</summary>
    public bool IsCredited(TurnRecord turn, string markingPointId)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var review = LatestOverride(turn.Number, markingPointId);
        return review is null ? turn.Assessment.IsCredited(markingPointId) : review.Kind == ReviewKind.Credit;
    }

    /// <summary>Marking points assessed (or reviewed) on any turn, in first-seen order.</summary>
    public IReadOnlyList<string> MarkingPointIds =>
        Turns.SelectMany(t => t.Assessment.MarkingPoints.Select(m => m.Id))
            .Concat(Reviews.Where(r => r.MarkingPointId is not null).Select(r => r.MarkingPointId!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
