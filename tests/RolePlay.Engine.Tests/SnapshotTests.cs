using System.Text.Json;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using static RolePlay.Engine.Tests.SessionTestKit;

namespace RolePlay.Engine.Tests;

/// <summary>Save/resume in the spirit of ink's tests: a run that is serialised and restored after every turn must
/// be indistinguishable from a run played straight through.</summary>
public sealed class SnapshotTests
{
    /// <summary>What a play-through produced, in comparable form.</summary>
    private sealed record Run(List<string> LinesSpoken, string TurnsJson, string? EndingId, SessionStatus Status, string VariablesJson);

    public static TheoryData<int, string[]> Plays => new()
    {
        { 1, ["Hello.", "Sorry, I understand.", "I will fix it."] },
        { 2, ["Hmm.", "Sorry.", "Sorry again.", "Let me fix this!"] },
        { 3, ["It is your fault."] },
        { 4, ["Sorry, I understand.", "Hmm.", "Hmm.", "Hmm."] },
        { 5, ["That was a great reply!", "Fix it I will."] },
        { 6, ["Hmm.", "Hmm.", "Hmm.", "Hmm."] },
        { 7, ["Sorry, I understand.", "I can fix it.", "Too late?"] },
    };

    [Theory]
    [MemberData(nameof(Plays))]
    public async Task Restoring_after_every_turn_replays_identically(int seed, string[] replies)
    {
        // The calm variant opens with a seeded choice among unconditional lines, so the seed must survive too.
        foreach (var scenario in new[] { Demo, CalmScenario })
        {
            var straight = await PlayStraight(scenario, seed, replies);
            var restored = await PlayWithRestores(scenario, seed, replies);

            Assert.Equal(straight.LinesSpoken, restored.LinesSpoken);
            Assert.Equal(straight.TurnsJson, restored.TurnsJson);
            Assert.Equal(straight.EndingId, restored.EndingId);
            Assert.Equal(straight.Status, restored.Status);
            Assert.Equal(straight.VariablesJson, restored.VariablesJson);
            Assert.NotEmpty(straight.LinesSpoken);
        }
    }

    [Fact]
    public async Task Plays_reach_different_endings()
    {
        // Guards against a scenario or scorer so simple that the replay test above would pass vacuously.
        var endings = new HashSet<string?>();
        foreach (var play in Plays)
        {
            endings.Add((await PlayStraight(Demo, (int)play[0], (string[])play[1])).EndingId);
        }

        Assert.Equal(new HashSet<string?> { "resolved", "partly", "escalated", "ran_out" }, endings);
    }

    [Fact]
    public void Snapshot_with_assessments_and_evidence_round_trips_through_json()
    {
        var assessment = new TurnAssessment
        {
            MarkingPoints =
            [
                new MarkingPointResult("apology", true, 0.9, [new EvidenceSpan(0, 9, "I'm sorry"), new EvidenceSpan(15, 22, "my fault")], "apologises", "llm"),
                new MarkingPointResult("empathy", false, 0.1, [], "no empathy shown"),
            ],
            Negatives = [new MarkingPointResult("blame", true, 0.6, [new EvidenceSpan(30, 43, "the courier's")], "blames the courier", "combined")],
            Score = 6.5,
            Tips = ["Own the problem instead of blaming the courier."],
            Notes = ["LLM judge unavailable, built-in scorer used"],
            Source = "combined",
            FlaggedForReview = true,
        };
        var turn = new TurnRecord(1, "opening", "dana", "Well? \"Three\" days late.", "llm", "I'm sorry, it's my fault — the courier's.",
            assessment, new Dictionary<string, int> { ["anger"] = 8, ["trust"] = 3 }, new Dictionary<string, int> { ["anger"] = 5, ["trust"] = 5 },
            "details", 1, new DateTimeOffset(2026, 11, 23, 9, 30, 15, 123, TimeSpan.FromHours(1)));
        var snapshot = new SessionSnapshot(SessionSnapshot.CurrentFormatVersion, "s-42", "session-demo", -7, "details",
            new Dictionary<string, int> { ["anger"] = 5, ["trust"] = 5 }, [turn], SessionStatus.Quit, "Fine. Order 1234.", "scripted");

        var json = JsonSerializer.Serialize(snapshot);
        var back = JsonSerializer.Deserialize<SessionSnapshot>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.DoesNotContain("CreditedIds", json, StringComparison.Ordinal);
        var restoredTurn = Assert.Single(back.Turns);
        Assert.Equal(["apology"], restoredTurn.Assessment.CreditedIds);
        Assert.Equal(["blame"], restoredTurn.Assessment.DetectedNegativeIds);
        Assert.Equal(assessment.MarkingPoints[0].Evidence, restoredTurn.Assessment.MarkingPoints[0].Evidence);
        Assert.Equal(("llm", 0.9), (restoredTurn.Assessment.MarkingPoints[0].Source, restoredTurn.Assessment.MarkingPoints[0].Strength));
        Assert.Equal(("combined", true, 6.5), (restoredTurn.Assessment.Source, restoredTurn.Assessment.FlaggedForReview, restoredTurn.Assessment.Score));
        Assert.Equal(turn.Timestamp, restoredTurn.Timestamp);
        Assert.Equal(turn.Timestamp.Offset, restoredTurn.Timestamp.Offset);
        Assert.Equal(5, restoredTurn.StateAfter["trust"]);
        Assert.Equal((SessionStatus.Quit, "Fine. Order 1234.", -7), (back.Status, back.CurrentLine, back.Seed));

        var (session, error) = Session.TryRestore(Demo, back, Scorer(Assess()));
        Assert.Null(error);
        Assert.Equal("Fine. Order 1234.", session!.CurrentLine);
    }

    private static async Task<Run> PlayStraight(Model.Scenario scenario, int seed, string[] replies)
    {
        var clock = new SteppingClock();
        var session = Session.Start(scenario, KeywordScorer(), seed, "straight", clock);
        var spoken = new List<string>();
        foreach (var reply in replies)
        {
            if (session.IsOver)
            {
                break;
            }

            Speak(session, spoken);
            Assert.IsType<ReplyResult.Accepted>(await session.ReplyAsync(reply));
        }

        return Finish(session, spoken);
    }

    private static async Task<Run> PlayWithRestores(Model.Scenario scenario, int seed, string[] replies)
    {
        var clock = new SteppingClock();
        var scorer = KeywordScorer();
        var session = Session.Start(scenario, scorer, seed, "straight", clock);
        var spoken = new List<string>();
        foreach (var reply in replies)
        {
            if (session.IsOver)
            {
                break;
            }

            Speak(session, spoken);
            session = RoundTrip(scenario, session, scorer, clock); // after the line is shown, before the reply
            Assert.IsType<ReplyResult.Accepted>(await session.ReplyAsync(reply));
            session = RoundTrip(scenario, session, scorer, clock); // after every turn
        }

        return Finish(session, spoken);
    }

    /// <summary>The persona voice: shows the scripted line with a marker, as an LLM voice would show its own words.</summary>
    private static void Speak(Session session, List<string> spoken)
    {
        var line = $"[{session.NextTurnNumber}] {session.ScriptedLine}";
        session.RecordSpokenLine(line, "llm");
        spoken.Add(session.CurrentLine);
    }

    private static Session RoundTrip(Model.Scenario scenario, Session session, IReplyScorer scorer, TimeProvider clock)
    {
        var json = JsonSerializer.Serialize(session.State);
        var snapshot = JsonSerializer.Deserialize<SessionSnapshot>(json)!;
        var (restored, error) = Session.TryRestore(scenario, snapshot, scorer, clock);
        Assert.Null(error);
        return restored!;
    }

    private static Run Finish(Session session, List<string> spoken)
    {
        var lines = new List<string>(spoken);
        if (session.Ending is { } ending)
        {
            lines.Add(session.ScriptedLine);
            Assert.Equal(ending.Line, session.ScriptedLine);
        }

        return new Run(lines, JsonSerializer.Serialize(session.State.Turns), session.Ending?.Id, session.State.Status,
            JsonSerializer.Serialize(session.State.Variables));
    }
}
