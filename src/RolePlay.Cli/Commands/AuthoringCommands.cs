using System.CommandLine;
using RolePlay.Authoring;
using RolePlay.Cli.Hosting;
using RolePlay.Engine.Scoring;
using Spectre.Console;

namespace RolePlay.Cli.Commands;

/// <summary>Tutors' authoring commands: <c>graph</c>, <c>test</c>, <c>new</c> and <c>stats</c>.</summary>
public static class AuthoringCommands
{
    public static Command Graph(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenarioArgument = new Argument<string>("scenario") { Description = "Scenario id or path" };
        var format = new Option<string>("--format") { Description = "mermaid | dot | svg (svg needs Graphviz 'dot')", DefaultValueFactory = _ => "mermaid" };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file (default: standard output)" };
        var command = new Command("graph", "Draw a scenario's graph: endings styled by outcome, unreachable nodes highlighted.");
        command.Arguments.Add(scenarioArgument);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            GraphFormat? chosen = parse.GetValue(format)?.Trim().ToLowerInvariant() switch
            {
                "mermaid" => GraphFormat.Mermaid,
                "dot" => GraphFormat.Dot,
                "svg" => GraphFormat.Svg,
                _ => null,
            };
            if (chosen is null)
            {
                return context.Fail("--format must be mermaid, dot or svg");
            }

            var library = context.Get<ScenarioLibrary>(parse);
            var file = library.Resolve(parse.GetValue(scenarioArgument)!);
            if (file is null)
            {
                return context.Fail($"no scenario '{parse.GetValue(scenarioArgument)}' in {library.Folder}");
            }

            var loaded = library.Load(file);
            if (loaded.Scenario is not { } scenario)
            {
                ScenarioCommands.PrintDiagnostics(context.Console, loaded.Diagnostics);
                return 1;
            }

            var rendered = await GraphRenderer.RenderAsync(scenario, chosen.Value, cancellationToken).ConfigureAwait(false);
            if (rendered.Svg is null)
            {
                return context.Fail(rendered.Error!);
            }

            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, rendered.Svg, cancellationToken).ConfigureAwait(false);
                context.Console.MarkupLine($"Wrote {Markup.Escape(target.FullName)}");
            }
            else
            {
                context.Console.Profile.Out.Writer.WriteLine(rendered.Svg);
            }

            return 0;
        });
        return command;
    }

    public static Command Test(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenarios = new Argument<string[]>("scenario") { Description = "Scenario ids or paths (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var verbose = new Option<bool>("--verbose") { Description = "Show every step, not just failures" };
        var command = new Command("test", "Run scenarios' test plans (<id>.testplan.yaml): replies, expected path, ending and credited marking points.");
        command.Arguments.Add(scenarios);
        command.Options.Add(verbose);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var library = context.Get<ScenarioLibrary>(parse);
            var vocabulary = context.Get<IMarkingPointVocabulary>(parse);
            var folder = library.LoadFolder();
            var result = await TestSuite.RunAsync(folder, context.Get<IReplyScorer>(parse), vocabulary, parse.GetValue(scenarios), cancellationToken).ConfigureAwait(false);
            context.Console.Write(new Text(result.Format(parse.GetValue(verbose))));
            return result.ExitCode;
        });
        return command;
    }

    public static Command New(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = new Argument<string>("id") { Description = "Id of the new scenario (lower-case, digits, '-', '_')" };
        var title = new Option<string?>("--title") { Description = "Title (default: from the id)" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file" };
        var command = new Command("new", "Create a commented scenario from the template in the scenarios folder.");
        command.Arguments.Add(id);
        command.Options.Add(title);
        command.Options.Add(force);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var library = context.Get<ScenarioLibrary>(parse);
            Directory.CreateDirectory(library.Folder);
            var result = await ScenarioScaffolder.WriteAsync(library.Folder, parse.GetValue(id)!, parse.GetValue(title), parse.GetValue(force), cancellationToken).ConfigureAwait(false);
            if (result.Error is not null)
            {
                return context.Fail(result.Error);
            }

            context.Console.MarkupLine($"Created {Markup.Escape(result.Path ?? "")}. Check it with: roleplay validate {Markup.Escape(result.Path ?? "")}");
            return 0;
        });
        return command;
    }

    public static Command Stats(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenarioArgument = new Argument<string?>("scenario") { Description = "Scenario id or path (default: the whole library)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Machine-readable JSON" };
        var command = new Command("stats", "Node and ending counts, shortest and longest path to each ending, marking points assessed.");
        command.Arguments.Add(scenarioArgument);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var library = context.Get<ScenarioLibrary>(parse);
            string text;
            if (parse.GetValue(scenarioArgument) is { } chosen)
            {
                var file = library.Resolve(chosen);
                if (file is null || library.Load(file).Scenario is not { } scenario)
                {
                    return context.Fail($"no loadable scenario '{chosen}' in {library.Folder}; run roleplay validate");
                }

                var stats = ScenarioStats.Compute(scenario);
                text = parse.GetValue(json) ? ScenarioStats.ToJson(stats) : ScenarioStats.ToText(stats);
            }
            else
            {
                var scenarios = library.LoadAll().Select(x => x.Result.Scenario).OfType<RolePlay.Engine.Model.Scenario>();
                var stats = ScenarioStats.ComputeLibrary(scenarios, library.Vocabulary);
                text = parse.GetValue(json) ? ScenarioStats.ToJson(stats) : ScenarioStats.ToText(stats);
            }

            context.Console.Profile.Out.Writer.WriteLine(text);
            return 0;
        });
        return command;
    }
}
