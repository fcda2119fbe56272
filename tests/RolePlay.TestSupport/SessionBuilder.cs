using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;

namespace RolePlay.TestSupport;

/// <summary>
/// Builds engine session values (start, turns, snapshots) by hand, so storage and reporting tests do not need the
/// engine's Session. A marking point given with an evidence quote is credited with a span located in the reply;
/// one given with a null quote is assessed but not credited.
/// </summary>
public sealed class SessionBuilder
{
    private readonly List<TurnRecord> turns = [];
    private Dictionary<string, int> variables = new(StringComparer.Ordinal) { ["anger"] = 7, ["trust"] = 3 };

    public SessionBuilder(
        string? sessionId = null,
        string scenarioId = "late-delivery",
        string learner = "Alex Learner",
        DateTimeOffset? startedAt = null,
        string scenarioTitle = "Late delivery complaint",
        int seed = 42)
    {
        Start = new SessionStart(
            sessionId ?? Guid.NewGuid().ToString(),
            scenarioId,
            scenarioTitle,
            learner,
            seed,
            startedAt ?? new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));
    }

    public SessionStart Start { get; }

    public string SessionId => Start.SessionId;

    public IReadOnlyList<TurnRecord> Turns => turns;

    public string StartNodeId { get; init; } = "opening";

    /// <summary>Adds a turn and returns it.</summary>
    /// <param name="points">Marking points assessed: (id, evidence quote found in the reply, or null when not credited).</param>
    /// <param name="negatives">Negative behaviours detected, with the quote that shows them.</param>
    public TurnRecord AddTurn(
        string nodeId,
        string personaLine,
        string reply,
        string nextId,
        double score,
        IEnumerable<(string Id, string? Evidence)> points,
        IEnumerable<(string Id, string Evidence)>? negatives = null,
        IEnumerable<string>? tips = null,
        string speakerId = "dana")
    {
        var assessment = new TurnAssessment
        {
            MarkingPoints = points.Select(p => Point(reply, p.Id, p.Evidence)).ToList(),
            Negatives = (negatives ?? []).Select(n => Point(reply, n.Id, n.Evidence)).ToList(),
            Score = score,
            Tips = (tips ?? []).ToList(),
            Source = "builtin",
        };
        var before = new Dictionary<string, int>(variables, StringComparer.Ordinal);
        var after = new Dictionary<string, int>(variables, StringComparer.Ordinal)
        {
            ["anger"] = Math.Max(0, variables["anger"] - (score >= 5 ? 2 : -2)),
        };
        var turn = new TurnRecord(
            Number: turns.Count + 1,
            NodeId: nodeId,
            SpeakerId: speakerId,
            PersonaLine: personaLine,
            PersonaLineSource: "scripted",
            Reply: reply,
            Assessment: assessment,
            StateBefore: before,
            StateAfter: after,
            NextId: nextId,
            TransitionIndex: score >= 5 ? 0 : 1,
            Timestamp: Start.StartedAt.AddMinutes(turns.Count + 1).ToOffset(TimeSpan.FromHours(1)));
        turns.Add(turn);
        variables = after;
        return turn;
    }

    /// <summary>Changes the last turn, for what <see cref="AddTurn"/> does not set (persona source, fallback reason, token usage).</summary>
    public TurnRecord ReviseLastTurn(Func<TurnRecord, TurnRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        turns[^1] = change(turns[^1]);
        return turns[^1];
    }

    /// <summary>The snapshot after the turns so far.</summary>
    public SessionSnapshot Snapshot(SessionStatus status = SessionStatus.InProgress, string? currentLine = "What now?") =>
        new(
            FormatVersion: SessionSnapshot.CurrentFormatVersion,
            SessionId: Start.SessionId,
            ScenarioId: Start.ScenarioId,
            Seed: Start.Seed,
            CurrentId: turns.Count == 0 ? StartNodeId : turns[^1].NextId,
            Variables: new Dictionary<string, int>(variables, StringComparer.Ordinal),
            Turns: turns.ToList(),
            Status: status,
            CurrentLine: currentLine,
            CurrentLineSource: currentLine is null ? null : "scripted");

    /// <summary>A credited (quote given) or uncredited (null) marking point result with its evidence span located in the reply.</summary>
    public static MarkingPointResult Point(string reply, string id, string? evidence)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (evidence is null)
        {
            return new MarkingPointResult(id, false, 0.1, [], $"No sign of {id}.");
        }

        var start = reply.IndexOf(evidence, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"Evidence '{evidence}' is not in the reply '{reply}'.", nameof(evidence));
        }

        return new MarkingPointResult(id, true, 0.8, [new EvidenceSpan(start, start + evidence.Length, evidence)], $"'{evidence}' shows {id}.");
    }
}

/// <summary>Ready-made sessions shared by storage and reporting tests.</summary>
public static class SampleSessions
{
    /// <summary>A three-turn late-delivery complaint that reaches the <c>resolved</c> ending.</summary>
    public static SessionBuilder LateDelivery(string? sessionId = null, string learner = "Alex Learner", DateTimeOffset? startedAt = null, string scenarioId = "late-delivery")
    {
        var session = new SessionBuilder(sessionId, scenarioId, learner, startedAt);
        session.AddTurn(
            "opening",
            "Three days. THREE DAYS late, and your tracking page just says 'in transit'. Well?",
            "I'm really sorry your parcel is late. Could you give me your order number so I can check?",
            "details",
            7,
            [("apology", "I'm really sorry"), ("active_listening", "Could you give me your order number"), ("empathy", null)],
            tips: ["Name the feeling: 'I can hear how frustrating this is.'"]);
        session.AddTurn(
            "details",
            "It's 48213. It was a birthday present.",
            "That's not our fault, the courier lost it.",
            "still_cross",
            2,
            [("ownership", null), ("solution", null)],
            negatives: [("blame", "That's not our fault")],
            tips: ["Own the problem instead of blaming the courier.", "Offer a concrete next step."]);
        session.AddTurn(
            "still_cross",
            "So what are you going to do about it?",
            "I'll send a replacement today by express delivery and email you the tracking number by 5pm.",
            "resolved",
            8,
            [("solution", "send a replacement today by express delivery"), ("follow_up", "email you the tracking number by 5pm"), ("ownership", "I'll send")]);
        return session;
    }
}
