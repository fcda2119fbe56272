namespace RolePlay.Cli.Hosting;

/// <summary>The <c>RolePlay</c> configuration section: where things live and who is playing.</summary>
public sealed record CliSettings
{
    /// <summary>Learner name recorded on attempts; defaults to the operating-system user name.</summary>
    public string Learner { get; init; } = "";

    /// <summary>SQLite transcript database file; defaults to the user's data folder.</summary>
    public string Database { get; init; } = "";

    /// <summary>Folder of scenario files; defaults to ./scenarios (searched upwards), else the copy shipped with the tool.</summary>
    public string ScenariosPath { get; init; } = "";

    /// <summary>Rolling log file; defaults to logs/roleplay-.log beside the database.</summary>
    public string LogPath { get; init; } = "";
}
