using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RolePlay.Engine.Scoring;
using RolePlay.Llm;
using RolePlay.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Storage;
using Serilog;

namespace RolePlay.Cli.Hosting;

/// <summary>Global options every command accepts; they override configuration.</summary>
public sealed record GlobalOverrides(string? Database, string? Learner, string? ScenariosPath, IReadOnlyList<string> Settings);

/// <summary>Composition root: configuration (appsettings.json, ROLEPLAY_ environment, command line), Serilog to a file, services.</summary>
public static class CliHost
{
    public const string EnvironmentPrefix = "ROLEPLAY_";

    public static IHost Build(GlobalOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(CommandLineSettings(overrides));

        var settings = builder.Configuration.GetSection("RolePlay").Get<CliSettings>() ?? new CliSettings();
        var databasePath = string.IsNullOrWhiteSpace(settings.Database) ? StoreLocation.Default() : Path.GetFullPath(settings.Database);
        settings = settings with
        {
            Database = databasePath,
            Learner = string.IsNullOrWhiteSpace(settings.Learner) ? Environment.UserName : settings.Learner.Trim(),
            LogPath = string.IsNullOrWhiteSpace(settings.LogPath)
                ? Path.Combine(Path.GetDirectoryName(databasePath) ?? ".", "logs", "roleplay-.log")
                : settings.LogPath,
        };

        // The terminal belongs to the learner: logs go to a rolling file only.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(new LoggerConfiguration()
            .MinimumLevel.Information()
            .ReadFrom.Configuration(builder.Configuration)
            .WriteTo.File(settings.LogPath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: true)
            .CreateLogger(), dispose: true);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(_ => MarkingPointCatalogue.Default);
        builder.Services.AddSingleton<IMarkingPointVocabulary>(sp => sp.GetRequiredService<MarkingPointCatalogue>());
        builder.Services.AddSingleton(sp => new BuiltInScorer(sp.GetRequiredService<MarkingPointCatalogue>()));
        // Scripted voice and built-in scorer unless an LLM is configured (section Llm); then LLM voice and combined scorer.
        builder.Services.AddRolePlayLlm(builder.Configuration, sp => sp.GetRequiredService<BuiltInScorer>());
        builder.Services.AddSingleton(sp => new ScenarioLibrary(sp.GetRequiredService<CliSettings>().ScenariosPath, sp.GetRequiredService<IMarkingPointVocabulary>()));
        builder.Services.AddSingleton<StoreOpener>();
        return builder.Build();
    }

    private static Dictionary<string, string?> CommandLineSettings(GlobalOverrides overrides)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in overrides.Settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[setting[..equals].Trim()] = setting[(equals + 1)..];
            }
        }

        if (overrides.Database is not null)
        {
            values["RolePlay:Database"] = overrides.Database;
        }

        if (overrides.Learner is not null)
        {
            values["RolePlay:Learner"] = overrides.Learner;
        }

        if (overrides.ScenariosPath is not null)
        {
            values["RolePlay:ScenariosPath"] = overrides.ScenariosPath;
        }

        return values;
    }
}

/// <summary>Opens the transcript store on first use, turning store failures into readable messages.</summary>
public sealed class StoreOpener(CliSettings settings, ILogger<StoreOpener> logger) : IDisposable
{
    private IRolePlayStore? _store;

    public IRolePlayStore Open()
    {
        if (_store is not null)
        {
            return _store;
        }

        logger.LogInformation("Opening transcript store {Path}", settings.Database);
        _store = RolePlay.Storage.Sqlite.SqliteTranscriptStore.Open(settings.Database);
        return _store;
    }

    public void Dispose() => _store?.Dispose();
}
