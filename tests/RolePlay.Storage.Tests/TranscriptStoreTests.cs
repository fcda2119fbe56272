using RolePlay.Engine.Sessions;
using RolePlay.Engine.Voice;
using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

public class TranscriptStoreTests : StoreTestBase
{
    [Fact]
    public async Task Turns_are_stored_with_assessment_state_and_timestamps_and_read_back_unchanged()
    {
        var store = OpenStore();
        var session = SampleSessions.LateDelivery("s1");
        await SaveAsync(store, session);

        var transcript = await store.GetTranscriptAsync("s1");

        Assert.NotNull(transcript);
        Assert.Equal(3, transcript.Turns.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StorageJson.Serialize(session.Turns[i]), StorageJson.Serialize(transcript.Turns[i]));
        }

        Assert.Equal(3, transcript.Summary.TurnCount);
        Assert.Equal("Alex Learner", transcript.Summary.Learner);
        Assert.Equal(session.Start.StartedAt, transcript.Summary.StartedAt);
        Assert.Equal("resolved", transcript.Snapshot!.CurrentId);
        Assert.Equal(1, transcript.Summary.Attempt);
    }

    [Fact]
    public async Task A_persona_fallback_reason_and_the_tokens_of_persona_and_judge_survive_a_reopen()
    {
        var session = SampleSessions.LateDelivery("s1");
        var first = session.Turns[0] with
        {
            PersonaLineSource = "scripted-fallback",
            PersonaLineFallbackReason = "the model returned an empty line",
            PersonaLineUsage = new TokenUsage(410, 3),
            Assessment = session.Turns[0].Assessment with { Usage = new TokenUsage(1500, 220) },
        };
        var store = OpenStore();
        await store.BeginSessionAsync(session.Start);
        await store.AppendTurnAsync("s1", first, session.Snapshot() with { Turns = [first] });

        var reopened = OpenStore();
        var stored = (await reopened.GetTranscriptAsync("s1"))!.Turns.Single();

        Assert.Equal("the model returned an empty line", stored.PersonaLineFallbackReason);
        Assert.Equal(new TokenUsage(410, 3), stored.PersonaLineUsage);
        Assert.Equal(new TokenUsage(1500, 220), stored.Assessment.Usage);
        Assert.Equal(new TokenUsage(1910, 223), stored.LlmUsage);
    }

    [Fact]
    public async Task A_session_left_without_completing_resumes_from_its_last_snapshot_after_reopening()
    {
        var session = new SessionBuilder("crash");
        var first = OpenStore();
        await first.BeginSessionAsync(session.Start);
        session.AddTurn("opening", "Well?", "Sorry about that, what's your order number?", "details", 6, [("apology", "Sorry")]);
        await first.AppendTurnAsync("crash", session.Turns[0], session.Snapshot());
        session.AddTurn("details", "48213.", "Thanks, I can see it.", "still_cross", 5, [("active_listening", "I can see it")]);
        await first.AppendTurnAsync("crash", session.Turns[1], session.Snapshot(currentLine: "So?"));
        first.Dispose();

        using var reopened = Storage.Sqlite.SqliteTranscriptStore.Open(DatabasePath);
        var snapshot = await reopened.LoadSnapshotAsync("crash");
        var unfinished = await reopened.FindLatestUnfinishedAsync("alex learner");

        Assert.NotNull(snapshot);
        Assert.Equal(2, snapshot.Turns.Count);
        Assert.Equal("still_cross", snapshot.CurrentId);
        Assert.Equal("So?", snapshot.CurrentLine);
        Assert.Equal(SessionStatus.InProgress, snapshot.Status);
        Assert.Equal("crash", unfinished?.SessionId);

        // The resumed session carries on with turn 3.
        session.AddTurn("still_cross", "So?", "I'll send a new one today.", "resolved", 8, [("solution", "send a new one today")]);
        await reopened.AppendTurnAsync("crash", session.Turns[2], session.Snapshot(SessionStatus.Ended));
        Assert.Equal(3, (await reopened.GetTranscriptAsync("crash"))!.Turns.Count);
    }

    [Fact]
    public async Task Re_appending_an_identical_turn_is_a_no_op()
    {
        var store = OpenStore();
        var session = new SessionBuilder("retry");
        await store.BeginSessionAsync(session.Start);
        var turn = session.AddTurn("opening", "Well?", "Sorry!", "details", 6, [("apology", "Sorry")]);
        await store.AppendTurnAsync("retry", turn, session.Snapshot());

        await store.AppendTurnAsync("retry", turn, session.Snapshot());

        var transcript = await store.GetTranscriptAsync("retry");
        Assert.Single(transcript!.Turns);
    }

    [Fact]
    public async Task Re_appending_a_different_turn_under_the_same_number_is_refused_and_the_first_is_kept()
    {
        var store = OpenStore();
        var session = new SessionBuilder("dup");
        await store.BeginSessionAsync(session.Start);
        var turn = session.AddTurn("opening", "Well?", "Sorry!", "details", 6, [("apology", "Sorry")]);
        await store.AppendTurnAsync("dup", turn, session.Snapshot());

        var error = await Assert.ThrowsAsync<StoreException>(() =>
            store.AppendTurnAsync("dup", turn with { Reply = "Whatever." }, session.Snapshot()));

        Assert.Equal(StoreErrorKind.Conflict, error.Kind);
        Assert.Contains("already recorded", error.Message, StringComparison.Ordinal);
        Assert.Equal("Sorry!", (await store.GetTranscriptAsync("dup"))!.Turns.Single().Reply);
    }

    [Fact]
    public async Task A_gap_in_turn_numbers_is_refused()
    {
        var store = OpenStore();
        var session = new SessionBuilder("gap");
        await store.BeginSessionAsync(session.Start);
        var turn = session.AddTurn("opening", "Well?", "Sorry!", "details", 6, [("apology", "Sorry")]);

        var error = await Assert.ThrowsAsync<StoreException>(() =>
            store.AppendTurnAsync("gap", turn with { Number = 2 }, session.Snapshot()));

        Assert.Equal(StoreErrorKind.Conflict, error.Kind);
        Assert.Contains("next turn is 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_with_fewer_turns_than_stored_is_refused()
    {
        var store = OpenStore();
        var session = SampleSessions.LateDelivery("stale");
        await SaveAsync(store, session);

        var stale = session.Snapshot() with { Turns = session.Turns.Take(1).ToList() };
        var error = await Assert.ThrowsAsync<StoreException>(() => store.SaveSnapshotAsync("stale", stale));

        Assert.Equal(StoreErrorKind.Conflict, error.Kind);
        Assert.Equal(3, (await store.LoadSnapshotAsync("stale"))!.Turns.Count);
    }

    [Fact]
    public async Task Turns_for_an_unknown_session_are_refused()
    {
        var store = OpenStore();
        var session = new SessionBuilder("ghost");
        var turn = session.AddTurn("opening", "Well?", "Sorry!", "details", 6, [("apology", "Sorry")]);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.AppendTurnAsync("ghost", turn, session.Snapshot()));

        Assert.Equal(StoreErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Attempts_are_numbered_per_learner_and_scenario()
    {
        var store = OpenStore();
        var day = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        await store.BeginSessionAsync(new SessionBuilder("a1", learner: "Sam", startedAt: day).Start);
        await store.BeginSessionAsync(new SessionBuilder("a2", learner: "sam", startedAt: day.AddHours(1)).Start);
        await store.BeginSessionAsync(new SessionBuilder("b1", learner: "Sam", scenarioId: "rota-clash", startedAt: day.AddHours(2)).Start);
        await store.BeginSessionAsync(new SessionBuilder("c1", learner: "Priya", startedAt: day.AddHours(3)).Start);

        var sam = await store.ListTranscriptsAsync(new TranscriptFilter(Learner: "SAM"));

        Assert.Equal(["b1", "a2", "a1"], sam.Select(s => s.SessionId));
        Assert.Equal([1, 2, 1], sam.Select(s => s.Attempt));
        Assert.Equal(1, (await store.GetTranscriptAsync("c1"))!.Summary.Attempt);
    }

    [Fact]
    public async Task Beginning_the_same_session_twice_is_harmless_but_reusing_its_id_for_someone_else_is_refused()
    {
        var store = OpenStore();
        var start = new SessionBuilder("same", learner: "Sam").Start;
        await store.BeginSessionAsync(start);
        await store.BeginSessionAsync(start);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.BeginSessionAsync(start with { Learner = "Priya" }));

        Assert.Equal(StoreErrorKind.Conflict, error.Kind);
        Assert.Single(await store.ListTranscriptsAsync(TranscriptFilter.All));
    }

    [Fact]
    public async Task Completion_records_outcome_band_and_score_once()
    {
        var store = OpenStore();
        await SaveAsync(store, SampleSessions.LateDelivery("done"));
        var completion = new SessionCompletion("resolved", "resolved", "Competent", 6.2, new DateTimeOffset(2026, 11, 2, 9, 40, 0, TimeSpan.Zero));

        await store.CompleteSessionAsync("done", completion);
        await store.CompleteSessionAsync("done", completion);
        var error = await Assert.ThrowsAsync<StoreException>(() => store.CompleteSessionAsync("done", completion with { Band = "Strong" }));

        Assert.Equal(StoreErrorKind.Conflict, error.Kind);
        var summary = (await store.GetTranscriptAsync("done"))!.Summary;
        Assert.Equal(completion, summary.Completion);
        Assert.False(summary.IsUnfinished);
        Assert.Empty(await store.ListUnfinishedAsync());
    }

    [Fact]
    public async Task Completing_an_unknown_session_is_not_found()
    {
        var store = OpenStore();

        var error = await Assert.ThrowsAsync<StoreException>(() =>
            store.CompleteSessionAsync("nope", new SessionCompletion("resolved", "resolved", "Competent", 5, DateTimeOffset.UtcNow)));

        Assert.Equal(StoreErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Filters_select_by_learner_scenario_dates_outcome_and_band()
    {
        var store = OpenStore();
        var day = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        await SaveAsync(store, SampleSessions.LateDelivery("x1", "Sam", day));
        await SaveAsync(store, SampleSessions.LateDelivery("x2", "Priya", day.AddDays(1)));
        await SaveAsync(store, SampleSessions.LateDelivery("x3", "Sam", day.AddDays(2), scenarioId: "rota-clash"));
        await store.CompleteSessionAsync("x1", new SessionCompletion("resolved", "resolved", "Competent", 6, day.AddMinutes(10)));
        await store.CompleteSessionAsync("x2", new SessionCompletion("escalated", "escalated", "Not yet competent", 3, day.AddDays(1).AddMinutes(10)));

        async Task<string[]> Ids(TranscriptFilter filter) => (await store.ListTranscriptsAsync(filter)).Select(s => s.SessionId).ToArray();

        Assert.Equal(["x3", "x2", "x1"], await Ids(TranscriptFilter.All));
        Assert.Equal(["x3", "x1"], await Ids(new TranscriptFilter(Learner: "sam")));
        Assert.Equal(["x3"], await Ids(new TranscriptFilter(ScenarioId: "rota-clash")));
        Assert.Equal(["x2"], await Ids(new TranscriptFilter(From: day.AddHours(12), To: day.AddDays(2))));
        Assert.Equal(["x2"], await Ids(new TranscriptFilter(Outcome: "escalated")));
        Assert.Equal(["x1"], await Ids(new TranscriptFilter(Band: "competent")));
        Assert.Equal(["x3"], await Ids(new TranscriptFilter(UnfinishedOnly: true)));
        Assert.Equal(["x3"], await Ids(new TranscriptFilter(Limit: 1)));
    }

    [Fact]
    public async Task Unfinished_sessions_and_learners_are_listed_most_recently_active_first()
    {
        var store = OpenStore(SqliteStoreOptions.Default with { Clock = new ManualClock(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1)) });
        var day = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        await SaveAsync(store, SampleSessions.LateDelivery("u1", "Sam", day));
        await SaveAsync(store, SampleSessions.LateDelivery("u2", "Sam", day.AddDays(1)));
        await SaveAsync(store, SampleSessions.LateDelivery("p1", "Priya", day.AddDays(2)));
        await store.CompleteSessionAsync("u2", new SessionCompletion("resolved", "resolved", "Strong", 8, day.AddDays(1).AddHours(1)));

        var unfinished = await store.ListUnfinishedAsync();
        var samLatest = await store.FindLatestUnfinishedAsync("Sam");
        var learners = await store.ListLearnersAsync();

        Assert.Equal(["p1", "u1"], unfinished.Select(s => s.SessionId));
        Assert.Equal("u1", samLatest?.SessionId);
        Assert.Null(await store.FindLatestUnfinishedAsync("Nobody"));
        // Completing u2 was the last write, so Sam is the most recently active learner.
        Assert.Equal(["Sam", "Priya"], learners.Select(l => l.Learner));
        Assert.Equal(2, learners[0].Attempts);
        Assert.Equal(1, learners[0].Completed);
    }

    [Fact]
    public void Default_location_is_in_the_users_data_folder_unless_overridden()
    {
        var previous = Environment.GetEnvironmentVariable(StoreLocation.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(StoreLocation.PathVariable, null);
            var standard = StoreLocation.Default();
            Environment.SetEnvironmentVariable(StoreLocation.PathVariable, DatabasePath);
            var overridden = StoreLocation.Default();

            Assert.EndsWith(Path.Combine("RolePlay", "roleplay.db"), standard, StringComparison.Ordinal);
            Assert.True(Path.IsPathRooted(standard));
            Assert.Equal(DatabasePath, overridden);
        }
        finally
        {
            Environment.SetEnvironmentVariable(StoreLocation.PathVariable, previous);
        }
    }
}
