using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Cli.Hosting;
using RolePlay.Cli.Play;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Engine.Voice;
using RolePlay.Llm;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Sessions;
using RolePlay.Storage;
using Spectre.Console;

namespace RolePlay.Cli.Commands;

/// <summary><c>play</c> and <c>resume</c>: the learner's commands.</summary>
public static class PlayCommands
{
    public static Command Play(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scenarioArgument = new Argument<string?>("scenario") { Description = "Scenario id or path to a scenario file", Arity = ArgumentArity.ZeroOrOne };
        var seedOption = new Option<int?>("--seed") { Description = "Seed for line variants (same seed and replies give the same session)" };
        var command = new Command("play", "Play a role-play: the persona speaks, you reply. /hint for a hint, /quit to save and leave.");
        command.Arguments.Add(scenarioArgument);
        command.Options.Add(seedOption);
        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var library = context.Get<ScenarioLibrary>(parse);
            var choice = parse.GetValue(scenarioArgument) ?? Choose(context, library);
            if (choice is null)
            {
                return 2;
            }

            var file = library.Resolve(choice);
            if (file is null)
            {
                return context.Fail($"no scenario '{choice}' in {library.Folder}; run 'roleplay list' to see them");
            }

            var loaded = library.Load(file);
            if (loaded.Scenario is not { } scenario)
            {
                ScenarioCommands.PrintDiagnostics(context.Console, loaded.Diagnostics);
                return 1;
            }

            var settings = context.Get<CliSettings>(parse);
            var store = context.Get<StoreOpener>(parse).Open();
            var seed = parse.GetValue(seedOption) ?? Random.Shared.Next();
            var sessionId = Guid.NewGuid().ToString("N")[..12];
            await store.BeginSessionAsync(new SessionStart(sessionId, scenario.Id, scenario.Title, settings.Learner, seed, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
            var session = Session.Start(scenario, context.Get<IReplyScorer>(parse), seed, sessionId);
            ShowIntro(context.Console, scenario, settings.Learner);
            return await RunAsync(context, parse, session, store, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    public static Command Resume(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var idArgument = new Argument<string?>("session-id") { Description = "Session to continue (default: your latest unfinished one)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("resume", "Continue an unfinished session exactly where it stopped.");
        command.Arguments.Add(idArgument);
        command.SetAction((parse, cancellationToken) => context.Guard(async () =>
        {
            var settings = context.Get<CliSettings>(parse);
            var store = context.Get<StoreOpener>(parse).Open();
            var sessionId = parse.GetValue(idArgument);
            if (sessionId is null)
            {
                var latest = await store.FindLatestUnfinishedAsync(settings.Learner, cancellationToken).ConfigureAwait(false);
                if (latest is null)
                {
                    return context.Fail($"no unfinished session for learner '{settings.Learner}'");
                }

                sessionId = latest.SessionId;
            }

            var snapshot = await store.LoadSnapshotAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return context.Fail($"no saved session '{sessionId}' in {store.Location}");
            }

            var library = context.Get<ScenarioLibrary>(parse);
            var file = library.Resolve(snapshot.ScenarioId);
            if (file is null)
            {
                return context.Fail($"session '{sessionId}' is for scenario '{snapshot.ScenarioId}', which is not in {library.Folder}");
            }

            var loaded = library.Load(file);
            if (loaded.Scenario is not { } scenario)
            {
                ScenarioCommands.PrintDiagnostics(context.Console, loaded.Diagnostics);
                return 1;
            }

            var (session, error) = Session.TryRestore(scenario, snapshot, context.Get<IReplyScorer>(parse));
            if (session is null)
            {
                return context.Fail(error!);
            }

            context.Console.MarkupLine($"[grey]Resuming session {Markup.Escape(sessionId)} of[/] [bold]{Markup.Escape(scenario.Title)}[/] [grey]at turn {session.NextTurnNumber}.[/]");
            return await RunAsync(context, parse, session, store, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Session session, IRolePlayStore store, CancellationToken cancellationToken)
    {
        var services = context.Services(parse);
        var loop = new PlayLoop(
            context.Console,
            context.Input,
            services.GetRequiredService<IPersonaVoice>(),
            store,
            new SessionAssessor(services.GetRequiredService<MarkingPointCatalogue>()),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("RolePlay.Play"));
        var llm = services.GetRequiredService<LlmServices>();
        foreach (var problem in llm.Problems)
        {
            context.Console.MarkupLine($"[yellow]LLM: {Markup.Escape(problem)}[/]");
        }

        var end = await loop.RunAsync(session, cancellationToken).ConfigureAwait(false);
        if (llm.IsEnabled)
        {
            context.Console.MarkupLine($"[grey]{Markup.Escape(services.GetRequiredService<LlmUsageMeter>().Summary().ToString())}[/]");
        }

        if (end == PlayEnd.Ended)
        {
            var assessment = loop.Assess(session);
            var ending = session.Ending!;
            await store.CompleteSessionAsync(session.State.SessionId,
                new SessionCompletion(ending.Outcome, ending.Id, assessment.BandLabel, assessment.MeanScore, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static string? Choose(CliContext context, ScenarioLibrary library)
    {
        var scenarios = library.LoadAll().Where(x => x.Result.Scenario is not null).Select(x => x.Result.Scenario!).ToList();
        if (scenarios.Count == 0)
        {
            context.Fail($"no playable scenarios in {library.Folder}");
            return null;
        }

        if (System.Console.IsInputRedirected || !context.Console.Profile.Capabilities.Interactive)
        {
            context.Fail("name a scenario to play: " + string.Join(", ", scenarios.Select(s => s.Id)));
            return null;
        }

        var chosen = context.Console.Prompt(new SelectionPrompt<Scenario>()
            .Title("Which role-play would you like to practise?")
            .PageSize(15)
            .UseConverter(s => $"{Markup.Escape(s.Title)} [grey]({s.Context.ToString().ToLowerInvariant()}, ~{s.EstimatedMinutes} min)[/]")
            .AddChoices(scenarios));
        return chosen.Id;
    }

    private static void ShowIntro(IAnsiConsole console, Scenario scenario, string learner)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(scenario.Title)}[/]").LeftJustified());
        if (scenario.Summary.Length > 0)
        {
            console.MarkupLine(Markup.Escape(scenario.Summary));
        }

        foreach (var persona in scenario.Personas)
        {
            console.MarkupLine($"[grey]{Markup.Escape(persona.Name)} - {Markup.Escape(persona.Role)}[/]");
        }

        console.MarkupLine($"[grey]Learner: {Markup.Escape(learner)}. Up to {scenario.TurnLimit} replies. Type /hint for a hint, /quit to save and leave.[/]");
        console.WriteLine();
    }
}
