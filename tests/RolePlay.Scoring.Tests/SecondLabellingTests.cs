using System.Text.Json;

namespace RolePlay.Scoring.Tests;

/// <summary>
/// Held-out sets labelled a second time, independently, from the guide alone: they say how far two labellers agree, the
/// ceiling an automatic scorer is judged against (Data/README.md, "Second labellings").
/// </summary>
public class SecondLabellingTests
{
    [Theory]
    [InlineData("holdout.jsonl", 0.90)]
    [InlineData("holdout15.jsonl", 0.90)]
    [InlineData("holdout16.jsonl", 0.90)]
    public void A_second_labelling_covers_its_set_and_agrees_with_the_first_as_stated(string file, double agreement)
    {
        var first = Score.Evaluate(file).Items.ToDictionary(i => i.Id, i => i.Labelled, StringComparer.Ordinal);
        var second = ReadLabels(Path.ChangeExtension(file, ".second-labeller.jsonl"));
        var known = Score.Scorer.Catalogue.Points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(second.Values.SelectMany(ids => ids), id => Assert.Contains(id, known));

        var report = Evaluation.Evaluation.Compute(first.Select(f => (second[f.Key], (IReadOnlyCollection<string>)f.Value)), known);
        Assert.True(report.MacroF1 >= agreement, $"{file}: the labellers agree at macro-F1 {report.MacroF1:0.000}");
    }

    private static Dictionary<string, IReadOnlyCollection<string>> ReadLabels(string file)
    {
        var labels = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Score.DataFile(file)).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            labels.Add(root.GetProperty("id").GetString()!, [.. Ids(root, "labels"), .. Ids(root, "negatives")]);
        }

        return labels;
    }

    private static IEnumerable<string> Ids(JsonElement root, string property) =>
        root.GetProperty(property).EnumerateArray().Select(e => e.GetString()!);
}
