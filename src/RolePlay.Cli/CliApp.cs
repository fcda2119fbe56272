using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolePlay.Cli.Commands;
using RolePlay.Cli.Hosting;
using RolePlay.Storage;
using Spectre.Console;

namespace RolePlay.Cli;

/// <summary>The <c>roleplay</c> command tree.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, TextReader? input = null)
    {
        var context = new CliContext(console ?? AnsiConsole.Console, input ?? Console.In);
        var root = new RootCommand("RolePlay: practise customer-service conversations - conflict resolution and complaint handling.");
        foreach (var option in context.GlobalOptions)
        {
            root.Options.Add(option);
        }

        foreach (var command in new[]
                 {
                     PlayCommands.Play(context), PlayCommands.Resume(context), ScenarioCommands.List(context),
                     ScenarioCommands.Validate(context), AuthoringCommands.Graph(context), AuthoringCommands.Test(context),
                     AuthoringCommands.New(context), AuthoringCommands.Stats(context), ScoreCommands.Score(context),
                     ScoreCommands.Eval(context), TranscriptCommands.History(context), TranscriptCommands.Transcripts(context),
                     TranscriptCommands.Review(context), TranscriptCommands.Report(context), TranscriptCommands.Export(context),
                     TranscriptCommands.Cohort(context),
                 })
        {
            root.Subcommands.Add(command);
        }

        try
        {
            return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Dispose();
        }
    }
}

/// <summary>What every command shares: the console, input, global options and the lazily built host.</summary>
public sealed class CliContext(IAnsiConsole console, TextReader input) : IDisposable
{
    private IHost? _host;

    public IAnsiConsole Console { get; } = console;

    public TextReader Input { get; } = input;

    public Option<string?> DatabaseOption { get; } = new("--db") { Description = "SQLite transcript file (default: the user's data folder, or $ROLEPLAY_DB)", Recursive = true };

    public Option<string?> LearnerOption { get; } = new("--learner") { Description = "Learner name recorded on attempts", Recursive = true };

    public Option<string?> ScenariosOption { get; } = new("--scenarios") { Description = "Folder of scenario files", Recursive = true };

    public Option<string[]> SetOption { get; } = new("--set") { Description = "Configuration override KEY=VALUE, e.g. Llm:Provider=local (repeatable)", Recursive = true, AllowMultipleArgumentsPerToken = false };

    public IEnumerable<Option> GlobalOptions => [DatabaseOption, LearnerOption, ScenariosOption, SetOption];

    public IServiceProvider Services(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        _host ??= CliHost.Build(new GlobalOverrides(
            parse.GetValue(DatabaseOption), parse.GetValue(LearnerOption), parse.GetValue(ScenariosOption), parse.GetValue(SetOption) ?? []));
        return _host.Services;
    }

    public T Get<T>(ParseResult parse)
        where T : notnull => Services(parse).GetRequiredService<T>();

    /// <summary>Prints a store failure as one readable line instead of a stack trace.</summary>
    public int Fail(string message)
    {
        Console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 1;
    }

    /// <summary>Runs a command body, turning store failures into messages and exit code 1.</summary>
    public async Task<int> Guard(Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            return Fail(ex.Message);
        }
    }

    public void Dispose() => _host?.Dispose();
}
