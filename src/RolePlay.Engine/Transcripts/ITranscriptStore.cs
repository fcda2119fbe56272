using RolePlay.Engine.Sessions;

namespace RolePlay.Engine.Transcripts;

/// <summary>Durable record of sessions. Every turn is appended before the next persona line is shown.</summary>
public interface ITranscriptStore
{
    Task BeginSessionAsync(SessionStart start, CancellationToken cancellationToken = default);

    /// <summary>Commits one turn together with the snapshot it leads to, atomically.</summary>
    Task AppendTurnAsync(string sessionId, TurnRecord turn, SessionSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Saves a snapshot without a new turn (e.g. the first persona line, a quit, an ending).</summary>
    Task SaveSnapshotAsync(string sessionId, SessionSnapshot snapshot, CancellationToken cancellationToken = default);

    Task<SessionSnapshot?> LoadSnapshotAsync(string sessionId, CancellationToken cancellationToken = default);
}
