using System.CommandLine;
using RolePlay.Authoring;
using RolePlay.Cli.Hosting;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Loading;
using RolePlay.Scoring.Catalogue;
using Spectre.Console;

namespace RolePlay.Cli.Commands;

/// <summary>Tutors' commands over scenario files: <c>list</c> and <c>validate</c>.</summary>
public static class ScenarioCommands
{
    public static Command List(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("list", "List the scenarios with their context and estimated length.");
        command.SetAction(parse =>
        {
            var library = context.Get<ScenarioLibrary>(parse);
            var loaded = library.LoadAll();
            if (loaded.Count == 0)
            {
                return context.Fail($"no scenario files in {library.Folder}");
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Id").AddColumn("Title").AddColumn("Context").AddColumn(new TableColumn("Minutes").RightAligned());
            foreach (var (file, result) in loaded)
            {
                if (result.Scenario is { } s)
                {
                    table.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Title), s.Context.ToString().ToLowerInvariant(), s.EstimatedMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    table.AddRow(Markup.Escape(Path.GetFileNameWithoutExtension(file)), "[red]does not load - run roleplay validate[/]", "", "");
                }
            }

            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    public static Command Validate(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pathsArgument = new Argument<string[]>("paths") { Description = "Scenario files or folders (default: the scenarios folder)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Check scenario files and the marking-point catalogue; prints path:line:col: error|warning: message and exits 1 on errors.");
        command.Arguments.Add(pathsArgument);
        command.SetAction(parse =>
        {
            var library = context.Get<ScenarioLibrary>(parse);
            var paths = parse.GetValue(pathsArgument) is { Length: > 0 } given ? given : [library.Folder];
            var files = new List<string>();
            foreach (var path in paths)
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*.yaml")
                        .Where(f => ScenarioFolder.IsScenarioFile(f) || ScenarioFolder.IsCatalogueFile(f))
                        .Order(StringComparer.Ordinal));
                }
                else
                {
                    files.Add(path);
                }
            }

            var errors = 0;
            var warnings = 0;
            foreach (var file in files)
            {
                if (ScenarioFolder.IsCatalogueFile(file))
                {
                    // The catalogue is embedded at build time; checking the file tells its author whether an edit will load.
                    var catalogue = MarkingPointCatalogue.LoadFile(file);
                    PrintLines(context.Console, catalogue.Errors.Select(e => (e.ToString(), true)).Concat(catalogue.Warnings.Select(w => (w.ToString(), false))));
                    errors += catalogue.Errors.Count;
                    warnings += catalogue.Warnings.Count;
                    continue;
                }

                var result = ScenarioLoader.LoadFile(file, library.Vocabulary);
                PrintDiagnostics(context.Console, result.Diagnostics);
                errors += result.Errors.Count();
                warnings += result.Warnings.Count();
            }

            context.Console.MarkupLine($"{files.Count} file(s): [{(errors > 0 ? "red" : "green")}]{errors} error(s)[/], {warnings} warning(s)");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }

    public static void PrintDiagnostics(IAnsiConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        PrintLines(console, diagnostics.Select(d => (d.ToString(), d.IsError)));
    }

    private static void PrintLines(IAnsiConsole console, IEnumerable<(string Line, bool IsError)> lines)
    {
        ArgumentNullException.ThrowIfNull(console);
        foreach (var (line, isError) in lines)
        {
            if (Console.IsOutputRedirected)
            {
                // One unwrapped line per diagnostic, so editors and CI scripts can parse path:line:col.
                console.Profile.Out.Writer.WriteLine(line);
                continue;
            }

            console.MarkupLine($"[{(isError ? "red" : "yellow")}]{Markup.Escape(line)}[/]");
        }
    }
}
