using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;
using RolePlay.Reporting.Reports;
using RolePlay.TestSupport;

namespace RolePlay.Reporting.Tests;

public sealed class EvidenceReportTests : IDisposable
{
    private static readonly ReportOptions FixedClock = new(
        new Dictionary<string, string> { ["active_listening"] = "Listens actively" },
        new ManualClock(new DateTimeOffset(2026, 11, 5, 8, 0, 0, TimeSpan.Zero)),
        new Dictionary<string, string> { ["dana"] = "Dana Hughes" });

    private readonly ReportingStore store = new();

    /// <summary>The nodes of the late-delivery sample and what each looks for.</summary>
    private static readonly Scenario LateDelivery = new()
    {
        Id = "late-delivery",
        Title = "Late delivery complaint",
        StartId = "opening",
        Personas = [new Persona("dana", "Dana Hughes", "customer", "", new Dictionary<string, int>())],
        Nodes =
        [
            new DialogueNode { Id = "opening", Speaker = "dana", Assesses = ["apology", "active_listening", "empathy"] },
            new DialogueNode { Id = "details", Speaker = "dana", Assesses = ["explanation", "ownership", "solution"] },
            new DialogueNode { Id = "still_cross", Speaker = "dana", Assesses = ["solution", "follow_up"] },
        ],
    };

    [Fact]
    public async Task With_the_scenario_each_criterion_lists_credited_turns_and_missed_opportunities_only()
    {
        var options = ReportOptions.ForScenario(LateDelivery, new Dictionary<string, string> { ["explanation"] = "Explains clearly" });

        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync(), options);

        // Sought points in the order the visited nodes seek them; explanation was never reported by the scorer but was sought.
        Assert.Equal(["apology", "active_listening", "empathy", "explanation", "ownership", "solution", "follow_up"], report.Criteria.Select(c => c.MarkingPointId));
        Assert.Equal("Explains clearly", report.Criteria[3].Label);

        var explanation = report.Criteria.Single(c => c.MarkingPointId == "explanation").Turns.Single();
        Assert.Equal((2, true, true, false), (explanation.Turn, explanation.MissedOpportunity, explanation.LookedFor, explanation.AutomatedCredited));

        // Solution: missed at details (which looked for it), credited at still_cross.
        var solution = report.Criteria.Single(c => c.MarkingPointId == "solution").Turns;
        Assert.Equal([2, 3], solution.Select(t => t.Turn));
        Assert.Equal([true, false], solution.Select(t => t.MissedOpportunity));

        // Ownership: missed at details; at still_cross (which did not look for it) the scorer credited it and the assessor withdrew it.
        var ownership = report.Criteria.Single(c => c.MarkingPointId == "ownership").Turns;
        Assert.Equal([2, 3], ownership.Select(t => t.Turn));
        Assert.True(ownership[0].MissedOpportunity);
        Assert.Equal((false, false, "uncredit"), (ownership[1].LookedFor, ownership[1].MissedOpportunity, ownership[1].Assessor!.Action));

        Assert.Equal([1], report.Criteria.Single(c => c.MarkingPointId == "apology").Turns.Select(t => t.Turn));
        Assert.Equal("Dana Hughes", report.Conversation[0].Speaker);
    }

    [Fact]
    public async Task A_point_reported_but_neither_sought_nor_credited_is_left_out()
    {
        var session = new SessionBuilder("noise", startedAt: ReportingStore.Day);
        session.AddTurn("opening", "Well?", "Sorry about that.", "details", 5, [("apology", "Sorry"), ("escalation", null)]);
        session.AddTurn("details", "And?", "Let me check.", "still_cross", 5, [("apology", null), ("escalation", null)]);
        var transcript = await store.SaveAsync(session);

        var withScenario = EvidenceReportBuilder.Build(transcript, ReportOptions.ForScenario(LateDelivery));
        var withoutScenario = EvidenceReportBuilder.Build(transcript, FixedClock);

        Assert.DoesNotContain(withScenario.Criteria, c => c.MarkingPointId == "escalation");
        Assert.Equal([1], withScenario.Criteria.Single(c => c.MarkingPointId == "apology").Turns.Select(t => t.Turn));

        // Without the scenario a missed opportunity cannot be told from noise: only credited turns are listed.
        Assert.Empty(withoutScenario.Criteria.Single(c => c.MarkingPointId == "escalation").Turns);
        Assert.Equal([1], withoutScenario.Criteria.Single(c => c.MarkingPointId == "apology").Turns.Select(t => t.Turn));
        Assert.Null(withoutScenario.Criteria[0].Turns[0].LookedFor);
    }

    [Fact]
    public async Task A_point_the_scorer_found_and_withdrew_is_listed_for_the_assessor_though_not_sought()
    {
        var session = new SessionBuilder("withdrawn", startedAt: ReportingStore.Day);
        session.AddTurn("opening", "Well?", "Okay. I'll have to escalate this to both our managers.", "details", 2, [("apology", null), ("escalation", null)]);
        session.ReviseLastTurn(turn => turn with
        {
            Assessment = turn.Assessment with
            {
                MarkingPoints = [.. turn.Assessment.MarkingPoints.Select(p => p.Id == "escalation"
                    ? p with { Evidence = [new EvidenceSpan(19, 27, "escalate")], Rationale = "Withdrawn by the learned model (0.03): …", Withdrawn = true }
                    : p)],
            },
        });
        var transcript = await store.SaveAsync(session);

        var escalation = EvidenceReportBuilder.Build(transcript, ReportOptions.ForScenario(LateDelivery)).Criteria.Single(c => c.MarkingPointId == "escalation");

        var turn = Assert.Single(escalation.Turns);
        Assert.Equal((1, false, false), (turn.Turn, turn.AutomatedCredited, turn.MissedOpportunity));
        Assert.Equal("escalate", Assert.Single(turn.Evidence).Quote);
        Assert.StartsWith("Withdrawn by the learned model", turn.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Criteria_show_each_turns_evidence_with_automated_and_assessor_decisions()
    {
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync(), FixedClock);

        Assert.Equal(["apology", "active_listening", "empathy", "ownership", "solution", "follow_up"], report.Criteria.Select(c => c.MarkingPointId));
        Assert.Equal("Listens actively", report.Criteria[1].Label);

        var empathy = report.Criteria.Single(c => c.MarkingPointId == "empathy");
        Assert.False(empathy.AutomatedDemonstrated);
        Assert.True(empathy.Demonstrated);
        Assert.Equal("Jo Assessor", empathy.Turns.Single().Assessor!.Assessor);
        Assert.Equal("credit", empathy.Turns.Single().Assessor!.Action);

        var ownership = report.Criteria.Single(c => c.MarkingPointId == "ownership");
        Assert.Equal([3], ownership.Turns.Select(t => t.Turn));
        Assert.True(ownership.AutomatedDemonstrated);
        Assert.False(ownership.Demonstrated);
        Assert.True(ownership.Turns[0].AutomatedCredited);
        Assert.False(ownership.Turns[0].Credited);

        var apology = report.Criteria[0].Turns.Single();
        Assert.Equal("I'm really sorry", apology.Evidence.Single().Quote);
        Assert.Null(apology.Assessor);
    }

    [Fact]
    public async Task Report_carries_facts_tips_concerns_path_and_trail()
    {
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync(), FixedClock);

        Assert.Equal("Alex Learner", report.Learner);
        Assert.Equal("completed", report.Status);
        Assert.Equal("Competent", report.Band);
        Assert.Equal("resolved", report.Outcome);
        Assert.Equal(1, report.Attempt);
        Assert.Equal(RolePlay.Storage.AssessorDecisions.Competent, report.AssessorDecision!.Decision);
        Assert.Equal(["opening", "details", "still_cross", "resolved"], report.Path);
        Assert.Equal([1, 2, 2], report.Tips.Select(t => t.Turn));
        Assert.Equal("blame", report.Concerns.Single().Id);
        Assert.Equal(["That's not our fault"], report.Concerns.Single().Quotes);
        Assert.Equal(3, report.Reviews.Count);
        Assert.Equal(["apology", "active_listening", "empathy"], report.Conversation[0].Credited);
        Assert.DoesNotContain("ownership", report.Conversation[2].Credited);
        Assert.Equal("Dana Hughes", report.Conversation[0].Speaker);
    }

    [Fact]
    public async Task A_replaced_persona_line_is_noted_on_its_turn_and_the_tokens_of_every_model_are_totalled()
    {
        var session = new SessionBuilder("llm", startedAt: ReportingStore.Day);
        session.AddTurn("opening", "Well?", "Sorry.", "details", 5, [("apology", "Sorry")]);
        session.ReviseLastTurn(t => t with { PersonaLineSource = "llm", PersonaLineUsage = new TokenUsage(400, 20), Assessment = t.Assessment with { Usage = new TokenUsage(1500, 200) } });
        session.AddTurn("details", "And?", "I'll <b>fix</b> it.", "still_cross", 5, [("ownership", "I'll <b>fix</b> it")]);
        session.ReviseLastTurn(t => t with { PersonaLineSource = "scripted-fallback", PersonaLineFallbackReason = "timed out <after 8s>", PersonaLineUsage = new TokenUsage(380, 0) });

        var report = EvidenceReportBuilder.Build(await store.SaveAsync(session), FixedClock);
        var markdown = MarkdownReportRenderer.Render(report);
        var html = HtmlReportRenderer.Render(report);

        Assert.Equal(new TokenUsage(2280, 220), report.LlmUsage);
        Assert.Null(report.Conversation[0].PersonaLineNote);
        Assert.Equal("The LLM persona's line was replaced by the scripted one (timed out <after 8s>).", report.Conversation[1].PersonaLineNote);
        Assert.Contains("| LLM use | 2,280 input and 220 output tokens (persona and judge) |", markdown, StringComparison.Ordinal);
        Assert.Contains("replaced by the scripted one (timed out &lt;after 8s&gt;).", html, StringComparison.Ordinal);
        Assert.Contains("2,280 input and 220 output tokens", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_model_the_report_has_no_llm_line()
    {
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync(), FixedClock);

        Assert.Null(report.LlmUsage);
        Assert.All(report.Conversation, t => Assert.Null(t.PersonaLineNote));
        Assert.DoesNotContain("LLM use", MarkdownReportRenderer.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_report_round_trips()
    {
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync(), FixedClock);

        var json = ReportJson.Serialize(report);
        var back = ReportJson.Deserialize(json);

        Assert.NotNull(back);
        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(report.Criteria[0].Turns[0].Evidence[0], back.Criteria[0].Turns[0].Evidence[0]);
        Assert.Equal(report.GeneratedAt, back.GeneratedAt);
        Assert.Null(ReportJson.Deserialize("not json"));
    }

    [Fact]
    public async Task An_unfinished_attempt_reports_its_status_and_the_node_awaiting_a_reply()
    {
        var session = new SessionBuilder("half", startedAt: ReportingStore.Day);
        session.AddTurn("opening", "Well?", "Sorry.", "details", 5, [("apology", "Sorry")]);

        var report = EvidenceReportBuilder.Build(await store.SaveAsync(session), FixedClock);

        Assert.Equal("in_progress", report.Status);
        Assert.Null(report.Band);
        Assert.Equal(["opening", "details"], report.Path);
        Assert.Contains("In progress", HtmlReportRenderer.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_spans_outside_the_reply_or_overlapping_are_repaired_or_dropped()
    {
        const string reply = "Sorry, I will fix it.";
        EvidenceSpan[] spans =
        [
            new(50, 60, "fix it"),
            new(0, 5, "Sorry"),
            new(2, 4, "rr"),
            new(-1, 3, "nowhere"),
        ];

        var valid = EvidenceReportBuilder.ValidSpans(reply, spans);

        Assert.Equal([new EvidenceSpan(0, 5, "Sorry"), new EvidenceSpan(14, 20, "fix it")], valid);
    }

    [Fact]
    public async Task Report_service_refuses_an_unknown_id_with_a_readable_message()
    {
        var service = new ReportService(store.Store, FixedClock);

        var result = await service.RenderAsync("nope", ReportFormat.Html);

        Assert.False(result.Succeeded);
        Assert.Contains("No session 'nope'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html", ReportFormat.Html)]
    [InlineData("MD", ReportFormat.Markdown)]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("json", ReportFormat.Json)]
    public void Formats_parse(string text, ReportFormat expected)
    {
        Assert.True(ReportFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
        Assert.False(ReportFormats.TryParse("pdf", out _));
    }

    public void Dispose() => store.Dispose();
}
