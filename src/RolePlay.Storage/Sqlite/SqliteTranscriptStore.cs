using System.Globalization;

using Microsoft.Data.Sqlite;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Engine.Voice;

namespace RolePlay.Storage.Sqlite;

/// <summary>
/// The transcript store on one SQLite file: WAL journal, busy timeout, foreign keys, ordered migrations.
/// Each turn is committed in one transaction with the snapshot it leads to, so a crash loses nothing already shown.
/// Safe for several processes on one file (SQLite's own locking); every connection is short-lived and pooled.
/// </summary>
public sealed class SqliteTranscriptStore : IRolePlayStore
{
    private const string SummaryColumns = """
        s.id, s.scenario_id, s.scenario_title, s.learner, s.attempt, s.seed, s.started_at, s.updated_at, s.status,
        (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id) AS turn_count,
        s.outcome, s.ending_id, s.band, s.score, s.completed_at,
        (SELECT r.decision FROM reviews r WHERE r.session_id = s.id AND r.kind = 'decision' ORDER BY r.id DESC LIMIT 1) AS decision
        """;

    private const string TurnColumns = """
        number, node_id, speaker_id, persona_line, persona_line_source, reply, assessment_json,
        state_before_json, state_after_json, next_id, transition_index, timestamp,
        persona_fallback_reason, persona_input_tokens, persona_output_tokens
        """;

    private const string ListSql = "SELECT " + SummaryColumns + """

        FROM sessions s
        WHERE ($learner IS NULL OR s.learner = $learner COLLATE NOCASE)
          AND ($scenario IS NULL OR s.scenario_id = $scenario)
          AND ($from IS NULL OR s.started_at >= $from)
          AND ($to IS NULL OR s.started_at < $to)
          AND ($outcome IS NULL OR s.outcome = $outcome COLLATE NOCASE)
          AND ($band IS NULL OR s.band = $band COLLATE NOCASE)
          AND ($unfinished = 0 OR s.completed_at IS NULL)
        ORDER BY CASE WHEN $unfinished = 0 THEN s.started_at ELSE s.updated_at END DESC, s.id DESC
        LIMIT $limit
        """;

    private readonly string connectionString;
    private readonly SqliteStoreOptions options;

    private SqliteTranscriptStore(string path, SqliteStoreOptions options)
    {
        Location = path;
        this.options = options;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,

            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself until this many seconds have passed.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.
    /// Throws <see cref="StoreException"/> with a readable message for a damaged, foreign, newer or locked file.
    /// </summary>
    public static SqliteTranscriptStore Open(string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        try
        {
            var folder = Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorKind.Unavailable, $"Cannot create the folder for the RolePlay database '{fullPath}': {exception.Message}", exception);
        }

        var store = new SqliteTranscriptStore(fullPath, options ?? SqliteStoreOptions.Default);
        try
        {
            store.Guard(store.Migrate);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>The schema version of the file (<c>PRAGMA user_version</c>).</summary>
    public int SchemaVersion => Guard(() =>
    {
        using var connection = OpenConnection();
        return ReadUserVersion(connection, null);
    });

    /// <summary>Runs SQLite's own consistency check; returns <c>ok</c> when the file is sound.</summary>
    public string IntegrityCheck() => Guard(() =>
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join(Environment.NewLine, lines);
    });

    /// <inheritdoc />
    public Task BeginSessionAsync(SessionStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        RequireId(start.SessionId, "session id");
        RequireId(start.ScenarioId, "scenario id");
        cancellationToken.ThrowIfCancellationRequested();
        var learner = NormalizeLearner(start.Learner);
        Guard(() =>
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            using (var existing = Command(connection, transaction, "SELECT learner, scenario_id FROM sessions WHERE id = $id", ("$id", start.SessionId)))
            using (var reader = existing.ExecuteReader())
            {
                if (reader.Read())
                {
                    var sameAttempt = string.Equals(reader.GetString(0), learner, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(reader.GetString(1), start.ScenarioId, StringComparison.Ordinal);
                    if (!sameAttempt)
                    {
                        throw new StoreException(StoreErrorKind.Conflict, $"Session '{start.SessionId}' already exists for another learner or scenario.");
                    }

                    // Beginning the same attempt twice (e.g. a retry after a crash) is harmless.
                    return;
                }
            }

            using var attemptCommand = Command(
                connection,
                transaction,
                "SELECT COALESCE(MAX(attempt), 0) + 1 FROM sessions WHERE learner = $learner COLLATE NOCASE AND scenario_id = $scenario",
                ("$learner", learner),
                ("$scenario", start.ScenarioId));
            var attempt = Convert.ToInt32(attemptCommand.ExecuteScalar(), CultureInfo.InvariantCulture);

            using var insert = Command(
                connection,
                transaction,
                """
                INSERT INTO sessions (id, scenario_id, scenario_title, learner, seed, started_at, updated_at, status, attempt)
                VALUES ($id, $scenario, $title, $learner, $seed, $started, $updated, $status, $attempt)
                """,
                ("$id", start.SessionId),
                ("$scenario", start.ScenarioId),
                ("$title", start.ScenarioTitle ?? ""),
                ("$learner", learner),
                ("$seed", start.Seed),
                ("$started", Instant(start.StartedAt)),
                ("$updated", Instant(options.Clock.GetUtcNow())),
                ("$status", StatusText(SessionStatus.InProgress)),
                ("$attempt", attempt));
            insert.ExecuteNonQuery();
            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Turn numbers must follow on (1, 2, 3...). Re-appending a turn that is already stored with identical content is
    /// an idempotent no-op (a retry after a crash between commit and acknowledgement); different content under an existing
    /// number is refused with <see cref="StoreErrorKind.Conflict"/>, as is a gap.
    /// </remarks>
    public Task AppendTurnAsync(string sessionId, TurnRecord turn, SessionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(snapshot);
        RequireId(sessionId, "session id");
        RequireSnapshotFor(sessionId, snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        Guard(() =>
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            var (completed, storedTurns) = ReadSessionState(connection, transaction, sessionId);
            if (turn.Number <= storedTurns)
            {
                var stored = ReadTurns(connection, transaction, sessionId).First(t => t.Number == turn.Number);
                if (StorageJson.Serialize(stored) == StorageJson.Serialize(turn))
                {
                    return;
                }

                throw new StoreException(
                    StoreErrorKind.Conflict,
                    $"Turn {turn.Number} of session '{sessionId}' is already recorded with different content; recorded turns are never overwritten.");
            }

            if (completed)
            {
                throw new StoreException(StoreErrorKind.Conflict, $"Session '{sessionId}' is completed; no more turns can be added.");
            }

            if (turn.Number != storedTurns + 1)
            {
                throw new StoreException(
                    StoreErrorKind.Conflict,
                    $"Turn {turn.Number} of session '{sessionId}' cannot be stored: the next turn is {storedTurns + 1}.");
            }

            RequireSnapshotNotOlder(sessionId, snapshot, turn.Number);
            using (var insert = Command(
                connection,
                transaction,
                "INSERT INTO turns (session_id, " + TurnColumns + ", score) VALUES " + """
                ($session, $number, $node, $speaker, $line, $lineSource, $reply, $assessment,
                 $before, $after, $next, $transition, $timestamp,
                 $fallbackReason, $personaInputTokens, $personaOutputTokens, $score)
                """,
                ("$session", sessionId),
                ("$number", turn.Number),
                ("$node", turn.NodeId),
                ("$speaker", turn.SpeakerId),
                ("$line", turn.PersonaLine),
                ("$lineSource", turn.PersonaLineSource),
                ("$reply", turn.Reply),
                ("$assessment", StorageJson.SerializeAssessment(turn.Assessment)),
                ("$before", StorageJson.Serialize(turn.StateBefore)),
                ("$after", StorageJson.Serialize(turn.StateAfter)),
                ("$next", turn.NextId),
                ("$transition", turn.TransitionIndex),
                ("$timestamp", turn.Timestamp.ToString("o", CultureInfo.InvariantCulture)),
                ("$fallbackReason", turn.PersonaLineFallbackReason),
                ("$personaInputTokens", turn.PersonaLineUsage?.InputTokens),
                ("$personaOutputTokens", turn.PersonaLineUsage?.OutputTokens),
                ("$score", double.IsFinite(turn.Assessment.Score) ? turn.Assessment.Score : 0)))
            {
                insert.ExecuteNonQuery();
            }

            WriteSnapshot(connection, transaction, sessionId, snapshot);
            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>A snapshot with fewer turns than are stored is refused: it would make a resume lose turns.</remarks>
    public Task SaveSnapshotAsync(string sessionId, SessionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        RequireId(sessionId, "session id");
        RequireSnapshotFor(sessionId, snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        Guard(() =>
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            var (_, storedTurns) = ReadSessionState(connection, transaction, sessionId);
            RequireSnapshotNotOlder(sessionId, snapshot, storedTurns);
            WriteSnapshot(connection, transaction, sessionId, snapshot);
            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SessionSnapshot?> LoadSnapshotAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        RequireId(sessionId, "session id");
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var connection = OpenConnection();
            using var command = Command(connection, null, "SELECT snapshot_json FROM sessions WHERE id = $id", ("$id", sessionId));
            return command.ExecuteScalar() is string json ? StorageJson.DeserializeSnapshot(json) : null;
        }));
    }

    /// <inheritdoc />
    public Task CompleteSessionAsync(string sessionId, SessionCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        RequireId(sessionId, "session id");
        RequireId(completion.Outcome, "outcome");
        RequireId(completion.EndingId, "ending id");
        cancellationToken.ThrowIfCancellationRequested();
        Guard(() =>
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            var existing = ReadSummary(connection, transaction, sessionId)
                ?? throw NotFound(sessionId);
            if (existing.Completion is { } recorded)
            {
                if (recorded == completion with { CompletedAt = recorded.CompletedAt } && recorded.CompletedAt == completion.CompletedAt)
                {
                    return;
                }

                throw new StoreException(
                    StoreErrorKind.Conflict,
                    $"Session '{sessionId}' was already completed ({recorded.Outcome}, {recorded.Band}); the automated result is never rewritten. An assessor can record a decision with 'review'.");
            }

            using var update = Command(
                connection,
                transaction,
                """
                UPDATE sessions SET outcome = $outcome, ending_id = $ending, band = $band, score = $score,
                    completed_at = $completed, updated_at = $updated
                WHERE id = $id
                """,
                ("$id", sessionId),
                ("$outcome", completion.Outcome),
                ("$ending", completion.EndingId),
                ("$band", completion.Band ?? ""),
                ("$score", double.IsFinite(completion.Score) ? completion.Score : 0),
                ("$completed", Instant(completion.CompletedAt)),
                ("$updated", Instant(options.Clock.GetUtcNow())));
            update.ExecuteNonQuery();
            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TranscriptSummary>> ListTranscriptsAsync(TranscriptFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<TranscriptSummary>>(Guard(() =>
        {
            using var connection = OpenConnection();
            return ReadSummaries(connection, filter);
        }));
    }

    /// <inheritdoc />
    public Task<Transcript?> GetTranscriptAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        RequireId(sessionId, "session id");
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var connection = OpenConnection();

            // One read transaction so the turns, snapshot and reviews are from the same moment.
            using var transaction = connection.BeginTransaction(deferred: true);
            var summary = ReadSummary(connection, transaction, sessionId);
            if (summary is null)
            {
                return null;
            }

            using var snapshotCommand = Command(connection, transaction, "SELECT snapshot_json FROM sessions WHERE id = $id", ("$id", sessionId));
            var snapshot = snapshotCommand.ExecuteScalar() is string json ? StorageJson.DeserializeSnapshot(json) : null;
            return new Transcript(summary, ReadTurns(connection, transaction, sessionId), snapshot, ReadReviews(connection, transaction, sessionId));
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TranscriptSummary>> ListUnfinishedAsync(string? learner = null, CancellationToken cancellationToken = default) =>
        ListTranscriptsAsync(new TranscriptFilter(Learner: NullIfBlank(learner), UnfinishedOnly: true), cancellationToken);

    /// <inheritdoc />
    public async Task<TranscriptSummary?> FindLatestUnfinishedAsync(string learner, CancellationToken cancellationToken = default)
    {
        var found = await ListTranscriptsAsync(
            new TranscriptFilter(Learner: NormalizeLearner(learner), UnfinishedOnly: true, Limit: 1),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LearnerSummary>> ListLearnersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var connection = OpenConnection();
            using var command = Command(
                connection,
                null,
                """
                SELECT MIN(learner), COUNT(*), SUM(completed_at IS NOT NULL), MAX(updated_at) AS last_active
                FROM sessions GROUP BY learner COLLATE NOCASE ORDER BY last_active DESC
                """);
            using var reader = command.ExecuteReader();
            var learners = new List<LearnerSummary>();
            while (reader.Read())
            {
                learners.Add(new LearnerSummary(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), ParseInstant(reader.GetString(3))));
            }

            return (IReadOnlyList<LearnerSummary>)learners;
        }));
    }

    /// <inheritdoc />
    public Task<ReviewResult> AddReviewAsync(ReviewRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var (valid, error) = ReviewRules.Validate(request);
        if (valid is null)
        {
            return Task.FromResult(ReviewResult.Refused(error!));
        }

        return Task.FromResult(Guard(() => AddReview(valid)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewRecord>> ListReviewsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        RequireId(sessionId, "session id");
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<ReviewRecord>>(Guard(() =>
        {
            using var connection = OpenConnection();
            return ReadReviews(connection, null, sessionId);
        }));
    }

    /// <summary>Releases pooled connections so the file is closed (and its WAL checkpointed) when the last one goes.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string StatusText(SessionStatus status) => status switch
    {
        SessionStatus.InProgress => "in_progress",
        SessionStatus.Ended => "ended",
        SessionStatus.Quit => "quit",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static SessionStatus ParseStatus(string text) => text switch
    {
        "ended" => SessionStatus.Ended,
        "quit" => SessionStatus.Quit,
        _ => SessionStatus.InProgress,
    };

    private static string KindText(ReviewKind kind) => kind switch
    {
        ReviewKind.Credit => "credit",
        ReviewKind.Uncredit => "uncredit",
        _ => "decision",
    };

    private static ReviewKind ParseKind(string text) => text switch
    {
        "credit" => ReviewKind.Credit,
        "uncredit" => ReviewKind.Uncredit,
        _ => ReviewKind.Decision,
    };

    private static string NormalizeLearner(string? learner) => string.IsNullOrWhiteSpace(learner) ? "anonymous" : learner.Trim();

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void RequireId(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"A {what} is required.", nameof(value));
        }
    }

    private static void RequireSnapshotFor(string sessionId, SessionSnapshot snapshot)
    {
        if (!string.Equals(snapshot.SessionId, sessionId, StringComparison.Ordinal))
        {
            throw new StoreException(StoreErrorKind.Conflict, $"The snapshot belongs to session '{snapshot.SessionId}', not '{sessionId}'.");
        }
    }

    private static void RequireSnapshotNotOlder(string sessionId, SessionSnapshot snapshot, int storedTurns)
    {
        if (snapshot.Turns.Count < storedTurns)
        {
            throw new StoreException(
                StoreErrorKind.Conflict,
                $"The snapshot of session '{sessionId}' has {snapshot.Turns.Count} turns but {storedTurns} are stored; saving it would lose turns on resume.");
        }
    }

    private static StoreException NotFound(string sessionId) =>
        new(StoreErrorKind.NotFound, $"No session '{sessionId}' in the RolePlay database.");

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int ReadUserVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Command(connection, transaction, "PRAGMA user_version");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static (bool Completed, int Turns) ReadSessionState(SqliteConnection connection, SqliteTransaction transaction, string sessionId)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT completed_at IS NOT NULL, (SELECT COALESCE(MAX(number), 0) FROM turns WHERE session_id = $id) FROM sessions WHERE id = $id",
            ("$id", sessionId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new StoreException(StoreErrorKind.NotFound, $"No session '{sessionId}' in the RolePlay database; begin the session before saving turns.");
        }

        return (reader.GetBoolean(0), reader.GetInt32(1));
    }

    /// <summary>Stores the snapshot; <c>updated_at</c> is when it was written, which orders "most recently active".</summary>
    private void WriteSnapshot(SqliteConnection connection, SqliteTransaction transaction, string sessionId, SessionSnapshot snapshot)
    {
        using var update = Command(
            connection,
            transaction,
            "UPDATE sessions SET snapshot_json = $snapshot, status = $status, current_id = $current, updated_at = $updated WHERE id = $id",
            ("$id", sessionId),
            ("$snapshot", StorageJson.SerializeSnapshot(snapshot)),
            ("$status", StatusText(snapshot.Status)),
            ("$current", snapshot.CurrentId),
            ("$updated", Instant(options.Clock.GetUtcNow())));
        update.ExecuteNonQuery();
    }

    private static List<TranscriptSummary> ReadSummaries(SqliteConnection connection, TranscriptFilter filter)
    {
        using var command = Command(
            connection,
            null,
            ListSql,
            ("$learner", NullIfBlank(filter.Learner)),
            ("$scenario", NullIfBlank(filter.ScenarioId)),
            ("$from", filter.From is { } from ? Instant(from) : null),
            ("$to", filter.To is { } to ? Instant(to) : null),
            ("$outcome", NullIfBlank(filter.Outcome)),
            ("$band", NullIfBlank(filter.Band)),
            ("$unfinished", filter.UnfinishedOnly ? 1 : 0),
            ("$limit", filter.Limit is { } limit ? Math.Max(0, limit) : -1));
        return ReadSummaryRows(command);
    }

    private static TranscriptSummary? ReadSummary(SqliteConnection connection, SqliteTransaction? transaction, string sessionId)
    {
        using var command = Command(connection, transaction, "SELECT " + SummaryColumns + " FROM sessions s WHERE s.id = $id", ("$id", sessionId));
        var rows = ReadSummaryRows(command);
        return rows.Count == 0 ? null : rows[0];
    }

    private static List<TranscriptSummary> ReadSummaryRows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var summaries = new List<TranscriptSummary>();
        while (reader.Read())
        {
            SessionCompletion? completion = reader.IsDBNull(14)
                ? null
                : new SessionCompletion(
                    reader.IsDBNull(10) ? "" : reader.GetString(10),
                    reader.IsDBNull(11) ? "" : reader.GetString(11),
                    reader.IsDBNull(12) ? "" : reader.GetString(12),
                    reader.IsDBNull(13) ? 0 : reader.GetDouble(13),
                    ParseInstant(reader.GetString(14)));
            summaries.Add(new TranscriptSummary(
                SessionId: reader.GetString(0),
                ScenarioId: reader.GetString(1),
                ScenarioTitle: reader.GetString(2),
                Learner: reader.GetString(3),
                Attempt: reader.GetInt32(4),
                Seed: reader.GetInt32(5),
                StartedAt: ParseInstant(reader.GetString(6)),
                UpdatedAt: ParseInstant(reader.GetString(7)),
                Status: ParseStatus(reader.GetString(8)),
                TurnCount: reader.GetInt32(9),
                Completion: completion,
                Decision: reader.IsDBNull(15) ? null : reader.GetString(15)));
        }

        return summaries;
    }

    private static List<TurnRecord> ReadTurns(SqliteConnection connection, SqliteTransaction? transaction, string sessionId)
    {
        using var command = Command(connection, transaction, "SELECT " + TurnColumns + " FROM turns WHERE session_id = $id ORDER BY number", ("$id", sessionId));
        using var reader = command.ExecuteReader();
        var turns = new List<TurnRecord>();
        while (reader.Read())
        {
            turns.Add(new TurnRecord(
                Number: reader.GetInt32(0),
                NodeId: reader.GetString(1),
                SpeakerId: reader.GetString(2),
                PersonaLine: reader.GetString(3),
                PersonaLineSource: reader.GetString(4),
                Reply: reader.GetString(5),
                Assessment: StorageJson.DeserializeAssessment(reader.GetString(6)),
                StateBefore: StorageJson.Deserialize<Dictionary<string, int>>(reader.GetString(7), "state before a turn"),
                StateAfter: StorageJson.Deserialize<Dictionary<string, int>>(reader.GetString(8), "state after a turn"),
                NextId: reader.GetString(9),
                TransitionIndex: reader.GetInt32(10),
                Timestamp: DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                PersonaLineFallbackReason: reader.IsDBNull(12) ? null : reader.GetString(12),
                PersonaLineUsage: reader.IsDBNull(13) ? null : new TokenUsage(reader.GetInt64(13), reader.IsDBNull(14) ? 0 : reader.GetInt64(14))));
        }

        return turns;
    }

    private static List<ReviewRecord> ReadReviews(SqliteConnection connection, SqliteTransaction? transaction, string sessionId)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT id, kind, turn_number, marking_point, decision, assessor, comment, created_at FROM reviews WHERE session_id = $id ORDER BY id",
            ("$id", sessionId));
        using var reader = command.ExecuteReader();
        var reviews = new List<ReviewRecord>();
        while (reader.Read())
        {
            reviews.Add(new ReviewRecord(
                Id: reader.GetInt64(0),
                SessionId: sessionId,
                Kind: ParseKind(reader.GetString(1)),
                TurnNumber: reader.IsDBNull(2) ? null : reader.GetInt32(2),
                MarkingPointId: reader.IsDBNull(3) ? null : reader.GetString(3),
                Decision: reader.IsDBNull(4) ? null : reader.GetString(4),
                Assessor: reader.GetString(5),
                Comment: reader.GetString(6),
                CreatedAt: ParseInstant(reader.GetString(7))));
        }

        return reviews;
    }

    private ReviewResult AddReview(ReviewRequest request)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (ReadSummary(connection, transaction, request.SessionId) is null)
        {
            return ReviewResult.Refused($"No session '{request.SessionId}' in the RolePlay database.");
        }

        if (request.Kind is ReviewKind.Credit or ReviewKind.Uncredit)
        {
            var turns = ReadTurns(connection, transaction, request.SessionId);
            var turn = turns.FirstOrDefault(t => t.Number == request.TurnNumber);
            if (turn is null)
            {
                return ReviewResult.Refused(turns.Count == 0
                    ? $"Session '{request.SessionId}' has no turns to review."
                    : $"Session '{request.SessionId}' has no turn {request.TurnNumber}; its turns are 1 to {turns.Count}.");
            }

            var assessed = turn.Assessment.MarkingPoints.Select(m => m.Id).ToList();
            if (!assessed.Contains(request.MarkingPointId!, StringComparer.Ordinal))
            {
                return ReviewResult.Refused(assessed.Count == 0
                    ? $"Turn {turn.Number} assessed no marking points, so '{request.MarkingPointId}' cannot be reviewed there."
                    : $"Turn {turn.Number} did not assess '{request.MarkingPointId}'; it assessed: {string.Join(", ", assessed)}.");
            }
        }

        var at = request.At ?? options.Clock.GetUtcNow();
        using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO reviews (session_id, kind, turn_number, marking_point, decision, assessor, comment, created_at)
            VALUES ($session, $kind, $turn, $point, $decision, $assessor, $comment, $at);
            SELECT last_insert_rowid();
            """,
            ("$session", request.SessionId),
            ("$kind", KindText(request.Kind)),
            ("$turn", request.TurnNumber),
            ("$point", request.MarkingPointId),
            ("$decision", request.Decision),
            ("$assessor", request.Assessor),
            ("$comment", request.Comment),
            ("$at", Instant(at)));
        var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        transaction.Commit();
        return ReviewResult.Stored(new ReviewRecord(
            id, request.SessionId, request.Kind, request.TurnNumber, request.MarkingPointId, request.Decision, request.Assessor, request.Comment, ParseInstant(Instant(at))));
    }

    private void Migrate()
    {
        using var connection = OpenConnection();
        var version = ReadUserVersion(connection, null);
        if (version > SqliteSchema.CurrentVersion)
        {
            throw new StoreException(
                StoreErrorKind.NewerSchema,
                $"The RolePlay database '{Location}' was written by a newer version of RolePlay (schema {version}; this version understands up to {SqliteSchema.CurrentVersion}). Update RolePlay to open it.");
        }

        if (version == 0)
        {
            // One statement reads both from the same snapshot: another process may commit its migration between two
            // separate reads, which would make a fresh RolePlay file look like someone else's database.
            using var probe = Command(connection, null,
                "SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')");
            using var reader = probe.ExecuteReader();
            reader.Read();
            version = reader.GetInt32(0);
            if (version == 0 && reader.GetInt64(1) > 0)
            {
                throw new StoreException(
                    StoreErrorKind.Corrupt,
                    $"'{Location}' is an SQLite database but not a RolePlay one (it has other tables and no RolePlay schema version). Choose another file.");
            }
        }

        // WAL lets readers (reports, other learners' sessions) run while one process writes; it persists in the file.
        using (var wal = Command(connection, null, "PRAGMA journal_mode = WAL"))
        {
            wal.ExecuteScalar();
        }

        foreach (var migration in SqliteSchema.Migrations.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction();

            // Another process may have migrated while we waited for the write lock.
            if (ReadUserVersion(connection, transaction) >= migration.Version)
            {
                continue;
            }

            using (var step = Command(connection, transaction, migration.Sql))
            {
                step.ExecuteNonQuery();
            }

            using (var stamp = Command(connection, transaction, "PRAGMA user_version = " + migration.Version.ToString(CultureInfo.InvariantCulture)))
            {
                stamp.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = " + ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception, Location);
        }
    }
}
