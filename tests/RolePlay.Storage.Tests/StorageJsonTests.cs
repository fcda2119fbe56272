using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

public class StorageJsonTests
{
    [Fact]
    public void Snapshot_round_trips_with_every_turn_assessment_and_state()
    {
        var session = SampleSessions.LateDelivery("s-json");
        var snapshot = session.Snapshot(SessionStatus.Quit, "Well?");

        var json = StorageJson.SerializeSnapshot(snapshot);
        var back = StorageJson.DeserializeSnapshot(json);

        Assert.Equal(json, StorageJson.SerializeSnapshot(back));
        Assert.Equal(SessionStatus.Quit, back.Status);
        Assert.Equal(3, back.Turns.Count);
        Assert.Equal(snapshot.Turns[1].Assessment.Negatives[0].Evidence[0], back.Turns[1].Assessment.Negatives[0].Evidence[0]);
        Assert.Equal(snapshot.Turns[0].Timestamp, back.Turns[0].Timestamp);
        Assert.Equal(snapshot.Turns[0].Timestamp.Offset, back.Turns[0].Timestamp.Offset);
        Assert.Equal(snapshot.Variables["anger"], back.Variables["anger"]);
        Assert.Contains("\"status\":\"quit\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Assessment_round_trips_including_notes_flags_and_sources()
    {
        var assessment = new TurnAssessment
        {
            MarkingPoints = [new MarkingPointResult("apology", true, 0.9, [new EvidenceSpan(0, 5, "Sorry")], "says sorry", "llm")],
            Negatives = [new MarkingPointResult("blame", false, 0, [], "none", "combined")],
            Score = 6.5,
            Tips = ["Ask for the order number."],
            Notes = ["LLM judge unavailable, built-in scorer used"],
            Source = "combined",
            FlaggedForReview = true,
        };

        var back = StorageJson.DeserializeAssessment(StorageJson.SerializeAssessment(assessment));

        Assert.Equal(StorageJson.SerializeAssessment(assessment), StorageJson.SerializeAssessment(back));
        Assert.True(back.FlaggedForReview);
        Assert.Equal("llm", back.MarkingPoints[0].Source);
        Assert.Equal(new EvidenceSpan(0, 5, "Sorry"), back.MarkingPoints[0].Evidence[0]);
        Assert.Equal(6.5, back.Score);
    }

    [Fact]
    public void A_withdrawn_result_round_trips_and_older_json_reads_as_not_withdrawn()
    {
        var assessment = new TurnAssessment
        {
            MarkingPoints = [new MarkingPointResult("escalation", false, 0, [new EvidenceSpan(0, 8, "escalate")], "Withdrawn by the learned model (0.03)", Withdrawn: true)],
        };

        var json = StorageJson.SerializeAssessment(assessment);
        var back = StorageJson.DeserializeAssessment(json);
        var older = StorageJson.DeserializeAssessment(json.Replace("\"withdrawn\":true", "\"unknownOld\":1", StringComparison.OrdinalIgnoreCase));

        Assert.True(back.MarkingPoints[0].Withdrawn);
        Assert.Contains("withdrawn", json, StringComparison.OrdinalIgnoreCase);
        Assert.False(older.MarkingPoints[0].Withdrawn);
        Assert.Equal("escalate", older.MarkingPoints[0].Evidence[0].Quote);
    }

    [Fact]
    public void Damaged_json_is_a_store_exception_not_a_json_exception()
    {
        var error = Assert.Throws<StoreException>(() => StorageJson.DeserializeSnapshot("{\"turns\": [1,"));

        Assert.Equal(StoreErrorKind.Corrupt, error.Kind);
        Assert.Contains("session snapshot", error.Message, StringComparison.Ordinal);
    }
}
