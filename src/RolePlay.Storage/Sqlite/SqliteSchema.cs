namespace RolePlay.Storage.Sqlite;

/// <summary>One ordered schema step; applied in its own transaction and recorded in <c>PRAGMA user_version</c>.</summary>
/// <param name="Version">The schema version after this step.</param>
/// <param name="Description">What it changes, for docs and logs.</param>
/// <param name="Sql">The statements; never edit a released step, add a new one.</param>
public sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>The SQLite schema as ordered migrations. <c>PRAGMA user_version</c> holds the version a file is at.</summary>
public static class SqliteSchema
{
    /// <summary>v1: sessions with their latest snapshot, and one row per committed turn.</summary>
    public const string V1 = """
        CREATE TABLE sessions (
            id              TEXT PRIMARY KEY NOT NULL,
            scenario_id     TEXT NOT NULL,
            scenario_title  TEXT NOT NULL,
            learner         TEXT NOT NULL,
            seed            INTEGER NOT NULL,
            started_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            status          TEXT NOT NULL,
            current_id      TEXT,
            snapshot_json   TEXT
        );
        CREATE TABLE turns (
            session_id          TEXT NOT NULL REFERENCES sessions(id),
            number              INTEGER NOT NULL CHECK (number >= 1),
            node_id             TEXT NOT NULL,
            speaker_id          TEXT NOT NULL,
            persona_line        TEXT NOT NULL,
            persona_line_source TEXT NOT NULL,
            reply               TEXT NOT NULL,
            assessment_json     TEXT NOT NULL,
            state_before_json   TEXT NOT NULL,
            state_after_json    TEXT NOT NULL,
            next_id             TEXT NOT NULL,
            transition_index    INTEGER NOT NULL,
            score               REAL NOT NULL,
            timestamp           TEXT NOT NULL,
            PRIMARY KEY (session_id, number)
        );
        CREATE INDEX ix_sessions_learner ON sessions(learner COLLATE NOCASE, scenario_id);
        """;

    /// <summary>v2: attempt numbers, completion (outcome, ending, band, score), append-only assessor reviews.</summary>
    public const string V2 = """
        ALTER TABLE sessions ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
        UPDATE sessions SET attempt = (
            SELECT COUNT(*) FROM sessions AS earlier
            WHERE earlier.learner = sessions.learner COLLATE NOCASE
              AND earlier.scenario_id = sessions.scenario_id
              AND (earlier.started_at < sessions.started_at
                   OR (earlier.started_at = sessions.started_at AND earlier.id <= sessions.id)));
        ALTER TABLE sessions ADD COLUMN outcome TEXT;
        ALTER TABLE sessions ADD COLUMN ending_id TEXT;
        ALTER TABLE sessions ADD COLUMN band TEXT;
        ALTER TABLE sessions ADD COLUMN score REAL;
        ALTER TABLE sessions ADD COLUMN completed_at TEXT;
        CREATE INDEX ix_sessions_started ON sessions(started_at);
        CREATE INDEX ix_sessions_unfinished ON sessions(completed_at, updated_at);

        CREATE TABLE reviews (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id      TEXT NOT NULL REFERENCES sessions(id),
            kind            TEXT NOT NULL CHECK (kind IN ('credit', 'uncredit', 'decision')),
            turn_number     INTEGER,
            marking_point   TEXT,
            decision        TEXT,
            assessor        TEXT NOT NULL CHECK (length(trim(assessor)) > 0),
            comment         TEXT NOT NULL CHECK (length(trim(comment)) > 0),
            created_at      TEXT NOT NULL,
            FOREIGN KEY (session_id, turn_number) REFERENCES turns(session_id, number)
        );
        CREATE INDEX ix_reviews_session ON reviews(session_id, id);

        -- The automated result and the assessor trail are evidence: never rewritten in place.
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
            BEGIN SELECT RAISE(ABORT, 'assessor reviews are append-only'); END;
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
            BEGIN SELECT RAISE(ABORT, 'assessor reviews are append-only'); END;
        CREATE TRIGGER turns_no_update BEFORE UPDATE ON turns
            BEGIN SELECT RAISE(ABORT, 'turns are append-only'); END;
        """;

    /// <summary>v3: why an LLM persona line fell back to the script, and the tokens the persona spent on it.</summary>
    /// <remarks>The judge's tokens travel inside <c>assessment_json</c>, with the rest of the assessment.</remarks>
    public const string V3 = """
        ALTER TABLE turns ADD COLUMN persona_fallback_reason TEXT;
        ALTER TABLE turns ADD COLUMN persona_input_tokens INTEGER;
        ALTER TABLE turns ADD COLUMN persona_output_tokens INTEGER;
        """;

    /// <summary>Every step, oldest first.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "sessions and turns", V1),
        new(2, "attempts, completion, assessor reviews", V2),
        new(3, "persona fallback reasons and token usage per turn", V3),
    ];

    /// <summary>The version this code writes.</summary>
    public static int CurrentVersion => Migrations[^1].Version;
}
