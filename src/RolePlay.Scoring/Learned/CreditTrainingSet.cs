using System.Text.Json;

using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Batch;

namespace RolePlay.Scoring.Learned;

/// <summary>
/// What the rules found in one reply when its set was first scored, before any rule was shaped by reading it: the ids
/// credited or detected, and every non-zero strength.
/// </summary>
public sealed record FirstScore(IReadOnlySet<string> Credited, IReadOnlyDictionary<string, double> Strengths);

/// <summary>Turns labelled JSONL lines into <see cref="CreditExample"/>s by running the rules alone over each reply.</summary>
public static class CreditTrainingSet
{
    /// <summary>
    /// The examples of a labelled file (<c>{"id","context_kind","persona_line","text","labels","negatives"}</c> per line).
    /// <paramref name="keep"/> picks lines by their 0-based number; replies the scorer refuses (empty, not English) are left out.
    /// Where <paramref name="firstScored"/> has a reply's id, the rules' part of its features comes from there instead of
    /// from today's rules: today's rules were shaped by reading the set, so on it they look surer than they are on
    /// replies nobody has read, and a model trained on that trusts them too much.
    /// </summary>
    public static List<CreditExample> FromJsonl(
        TextReader labelled, BuiltInScorer scorer, Func<int, bool>? keep = null, IReadOnlyDictionary<string, FirstScore>? firstScored = null)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(scorer);
        var examples = new List<CreditExample>();
        foreach (var (line, input) in Labelled(labelled, keep))
        {
            var context = new ReplyContext(input.Text, input.Context, [], input.Assessed, input.ContextKind);
            if (scorer.CreditFeaturesOf(context) is { } features)
            {
                if (firstScored is not null && firstScored.TryGetValue(input.Id, out var first))
                {
                    features = [.. features.Where(f => !CreditFeatures.IsRuleFeature(f)), .. CreditFeatures.RuleFeatures(first)];
                }

                examples.Add(new CreditExample(features, Labels(line)));
            }
        }

        return examples;
    }

    /// <summary>
    /// Writes what <paramref name="rules"/> find in each reply of a labelled file, in the form
    /// <see cref="ReadFirstScored"/> reads: run it with the rules alone when a dev set's validation stop ends, before any
    /// rule is shaped by reading the set.
    /// </summary>
    public static void WriteFirstScored(TextReader labelled, BuiltInScorer rules, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (_, input) in Labelled(labelled, keep: null))
        {
            var assessment = rules.Score(new ReplyContext(input.Text, input.Context, [], input.Assessed, input.ContextKind));
            var results = assessment.MarkingPoints.Concat(assessment.Negatives).ToList();
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", input.Id);
                json.WriteStartArray("credited");
                foreach (var result in results.Where(r => r.Credited))
                {
                    json.WriteStringValue(result.Id);
                }

                json.WriteEndArray();
                json.WriteStartObject("strengths");
                foreach (var result in results.Where(r => r.Strength > 0))
                {
                    json.WriteNumber(result.Id, result.Strength);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            output.Write('\n');
        }
    }

    /// <summary>
    /// Reads first-scored results, one <c>{"id","credited":[...],"strengths":{"id":0.75,...}}</c> per line, keyed by
    /// reply id. A damaged line is reported with its number.
    /// </summary>
    public static Dictionary<string, FirstScore> ReadFirstScored(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scores = new Dictionary<string, FirstScore>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.GetProperty("id").GetString() ?? throw new FormatException("\"id\" is null");
                var credited = root.GetProperty("credited").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
                var strengths = root.GetProperty("strengths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
                scores[id] = new FirstScore(credited, strengths);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"first-scored line {number}: {ex.Message}", ex);
            }
        }

        return scores;
    }

    // The non-blank lines of a labelled file that keep picks (by 0-based number), parsed; a bad line stops with its number.
    private static IEnumerable<(string Line, BatchInput Input)> Labelled(TextReader labelled, Func<int, bool>? keep)
    {
        var number = -1;
        while (labelled.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || (keep is not null && !keep(number)))
            {
                continue;
            }

            yield return (line, BatchScoring.ParseLine(line, null, out var problem)
                ?? throw new FormatException($"labelled line {number + 1}: {problem}"));
        }
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
