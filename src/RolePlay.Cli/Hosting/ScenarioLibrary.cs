using RolePlay.Authoring;
using RolePlay.Engine.Loading;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Cli.Hosting;

/// <summary>Finds scenario files and loads them by id or path.</summary>
public sealed class ScenarioLibrary(string configuredPath, IMarkingPointVocabulary vocabulary)
{
    private string? _folder;

    public IMarkingPointVocabulary Vocabulary => vocabulary;

    /// <summary>The scenarios folder: configured, else ./scenarios found upwards from here, else the copy shipped beside the tool.</summary>
    public string Folder => _folder ??= Locate(configuredPath);

    /// <summary>Loads every scenario file (test plans and the catalogue excluded), keeping failures as diagnostics.</summary>
    public IReadOnlyList<(string Path, LoadResult Result)> LoadAll() => LoadFolder().Loaded;

    /// <summary>The folder as the authoring tools see it (test plans, stats).</summary>
    public ScenarioFolder LoadFolder() => ScenarioFolder.Load(Folder, vocabulary);

    /// <summary>Resolves an id (file name without extension, or a scenario's id) or a path to a file.</summary>
    public string? Resolve(string idOrPath)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        if (File.Exists(idOrPath))
        {
            return Path.GetFullPath(idOrPath);
        }

        var byName = Path.Combine(Folder, idOrPath + ".yaml");
        if (File.Exists(byName))
        {
            return byName;
        }

        return LoadAll().FirstOrDefault(x => x.Result.Scenario?.Id == idOrPath).Path;
    }

    public LoadResult Load(string file) => ScenarioLoader.LoadFile(file, vocabulary);

    private static string Locate(string configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any(ScenarioFolder.IsScenarioFile))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "scenarios");
    }
}
