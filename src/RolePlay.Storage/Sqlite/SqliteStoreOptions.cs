namespace RolePlay.Storage.Sqlite;

/// <summary>Tuning for <see cref="SqliteTranscriptStore"/>.</summary>
/// <param name="BusyTimeout">How long a write waits for another process's lock before giving up with <see cref="StoreErrorKind.Locked"/>.</param>
/// <param name="Clock">Source of "now" for reviews and updates; tests pass a fixed clock.</param>
public sealed record SqliteStoreOptions(TimeSpan BusyTimeout, TimeProvider Clock)
{
    public static SqliteStoreOptions Default { get; } = new(TimeSpan.FromSeconds(10), TimeProvider.System);
}
