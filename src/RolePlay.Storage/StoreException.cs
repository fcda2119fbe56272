namespace RolePlay.Storage;

/// <summary>What went wrong with the transcript store, so the CLI can choose its exit code and advice.</summary>
public enum StoreErrorKind
{
    /// <summary>The file is not a RolePlay database or is damaged.</summary>
    Corrupt,

    /// <summary>Another program holds the database lock for longer than the busy timeout.</summary>
    Locked,

    /// <summary>The database was written by a newer RolePlay with a schema this version does not know.</summary>
    NewerSchema,

    /// <summary>The session (or turn) asked for does not exist.</summary>
    NotFound,

    /// <summary>The write contradicts what is already recorded (e.g. a different turn under an existing number).</summary>
    Conflict,

    /// <summary>The file cannot be opened or created (permissions, missing drive, read-only media).</summary>
    Unavailable,
}

/// <summary>A store failure with a message a learner or assessor can read; the CLI prints <see cref="Exception.Message"/>, not a stack trace.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreException(StoreErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public StoreErrorKind Kind { get; }
}
