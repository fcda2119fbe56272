using System.Text.Json.Nodes;
using RolePlay.Authoring;
using RolePlay.Engine.Loading;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

/// <summary>The JSON Schema (for editors) and the engine loader (for the CLI) must agree on what is a valid scenario.</summary>
public class LoaderAgreementTests
{
    public static TheoryData<string> ShippedScenarios() => SchemaTests.ShippedScenarios();

    public static TheoryData<string> BrokenScenarios() => SchemaTests.BrokenScenarios();

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task Shipped_scenario_loads_without_any_diagnostic_and_the_schema_agrees(string file)
    {
        var path = Path.Combine(ScenariosDir, file);

        var result = ScenarioLoader.LoadFile(path, Vocabulary);
        var schemaErrors = await SchemaTests.SchemaErrorsAsync("scenario.schema.json", path);

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.Empty(schemaErrors);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Scenario!.Id);
    }

    [Theory]
    [MemberData(nameof(BrokenScenarios))]
    public async Task Broken_scenario_is_rejected_by_both(string file)
    {
        var path = Path.Combine(BrokenDir, file);

        var result = LoadSafely(path);
        var schemaErrors = await SchemaTests.SchemaErrorsAsync("scenario.schema.json", path);

        Assert.NotEmpty(schemaErrors);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1, d.ToString()));
    }

    [Fact]
    public async Task The_valid_base_of_the_broken_examples_is_accepted_by_both()
    {
        var path = Path.Combine(BrokenDir, "..", "minimal-valid.yaml");

        var result = ScenarioLoader.LoadFile(path, Vocabulary);

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.Empty(await SchemaTests.SchemaErrorsAsync("scenario.schema.json", path));
    }

    [Fact]
    public void A_fresh_scaffold_validates_with_no_diagnostics()
    {
        var text = ScenarioScaffolder.Create("fresh-start", "Fresh start: take two").Text!;

        var result = ScenarioLoader.LoadText(text, "fresh-start.yaml", Vocabulary);

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.Equal("Fresh start: take two", result.Scenario!.Title);
    }

    [Fact]
    public void Schema_lists_exactly_the_catalogue_ids()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "schema", "scenario.schema.json")))!;
        var points = schema["definitions"]!["markingPoint"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        var negatives = schema["definitions"]!["negative"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(Vocabulary.MarkingPoints.Order(), points.Order());
        Assert.Equal(Vocabulary.Negatives.Order(), negatives.Order());
    }

    private static LoadResult LoadSafely(string path)
    {
        try
        {
            return ScenarioLoader.LoadFile(path, Vocabulary);
        }
        catch (InvalidOperationException ex)
        {
            // Known engine gap (reported to the lead): YamlDotNet's scanner throws InvalidOperationException on some
            // malformed input, e.g. an unclosed flow sequence, and ScenarioLoader only catches YamlException. Until the
            // loader reports it as RP0001 itself, count the throw as a rejection so this file still proves the schema side.
            return new LoadResult(null, [new RolePlay.Engine.Diagnostics.Diagnostic(
                RolePlay.Engine.Diagnostics.DiagnosticDescriptors.YamlSyntax, path, new RolePlay.Engine.Model.SourcePosition(1, 1), ex.Message)]);
        }
    }
}
