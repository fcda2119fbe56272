using Microsoft.Data.Sqlite;

namespace RolePlay.Storage.Sqlite;

/// <summary>Turns SQLite error codes into <see cref="StoreException"/>s with advice a learner or tutor can follow.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static StoreException Translate(SqliteException exception, string path) => exception.SqliteErrorCode switch
    {
        Busy or Locked => new StoreException(
            StoreErrorKind.Locked,
            $"The RolePlay database '{path}' is busy: another program is writing to it. Wait a moment and try again, or close other RolePlay windows using this file.",
            exception),
        Corrupt or NotADatabase => new StoreException(
            StoreErrorKind.Corrupt,
            $"'{path}' is not a RolePlay database or is damaged ({exception.Message.TrimEnd('.')}). Restore it from a backup, or move it aside to start a new one.",
            exception),
        CantOpen or ReadOnly or IoError => new StoreException(
            StoreErrorKind.Unavailable,
            $"The RolePlay database '{path}' cannot be opened for writing ({exception.Message.TrimEnd('.')}). Check the folder exists and you may write to it.",
            exception),
        _ => new StoreException(
            StoreErrorKind.Unavailable,
            $"The RolePlay database '{path}' reported an error: {exception.Message}",
            exception),
    };
}
