using Microsoft.Data.Sqlite;

using RolePlay.Engine.Voice;
using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

public class MigrationTests : StoreTestBase
{
    [Fact]
    public void A_new_database_is_at_the_current_version_in_wal_mode()
    {
        var store = OpenStore();

        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal("ok", store.IntegrityCheck());
        using var connection = Raw();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_version_1_database_is_upgraded_with_its_data_intact_and_new_features_working()
    {
        var session = SampleSessions.LateDelivery("old-1", "Sam");
        using (var connection = Raw())
        {
            Execute(connection, SqliteSchema.V1 + "PRAGMA user_version = 1;");
            Execute(connection, $$"""
                INSERT INTO sessions VALUES ('old-1', 'late-delivery', 'Late delivery complaint', 'Sam', 42,
                    '2026-10-01T09:00:00.0000000Z', '2026-10-01T09:05:00.0000000Z', 'in_progress', 'details', '{{Escape(StorageJson.SerializeSnapshot(session.Snapshot() with { Turns = session.Turns.Take(1).ToList(), CurrentId = "details" }))}}');
                INSERT INTO sessions VALUES ('old-2', 'late-delivery', 'Late delivery complaint', 'sam', 42,
                    '2026-10-02T09:00:00.0000000Z', '2026-10-02T09:00:00.0000000Z', 'in_progress', 'opening', NULL);
                INSERT INTO turns VALUES ('old-1', 1, 'opening', 'dana', '{{Escape(session.Turns[0].PersonaLine)}}', 'scripted',
                    '{{Escape(session.Turns[0].Reply)}}', '{{Escape(StorageJson.SerializeAssessment(session.Turns[0].Assessment))}}',
                    '{"anger":7,"trust":3}', '{"anger":5,"trust":3}', 'details', 0, 7, '{{session.Turns[0].Timestamp:o}}');
                """);
        }

        var store = OpenStore();

        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal("ok", store.IntegrityCheck());
        var old = await store.GetTranscriptAsync("old-1");
        Assert.NotNull(old);
        Assert.Equal(StorageJson.Serialize(session.Turns[0]), StorageJson.Serialize(old.Turns.Single()));
        Assert.Equal("details", old.Snapshot!.CurrentId);
        Assert.Equal(1, old.Summary.Attempt);
        Assert.Equal(2, (await store.GetTranscriptAsync("old-2"))!.Summary.Attempt);
        Assert.True(old.Summary.IsUnfinished);

        // v2 features on the old rows: continue, complete, review; new attempts keep counting.
        await store.AppendTurnAsync("old-1", session.Turns[1], session.Snapshot() with { Turns = session.Turns.Take(2).ToList() });
        await store.CompleteSessionAsync("old-1", new SessionCompletion("resolved", "resolved", "Competent", 6, DateTimeOffset.UtcNow));
        var review = await store.AddReviewAsync(ReviewRequest.Credit("old-1", 1, "empathy", "A", "heard the feeling"));
        await store.BeginSessionAsync(new SessionBuilder("new-3", learner: "SAM").Start);

        Assert.True(review.Succeeded, review.Error);
        Assert.Equal(3, (await store.GetTranscriptAsync("new-3"))!.Summary.Attempt);
        Assert.Equal("Competent", (await store.GetTranscriptAsync("old-1"))!.Summary.Completion!.Band);
    }

    [Fact]
    public async Task A_version_2_database_keeps_its_turns_and_then_records_persona_fallbacks_and_tokens()
    {
        var session = SampleSessions.LateDelivery("v2-1", "Sam");
        using (var connection = Raw())
        {
            Execute(connection, SqliteSchema.V1 + SqliteSchema.V2 + "PRAGMA user_version = 2;");
            Execute(connection, $$"""
                INSERT INTO sessions (id, scenario_id, scenario_title, learner, seed, started_at, updated_at, status, current_id, snapshot_json, attempt)
                VALUES ('v2-1', 'late-delivery', 'Late delivery complaint', 'Sam', 42, '2026-10-01T09:00:00.0000000Z',
                    '2026-10-01T09:05:00.0000000Z', 'in_progress', 'details', '{{Escape(StorageJson.SerializeSnapshot(session.Snapshot() with { Turns = session.Turns.Take(1).ToList(), CurrentId = "details" }))}}', 1);
                INSERT INTO turns VALUES ('v2-1', 1, 'opening', 'dana', '{{Escape(session.Turns[0].PersonaLine)}}', 'scripted',
                    '{{Escape(session.Turns[0].Reply)}}', '{{Escape(StorageJson.SerializeAssessment(session.Turns[0].Assessment))}}',
                    '{"anger":7,"trust":3}', '{"anger":5,"trust":3}', 'details', 0, 7, '{{session.Turns[0].Timestamp:o}}');
                """);
        }

        var store = OpenStore();
        var second = session.Turns[1] with { PersonaLineSource = "scripted-fallback", PersonaLineFallbackReason = "empty line", PersonaLineUsage = new TokenUsage(350, 0) };
        await store.AppendTurnAsync("v2-1", second, session.Snapshot() with { Turns = [session.Turns[0], second] });
        var turns = (await store.GetTranscriptAsync("v2-1"))!.Turns;

        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal(StorageJson.Serialize(session.Turns[0]), StorageJson.Serialize(turns[0]));
        Assert.Null(turns[0].PersonaLineFallbackReason);
        Assert.Equal(("empty line", new TokenUsage(350, 0)), (turns[1].PersonaLineFallbackReason, turns[1].PersonaLineUsage));
    }

    [Fact]
    public void Opening_twice_does_not_reapply_migrations()
    {
        OpenStore().Dispose();

        var again = OpenStore();

        Assert.Equal(SqliteSchema.CurrentVersion, again.SchemaVersion);
        Assert.Equal("ok", again.IntegrityCheck());
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused_clearly()
    {
        using (var connection = Raw())
        {
            Execute(connection, $"PRAGMA user_version = {SqliteSchema.CurrentVersion + 5};");
        }

        var error = Assert.Throws<StoreException>(() => OpenStore());

        Assert.Equal(StoreErrorKind.NewerSchema, error.Kind);
        Assert.Contains("newer version of RolePlay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_applications_sqlite_file_is_refused_and_left_alone()
    {
        using (var connection = Raw())
        {
            Execute(connection, "CREATE TABLE invoices (id INTEGER);");
        }

        var error = Assert.Throws<StoreException>(() => OpenStore());

        Assert.Equal(StoreErrorKind.Corrupt, error.Kind);
        Assert.Contains("not a RolePlay one", error.Message, StringComparison.Ordinal);
        using var check = Raw();
        Assert.Equal(0L, Scalar(check, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sessions'"));
    }

    [Fact]
    public void Migrations_are_ordered_and_contiguous()
    {
        Assert.Equal(Enumerable.Range(1, SqliteSchema.Migrations.Count), SqliteSchema.Migrations.Select(m => m.Version));
    }

    private static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection Raw()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
