using NSubstitute;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Engine.Voice;
using static RolePlay.Engine.Tests.SessionTestKit;

namespace RolePlay.Engine.Tests;

/// <summary>The session state machine: start state, line choice, routing, updates, limits, refusals, resume.</summary>
public sealed class SessionTests
{
    private static Session Start(IReplyScorer scorer, Scenario? scenario = null, int seed = 1) =>
        Session.Start(scenario ?? Demo, scorer, seed, "s-1", new SteppingClock());

    private static TurnRecord Accept(ReplyResult result) => Assert.IsType<ReplyResult.Accepted>(result).Turn;

    [Fact]
    public void Starts_at_the_start_node_with_initial_values_and_persona_overrides()
    {
        var session = Start(Scorer(Assess()));

        Assert.Equal(SessionStatus.InProgress, session.State.Status);
        Assert.Equal("opening", session.CurrentNode!.Id);
        Assert.Null(session.Ending);
        Assert.Equal(1, session.NextTurnNumber);
        Assert.Equal(new Dictionary<string, int> { ["anger"] = 8, ["trust"] = 3 }, session.State.Variables);
        Assert.Equal(("s-1", "session-demo", 1), (session.State.SessionId, session.State.ScenarioId, session.State.Seed));
        Assert.Empty(session.State.Turns);
    }

    [Fact]
    public void Persona_overrides_are_clamped_to_the_variable_range()
    {
        var scenario = Demo with
        {
            Personas = [Demo.Personas[0] with { InitialState = new Dictionary<string, int> { ["anger"] = 15, ["trust"] = -4 } }],
        };

        var session = Start(Scorer(Assess()), scenario);

        Assert.Equal(10, session.State.Variables["anger"]);
        Assert.Equal(0, session.State.Variables["trust"]);
    }

    [Fact]
    public void Speaks_the_curt_variant_when_anger_is_high()
    {
        var session = Start(Scorer(Assess()));

        Assert.Equal("Well? Three days late.", session.ScriptedLine);
        Assert.Equal(session.ScriptedLine, session.CurrentLine);
    }

    [Fact]
    public void Same_seed_gives_the_same_unconditional_variant()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var first = Start(Scorer(Assess()), CalmScenario, seed).ScriptedLine;
            var second = Start(Scorer(Assess()), CalmScenario, seed).ScriptedLine;

            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Different_seeds_choose_among_all_unconditional_variants_only()
    {
        var lines = Enumerable.Range(0, 60).Select(seed => Start(Scorer(Assess()), CalmScenario, seed).ScriptedLine).ToHashSet();

        Assert.Equal(
            new HashSet<string> { "Hello, my parcel is late.", "Hi. My parcel has not arrived.", "Good morning. Where is my parcel?" },
            lines);
    }

    [Fact]
    public async Task Detected_negative_takes_the_first_transition_and_clamps_the_update()
    {
        var session = Start(Scorer(Assess(credited: ["apology", "empathy"], negatives: ["blame"])));

        var result = await session.ReplyAsync("It is your fault.");

        var accepted = Assert.IsType<ReplyResult.Accepted>(result);
        Assert.True(accepted.Ended);
        Assert.Equal(0, accepted.Turn.TransitionIndex);
        Assert.Equal("escalated", accepted.Turn.NextId);
        Assert.Equal(10, session.State.Variables["anger"]);
        Assert.Equal(8, accepted.Turn.StateBefore["anger"]);
        Assert.Equal(SessionStatus.Ended, session.State.Status);
        Assert.Equal("escalated", session.Ending!.Id);
        Assert.Null(session.CurrentNode);
        Assert.Equal("I want your manager.", session.ScriptedLine);
    }

    [Fact]
    public async Task Credited_points_route_and_add_updates()
    {
        var session = Start(Scorer(Assess(credited: ["apology", "empathy"])));

        var turn = Accept(await session.ReplyAsync("I'm sorry, I understand."));

        Assert.Equal((1, "details"), (turn.TransitionIndex, turn.NextId));
        Assert.Equal(new Dictionary<string, int> { ["anger"] = 5, ["trust"] = 5 }, turn.StateAfter);
        Assert.Equal("details", session.CurrentNode!.Id);
        Assert.Equal("Thanks, it is order 1234.", session.ScriptedLine);
    }

    [Fact]
    public async Task Score_routes_and_set_assigns()
    {
        var session = Start(Scorer(Assess(credited: ["apology"], score: 8.5)));

        var turn = Accept(await session.ReplyAsync("A very good reply."));

        Assert.Equal((2, "details"), (turn.TransitionIndex, turn.NextId));
        Assert.Equal(9, session.State.Variables["trust"]);
        Assert.Equal(8, session.State.Variables["anger"]);
        Assert.Equal("Fine. Order 1234.", session.ScriptedLine); // anger still high at the next node
    }

    [Fact]
    public async Task Turn_number_guard_fires_only_from_its_turn()
    {
        var session = Start(Scorer(Assess(credited: ["apology"])));

        var first = Accept(await session.ReplyAsync("Sorry."));
        var second = Accept(await session.ReplyAsync("Sorry again."));
        var third = Accept(await session.ReplyAsync("Really sorry."));

        Assert.Equal([4, 4, 3], new[] { first.TransitionIndex, second.TransitionIndex, third.TransitionIndex });
        Assert.Equal([1, 2, 3], new[] { first.Number, second.Number, third.Number });
        Assert.Equal([9, 10, 10], new[] { first.StateAfter["anger"], second.StateAfter["anger"], third.StateAfter["anger"] });
        Assert.Equal("details", session.CurrentNode!.Id);
    }

    [Fact]
    public async Task Variables_route_and_subtractions_clamp_at_the_minimum()
    {
        var scenario = Demo with { TurnLimit = 20 };
        var session = Start(Scorer(Assess(credited: ["apology", "empathy"]), Assess(), Assess(), Assess(), Assess(), Assess(), Assess(), Assess(credited: ["solution"], score: 2)), scenario);

        Accept(await session.ReplyAsync("Sorry, I understand."));
        for (var i = 0; i < 6; i++)
        {
            Accept(await session.ReplyAsync("Hmm."));
        }

        Assert.Equal(0, session.State.Variables["trust"]);
        var last = Accept(await session.ReplyAsync("I will fix it."));

        // solution is credited but trust is 0 and score 2: neither guard holds, so the default loops back.
        Assert.Equal(2, last.TransitionIndex);
        Assert.Equal("That is not enough.", session.ScriptedLine);
    }

    [Fact]
    public async Task Running_out_of_turns_forces_the_turn_limit_ending()
    {
        var session = Start(Scorer(Assess()));

        for (var turn = 1; turn < 4; turn++)
        {
            var accepted = Assert.IsType<ReplyResult.Accepted>(await session.ReplyAsync("Hmm."));
            Assert.False(accepted.Ended);
        }

        var last = Assert.IsType<ReplyResult.Accepted>(await session.ReplyAsync("Hmm."));

        Assert.True(last.Ended);
        Assert.Equal(("ran_out", -1, 4), (last.Turn.NextId, last.Turn.TransitionIndex, last.Turn.Number));
        Assert.Equal(Outcomes.TimedOut, session.Ending!.Outcome);
    }

    [Fact]
    public async Task Reaching_an_ending_on_the_last_turn_keeps_that_ending()
    {
        var session = Start(Scorer(Assess(), Assess(), Assess(), Assess(negatives: ["aggression"])));

        for (var turn = 1; turn <= 4; turn++)
        {
            await session.ReplyAsync("Reply.");
        }

        Assert.Equal("escalated", session.Ending!.Id);
        Assert.Equal(0, session.State.Turns[^1].TransitionIndex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public async Task Empty_reply_is_refused_and_changes_nothing(string reply)
    {
        var scorer = Scorer(Assess());
        var session = Start(scorer);
        var before = session.State;

        var result = await session.ReplyAsync(reply);

        Assert.Contains("empty", Assert.IsType<ReplyResult.Refused>(result).Reason, StringComparison.Ordinal);
        Assert.Same(before, session.State);
        await scorer.DidNotReceive().ScoreAsync(Arg.Any<ReplyContext>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Overlong_reply_is_refused_but_the_limit_itself_is_accepted()
    {
        var scorer = Scorer(Assess());
        var session = Start(scorer);
        var before = session.State;

        var refused = await session.ReplyAsync(new string('a', Session.MaxReplyLength + 1));

        Assert.Contains(Session.MaxReplyLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.IsType<ReplyResult.Refused>(refused).Reason, StringComparison.Ordinal);
        Assert.Same(before, session.State);
        await scorer.DidNotReceive().ScoreAsync(Arg.Any<ReplyContext>(), Arg.Any<CancellationToken>());

        Assert.IsType<ReplyResult.Accepted>(await session.ReplyAsync(new string('a', Session.MaxReplyLength)));
    }

    [Fact]
    public async Task Reply_after_the_ending_is_refused_and_changes_nothing()
    {
        var scorer = Scorer(Assess(negatives: ["blame"]));
        var session = Start(scorer);
        await session.ReplyAsync("Your fault.");
        var ended = session.State;

        var result = await session.ReplyAsync("Wait, sorry!");

        Assert.IsType<ReplyResult.Refused>(result);
        Assert.Same(ended, session.State);
        await scorer.Received(1).ScoreAsync(Arg.Any<ReplyContext>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Quit_then_restore_continues_where_the_learner_left()
    {
        var scorer = Scorer(Assess(credited: ["apology", "empathy"]), Assess(credited: ["solution"]));
        var session = Start(scorer);
        await session.ReplyAsync("Sorry, I understand.");

        session.Quit();
        Assert.Equal(SessionStatus.Quit, session.State.Status);
        Assert.False(session.IsOver);

        var (restored, error) = Session.TryRestore(Demo, session.State, scorer, new SteppingClock());

        Assert.Null(error);
        Assert.Equal(SessionStatus.InProgress, restored!.State.Status);
        Assert.Equal("details", restored.CurrentNode!.Id);
        Assert.Equal(2, restored.NextTurnNumber);
        var turn = Accept(await restored.ReplyAsync("I will fix it."));
        Assert.Equal(("resolved", 2), (turn.NextId, turn.Number));
        Assert.True(restored.IsOver);
    }

    [Fact]
    public async Task Quit_after_the_ending_keeps_the_session_ended()
    {
        var session = Start(Scorer(Assess(negatives: ["blame"])));
        await session.ReplyAsync("Your fault.");

        session.Quit();

        Assert.Equal(SessionStatus.Ended, session.State.Status);
    }

    [Fact]
    public void Restore_refuses_a_snapshot_of_another_scenario()
    {
        var snapshot = Start(Scorer(Assess())).State with { ScenarioId = "other" };

        var (session, error) = Session.TryRestore(Demo, snapshot, Scorer(Assess()));

        Assert.Null(session);
        Assert.Contains("'other'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_refuses_a_node_the_scenario_no_longer_has()
    {
        var snapshot = Start(Scorer(Assess())).State with { CurrentId = "removed_node" };

        var (session, error) = Session.TryRestore(Demo, snapshot, Scorer(Assess()));

        Assert.Null(session);
        Assert.Contains("'removed_node'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_refuses_a_newer_format()
    {
        var snapshot = Start(Scorer(Assess())).State with { FormatVersion = SessionSnapshot.CurrentFormatVersion + 1 };

        var (session, error) = Session.TryRestore(Demo, snapshot, Scorer(Assess()));

        Assert.Null(session);
        Assert.Contains("newer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_spoken_line_is_what_the_scorer_sees_and_the_turn_stores()
    {
        var scorer = Scorer(Assess());
        var session = Start(scorer);

        session.RecordSpokenLine("Three whole days, and nobody called me.", "llm");
        Assert.Equal("Three whole days, and nobody called me.", session.CurrentLine);
        var turn = Accept(await session.ReplyAsync("Hello."));

        await scorer.Received(1).ScoreAsync(
            Arg.Is<ReplyContext>(c => c.PersonaLine == "Three whole days, and nobody called me." && c.Reply == "Hello."),
            Arg.Any<CancellationToken>());
        Assert.Equal(("Three whole days, and nobody called me.", "llm"), (turn.PersonaLine, turn.PersonaLineSource));
        Assert.Equal(session.ScriptedLine, session.CurrentLine); // the next node has not been spoken yet
        Assert.Null(session.State.CurrentLineSource);
    }

    [Fact]
    public async Task A_fallback_line_keeps_its_reason_and_the_turn_counts_the_tokens_of_persona_and_judge()
    {
        var session = Start(Scorer(Assess() with { Usage = new TokenUsage(900, 120) }));

        session.RecordSpokenLine(new PersonaUtterance("Well? Three days late.", "scripted-fallback", "timed out after 8s", new TokenUsage(300, 0)));
        var turn = Accept(await session.ReplyAsync("Hello."));

        Assert.Equal(("scripted-fallback", "timed out after 8s"), (turn.PersonaLineSource, turn.PersonaLineFallbackReason));
        Assert.Equal(new TokenUsage(300, 0), turn.PersonaLineUsage);
        Assert.Equal(new TokenUsage(1200, 120), turn.LlmUsage);
        Assert.Null(session.State.CurrentLineFallbackReason); // cleared for the next node
        Assert.Null(session.State.CurrentLineUsage);
    }

    [Fact]
    public async Task A_line_recorded_again_without_a_fallback_forgets_the_earlier_reason()
    {
        var session = Start(Scorer(Assess()));

        session.RecordSpokenLine(new PersonaUtterance("Well? Three days late.", "scripted-fallback", "garbage output"));
        session.RecordSpokenLine("Three whole days!", "llm");
        var turn = Accept(await session.ReplyAsync("Hello."));

        Assert.Null(turn.PersonaLineFallbackReason);
        Assert.Equal(TokenUsage.None, turn.LlmUsage);
    }

    [Fact]
    public async Task Unrecorded_line_is_stored_as_scripted()
    {
        var session = Start(Scorer(Assess()));

        var turn = Accept(await session.ReplyAsync("Hello."));

        Assert.Equal(("Well? Three days late.", "scripted"), (turn.PersonaLine, turn.PersonaLineSource));
    }

    [Fact]
    public async Task History_alternates_persona_and_learner_oldest_first_and_excludes_the_current_reply()
    {
        var contexts = new List<ReplyContext>();
        var scorer = Substitute.For<IReplyScorer>();
        scorer.ScoreAsync(Arg.Do<ReplyContext>(contexts.Add), Arg.Any<CancellationToken>()).Returns(Task.FromResult(Assess()));
        var session = Start(scorer);

        await session.ReplyAsync("First.");
        session.RecordSpokenLine("Second line.", "llm");
        await session.ReplyAsync("Second.");

        Assert.Equal(
            [
                new ConversationLine("Dana Hughes", "Well? Three days late.", false),
                new ConversationLine("Learner", "First.", true),
                new ConversationLine("Dana Hughes", "Second line.", false),
                new ConversationLine("Learner", "Second.", true),
            ],
            session.History());
        Assert.Empty(contexts[0].History);
        Assert.Equal(session.History().Take(2), contexts[1].History);
        Assert.Equal(["apology", "empathy"], contexts[1].Assessed);
        Assert.Equal(ContextKind.Customer, contexts[1].Context);
    }

    [Fact]
    public async Task Timestamps_come_from_the_clock()
    {
        var session = Start(Scorer(Assess()));

        var first = Accept(await session.ReplyAsync("One."));
        var second = Accept(await session.ReplyAsync("Two."));

        Assert.Equal(TimeSpan.FromMinutes(1), second.Timestamp - first.Timestamp);
    }

    [Fact]
    public void Hint_falls_back_to_the_assessed_points()
    {
        var session = Start(Scorer(Assess()));

        Assert.Equal("This reply is assessed on: apology, empathy.", session.Hint);
    }
}
