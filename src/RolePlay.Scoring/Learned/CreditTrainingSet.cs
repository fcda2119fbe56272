using System.Text.Json;

using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Batch;

namespace RolePlay.Scoring.Learned;

/// <summary>Turns labelled JSONL lines into <see cref="CreditExample"/>s by running the rules alone over each reply.</summary>
public static class CreditTrainingSet
{
    /// <summary>
    /// The examples of a labelled file (<c>{"id","context_kind","persona_line","text","labels","negatives"}</c> per line).
    /// <paramref name="keep"/> picks lines by their 0-based number; replies the scorer refuses (empty, not English) are left out.
    /// </summary>
    public static List<CreditExample> FromJsonl(TextReader labelled, BuiltInScorer scorer, Func<int, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(scorer);
        var examples = new List<CreditExample>();
        var number = -1;
        while (labelled.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || (keep is not null && !keep(number)))
            {
                continue;
            }

            var input = BatchScoring.ParseLine(line, null, out var problem)
                ?? throw new FormatException($"labelled line {number + 1}: {problem}");
            var context = new ReplyContext(input.Text, input.Context, [], input.Assessed, input.ContextKind);
            if (scorer.CreditFeaturesOf(context) is { } features)
            {
                examples.Add(new CreditExample(features, Labels(line)));
            }
        }

        return examples;
    }

    private static HashSet<string> Labels(string line)
    {
        using var document = JsonDocument.Parse(line);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "labels", "negatives" })
        {
            if (document.RootElement.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                labels.UnionWith(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
        }

        return labels;
    }
}
