using Microsoft.Extensions.Logging;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Engine.Transcripts;
using RolePlay.Engine.Voice;
using RolePlay.Scoring.Sessions;
using RolePlay.Storage;
using Spectre.Console;

namespace RolePlay.Cli.Play;

/// <summary>How a play loop ended, for the exit code and messages.</summary>
public enum PlayEnd
{
    Ended,
    Quit,
    InputClosed,
}

/// <summary>
/// Runs one session in the terminal: the persona speaks, the learner replies, each turn is committed to the store before
/// the next line is shown, and at the end the outcome and a per-marking-point summary are printed.
/// </summary>
public sealed class PlayLoop(
    IAnsiConsole console,
    TextReader input,
    IPersonaVoice voice,
    ITranscriptStore store,
    SessionAssessor assessor,
    ILogger logger)
{
    public async Task<PlayEnd> RunAsync(Session session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scenario = session.Scenario;
        foreach (var turn in session.State.Turns)
        {
            ShowPersona(scenario, turn.SpeakerId, turn.PersonaLine);
            console.MarkupLine($"[grey]You>[/] {Markup.Escape(turn.Reply)}");
        }

        var lineShown = false;
        while (!session.IsOver)
        {
            if (!lineShown)
            {
                await SpeakAsync(session, cancellationToken).ConfigureAwait(false);
                lineShown = true;
            }

            var reply = ReadReply();
            if (reply is null)
            {
                session.Quit();
                await store.SaveSnapshotAsync(session.State.SessionId, session.State, cancellationToken).ConfigureAwait(false);
                console.MarkupLine($"[yellow]Input closed. Session saved; continue with[/] roleplay resume {session.State.SessionId}");
                return PlayEnd.InputClosed;
            }

            switch (reply.Trim().ToLowerInvariant())
            {
                case "/hint":
                    console.MarkupLine($"[aqua]Hint:[/] {Markup.Escape(session.Hint)}");
                    continue;
                case "/quit":
                    session.Quit();
                    await store.SaveSnapshotAsync(session.State.SessionId, session.State, cancellationToken).ConfigureAwait(false);
                    console.MarkupLine($"[yellow]Session saved. Continue later with[/] roleplay resume {session.State.SessionId}");
                    return PlayEnd.Quit;
                case "/help":
                    console.MarkupLine("[grey]Type your reply and press Enter. Commands: /hint (what this moment is looking for), /quit (save and leave).[/]");
                    continue;
            }

            var result = await session.ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case ReplyResult.Refused refused:
                    console.MarkupLine($"[yellow]{Markup.Escape(refused.Reason)}[/]");
                    break;
                case ReplyResult.Accepted accepted:
                    lineShown = false;
                    // Committed before anything else is shown: a crash from here on loses nothing the learner saw.
                    await store.AppendTurnAsync(session.State.SessionId, accepted.Turn, session.State, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Session {SessionId} turn {Turn} at {Node} -> {Next}", session.State.SessionId, accepted.Turn.Number, accepted.Turn.NodeId, accepted.Turn.NextId);
                    ShowTurnFeedback(accepted.Turn.Assessment);
                    break;
            }
        }

        ShowEnding(session);
        return PlayEnd.Ended;
    }

    /// <summary>The session's assessment, for completion records.</summary>
    public SessionAssessment Assess(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return assessor.Assess(session.Scenario, session.State.Turns);
    }

    private async Task SpeakAsync(Session session, CancellationToken cancellationToken)
    {
        var node = session.CurrentNode!;
        if (session.State.CurrentLine is { } alreadySpoken)
        {
            ShowPersona(session.Scenario, node.Speaker, alreadySpoken);
            return;
        }

        var request = session.CurrentLineRequest()!;
        var streamed = false;
        void OnPartial(string fragment)
        {
            if (!streamed)
            {
                console.Markup($"[bold {Colour(session.Scenario, node.Speaker)}]{Markup.Escape(request.Persona.Name)}:[/] ");
                streamed = true;
            }

            console.Write(new Text(fragment));
        }

        var utterance = await voice.SpeakAsync(request, OnPartial, cancellationToken).ConfigureAwait(false);
        if (streamed)
        {
            console.WriteLine();
            if (utterance.FallbackReason is not null)
            {
                console.MarkupLine("[grey](that line was replaced by the scripted one)[/]");
                ShowPersona(session.Scenario, node.Speaker, utterance.Text);
            }
        }
        else
        {
            ShowPersona(session.Scenario, node.Speaker, utterance.Text);
        }

        session.RecordSpokenLine(utterance);
        await store.SaveSnapshotAsync(session.State.SessionId, session.State, cancellationToken).ConfigureAwait(false);
    }

    private string? ReadReply()
    {
        console.Markup("[grey]You>[/] ");
        var line = input.ReadLine();
        if (line is not null && Console.IsInputRedirected)
        {
            // Scripted input is not echoed by a terminal; echo it so transcripts of the run read naturally.
            console.WriteLine(line);
        }

        return line;
    }

    private void ShowPersona(Scenario scenario, string speakerId, string text)
    {
        var persona = scenario.FindPersona(speakerId);
        var name = persona?.Name ?? speakerId;
        console.MarkupLine($"[bold {Colour(scenario, speakerId)}]{Markup.Escape(name)}:[/] {Markup.Escape(text)}");
    }

    private static string Colour(Scenario scenario, string speakerId)
    {
        string[] palette = ["orange1", "mediumpurple1", "deepskyblue1", "gold1"];
        var index = scenario.Personas.ToList().FindIndex(p => p.Id == speakerId);
        return palette[Math.Max(0, index) % palette.Length];
    }

    private void ShowTurnFeedback(TurnAssessment assessment)
    {
        var credited = assessment.CreditedIds.ToList();
        var negatives = assessment.DetectedNegativeIds.ToList();
        var parts = new List<string>();
        if (credited.Count > 0)
        {
            parts.Add("[green]✓ " + Markup.Escape(string.Join(", ", credited)) + "[/]");
        }

        if (negatives.Count > 0)
        {
            parts.Add("[red]✗ " + Markup.Escape(string.Join(", ", negatives)) + "[/]");
        }

        parts.Add($"[grey]score {assessment.Score:0.0}/10[/]");
        console.MarkupLine("   " + string.Join("  ", parts));
        foreach (var note in assessment.Notes)
        {
            console.MarkupLine($"   [yellow]{Markup.Escape(note)}[/]");
        }
    }

    private void ShowEnding(Session session)
    {
        var ending = session.Ending!;
        if (!string.IsNullOrWhiteSpace(ending.Line))
        {
            ShowPersona(session.Scenario, ending.Speaker ?? (session.Scenario.Personas.Count > 0 ? session.Scenario.Personas[0].Id : ""), ending.Line);
        }

        var outcomeColour = Outcomes.IsPositive(ending.Outcome) ? "green" : "red";
        console.WriteLine();
        console.Write(new Rule($"[{outcomeColour}]{Markup.Escape(ending.Title.Length > 0 ? ending.Title : ending.Id)}[/]"));
        console.MarkupLine($"Outcome: [bold {outcomeColour}]{Markup.Escape(ending.Outcome)}[/]");
        if (!string.IsNullOrWhiteSpace(ending.Debrief))
        {
            console.MarkupLine(Markup.Escape(ending.Debrief));
        }

        var assessment = Assess(session);
        console.MarkupLine($"Band: [bold]{Markup.Escape(assessment.BandLabel)}[/] - {Markup.Escape(assessment.BandReason)}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Marking point")
            .AddColumn("Result")
            .AddColumn("Evidence (turn: your words)");
        foreach (var criterion in assessment.Criteria)
        {
            var evidence = criterion.Turns.Count == 0
                ? (criterion.MissedAt.Count > 0 ? $"missed at turn {string.Join(", ", criterion.MissedAt)}" : "")
                : string.Join("\n", criterion.Turns.Select(t => $"{t.Turn}: \"{Quote(t)}\""));
            table.AddRow(
                new Text(criterion.Title),
                new Markup(criterion.Demonstrated ? "[green]credited[/]" : "[red]missed[/]"),
                new Text(evidence));
        }

        foreach (var negative in assessment.Negatives)
        {
            table.AddRow(
                new Text(negative.Title),
                new Markup("[red]shown[/]"),
                new Text(string.Join("\n", negative.Turns.Select(t => $"{t.Turn}: \"{Quote(t)}\""))));
        }

        console.Write(table);
        var tips = session.State.Turns.SelectMany(t => t.Assessment.Tips).Distinct(StringComparer.Ordinal).Take(3).ToList();
        if (tips.Count > 0)
        {
            console.MarkupLine("[bold]To work on:[/]");
            foreach (var tip in tips)
            {
                console.MarkupLine($" - {Markup.Escape(tip)}");
            }
        }

        console.MarkupLine($"[grey]Session {session.State.SessionId} saved. Report: roleplay report {session.State.SessionId} --format html[/]");
    }

    private static string Quote(TurnEvidence evidence)
    {
        var quote = string.Join(" … ", evidence.Evidence.Select(e => e.Quote));
        return quote.Length <= 90 ? quote : string.Concat(quote.AsSpan(0, 87), "...");
    }
}
