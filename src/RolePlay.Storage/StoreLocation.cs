namespace RolePlay.Storage;

/// <summary>Where the transcript database lives by default.</summary>
public static class StoreLocation
{
    /// <summary>Environment variable that overrides the default database path.</summary>
    public const string PathVariable = "ROLEPLAY_DB";

    /// <summary>File name of the database inside the data folder.</summary>
    public const string FileName = "roleplay.db";

    /// <summary>
    /// The default database path: <c>$ROLEPLAY_DB</c> when set, else <c>roleplay.db</c> in the RolePlay folder of the
    /// user's local application data (e.g. <c>~/.local/share/RolePlay</c> on Linux, <c>%LOCALAPPDATA%\RolePlay</c> on Windows).
    /// </summary>
    public static string Default()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var dataFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(dataFolder))
        {
            // No profile folder (e.g. a locked-down service account): fall back to the working directory.
            dataFolder = Environment.CurrentDirectory;
        }

        return Path.Combine(dataFolder, "RolePlay", FileName);
    }
}
