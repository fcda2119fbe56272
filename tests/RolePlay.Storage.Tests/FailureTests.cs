using Microsoft.Data.Sqlite;

using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

public class FailureTests : StoreTestBase
{
    [Fact]
    public void A_file_of_random_bytes_gives_a_readable_corrupt_error()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(DatabasePath, bytes);

        var error = Assert.Throws<StoreException>(() => OpenStore());

        Assert.Equal(StoreErrorKind.Corrupt, error.Kind);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a RolePlay database or is damaged", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_gives_a_readable_locked_error()
    {
        var store = OpenStore(SqliteStoreOptions.Default with { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        var session = new SessionBuilder("locked");
        await store.BeginSessionAsync(session.Start);
        var turn = session.AddTurn("opening", "Well?", "Sorry!", "details", 6, [("apology", "Sorry")]);

        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => store.AppendTurnAsync("locked", turn, session.Snapshot()));

        Assert.Equal(StoreErrorKind.Locked, error.Kind);
        Assert.Contains("another program is writing to it", error.Message, StringComparison.Ordinal);

        using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        // Once the other writer lets go, the same write succeeds.
        await store.AppendTurnAsync("locked", turn, session.Snapshot());
        Assert.Single((await store.GetTranscriptAsync("locked"))!.Turns);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_gives_a_readable_error()
    {
        var blocker = Folder.File("not-a-folder");
        File.WriteAllText(blocker, "x");

        var error = Assert.Throws<StoreException>(() => SqliteTranscriptStore.Open(Path.Combine(blocker, "roleplay.db")));

        Assert.Equal(StoreErrorKind.Unavailable, error.Kind);
    }
}
