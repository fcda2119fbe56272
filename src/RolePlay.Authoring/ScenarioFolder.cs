using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Loading;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Authoring;

/// <summary>A folder of scenarios and their test plans, as the authoring commands see it.</summary>
/// <param name="Directory">The folder; test plans are looked up beside the scenarios in it.</param>
/// <param name="Loaded">Every scenario file with its load result, in file-name order (the CLI can pass its own <c>LoadAll()</c>).</param>
public sealed record ScenarioFolder(string Directory, IReadOnlyList<(string Path, LoadResult Result)> Loaded)
{
    /// <summary>The marking-point catalogue lives in the scenarios folder but is not a scenario.</summary>
    public const string CatalogueFileName = "marking-points.yaml";

    public IReadOnlyList<Scenario> Scenarios => Loaded.Where(l => l.Result.Scenario is not null).Select(l => l.Result.Scenario!).ToList();

    public IEnumerable<Diagnostic> Diagnostics => Loaded.SelectMany(l => l.Result.Diagnostics);

    public Scenario? Find(string id) => Scenarios.FirstOrDefault(s => s.Id == id);

    /// <summary>The test plan file for a scenario id (it may not exist).</summary>
    public string TestPlanPath(string scenarioId) => Path.Combine(Directory, scenarioId + TestPlanLoader.FileSuffix);

    /// <summary>True for <c>*.yaml</c> files that are scenarios: not test plans, not the catalogue.</summary>
    public static bool IsScenarioFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        return name.EndsWith(".yaml", StringComparison.Ordinal)
            && !name.EndsWith(TestPlanLoader.FileSuffix, StringComparison.Ordinal)
            && name != CatalogueFileName;
    }

    /// <summary>True for the marking-point catalogue file (checked by <c>roleplay validate</c> with the catalogue's own rules).</summary>
    public static bool IsCatalogueFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetFileName(path) == CatalogueFileName;
    }

    /// <summary>Loads every scenario in a folder; a missing folder yields an empty library.</summary>
    public static ScenarioFolder Load(string directory, IMarkingPointVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var files = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, "*.yaml").Where(IsScenarioFile).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [];
        return new ScenarioFolder(directory, files.Select(f => (f, ScenarioLoader.LoadFile(f, vocabulary))).ToList());
    }
}

/// <summary>Everything <c>roleplay test</c> reports.</summary>
/// <param name="Plans">One result per scenario that has a test plan.</param>
/// <param name="Problems">Scenarios or plans that could not be loaded, or named scenarios that do not exist.</param>
/// <param name="ScenariosWithoutPlan">Scenario ids with no test plan.</param>
public sealed record TestSuiteResult(IReadOnlyList<TestPlanResult> Plans, IReadOnlyList<Diagnostic> Problems, IReadOnlyList<string> ScenariosWithoutPlan)
{
    public bool Passed => Plans.All(p => p.Passed) && !Problems.Any(d => d.IsError);

    /// <summary>The process exit code for <c>roleplay test</c>: 0 when everything passed, 1 otherwise.</summary>
    public int ExitCode => Passed ? 0 : 1;

    public string Format(bool verbose = false)
    {
        var report = new System.Text.StringBuilder();
        foreach (var problem in Problems)
        {
            report.AppendLine(problem.ToString());
        }

        report.Append(TestPlanRunner.Format(Plans, verbose));
        foreach (var id in ScenariosWithoutPlan)
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"note: scenario '{id}' has no test plan ({id}{TestPlanLoader.FileSuffix})");
        }

        var passed = Plans.Sum(p => p.Playthroughs.Count(r => r.Passed));
        var total = Plans.Sum(p => p.Playthroughs.Count);
        report.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"{(Passed ? "PASSED" : "FAILED")}: {passed}/{total} playthroughs in {Plans.Count} test plan(s)");
        return report.ToString();
    }
}

/// <summary>Runs the test plans of a scenario library (<c>roleplay test [scenario...]</c>).</summary>
public static class TestSuite
{
    /// <summary>Runs the plans of the named scenarios (ids or file paths), or of every scenario when none are named.</summary>
    public static async Task<TestSuiteResult> RunAsync(
        ScenarioFolder library,
        IReplyScorer scorer,
        IMarkingPointVocabulary? vocabulary = null,
        IReadOnlyCollection<string>? only = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(scorer);
        var wanted = (only ?? []).Select(NormaliseId).ToHashSet(StringComparer.Ordinal);

        // Load errors matter for the scenarios being tested: all of them, or the named ones.
        var problems = library.Loaded
            .Where(l => wanted.Count == 0 || wanted.Contains(Path.GetFileNameWithoutExtension(l.Path)) || (l.Result.Scenario is { } s && wanted.Contains(s.Id)))
            .SelectMany(l => l.Result.Diagnostics)
            .Where(d => d.IsError)
            .ToList();
        foreach (var id in wanted.Where(id => library.Find(id) is null && !library.Loaded.Any(l => Path.GetFileNameWithoutExtension(l.Path) == id)))
        {
            problems.Add(new Diagnostic(TestPlanDiagnostics.FileUnreadable, Path.Combine(library.Directory, id + ".yaml"), new SourcePosition(1, 1), $"no scenario '{id}' in {library.Directory}"));
        }

        var runner = new TestPlanRunner(scorer);
        var plans = new List<TestPlanResult>();
        var withoutPlan = new List<string>();
        foreach (var scenario in library.Scenarios.Where(s => wanted.Count == 0 || wanted.Contains(s.Id)))
        {
            var planPath = library.TestPlanPath(scenario.Id);
            if (!File.Exists(planPath))
            {
                withoutPlan.Add(scenario.Id);
                continue;
            }

            var loaded = TestPlanLoader.LoadFile(planPath);
            problems.AddRange(loaded.Diagnostics.Where(d => d.IsError));
            if (loaded.Plan is { } plan)
            {
                plans.Add(await runner.RunAsync(scenario, plan, vocabulary, cancellationToken).ConfigureAwait(false));
            }
        }

        return new TestSuiteResult(plans, problems, withoutPlan);
    }

    /// <summary>Accepts <c>late-delivery</c>, <c>late-delivery.yaml</c> or <c>scenarios/late-delivery.yaml</c>.</summary>
    private static string NormaliseId(string nameOrPath)
    {
        var name = Path.GetFileName(nameOrPath);
        if (name.EndsWith(TestPlanLoader.FileSuffix, StringComparison.Ordinal))
        {
            return name[..^TestPlanLoader.FileSuffix.Length];
        }

        return name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^".yaml".Length] : name;
    }
}
