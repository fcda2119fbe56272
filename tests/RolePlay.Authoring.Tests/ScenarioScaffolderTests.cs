using RolePlay.Authoring;
using static RolePlay.Authoring.Tests.AuthoringFixtures;

namespace RolePlay.Authoring.Tests;

public class ScenarioScaffolderTests
{
    [Fact]
    public void Embedded_template_matches_the_template_file()
    {
        var onDisk = File.ReadAllText(Path.Combine(RepoRoot, "templates", "scenario.yaml")).ReplaceLineEndings("\n").TrimEnd();

        Assert.Equal(onDisk, ScenarioScaffolder.Template.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void Fills_in_id_and_title()
    {
        var result = ScenarioScaffolder.Create("noisy-neighbour", "The noisy neighbour: part 2");

        Assert.True(result.Succeeded);
        Assert.Contains("id: noisy-neighbour", result.Text, StringComparison.Ordinal);
        Assert.Contains("title: \"The noisy neighbour: part 2\"", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", result.Text, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=../schema/scenario.schema.json", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_defaults_to_the_id_in_sentence_case_and_quotes_are_escaped()
    {
        Assert.Contains("title: \"Late delivery\"", ScenarioScaffolder.Create("late-delivery").Text, StringComparison.Ordinal);
        Assert.Contains("title: \"Say \\\"hi\\\"\"", ScenarioScaffolder.Create("hi", "Say \"hi\"").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Late-Delivery")]
    [InlineData("-late")]
    [InlineData("../etc/passwd")]
    [InlineData("late delivery")]
    public void Rejects_invalid_ids(string id)
    {
        var result = ScenarioScaffolder.Create(id);

        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Contains("not a valid scenario id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_the_file_and_refuses_to_overwrite()
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-new-").FullName;
        try
        {
            var first = await ScenarioScaffolder.WriteAsync(dir, "first-try");
            var second = await ScenarioScaffolder.WriteAsync(dir, "first-try");

            Assert.True(first.Succeeded);
            Assert.Equal(Path.Combine(dir, "first-try.yaml"), first.Path);
            Assert.Equal(first.Text, await File.ReadAllTextAsync(first.Path!));
            Assert.False(second.Succeeded);
            Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
            Assert.True((await ScenarioScaffolder.WriteAsync(dir, "first-try", overwrite: true)).Succeeded);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
