using System.Text.Json.Nodes;
using NJsonSchema;
using RolePlay.Authoring;
using YamlDotNet.Core;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

/// <summary>The JSON Schema editors use must accept every shipped scenario and reject every broken example.</summary>
public class SchemaTests
{
    public static TheoryData<string> ShippedScenarios() => new(ShippedScenarioFiles.Select(Path.GetFileName)!);

    public static TheoryData<string> BrokenScenarios() => new(BrokenFiles.Select(Path.GetFileName)!);

    internal static async Task<IReadOnlyList<string>> SchemaErrorsAsync(string schemaFile, string yamlFile)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoRoot, "schema", schemaFile));
        JsonNode? json;
        try
        {
            json = YamlJson.Convert(await File.ReadAllTextAsync(yamlFile));
        }
        catch (YamlException ex)
        {
            return [$"YAML: {ex.Message}"];
        }

        return schema.Validate(json?.ToJsonString() ?? "null").Select(e => e.ToString()).ToList();
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task Schema_accepts_shipped_scenario(string file)
    {
        var errors = await SchemaErrorsAsync("scenario.schema.json", Path.Combine(ScenariosDir, file));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(BrokenScenarios))]
    public async Task Schema_rejects_broken_scenario(string file)
    {
        var errors = await SchemaErrorsAsync("scenario.schema.json", Path.Combine(BrokenDir, file));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Schema_accepts_the_valid_base_of_the_broken_examples()
    {
        var errors = await SchemaErrorsAsync("scenario.schema.json", Path.Combine(BrokenDir, "..", "minimal-valid.yaml"));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Schema_accepts_a_fresh_scaffold()
    {
        var path = Path.Combine(Path.GetTempPath(), $"roleplay-scaffold-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, ScenarioScaffolder.Create("fresh-start", "Fresh start").Text);
        try
        {
            var errors = await SchemaErrorsAsync("scenario.schema.json", path);

            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Test_plan_schema_accepts_every_shipped_test_plan()
    {
        var plans = Directory.GetFiles(ScenariosDir, "*" + TestPlanLoader.FileSuffix);
        Assert.NotEmpty(plans);
        foreach (var plan in plans)
        {
            var errors = await SchemaErrorsAsync("testplan.schema.json", plan);
            Assert.True(errors.Count == 0, $"{Path.GetFileName(plan)}:\n{string.Join("\n", errors)}");
        }
    }

    [Theory]
    [InlineData("playthroughs:\n  - name: n\n    replies: [a]\n    ending: e\n")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a]\n")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: a\n    ending: e\n")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a]\n    ending: e\n    endign: e\n")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: [a]\n    ending: e\n    expect:\n      - turn: first\n")]
    [InlineData("scenario: s\nplaythroughs: []\n")]
    [InlineData("scenario: s\nplaythroughs:\n  - name: n\n    replies: []\n    ending: e\n")]
    public async Task Test_plan_schema_and_loader_both_reject_broken_plans(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"roleplay-plan-{Guid.NewGuid():N}.testplan.yaml");
        await File.WriteAllTextAsync(path, yaml);
        try
        {
            var schemaErrors = await SchemaErrorsAsync("testplan.schema.json", path);
            var loaded = TestPlanLoader.LoadFile(path);

            Assert.NotEmpty(schemaErrors);
            Assert.NotEmpty(loaded.Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_shipped_file_points_editors_at_its_schema()
    {
        foreach (var file in ShippedScenarioFiles)
        {
            var first = (await File.ReadAllLinesAsync(file))[0];
            Assert.Equal("# yaml-language-server: $schema=../schema/scenario.schema.json", first);
        }

        foreach (var file in Directory.GetFiles(ScenariosDir, "*" + TestPlanLoader.FileSuffix))
        {
            var first = (await File.ReadAllLinesAsync(file))[0];
            Assert.Equal("# yaml-language-server: $schema=../schema/testplan.schema.json", first);
        }
    }

    [Fact]
    public void Yaml_scalars_become_typed_json()
    {
        var json = YamlJson.Convert("a: +2\nb: -3\nc: '4'\nd: true\ne: ~\nf: 1.5\ng: text: more\n".Replace("g: text: more", "g: \"text: more\""))!;

        Assert.Equal("{\"a\":2,\"b\":-3,\"c\":\"4\",\"d\":true,\"e\":null,\"f\":1.5,\"g\":\"text: more\"}", json.ToJsonString());
    }
}
