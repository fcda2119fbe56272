using System.Text.Json;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Scoring.Batch;
using RolePlay.Scoring.Sessions;

namespace RolePlay.Scoring.Tests;

public class SessionAssessorTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Nodes = new()
    {
        ["opening"] = ["apology", "active_listening"],
        ["details"] = ["solution", "next_steps"],
        ["close"] = ["check_understanding"],
    };

    private static TurnRecord Turn(int number, string node, string reply, string persona = "My parcel is three days late.") =>
        new(number, node, "dana", persona, "scripted", reply,
            Score.Scorer.Score(new ReplyContext(reply, persona, [], Nodes[node], ContextKind.Customer)),
            new Dictionary<string, int>(), new Dictionary<string, int>(), "next", 0, DateTimeOffset.UnixEpoch.AddMinutes(number));

    private static SessionAssessment Assess(params TurnRecord[] turns) =>
        new SessionAssessor().Assess(turns, ["apology", "active_listening", "solution", "next_steps", "check_understanding"], id => Nodes[id]);

    [Fact]
    public void Strong_session_credits_each_point_with_turn_and_evidence()
    {
        var session = Assess(
            Turn(1, "opening", "I'm so sorry your parcel is three days late. Could you tell me your order number?"),
            Turn(2, "details", "I can send a replacement today by express delivery, and I'll email you the tracking number by 5pm."),
            Turn(3, "close", "Does that sound okay?"));

        Assert.Equal(CompetenceBand.Strong, session.Band);
        var apology = session.Criteria.Single(c => c.Id == "apology");
        Assert.True(apology.Demonstrated);
        Assert.Equal(1, Assert.Single(apology.Turns).Turn);
        Assert.NotEmpty(apology.Turns[0].Evidence);
        Assert.Empty(apology.MissedAt);
        Assert.Contains("demonstrated at turn 1", apology.Summary, StringComparison.Ordinal);
        Assert.Empty(session.Negatives);
        Assert.StartsWith("Strong:", session.Summary[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Missed_opportunities_and_serious_behaviour_give_not_yet_competent()
    {
        var session = Assess(
            Turn(1, "opening", "Calm down, it's only a parcel."),
            Turn(2, "details", "Between you and me, the driver's address is 4 Mill Lane, go and ask him."),
            Turn(3, "close", "ok"));

        Assert.Equal(CompetenceBand.NotYetCompetent, session.Band);
        var apology = session.Criteria.Single(c => c.Id == "apology");
        Assert.False(apology.Demonstrated);
        Assert.Equal([1], apology.MissedAt);
        Assert.Contains(session.Negatives, n => n.Id == "confidentiality_breach" && n.Turns.Single().Turn == 2);
        Assert.Contains("serious behaviour", session.BandReason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_turns_is_not_yet_competent()
    {
        var session = Assess();

        Assert.Equal(CompetenceBand.NotYetCompetent, session.Band);
        Assert.Equal(0, session.Turns);
    }

    [Fact]
    public void Session_assessment_json_round_trips()
    {
        var session = Assess(
            Turn(1, "opening", "I'm sorry. It's the courier's fault though."),
            Turn(2, "details", "I'll send a new one tomorrow."));

        var json = JsonSerializer.Serialize(session, ReplyScoring.JsonOptions);
        var back = JsonSerializer.Deserialize<SessionAssessment>(json, ReplyScoring.JsonOptions)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, ReplyScoring.JsonOptions));
        Assert.Equal(session.Band, back.Band);
        Assert.Equal(session.Criteria.Count, back.Criteria.Count);
        Assert.Matches("\"band\":\"(not_yet_competent|competent|strong)\"", json);
    }
}
