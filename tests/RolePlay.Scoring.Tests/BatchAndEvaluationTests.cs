using System.Text.Json;

using RolePlay.Scoring.Batch;
using RolePlay.Scoring.Evaluation;

namespace RolePlay.Scoring.Tests;

public class BatchAndEvaluationTests
{
    [Fact]
    public async Task Batch_scores_good_lines_and_reports_bad_ones_with_line_numbers()
    {
        var input = new StringReader(string.Join('\n',
            """{"id": "a", "text": "I'm so sorry, I'll call you back by 5pm today."}""",
            """not json at all""",
            "",
            """{"id": "b", "text": "So you're saying it was due Monday?", "context": "It was due on Monday and it's not here."}""",
            """{"id": "c"}""",
            """{"id": 7, "text": "calm down", "context_kind": "colleague"}""",
            """{"id": "d", "text": "hi", "context_kind": "martian"}""",
            """[1, 2, 3]"""));
        var output = new StringWriter();

        var summary = await BatchScoring.RunAsync(input, output, Score.Scorer);

        Assert.Equal(7, summary.Lines);
        Assert.Equal(3, summary.Scored);
        Assert.Equal([2, 5, 7, 8], summary.Errors.Select(e => e.Line));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);

        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("a", root.GetProperty("id").GetString());
        Assert.Contains("apology", root.GetProperty("credited").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.GetProperty("score").GetDouble() > 0);
        var apology = root.GetProperty("marking_points").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "apology");
        Assert.True(apology.GetProperty("credited").GetBoolean());
        var evidence = apology.GetProperty("evidence")[0];
        Assert.Equal("sorry", evidence.GetProperty("quote").GetString());
        Assert.Equal(7, evidence.GetProperty("start").GetInt32());
        Assert.Equal(12, evidence.GetProperty("end").GetInt32());
        Assert.False(string.IsNullOrEmpty(apology.GetProperty("rationale").GetString()));

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Contains("active_listening", second.RootElement.GetProperty("credited").EnumerateArray().Select(e => e.GetString()));
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("7", third.RootElement.GetProperty("id").GetString());
        Assert.Contains("dismissive", third.RootElement.GetProperty("negatives").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Report_json_round_trips()
    {
        var assessment = Score.Reply("I'm sorry, it's the courier's fault.");
        var report = ReplyScoreReport.From("x", assessment);

        var json = ReplyScoring.ToJson(report);
        var back = JsonSerializer.Deserialize<ReplyScoreReport>(json, ReplyScoring.JsonOptions)!;

        Assert.Equal(json, ReplyScoring.ToJson(back));
        Assert.Contains("\"marking_points\"", json, StringComparison.Ordinal);
        Assert.Equal(report.Credited, back.Credited);
    }

    [Fact]
    public void Text_output_lists_credited_points_with_evidence()
    {
        var text = ReplyScoring.ToText(Score.Reply("I'm so sorry about that."));

        Assert.Contains("apology", text, StringComparison.Ordinal);
        Assert.Contains("\"sorry\"", text, StringComparison.Ordinal);
        Assert.StartsWith("Score:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_match_a_hand_computed_example()
    {
        // apology: tp 2, fp 1, fn 1, tn 1 -> P 2/3, R 2/3, F1 2/3; kappa: po 3/5, pe (3*3 + 2*2)/25 = 13/25 -> (0.6-0.52)/0.48
        (IReadOnlyCollection<string>, IReadOnlyCollection<string>)[] items =
        [
            (["apology"], ["apology"]),
            (["apology"], ["apology", "blame"]),
            (["apology"], []),
            ([], ["apology"]),
            ([], []),
        ];

        var report = Evaluation.Evaluation.Compute(items);

        var apology = report.Points.Single(p => p.Id == "apology");
        Assert.Equal((2, 1, 1, 1), (apology.TruePositives, apology.FalsePositives, apology.FalseNegatives, apology.TrueNegatives));
        Assert.Equal(2.0 / 3, apology.Precision, 6);
        Assert.Equal(2.0 / 3, apology.Recall, 6);
        Assert.Equal(2.0 / 3, apology.F1, 6);
        Assert.Equal(0.08 / 0.48, apology.Kappa, 6);
        var blame = report.Points.Single(p => p.Id == "blame");
        Assert.Equal(0, blame.F1);
        Assert.Equal(1, blame.Support);
        Assert.Equal((2.0 / 3 + 0) / 2, report.MacroF1, 6);
    }

    [Fact]
    public void Kappa_is_one_for_perfect_agreement_and_zero_for_chance()
    {
        Assert.Equal(1, Evaluation.Evaluation.CohensKappa(5, 0, 0, 5));
        Assert.Equal(1, Evaluation.Evaluation.CohensKappa(0, 0, 0, 10));
        Assert.Equal(0, Evaluation.Evaluation.CohensKappa(1, 1, 1, 1), 6);
    }

    [Fact]
    public async Task Labelled_jsonl_is_evaluated_and_bad_lines_reported()
    {
        var input = new StringReader(string.Join('\n',
            """{"id":"1","context_kind":"customer","persona_line":"It's late.","text":"I'm so sorry.","labels":["apology"],"negatives":[]}""",
            """{"id":"2","context_kind":"customer","persona_line":"","text":"calm down","labels":[],"negatives":["dismissive"]}""",
            """{"id":"3","text":"x","labels":"apology"}"""));

        var run = await Evaluation.Evaluation.EvaluateJsonlAsync(input, Score.Scorer, ["apology", "dismissive"]);

        Assert.Equal(2, run.Report.Items);
        Assert.Equal(3, Assert.Single(run.Errors).Line);
        Assert.Equal(1, run.Report.MacroF1, 6);
    }
}
