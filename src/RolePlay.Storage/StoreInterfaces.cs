using RolePlay.Engine.Transcripts;

namespace RolePlay.Storage;

/// <summary>Read side of the store: listing and showing attempts. SQLite today; a server database can implement it later.</summary>
public interface ITranscriptQueries
{
    /// <summary>Attempts matching the filter, newest first.</summary>
    Task<IReadOnlyList<TranscriptSummary>> ListTranscriptsAsync(TranscriptFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One attempt with its turns, latest snapshot and reviews; null when the id is unknown.</summary>
    Task<Transcript?> GetTranscriptAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Attempts not yet completed (for <c>resume</c>), newest first; all learners when <paramref name="learner"/> is null.</summary>
    Task<IReadOnlyList<TranscriptSummary>> ListUnfinishedAsync(string? learner = null, CancellationToken cancellationToken = default);

    /// <summary>The most recently active unfinished attempt of a learner, or null.</summary>
    Task<TranscriptSummary?> FindLatestUnfinishedAsync(string learner, CancellationToken cancellationToken = default);

    /// <summary>Every learner with their attempt counts, most recently active first.</summary>
    Task<IReadOnlyList<LearnerSummary>> ListLearnersAsync(CancellationToken cancellationToken = default);
}

/// <summary>Records how an attempt ended. The band is computed by the scorer; the store only keeps it.</summary>
public interface ISessionCompletion
{
    /// <summary>
    /// Marks the attempt completed. Calling it again with the same values is a no-op; different values are a
    /// <see cref="StoreErrorKind.Conflict"/> (the automated result is never rewritten; assessors add reviews instead).
    /// </summary>
    Task CompleteSessionAsync(string sessionId, SessionCompletion completion, CancellationToken cancellationToken = default);
}

/// <summary>Append-only assessor reviews: credit or un-credit a point on a turn, or decide the attempt.</summary>
public interface IReviewStore
{
    /// <summary>Stores the review, or refuses it (empty comment, unknown session or turn...) with a readable reason.</summary>
    Task<ReviewResult> AddReviewAsync(ReviewRequest request, CancellationToken cancellationToken = default);

    /// <summary>The session's reviews, oldest first.</summary>
    Task<IReadOnlyList<ReviewRecord>> ListReviewsAsync(string sessionId, CancellationToken cancellationToken = default);
}

/// <summary>Everything the CLI needs from one database: the engine's transcript seam plus queries, completion and reviews.</summary>
public interface IRolePlayStore : ITranscriptStore, ITranscriptQueries, ISessionCompletion, IReviewStore, IDisposable
{
    /// <summary>Where the data lives, for messages (a file path for SQLite).</summary>
    string Location { get; }
}
