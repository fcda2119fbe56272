using NSubstitute;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Engine.Tests;

/// <summary>A branching scenario, scorers and a clock for the session tests.</summary>
internal static class SessionTestKit
{
    public const string Yaml = """
        id: session-demo
        title: Session demo
        context: customer
        turn_limit: 4
        variables:
          anger: { min: 0, max: 10, initial: 5 }
          trust: { min: 0, max: 10, initial: 3 }
        personas:
          - id: dana
            name: Dana Hughes
            state: { anger: 8 }
        start: opening
        nodes:
          - id: opening
            speaker: dana
            lines:
              - when: anger >= 8
                text: Well? Three days late.
              - Hello, my parcel is late.
              - Hi. My parcel has not arrived.
              - Good morning. Where is my parcel?
            assesses: [apology, empathy]
            transitions:
              - when: blame or aggression
                to: escalated
                update: { anger: +5 }
              - when: apology and empathy
                to: details
                update: { anger: -3, trust: +2 }
              - when: score >= 8
                to: details
                set: { trust: 9 }
              - when: turn >= 3 and apology
                to: details
              - to: opening
                update: { anger: +1 }
          - id: details
            speaker: dana
            lines:
              - when: anger >= 6
                text: Fine. Order 1234.
              - when: solution
                text: That is not enough.
              - Thanks, it is order 1234.
            assesses: [solution]
            transitions:
              - when: solution and trust >= 5
                to: resolved
              - when: solution and score >= 5
                to: partly
              - to: details
                update: { trust: -1 }
        endings:
          - id: resolved
            outcome: resolved
            speaker: dana
            line: Thank you, that is all I wanted.
          - id: partly
            outcome: partially_resolved
            line: I suppose that will do.
          - id: escalated
            outcome: escalated
            line: I want your manager.
          - id: ran_out
            outcome: timed_out
        """;

    private static Scenario? _scenario;

    public static Scenario Demo => _scenario ??= TestScenarios.Load(Yaml);

    /// <summary>The scenario without Dana's anger override, so the opening line is one of the unconditional variants.</summary>
    public static Scenario CalmScenario => Demo with
    {
        Personas = [Demo.Personas[0] with { InitialState = new Dictionary<string, int>() }],
    };

    public static TurnAssessment Assess(IEnumerable<string>? credited = null, IEnumerable<string>? negatives = null, double score = 5) =>
        new()
        {
            MarkingPoints = (credited ?? []).Select(id => Point(id, true)).Concat(new[] { "apology", "empathy", "solution" }
                .Except(credited ?? []).Select(id => Point(id, false))).ToList(),
            Negatives = (negatives ?? []).Select(id => Point(id, true)).ToList(),
            Score = score,
        };

    private static MarkingPointResult Point(string id, bool credited) =>
        new(id, credited, credited ? 0.8 : 0, credited ? [new EvidenceSpan(0, 5, "sorry")] : [], credited ? "shown" : "not shown", "test");

    /// <summary>A scorer that returns the given assessments in order, then repeats the last.</summary>
    public static IReplyScorer Scorer(params TurnAssessment[] assessments)
    {
        var scorer = Substitute.For<IReplyScorer>();
        scorer.ScoreAsync(Arg.Any<ReplyContext>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromResult(assessments[0]), assessments.Skip(1).Select(Task.FromResult).ToArray());
        return scorer;
    }

    /// <summary>A scorer that reads the reply: "sorry" credits apology, "understand" empathy, "fix" solution,
    /// "your fault" detects blame, and "!" raises the score to 9; deterministic, so replays are comparable.</summary>
    public static IReplyScorer KeywordScorer()
    {
        var scorer = Substitute.For<IReplyScorer>();
        scorer.ScoreAsync(Arg.Any<ReplyContext>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(ByKeyword(call.Arg<ReplyContext>().Reply)));
        return scorer;
    }

    private static TurnAssessment ByKeyword(string reply)
    {
        var credited = new List<string>();
        if (reply.Contains("sorry", StringComparison.OrdinalIgnoreCase))
        {
            credited.Add("apology");
        }

        if (reply.Contains("understand", StringComparison.OrdinalIgnoreCase))
        {
            credited.Add("empathy");
        }

        if (reply.Contains("fix", StringComparison.OrdinalIgnoreCase))
        {
            credited.Add("solution");
        }

        var negatives = reply.Contains("your fault", StringComparison.OrdinalIgnoreCase) ? new[] { "blame" } : [];
        var assessment = Assess(credited, negatives, reply.Contains('!', StringComparison.Ordinal) ? 9 : 3 + credited.Count);
        return assessment with { Tips = [$"tip for '{reply}'"], Notes = ["keyword scorer"] };
    }
}

/// <summary>A clock that ticks one minute per reading, so that replays produce identical timestamps.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now = _now.AddMinutes(1);
        return now;
    }
}
