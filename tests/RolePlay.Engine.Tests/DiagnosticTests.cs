using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Loading;
using static RolePlay.Engine.Tests.TestScenarios;

namespace RolePlay.Engine.Tests;

/// <summary>Every diagnostic the loader and validator can report, each on a broken scenario, with its exact position.</summary>
public sealed class DiagnosticTests
{
    /// <summary>One broken scenario and the diagnostic it must produce.</summary>
    public sealed record BrokenCase(string Name, string Yaml, string Code, Severity Severity, int Line, int Column, string? MessageContains = null)
    {
        public override string ToString() => $"{Code} {Name}";
    }

    private static readonly BrokenCase[] Cases =
    [
        new("mapping value inside a plain scalar", Patch((2, "title: a: b")), "RP0001", Severity.Error, 2, 9),
        new("tab indentation", Patch((16, "\tname: Dana")), "RP0001", Severity.Error, 16, 1, "began at line 15, column 9"),
        new("unclosed flow list", Patch((2, "title: [Demo, Extra")), "RP0001", Severity.Error, 2, 13, "left open"),
        new("duplicate key", Patch((3, "title: Again")), "RP0001", Severity.Error, 3, 1, "Duplicate key"),
        new("empty file", "", "RP0003", Severity.Error, 1, 1, "a scenario file"),
        new("a list instead of a scenario", "- id: demo\n- title: Demo\n", "RP0003", Severity.Error, 1, 1, "a scenario file"),
        new("turn_limit_ending names no ending", Patch((4, "turn_limit_ending: opening")), "RP0102", Severity.Error, 4, 20, "'turn_limit_ending'"),
        new("missing id", Patch((1, "ide: demo")), "RP0002", Severity.Error, 1, 1, "'id'"),
        new("missing title", Patch((2, "summary: Demo")), "RP0002", Severity.Error, 1, 1, "'title'"),
        new("empty title", Patch((2, "title: \"\"")), "RP0002", Severity.Error, 2, 8, "'title'"),
        new("missing start", Patch((18, "begin: opening")), "RP0002", Severity.Error, 1, 1, "'start'"),
        new("missing nodes", Patch((19, "nodez:")), "RP0002", Severity.Error, 1, 1, "'nodes'"),
        new("missing endings", Patch((41, "ending:")), "RP0002", Severity.Error, 1, 1, "'endings'"),
        new("node without speaker", Patch((37, "    hint: nobody speaks")), "RP0002", Severity.Error, 36, 5, "'speaker'"),
        new("transition without to", Patch((40, "      - update: { trust: 1 }")), "RP0002", Severity.Error, 40, 9, "'to'"),
        new("list where text expected", Patch((2, "title: [a, b]")), "RP0003", Severity.Error, 2, 8, "'title' must be text"),
        new("text where a number is expected", Patch((4, "turn_limit: many")), "RP0003", Severity.Error, 4, 13, "a whole number"),
        new("unknown field with a suggestion", Patch((26, "    asesses: [apology, empathy]")), "RP0004", Severity.Warning, 26, 5, "did you mean 'assesses'"),
        new("unknown top-level field", Patch((19, "nodez:")), "RP0004", Severity.Warning, 19, 1, "did you mean 'nodes'"),
        new("invalid context kind", Patch((3, "context: shop")), "RP0005", Severity.Error, 3, 10, "colleague, customer, partner"),
        new("bad scenario id", Patch((1, "id: Demo Scenario")), "RP0005", Severity.Error, 1, 5, "lower-case"),
        new("duplicate ending id", Patch((44, "  - id: resolved")), "RP0101", Severity.Error, 44, 9, "first defined at line 42"),
        new("ending id equal to a node id", Patch((46, "  - id: calmer")), "RP0101", Severity.Error, 46, 9, "first defined at line 36"),
        new("unknown transition target", Patch((40, "      - to: resolvd")), "RP0102", Severity.Error, 40, 13, "'resolvd'"),
        new("unknown start", Patch((18, "start: openin")), "RP0102", Severity.Error, 18, 8, "'openin'"),
        new("unknown persona", Patch((37, "    speaker: dan")), "RP0103", Severity.Error, 37, 14, "'dan'"),
        new("unknown marking point in assesses", Patch((26, "    assesses: [apology, empathee]")), "RP0104", Severity.Error, 26, 5, "'empathee'"),
        new("unknown marking point in outcomes", Patch((10, "      marking_points: [apology, sorry]")), "RP0104", Severity.Error, 10, 7, "'sorry'"),
        new("unknown variable in update", Patch((33, "        update: { anger: -2, mood: +1 }")), "RP0105", Severity.Error, 33, 30, "'mood'"),
        new("unknown variable in persona state", Patch((17, "    state: { mood: 6 }")), "RP0105", Severity.Error, 17, 14, "'mood'"),
        new("unreachable node", Patch((32, "        to: resolved")), "RP0201", Severity.Warning, 36, 9, "'calmer'"),
        new("node without default transition", Patch((34, "      - when: turn > 1")), "RP0202", Severity.Error, 20, 9, "'opening'"),
        new("ending never reached", Patch((29, "        to: calmer")), "RP0203", Severity.Warning, 44, 9, "'escalated'"),
        new("closed cycle", Patch((29, "        to: calmer"), (40, "      - to: opening")), "RP0204", Severity.Error, 20, 9, "'opening', 'calmer'"),
        new("shadowed transition", Patch((31, "      - set: { trust: 2 }")), "RP0205", Severity.Warning, 34, 9, "line 31"),
        new("conditional line after unconditional", Patch((23, "      - Hi."), (24, "      - { when: anger >= 8, text: What now? }")), "RP0206", Severity.Warning, 24, 9, "line 23"),
        new("no endings", Patch((41, "endings: []"), (42, ""), (43, ""), (44, ""), (45, ""), (46, ""), (47, "")), "RP0207", Severity.Error, 41, 1, "no endings"),
        new("set out of range", Patch((35, "        set: { trust: 11 }")), "RP0301", Severity.Error, 35, 16, "11, outside its range 0..10"),
        new("initial out of range", Patch((12, "  anger: { min: 0, max: 10, initial: 11 }")), "RP0301", Severity.Error, 12, 3, "initial value"),
        new("persona state out of range", Patch((17, "    state: { anger: 12 }")), "RP0301", Severity.Error, 17, 14, "persona 'dana'"),
        new("min greater than max", Patch((12, "  anger: { min: 5, max: 1 }")), "RP0302", Severity.Error, 12, 3, "min 5 greater than max 1"),
        new("condition syntax error", Patch((31, "      - when: apology and and anger")), "RP0401", Severity.Error, 31, 27),
        new("condition syntax error in a quoted scalar", Patch((31, "      - when: 'apology && && anger'")), "RP0401", Severity.Error, 31, 27),
        new("condition with a character the language lacks", Patch((31, "      - when: apology $ anger")), "RP0401", Severity.Error, 31, 23),
        new("condition syntax error in a double-quoted scalar", Patch((31, "      - when: \"apology and and anger\"")), "RP0401", Severity.Error, 31, 28),
        new("condition syntax error in a literal block", Patch((31, "      - when: |\n          apology and and anger")), "RP0401", Severity.Error, 32, 23),
        new("condition syntax error in a folded block", Patch((31, "      - when: >-\n          apology and and anger")), "RP0401", Severity.Error, 32, 23),
        new("unknown name in a literal block", Patch((31, "      - when: |\n          apology and angr <= 6")), "RP0403", Severity.Error, 32, 23),
        new("unclosed parenthesis", Patch((31, "      - when: (apology")), "RP0401", Severity.Error, 31, 23),
        new("flag combined with a number", Patch((31, "      - when: anger and apology")), "RP0402", Severity.Error, 31, 21, "'and' combines yes/no values"),
        new("flag compared with a number", Patch((31, "      - when: apology > 2")), "RP0402", Severity.Error, 31, 23, "'>' compares numbers"),
        new("bare number as a condition", Patch((31, "      - when: anger")), "RP0402", Severity.Error, 31, 15, "a number, not yes/no"),
        new("unknown name in a guard", Patch((31, "      - when: apology and angr <= 6")), "RP0403", Severity.Error, 31, 27, "'angr'"),
        new("unknown name in a line variant", Patch((23, "      - when: rage >= 8")), "RP0403", Severity.Error, 23, 15, "'rage'"),
        new("guard on a marking point not assessed", Patch((31, "      - when: solution and anger <= 6")), "RP0404", Severity.Warning, 31, 15, "'solution'"),
        new("variable named like a marking point", Patch((13, "  apology: { min: 0, max: 10, initial: 3 }")), "RP0405", Severity.Error, 13, 3, "a marking point"),
        new("variable named like a built-in", Patch((13, "  score: { min: 0, max: 10, initial: 3 }")), "RP0405", Severity.Error, 13, 3, "a built-in name"),
        new("turn limit zero", Patch((4, "turn_limit: 0")), "RP0501", Severity.Error, 4, 13, "was 0"),
        new("turn limit too large", Patch((4, "turn_limit: 201")), "RP0501", Severity.Error, 4, 13, "was 201"),
    ];

    public static TheoryData<BrokenCase> BrokenCases => new(Cases);

    /// <summary>Codes covered by tests outside <see cref="Cases"/> (they need a file system, not text).</summary>
    private static readonly string[] CoveredElsewhere = [DiagnosticDescriptors.FileUnreadable.Code];

    [Fact]
    public void The_valid_scenario_has_no_diagnostics()
    {
        var result = LoadBroken(Valid);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Broken_scenario_reports_the_diagnostic_at_its_position(BrokenCase c)
    {
        var result = LoadBroken(c.Yaml);

        var matching = result.Diagnostics.Where(d => d.Code == c.Code).ToList();
        var found = Assert.Single(matching, d => d.Line == c.Line && d.Column == c.Column);
        Assert.Equal(c.Severity, found.Severity);
        Assert.Equal("broken.yaml", found.File);
        if (c.MessageContains is not null)
        {
            Assert.Contains(c.MessageContains, found.Message, StringComparison.Ordinal);
        }

        Assert.Equal(result.Diagnostics.Any(d => d.IsError), !result.Succeeded);
    }

    [Fact]
    public void Every_diagnostic_code_has_a_test_case()
    {
        var covered = Cases.Select(c => c.Code).Concat(CoveredElsewhere).ToHashSet(StringComparer.Ordinal);

        var missing = DiagnosticDescriptors.All.Select(d => d.Code).Where(code => !covered.Contains(code)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_case_uses_a_known_code_with_its_descriptor_severity()
    {
        var descriptors = DiagnosticDescriptors.All.ToDictionary(d => d.Code);

        foreach (var c in Cases)
        {
            Assert.True(descriptors.TryGetValue(c.Code, out var descriptor), c.Code);
            Assert.Equal(descriptor.Severity, c.Severity);
        }
    }

    [Fact]
    public void Descriptor_codes_are_unique()
    {
        var codes = DiagnosticDescriptors.All.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(codes, c => c == "RP0001");
    }

    [Fact]
    public void Missing_file_is_reported_not_thrown()
    {
        var path = Path.Combine(Path.GetTempPath(), "roleplay-tests-" + Guid.NewGuid().ToString("N"), "missing.yaml");

        var result = ScenarioLoader.LoadFile(path, Vocabulary);

        AssertUnreadable(result, path);
    }

    [Fact]
    public void Folder_is_reported_not_thrown()
    {
        var folder = Directory.CreateTempSubdirectory("roleplay-tests-");
        try
        {
            var result = ScenarioLoader.LoadFile(folder.FullName, Vocabulary);

            AssertUnreadable(result, folder.FullName);
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void Existing_file_loads_and_names_itself_in_diagnostics()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Patch((37, "    speaker: dan")));

            var result = ScenarioLoader.LoadFile(path, Vocabulary);

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(path, diagnostic.File);
            Assert.Equal($"{path}:37:14: error RP0103: unknown persona 'dan' speaking at node 'calmer'", diagnostic.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertUnreadable(LoadResult result, string path)
    {
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.FileUnreadable.Code, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Equal(path, diagnostic.File);
    }
}
