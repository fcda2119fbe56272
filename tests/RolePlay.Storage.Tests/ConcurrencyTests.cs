using Microsoft.Data.Sqlite;

using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

/// <summary>
/// Two writers on one file at once. Simulated with two independently opened stores (separate connection pools,
/// separate connections) on separate threads, each writing its own sessions; SQLite's file locking is the same
/// mechanism that separates two processes.
/// </summary>
public class ConcurrencyTests : StoreTestBase
{
    [Fact]
    public async Task Two_writers_on_separate_threads_writing_different_sessions_corrupt_nothing()
    {
        const int sessionsPerWriter = 8;
        var first = OpenStore(SqliteStoreOptions.Default with { BusyTimeout = TimeSpan.FromSeconds(30) });
        var second = OpenStore(SqliteStoreOptions.Default with { BusyTimeout = TimeSpan.FromSeconds(31) });
        using var start = new Barrier(2);

        Task Writer(SqliteTranscriptStore store, string prefix) => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < sessionsPerWriter; i++)
                {
                    SaveAsync(store, SampleSessions.LateDelivery($"{prefix}-{i}", learner: prefix)).GetAwaiter().GetResult();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        await Task.WhenAll(Writer(first, "alpha"), Writer(second, "beta"));

        Assert.Equal("ok", first.IntegrityCheck());
        var all = await first.ListTranscriptsAsync(TranscriptFilter.All);
        Assert.Equal(2 * sessionsPerWriter, all.Count);
        Assert.All(all, s => Assert.Equal(3, s.TurnCount));
        Assert.Equal(Enumerable.Range(1, sessionsPerWriter), (await first.ListTranscriptsAsync(new TranscriptFilter(Learner: "beta"))).Select(s => s.Attempt).Order());
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM turns";
        Assert.Equal(6L * sessionsPerWriter, count.ExecuteScalar());
    }

    [Fact]
    public async Task Two_stores_opening_a_new_file_at_once_both_migrate_safely()
    {
        using var start = new Barrier(2);
        SqliteTranscriptStore OpenAfterBarrier()
        {
            start.SignalAndWait();
            return OpenStore(SqliteStoreOptions.Default with { BusyTimeout = TimeSpan.FromSeconds(30) });
        }

        var stores = await Task.WhenAll(Task.Run(OpenAfterBarrier), Task.Run(OpenAfterBarrier));

        Assert.All(stores, s => Assert.Equal(SqliteSchema.CurrentVersion, s.SchemaVersion));
        Assert.Equal("ok", stores[0].IntegrityCheck());
    }
}
