using RolePlay.Engine.Diagnostics;
using static RolePlay.Engine.Tests.TestScenarios;

namespace RolePlay.Engine.Tests;

/// <summary>Untrusted scenario text becomes diagnostics, never exceptions.</summary>
public sealed class LoaderRobustnessTests
{
    public static TheoryData<string, string, int, int> OddInputs => new()
    {
        { "list as a variable name", Patch((13, "  ? [trust, mood]\n  : { min: 0, max: 10 }")), 13, 5 },
        { "list as a state key", Patch((17, "    state: { [anger]: 6 }")), 17, 14 },
        { "list as an update key", Patch((33, "        update: { [anger]: -2 }")), 33, 19 },
        { "number too large for an int", Patch((4, "turn_limit: 99999999999999999999")), 4, 13 },
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void Odd_shapes_are_reported_with_positions(string name, string yaml, int line, int column)
    {
        var result = LoadBroken(yaml);

        Assert.False(result.Succeeded, name);
        var diagnostic = Assert.Single(result.Errors, d => d.Code == "RP0003");
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("2147483647", 10)]
    [InlineData("-2147483648", 0)]
    public async Task Update_amounts_at_int_limits_clamp_in_the_right_direction(string amount, int expected)
    {
        var scenario = Load(Patch((30, $"        update: {{ anger: {amount} }}")));
        var scorer = SessionTestKit.Scorer(SessionTestKit.Assess(negatives: ["blame"]));
        var session = Sessions.Session.Start(scenario, scorer, 1, "s");

        await session.ReplyAsync("It is your fault.");

        Assert.Equal("escalated", session.Ending!.Id);
        Assert.Equal(expected, session.State.Variables["anger"]);
    }

    [Fact]
    public void Random_line_soup_never_throws()
    {
        var lines = Valid.Split('\n');
        string[] junk = ["- ", ": ", "[", "]", "{", "}", "'", "\"", "&a ", "*a ", "? ", "|", ">", "#", "\t", "!!int ", "%YAML 1.2", "---", "..."];
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            var mutated = lines.ToArray();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                var at = random.Next(mutated.Length);
                var line = mutated[at];
                var position = random.Next(line.Length + 1);
                mutated[at] = random.Next(3) switch
                {
                    0 => line.Insert(position, junk[random.Next(junk.Length)]),
                    1 => line[..position],
                    _ => mutated[random.Next(mutated.Length)],
                };
            }

            var text = string.Join('\n', mutated);

            var result = LoadBroken(text);

            Assert.Equal(result.Diagnostics.Any(d => d.Severity == Severity.Error), !result.Succeeded);
            Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, $"{d} in\n{text}"));
        }
    }
}

/// <summary>Structures deep enough to exhaust the stack if the loader recursed without limit.</summary>
public sealed class LoaderDepthTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deeply_nested_yaml_is_an_error_not_a_crash(bool lists)
    {
        var depth = 20000;
        var value = lists ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
        var text = TestScenarios.Patch((2, "title: " + value));
        Loading.LoadResult? result = null;

        var thread = new Thread(() => result = TestScenarios.LoadBroken(text), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        var diagnostic = Assert.Single(result!.Diagnostics);
        Assert.Equal("RP0001", diagnostic.Code);
        Assert.Contains("too deeply", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Line);
    }
}
