using System.CommandLine;
using System.Globalization;
using RolePlay.Cli.Hosting;
using RolePlay.Engine.Model;
using RolePlay.Reporting.Cohort;
using RolePlay.Reporting.Reports;
using RolePlay.Reporting.Xapi;
using RolePlay.Scoring.Catalogue;
using RolePlay.Storage;
using Spectre.Console;

namespace RolePlay.Cli.Commands;

/// <summary>Learners' history and assessors' commands: transcripts, review, report, xAPI export, cohort.</summary>
public static class TranscriptCommands
{
    public static Command History(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("history", "Your attempts (or, with no --learner given, every learner's activity).");
        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var store = context.Get<StoreOpener>(parse).Open();
            if (parse.GetValue(context.LearnerOption) is not { } learner)
            {
                var learners = await store.ListLearnersAsync(cancellationToken).ConfigureAwait(false);
                var table = new Table().Border(TableBorder.Rounded).AddColumn("Learner").AddColumn("Attempts").AddColumn("Completed").AddColumn("Last active");
                foreach (var l in learners)
                {
                    table.AddRow(Markup.Escape(l.Learner), I(l.Attempts), I(l.Completed), Date(l.LastActive));
                }

                context.Console.Write(table);
                return 0;
            }

            var attempts = await store.ListTranscriptsAsync(new TranscriptFilter(Learner: learner), cancellationToken).ConfigureAwait(false);
            context.Console.Write(SummaryTable(attempts));
            return 0;
        }));
        return command;
    }

    public static Command Transcripts(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("transcripts", "Stored attempts, for assessors.");
        command.Subcommands.Add(ListTranscripts(context));
        command.Subcommands.Add(ShowTranscript(context));
        return command;
    }

    private static Command ListTranscripts(CliContext context)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Only this scenario id" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Started on or after (e.g. 2026-11-01)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Started before" };
        var outcome = new Option<string?>("--outcome") { Description = "Only this outcome, e.g. resolved" };
        var band = new Option<string?>("--band") { Description = "Only this band, e.g. Competent" };
        var json = JsonOption();
        var command = new Command("list", "List attempts with filters (learner via --learner).");
        foreach (var option in new Option[] { scenario, from, to, outcome, band, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var store = context.Get<StoreOpener>(parse).Open();
            var filter = new TranscriptFilter(parse.GetValue(context.LearnerOption), parse.GetValue(scenario), parse.GetValue(from),
                parse.GetValue(to), parse.GetValue(outcome), parse.GetValue(band));
            var attempts = await store.ListTranscriptsAsync(filter, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                WriteRaw(context, StorageJson.Serialize(attempts));
            }
            else
            {
                context.Console.Write(SummaryTable(attempts));
            }

            return 0;
        }));
        return command;
    }

    private static Command ShowTranscript(CliContext context)
    {
        var id = SessionArgument();
        var json = JsonOption();
        var command = new Command("show", "The conversation with each reply's credited marking points and evidence.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var store = context.Get<StoreOpener>(parse).Open();
            var transcript = await store.GetTranscriptAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (transcript is null)
            {
                return context.Fail($"no session '{parse.GetValue(id)}'; list them with 'roleplay transcripts list'");
            }

            var report = EvidenceReportBuilder.Build(transcript, OptionsFor(context, parse, transcript.Summary.ScenarioId));

            if (parse.GetValue(json))
            {
                WriteRaw(context, ReportJson.Serialize(report));
            }
            else
            {
                context.Console.Write(new Text(MarkdownReportRenderer.Render(report)));
            }

            return 0;
        }));
        return command;
    }

    public static Command Review(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = SessionArgument();
        var credit = new Option<string?>("--credit") { Description = "Credit this marking point on --turn" };
        var uncredit = new Option<string?>("--uncredit") { Description = "Withdraw this marking point's credit on --turn" };
        var turn = new Option<int?>("--turn") { Description = "Turn number for --credit/--uncredit" };
        var decision = new Option<string?>("--decision") { Description = "Decide the attempt: competent | not_yet_competent" };
        var comment = new Option<string>("--comment") { Description = "Why (mandatory)", Required = true };
        var assessor = new Option<string?>("--assessor") { Description = "Who is reviewing (default: the operating-system user)" };
        var command = new Command("review", "Add an assessor override or decision with a comment. The automated result is kept; reviews are append-only.");
        command.Arguments.Add(id);
        foreach (var option in new Option[] { credit, uncredit, turn, decision, comment, assessor })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var sessionId = parse.GetValue(id)!;
            var who = parse.GetValue(assessor) ?? Environment.UserName;
            var why = parse.GetValue(comment) ?? "";
            var requests = new List<ReviewRequest>();
            if (parse.GetValue(credit) is { } creditPoint)
            {
                requests.Add(ReviewRequest.Credit(sessionId, parse.GetValue(turn) ?? 0, creditPoint, who, why));
            }

            if (parse.GetValue(uncredit) is { } uncreditPoint)
            {
                requests.Add(ReviewRequest.Uncredit(sessionId, parse.GetValue(turn) ?? 0, uncreditPoint, who, why));
            }

            if (parse.GetValue(decision) is { } decided)
            {
                requests.Add(ReviewRequest.SetDecision(sessionId, decided, who, why));
            }

            if (requests.Count == 0)
            {
                return context.Fail("say what to record: --credit POINT --turn N, --uncredit POINT --turn N, or --decision competent|not_yet_competent");
            }

            if (requests.Any(r => r.Kind is ReviewKind.Credit or ReviewKind.Uncredit) && parse.GetValue(turn) is null)
            {
                return context.Fail("--credit and --uncredit need --turn N");
            }

            if (string.IsNullOrWhiteSpace(why))
            {
                return context.Fail("--comment must say why (it is kept with the record for moderation); nothing was recorded");
            }

            // Check every request before storing any, so a bad --decision does not leave a lone credit behind.
            foreach (var request in requests)
            {
                if (ReviewRules.Validate(request).Error is { } error)
                {
                    return context.Fail(error + " Nothing was recorded.");
                }
            }

            var store = context.Get<StoreOpener>(parse).Open();
            foreach (var request in requests)
            {
                var result = await store.AddReviewAsync(request, cancellationToken).ConfigureAwait(false);
                if (result.Record is null)
                {
                    return context.Fail(result.Error!);
                }

                context.Console.MarkupLine($"[green]Recorded[/] {Markup.Escape(Describe(result.Record))}");
            }

            return 0;
        }));
        return command;
    }

    public static Command Report(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = SessionArgument();
        var format = new Option<string>("--format") { Description = "html | md | json", DefaultValueFactory = _ => "html" };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file (default: standard output)" };
        var command = new Command("report", "An evidence report for a portfolio: criteria, turns, quoted evidence, automated and assessor decisions.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            ReportFormat? chosen = parse.GetValue(format)?.Trim().ToLowerInvariant() switch
            {
                "html" => ReportFormat.Html,
                "md" or "markdown" => ReportFormat.Markdown,
                "json" => ReportFormat.Json,
                _ => null,
            };
            if (chosen is null)
            {
                return context.Fail("--format must be html, md or json");
            }

            var store = context.Get<StoreOpener>(parse).Open();
            var transcript = await store.GetTranscriptAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (transcript is null)
            {
                return context.Fail($"no session '{parse.GetValue(id)}'; list them with 'roleplay transcripts list'");
            }

            var report = EvidenceReportBuilder.Build(transcript, OptionsFor(context, parse, transcript.Summary.ScenarioId));
            return await WriteOutAsync(context, parse.GetValue(output), ReportService.Render(report, chosen.Value), cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    public static Command Export(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = SessionArgument();
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file (default: standard output)" };
        var xapi = new Command("xapi", "xAPI statements (a JSON array) for a learning record store.");
        xapi.Arguments.Add(id);
        xapi.Options.Add(output);
        xapi.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var store = context.Get<StoreOpener>(parse).Open();
            var text = await new XapiExporter().ExportJsonAsync(store, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return context.Fail($"no session '{parse.GetValue(id)}'; list them with 'roleplay transcripts list'");
            }

            return await WriteOutAsync(context, parse.GetValue(output), text, cancellationToken).ConfigureAwait(false);
        }));
        var command = new Command("export", "Export attempts to other systems.");
        command.Subcommands.Add(xapi);
        return command;
    }

    public static Command Cohort(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenario = new Option<string?>("--scenario") { Description = "Only this scenario id" };
        var json = JsonOption();
        var command = new Command("cohort", "Per marking point, how many learners demonstrated it, and the group's weakest criteria.");
        command.Options.Add(scenario);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var store = context.Get<StoreOpener>(parse).Open();
            var report = await new CohortAnalyzer(store, ScenarioFinder(context, parse))
                .AnalyzeAsync(new CohortOptions(new TranscriptFilter(ScenarioId: parse.GetValue(scenario)), Labels: new ReportOptions(Labels(context, parse))), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                WriteRaw(context, CohortAnalyzer.ToJson(report));
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Marking point").AddColumn("Learners demonstrated").AddColumn("Rate");
            foreach (var criterion in report.Criteria)
            {
                table.AddRow(Markup.Escape(criterion.Label), $"{criterion.LearnersDemonstrated} of {criterion.LearnersAssessed}",
                    criterion.Rate.ToString("P0", CultureInfo.InvariantCulture));
            }

            context.Console.MarkupLine($"{report.Learners} learner(s), {report.Attempts} attempt(s){(report.ScenarioId is null ? "" : " at " + Markup.Escape(report.ScenarioId))}");
            context.Console.Write(table);
            if (report.Weakest.Count > 0)
            {
                context.Console.MarkupLine("Weakest: " + Markup.Escape(string.Join(", ", report.Weakest.Select(w => w.Label))));
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Reports name criteria by the catalogue's titles (Reporting does not depend on Scoring).</summary>
    private static Dictionary<string, string> Labels(CliContext context, ParseResult parse) =>
        context.Get<MarkingPointCatalogue>(parse).Points.ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);

    /// <summary>
    /// Report options from the attempt's scenario (persona names, what each node assesses) plus the catalogue's labels;
    /// labels only when the scenario file has since been removed or no longer loads.
    /// </summary>
    private static ReportOptions OptionsFor(CliContext context, ParseResult parse, string scenarioId)
    {
        var labels = Labels(context, parse);
        return ScenarioFinder(context, parse)(scenarioId) is { } scenario ? ReportOptions.ForScenario(scenario, labels) : new ReportOptions(labels);
    }

    /// <summary>Looks a scenario up by id in the scenarios folder; null when it is missing or broken (reports then degrade, not fail).</summary>
    private static Func<string, Scenario?> ScenarioFinder(CliContext context, ParseResult parse)
    {
        var library = context.Get<ScenarioLibrary>(parse);
        return scenarioId =>
        {
            try
            {
                return library.Resolve(scenarioId) is { } file && library.Load(file).Scenario is { } scenario && scenario.Id == scenarioId ? scenario : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return null;
            }
        };
    }

    private static Argument<string> SessionArgument() => new("session-id") { Description = "Session id (see 'roleplay transcripts list')" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Machine-readable JSON" };

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset value) => value.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Table SummaryTable(IReadOnlyList<TranscriptSummary> attempts)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Session").AddColumn("Learner").AddColumn("Scenario").AddColumn("#").AddColumn("Started")
            .AddColumn("Turns").AddColumn("Outcome").AddColumn("Band").AddColumn("Decision");
        foreach (var a in attempts)
        {
            table.AddRow(Markup.Escape(a.SessionId), Markup.Escape(a.Learner), Markup.Escape(a.ScenarioId), I(a.Attempt), Date(a.StartedAt),
                I(a.TurnCount), Markup.Escape(a.Completion?.Outcome ?? a.Status.ToString().ToLowerInvariant()),
                Markup.Escape(a.Completion?.Band ?? ""), Markup.Escape(a.Decision ?? ""));
        }

        return table;
    }

    private static string Describe(ReviewRecord record) => record.Kind switch
    {
        ReviewKind.Decision => $"decision '{record.Decision}' on {record.SessionId} by {record.Assessor}",
        ReviewKind.Credit => $"credit of '{record.MarkingPointId}' on turn {record.TurnNumber} of {record.SessionId} by {record.Assessor}",
        _ => $"withdrawal of '{record.MarkingPointId}' on turn {record.TurnNumber} of {record.SessionId} by {record.Assessor}",
    };

    private static void WriteRaw(CliContext context, string text) => context.Console.Profile.Out.Writer.WriteLine(text);

    private static async Task<int> WriteOutAsync(CliContext context, FileInfo? output, string content, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            WriteRaw(context, content);
            return 0;
        }

        await File.WriteAllTextAsync(output.FullName, content, cancellationToken).ConfigureAwait(false);
        context.Console.MarkupLine($"Wrote {Markup.Escape(output.FullName)}");
        return 0;
    }
}
