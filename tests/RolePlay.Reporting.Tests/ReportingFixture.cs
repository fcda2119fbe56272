using RolePlay.Storage;
using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Reporting.Tests;

/// <summary>A real SQLite store in a temp folder, filled with sample attempts.</summary>
public sealed class ReportingStore : IDisposable
{
    public static readonly DateTimeOffset Day = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new("roleplay-reporting");

    public ReportingStore()
    {
        Store = SqliteTranscriptStore.Open(folder.File("roleplay.db"));
    }

    public SqliteTranscriptStore Store { get; }

    public string Folder => folder.Path;

    public async Task<Transcript> SaveAsync(SessionBuilder session, SessionCompletion? completion = null, params ReviewRequest[] reviews)
    {
        ArgumentNullException.ThrowIfNull(session);
        await Store.BeginSessionAsync(session.Start);
        for (var i = 0; i < session.Turns.Count; i++)
        {
            await Store.AppendTurnAsync(session.SessionId, session.Turns[i], session.Snapshot() with { Turns = session.Turns.Take(i + 1).ToList() });
        }

        if (completion is not null)
        {
            await Store.CompleteSessionAsync(session.SessionId, completion);
        }

        foreach (var review in reviews)
        {
            var result = await Store.AddReviewAsync(review);
            Assert.True(result.Succeeded, result.Error);
        }

        return (await Store.GetTranscriptAsync(session.SessionId))!;
    }

    /// <summary>The late-delivery sample, completed, with an assessor credit, un-credit and decision.</summary>
    public Task<Transcript> ReviewedLateDeliveryAsync(string sessionId = "3f2b8c1e-6a4d-4e8b-9c1a-2b3c4d5e6f70", string learner = "Alex Learner") =>
        SaveAsync(
            SampleSessions.LateDelivery(sessionId, learner, Day),
            new SessionCompletion("resolved", "resolved", "Competent", 6.4, Day.AddMinutes(9)),
            ReviewRequest.Credit(sessionId, 1, "empathy", "Jo Assessor", "'really sorry your parcel is late' recognises the feeling.") with { At = Day.AddDays(1) },
            ReviewRequest.Uncredit(sessionId, 3, "ownership", "Jo Assessor", "Promised a replacement without checking authority.") with { At = Day.AddDays(1).AddMinutes(1) },
            ReviewRequest.SetDecision(sessionId, "competent", "Jo Assessor", "Recovered well after blaming the courier.") with { At = Day.AddDays(1).AddMinutes(2) });

    public void Dispose()
    {
        Store.Dispose();
        folder.Dispose();
    }
}
