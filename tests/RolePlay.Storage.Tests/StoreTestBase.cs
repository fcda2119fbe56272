using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

/// <summary>Each test gets its own database file in a temp folder.</summary>
public abstract class StoreTestBase : IDisposable
{
    private readonly List<SqliteTranscriptStore> opened = [];

    protected StoreTestBase()
    {
        Folder = new TempFolder("roleplay-storage");
        DatabasePath = Folder.File("roleplay.db");
    }

    protected TempFolder Folder { get; }

    protected string DatabasePath { get; }

    protected SqliteTranscriptStore OpenStore(SqliteStoreOptions? options = null)
    {
        var store = SqliteTranscriptStore.Open(DatabasePath, options);
        opened.Add(store);
        return store;
    }

    protected static async Task SaveAsync(SqliteTranscriptStore store, SessionBuilder session)
    {
        await store.BeginSessionAsync(session.Start);
        var builder = new SessionBuilder(session.SessionId, session.Start.ScenarioId, session.Start.Learner, session.Start.StartedAt);
        await store.SaveSnapshotAsync(session.SessionId, builder.Snapshot());
        for (var i = 0; i < session.Turns.Count; i++)
        {
            var snapshot = session.Snapshot() with { Turns = session.Turns.Take(i + 1).ToList(), CurrentId = session.Turns[i].NextId };
            await store.AppendTurnAsync(session.SessionId, session.Turns[i], snapshot);
        }
    }

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
