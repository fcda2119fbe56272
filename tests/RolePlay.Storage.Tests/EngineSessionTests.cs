using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

/// <summary>
/// The store driven by the engine's real <see cref="Session"/> (not hand-built records): the process "dies" after two
/// turns (store disposed without completing), a new store on the same file restores the session from its snapshot,
/// and the finished transcript has every turn exactly once.
/// </summary>
public class EngineSessionTests : StoreTestBase
{
    private static readonly Scenario ThreeSteps = new()
    {
        Id = "three-steps",
        Title = "Three steps",
        StartId = "a",
        TurnLimit = 10,
        Personas = [new Persona("dana", "Dana Hughes", "Customer", "", new Dictionary<string, int>())],
        Variables = [new VariableDefinition("anger", 0, 10, 6)],
        Nodes =
        [
            Node("a", "Where is my parcel?", "b"),
            Node("b", "It was a present.", "c"),
            Node("c", "So what now?", "done"),
        ],
        Endings = [new Ending { Id = "done", Outcome = Outcomes.Resolved, Title = "Sorted" }],
    };

    [Fact]
    public async Task A_real_session_killed_mid_way_resumes_from_the_store_with_no_turn_lost_or_duplicated()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromSeconds(7));
        var scorer = new ApologyScorer();
        var first = OpenStore();
        var session = Session.Start(ThreeSteps, scorer, seed: 5, sessionId: "engine-1", clock);
        await first.BeginSessionAsync(new SessionStart("engine-1", ThreeSteps.Id, ThreeSteps.Title, "Alex", 5, clock.GetUtcNow()));
        session.RecordSpokenLine(session.CurrentLine, "scripted");
        await first.SaveSnapshotAsync("engine-1", session.State);
        foreach (var reply in new[] { "Sorry, let me check.", "I understand, sorry about that." })
        {
            var accepted = Assert.IsType<ReplyResult.Accepted>(await session.ReplyAsync(reply));
            await first.AppendTurnAsync("engine-1", accepted.Turn, session.State);
            session.RecordSpokenLine(session.CurrentLine, "scripted");
            await first.SaveSnapshotAsync("engine-1", session.State);
        }

        var beforeCrash = StorageJson.SerializeSnapshot(session.State);
        first.Dispose();

        var second = OpenStore();
        var unfinished = await second.FindLatestUnfinishedAsync("alex");
        var snapshot = await second.LoadSnapshotAsync(unfinished!.SessionId);
        Assert.Equal(beforeCrash, StorageJson.SerializeSnapshot(snapshot!));
        var (resumed, error) = Session.TryRestore(ThreeSteps, snapshot!, scorer, clock);
        Assert.Null(error);
        Assert.Equal("So what now?", resumed!.CurrentLine);
        Assert.Equal(3, resumed.NextTurnNumber);

        // The interrupted process may retry its last append: identical, so harmless.
        await second.AppendTurnAsync("engine-1", snapshot!.Turns[^1], snapshot);
        var last = Assert.IsType<ReplyResult.Accepted>(await resumed.ReplyAsync("I'll send a new one today, sorry."));
        Assert.True(last.Ended);
        await second.AppendTurnAsync("engine-1", last.Turn, resumed.State);
        await second.CompleteSessionAsync("engine-1", new SessionCompletion(Outcomes.Resolved, "done", "Competent", 7, clock.GetUtcNow()));

        var transcript = await second.GetTranscriptAsync("engine-1");
        Assert.Equal([1, 2, 3], transcript!.Turns.Select(t => t.Number));
        Assert.Equal(["a", "b", "c"], transcript.Turns.Select(t => t.NodeId));
        Assert.Equal(resumed.State.Turns.Select(StorageJson.Serialize), transcript.Turns.Select(StorageJson.Serialize));
        Assert.Equal(StorageJson.SerializeSnapshot(resumed.State), StorageJson.SerializeSnapshot(transcript.Snapshot!));
        Assert.Equal(SessionStatus.Ended, transcript.Summary.Status);
        Assert.False(transcript.Summary.IsUnfinished);
        Assert.Equal("ok", second.IntegrityCheck());
    }

    private static DialogueNode Node(string id, string line, string next) => new()
    {
        Id = id,
        Speaker = "dana",
        Lines = [new LineVariant(line, null)],
        Assesses = ["apology"],
        Transitions = [new Transition(next, null, [new StateUpdate("anger", UpdateKind.Add, -1)])],
    };

    /// <summary>Credits "apology" when the reply says sorry, with the word as evidence.</summary>
    private sealed class ApologyScorer : IReplyScorer
    {
        public Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default)
        {
            var at = context.Reply.IndexOf("sorry", StringComparison.OrdinalIgnoreCase);
            var point = at < 0
                ? new MarkingPointResult("apology", false, 0, [], "no apology")
                : new MarkingPointResult("apology", true, 0.9, [new EvidenceSpan(at, at + 5, context.Reply.Substring(at, 5))], "apologises");
            return Task.FromResult(new TurnAssessment { MarkingPoints = [point], Score = at < 0 ? 2 : 8, Tips = ["Keep it up."] });
        }
    }
}
