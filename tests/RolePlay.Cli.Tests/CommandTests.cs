using System.Text.Json;
using RolePlay.TestSupport;

namespace RolePlay.Cli.Tests;

/// <summary>Tutor and scorer commands through the real process: exit codes and output formats.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Validate_prints_path_line_column_and_exits_1_on_errors()
    {
        using var temp = new TempFolder();
        var broken = Path.Combine(temp.Path, "broken.yaml");
        await File.WriteAllTextAsync(broken, "id: broken\ntitle: Broken\ncontext: customer\nstart: a\npersonas:\n  - id: p\n    name: P\nnodes:\n  - id: a\n    speaker: p\n    lines: [Hello]\n    transitions:\n      - when: apology and\n        to: done\n      - to: done\nendings:\n  - id: done\n    outcome: resolved\n");
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "validate", broken);
        Assert.Equal(1, code);
        Assert.Matches(@"broken\.yaml:13:\d+: error RP0401: ", output);
    }

    [Fact]
    public async Task Validate_accepts_every_shipped_scenario()
    {
        using var temp = new TempFolder();
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "--scenarios", CliProcess.ScenariosFolder, "validate");
        Assert.True(code == 0, output);
        Assert.Contains("0 error(s), 0 warning(s)", output);
    }

    [Fact]
    public async Task Validate_checks_the_catalogue_in_a_folder_with_its_own_rules()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "scenarios");
        Directory.CreateDirectory(folder);
        var catalogue = Path.Combine(folder, "marking-points.yaml");
        await File.WriteAllTextAsync(catalogue, "marking_points:\n  - id: apology\n    title: Apology\n    kind: positive\n    feedback: { missed: \"Say sorry.\" }\n    cues:\n      strong: [\"sorry\", \"sorry\"]\n");

        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "validate", folder);

        Assert.True(code == 0, output);
        Assert.Matches(@"marking-points\.yaml:7:25: warning: apology: cue 'sorry' is already listed", output);
        Assert.DoesNotContain("RP0002", output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(catalogue, "marking_points:\n  - id: apology\n    title: Apology\n    kind: sideways\n");
        (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "validate", catalogue);

        Assert.Equal(1, code);
        Assert.Matches(@"marking-points\.yaml:\d+:\d+: error: apology: kind must be", output);
    }

    [Fact]
    public async Task List_shows_the_shipped_scenarios()
    {
        using var temp = new TempFolder();
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "--scenarios", CliProcess.ScenariosFolder, "list");
        Assert.Equal(0, code);
        Assert.Contains("late-delivery", output);
        Assert.Contains("shift-cover", output);
    }

    [Fact]
    public async Task Score_json_reports_credited_points_with_evidence_inside_the_reply()
    {
        using var temp = new TempFolder();
        const string reply = "I'm really sorry about that. Could you tell me your order number?";
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "score", reply, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var credited = json.RootElement.GetProperty("credited").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("apology", credited);
        foreach (var point in json.RootElement.GetProperty("marking_points").EnumerateArray())
        {
            foreach (var evidence in point.GetProperty("evidence").EnumerateArray())
            {
                var start = evidence.GetProperty("start").GetInt32();
                var end = evidence.GetProperty("end").GetInt32();
                Assert.Equal(reply[start..end], evidence.GetProperty("quote").GetString());
            }
        }
    }

    [Fact]
    public async Task Score_batch_skips_bad_lines_with_their_number_and_scores_the_rest()
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.Path, "replies.jsonl");
        var output = Path.Combine(temp.Path, "results.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            "{\"id\": \"a\", \"text\": \"Sorry, that's my mistake. I will fix it today.\"}",
            "this is not json",
            "{\"id\": \"c\", \"text\": \"It's not my problem, ring the courier.\", \"context\": \"Where is my parcel?\"}",
        ]);
        var (code, _, error) = await CliProcess.RunAsync(temp.Path, [], "score", "--input", input, "--output", output);
        Assert.Equal(0, code);
        Assert.Contains("replies.jsonl:2:", error);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(["a", "c"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Eval_disagreements_lists_only_replies_where_scorer_and_labels_differ()
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.Path, "labelled.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            "{\"id\": \"agree\", \"text\": \"I'm so sorry.\", \"labels\": [\"apology\"]}",
            "{\"id\": \"mislabelled\", \"text\": \"I'm so sorry.\", \"labels\": [\"sla_awareness\"]}",
        ]);
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "eval", "--input", input, "--disagreements");
        Assert.Equal(0, code);
        Assert.Contains("mislabelled -sla_awareness +apology", output);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("agree", StringComparison.Ordinal));

        var (_, filtered, _) = await CliProcess.RunAsync(temp.Path, [], "eval", "--input", input, "--disagreements", "--point", "apology");
        Assert.Contains("mislabelled +apology", filtered);
    }

    [Fact]
    public async Task Play_without_a_scenario_and_with_redirected_input_names_the_choices()
    {
        using var temp = new TempFolder();
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [], "--scenarios", CliProcess.ScenariosFolder, "play");
        Assert.NotEqual(0, code);
        Assert.Contains("late-delivery", output);
    }

    [Fact]
    public async Task A_corrupt_database_gives_a_clear_error_not_a_stack_trace()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(temp.Database, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());
        var (code, output, error) = await CliProcess.RunAsync(temp.Path, ["hello"], "--scenarios", CliProcess.ScenariosFolder, "play", "late-delivery");
        Assert.Equal(1, code);
        Assert.Contains("error:", output);
        Assert.DoesNotContain("   at ", output + error);
    }
}
