using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Cli.Hosting;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Llm;
using RolePlay.Scoring.Batch;
using RolePlay.Scoring.Evaluation;
using Spectre.Console;

namespace RolePlay.Cli.Commands;

/// <summary><c>score</c> and <c>eval</c>: the scorer on its own, for tutors and for measuring scorers against labels.</summary>
public static class ScoreCommands
{
    public static Command Score(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var textArgument = new Argument<string?>("text") { Description = "The reply to score", Arity = ArgumentArity.ZeroOrOne };
        var contextOption = new Option<string?>("--context") { Description = "What the other person said before the reply" };
        var kindOption = new Option<string>("--kind") { Description = "colleague | customer | partner | auto (guess from the words; batch lines' own context_kind wins)", DefaultValueFactory = _ => "auto" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the full result as JSON" };
        var inputOption = new Option<FileInfo?>("--input") { Description = "Batch mode: JSONL file of {\"id\",\"text\",\"context\"} lines" };
        var outputOption = new Option<FileInfo?>("--output") { Description = "Batch mode: write JSONL results here (default: standard output)" };
        var scorerOption = ScorerOption();
        var command = new Command("score", "Score a reply against every marking point, with evidence and feedback.");
        command.Arguments.Add(textArgument);
        foreach (var option in new Option[] { contextOption, kindOption, jsonOption, inputOption, outputOption, scorerOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var kindText = parse.GetValue(kindOption);
            var auto = string.Equals(kindText?.Trim(), "auto", StringComparison.OrdinalIgnoreCase);
            var kind = auto ? null : ReplyScoring.ParseContextKind(kindText);
            if (!auto && kind is null)
            {
                return context.Fail("--kind must be colleague, customer, partner or auto");
            }

            var (scorer, error) = ScorerChoice.Resolve(context.Services(parse), parse.GetValue(scorerOption)!);
            if (scorer is null)
            {
                return context.Fail(error!);
            }

            if (parse.GetValue(inputOption) is { } inputFile)
            {
                return await ScoreBatchAsync(context, scorer, inputFile, parse.GetValue(outputOption), kind, cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(textArgument) is not { } text)
            {
                return context.Fail("give a reply to score, e.g. roleplay score \"I'm sorry, let me sort this out\", or --input FILE.jsonl");
            }

            var persona = parse.GetValue(contextOption);
            var assessment = await ReplyScoring.ScoreAsync(scorer, text, persona, kind ?? ContextGuess.Guess(persona, text), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(jsonOption))
            {
                context.Console.Profile.Out.Writer.WriteLine(ReplyScoring.ToJson(ReplyScoreReport.From("reply", assessment)));
            }
            else
            {
                context.Console.Write(new Text(ReplyScoring.ToText(assessment)));
            }

            return 0;
        });
        return command;
    }

    public static Command Eval(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputOption = new Option<FileInfo>("--input") { Description = "Labelled JSONL: {\"id\",\"text\",\"persona_line\",\"labels\":[...],\"negatives\":[...]}", Required = true };
        var jsonOption = new Option<bool>("--json") { Description = "Print the metrics as JSON" };
        var scorerOption = ScorerOption();
        var disagreementsOption = new Option<bool>("--disagreements") { Description = "Also list every reply where the scorer and the labels differ" };
        var pointOption = new Option<string?>("--point") { Description = "With --disagreements: only replies that differ on this id" };
        var command = new Command("eval", "Precision, recall, F1 per marking point and Cohen's kappa of a scorer against a labelled file.");
        command.Options.Add(inputOption);
        command.Options.Add(jsonOption);
        command.Options.Add(scorerOption);
        command.Options.Add(disagreementsOption);
        command.Options.Add(pointOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (scorer, error) = ScorerChoice.Resolve(context.Services(parse), parse.GetValue(scorerOption)!);
            if (scorer is null)
            {
                return context.Fail(error!);
            }

            var file = parse.GetValue(inputOption)!;
            if (!file.Exists)
            {
                return context.Fail($"cannot read {file.FullName}");
            }

            using var reader = file.OpenText();
            var run = await Evaluation.EvaluateJsonlAsync(reader, scorer, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var lineError in run.Errors)
            {
                context.Console.MarkupLine($"[yellow]{Markup.Escape(file.Name)}:{lineError.Line}: {Markup.Escape(lineError.Message)} (skipped)[/]");
            }

            if (parse.GetValue(jsonOption))
            {
                context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(run.Report, ReplyScoring.JsonOptions));
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Marking point")
                .AddColumn(new TableColumn("Support").RightAligned()).AddColumn(new TableColumn("Precision").RightAligned())
                .AddColumn(new TableColumn("Recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned())
                .AddColumn(new TableColumn("Kappa").RightAligned());
            foreach (var point in run.Report.Points)
            {
                table.AddRow(Markup.Escape(point.Id), N(point.Support, "0"), N(point.Precision), N(point.Recall), N(point.F1), N(point.Kappa));
            }

            context.Console.Write(table);
            if (parse.GetValue(disagreementsOption))
            {
                WriteDisagreements(context, run, parse.GetValue(pointOption));
            }

            context.Console.MarkupLine($"{run.Report.Items} replies; macro-F1 [bold]{N(run.Report.MacroF1)}[/], micro-F1 {N(run.Report.MicroF1)}, mean kappa {N(run.Report.MeanKappa)}");
            return 0;
        });
        return command;
    }

    private static void WriteDisagreements(CliContext context, EvaluationRun run, string? point)
    {
        foreach (var item in run.Items)
        {
            var missed = item.Missed.Where(id => point is null || id == point).ToList();
            var extra = item.Extra.Where(id => point is null || id == point).ToList();
            if (missed.Count + extra.Count == 0)
            {
                continue;
            }

            var differences = string.Join(" ", missed.Select(id => "-" + id).Concat(extra.Select(id => "+" + id)));
            context.Console.MarkupLine($"[bold]{Markup.Escape(item.Id)}[/] {Markup.Escape(differences)}");
            context.Console.MarkupLine($"  {Markup.Escape(item.Text)}");
        }

        context.Console.MarkupLine("[grey]-id: labelled but not given by the scorer; +id: given by the scorer but not labelled.[/]");
    }

    private static Option<string> ScorerOption() =>
        new("--scorer") { Description = "builtin | rules (the built-in scorer without its learned layer) | llm | combined", DefaultValueFactory = _ => "builtin" };

    private static string N(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    private static async Task<int> ScoreBatchAsync(CliContext context, IReplyScorer scorer, FileInfo inputFile, FileInfo? outputFile, ContextKind? kind, CancellationToken cancellationToken)
    {
        if (!inputFile.Exists)
        {
            return context.Fail($"cannot read {inputFile.FullName}");
        }

        using var reader = inputFile.OpenText();
        await using var writer = outputFile is null ? null : new StreamWriter(outputFile.FullName);
        var summary = await BatchScoring.RunAsync(reader, writer ?? context.Console.Profile.Out.Writer, scorer, kind, cancellationToken).ConfigureAwait(false);
        foreach (var error in summary.Errors)
        {
            await Console.Error.WriteLineAsync($"{inputFile.Name}:{error.Line}: {error.Message} (skipped)").ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync($"{summary.Scored} of {summary.Lines} line(s) scored, {summary.Errors.Count} skipped").ConfigureAwait(false);
        return 0;
    }
}

/// <summary>Picks a scorer by name: <c>builtin</c> always; <c>llm</c> and <c>combined</c> when an LLM is configured.</summary>
public static class ScorerChoice
{
    public static (IReplyScorer? Scorer, string? Error) Resolve(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        var llm = services.GetRequiredService<LlmServices>();
        return llm.TryCreateScorer(name, out var scorer, out var error) ? (scorer, null) : (null, error);
    }
}
