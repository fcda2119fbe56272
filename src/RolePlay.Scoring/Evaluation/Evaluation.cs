using System.Text.Json;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Batch;

namespace RolePlay.Scoring.Evaluation;

/// <summary>Agreement on one marking point between predicted and labelled sets.</summary>
public sealed record PointMetrics(
    string Id,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int TrueNegatives,
    double Precision,
    double Recall,
    double F1,
    double Kappa)
{
    /// <summary>How many items carry the label.</summary>
    public int Support => TruePositives + FalseNegatives;
}

/// <summary>Precision, recall and F1 per point, macro/micro F1 and Cohen's kappa over a labelled set.</summary>
/// <param name="Items">Items compared.</param>
/// <param name="Points">One entry per id assessed (those with neither labels nor predictions are left out).</param>
/// <param name="MacroF1">Unweighted mean F1 over <paramref name="Points"/>.</param>
/// <param name="MicroF1">F1 over all (item, id) decisions pooled.</param>
/// <param name="MeanKappa">Unweighted mean of per-point kappa.</param>
/// <param name="PooledKappa">Cohen's kappa over all (item, id) decisions pooled.</param>
public sealed record EvaluationReport(int Items, IReadOnlyList<PointMetrics> Points, double MacroF1, double MicroF1, double MeanKappa, double PooledKappa);

/// <summary>One labelled item with the scorer's prediction.</summary>
public sealed record EvaluatedItem(string Id, IReadOnlyList<string> Labelled, IReadOnlyList<string> Predicted)
{
    /// <summary>The reply text (empty when the item was built without it).</summary>
    public string Text { get; init; } = "";

    /// <summary>Labelled ids the scorer did not give.</summary>
    public IReadOnlyList<string> Missed => [.. Labelled.Except(Predicted, StringComparer.Ordinal)];

    /// <summary>Ids the scorer gave that were not labelled.</summary>
    public IReadOnlyList<string> Extra => [.. Predicted.Except(Labelled, StringComparer.Ordinal)];
}

/// <summary>An evaluation over a labelled JSONL file: the report, every item, and lines that could not be read.</summary>
public sealed record EvaluationRun(EvaluationReport Report, IReadOnlyList<EvaluatedItem> Items, IReadOnlyList<BatchLineError> Errors);

/// <summary>Compares predicted marking points with human labels (used by tests, <c>roleplay eval</c> and the LLM judge).</summary>
public static class Evaluation
{
    /// <summary>Computes per-point and overall agreement for the given ids (default: every id labelled or predicted).</summary>
    public static EvaluationReport Compute(
        IEnumerable<(IReadOnlyCollection<string> Predicted, IReadOnlyCollection<string> Labelled)> items,
        IEnumerable<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.Select(i => (Predicted: i.Predicted.ToHashSet(StringComparer.Ordinal), Labelled: i.Labelled.ToHashSet(StringComparer.Ordinal))).ToList();
        var idList = (ids ?? list.SelectMany(i => i.Predicted.Concat(i.Labelled)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var points = new List<PointMetrics>();
        int tpAll = 0, fpAll = 0, fnAll = 0, tnAll = 0;
        foreach (var id in idList)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            foreach (var (predicted, labelled) in list)
            {
                var p = predicted.Contains(id);
                var l = labelled.Contains(id);
                if (p && l)
                {
                    tp++;
                }
                else if (p)
                {
                    fp++;
                }
                else if (l)
                {
                    fn++;
                }
                else
                {
                    tn++;
                }
            }

            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
            tnAll += tn;
            if (tp + fp + fn == 0)
            {
                continue;
            }

            var precision = Ratio(tp, tp + fp);
            var recall = Ratio(tp, tp + fn);
            points.Add(new PointMetrics(id, tp, fp, fn, tn, precision, recall, F1(precision, recall), CohensKappa(tp, fp, fn, tn)));
        }

        var microP = Ratio(tpAll, tpAll + fpAll);
        var microR = Ratio(tpAll, tpAll + fnAll);
        return new EvaluationReport(
            list.Count,
            points,
            points.Count == 0 ? 0 : points.Average(p => p.F1),
            F1(microP, microR),
            points.Count == 0 ? 0 : points.Average(p => p.Kappa),
            CohensKappa(tpAll, fpAll, fnAll, tnAll));
    }

    /// <summary>Cohen's kappa for a 2x2 table; 1 when both raters agree perfectly even if chance agreement is total.</summary>
    public static double CohensKappa(int truePositives, int falsePositives, int falseNegatives, int trueNegatives)
    {
        double n = truePositives + falsePositives + falseNegatives + trueNegatives;
        if (n == 0)
        {
            return 0;
        }

        var observed = (truePositives + trueNegatives) / n;
        var expected = (((truePositives + falsePositives) * (double)(truePositives + falseNegatives))
            + ((falseNegatives + trueNegatives) * (double)(falsePositives + trueNegatives))) / (n * n);
        return expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);
    }

    public static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    /// <summary>
    /// Scores every line of a labelled JSONL file (<c>{"id","context_kind","persona_line","text","labels":[...],"negatives":[...]}</c>)
    /// and compares the credited/detected ids with <c>labels</c> and <c>negatives</c>. Bad lines are reported and skipped.
    /// </summary>
    public static async Task<EvaluationRun> EvaluateJsonlAsync(
        TextReader labelled,
        IReplyScorer scorer,
        IEnumerable<string>? ids = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(scorer);
        var items = new List<EvaluatedItem>();
        var errors = new List<BatchLineError>();
        var lineNumber = 0;
        while (await labelled.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var input = BatchScoring.ParseLine(line, null, out var problem);
            var gold = input is null ? null : ReadLabels(line, out problem);
            if (input is null || gold is null)
            {
                errors.Add(new BatchLineError(lineNumber, problem));
                continue;
            }

            var assessment = await scorer.ScoreAsync(new ReplyContext(input.Text, input.Context, [], input.Assessed, input.ContextKind), cancellationToken).ConfigureAwait(false);
            items.Add(new EvaluatedItem(input.Id, gold, assessment.CreditedIds.Concat(assessment.DetectedNegativeIds).ToList()) { Text = input.Text });
        }

        var report = Compute(items.Select(i => ((IReadOnlyCollection<string>)i.Predicted, (IReadOnlyCollection<string>)i.Labelled)), ids);
        return new EvaluationRun(report, items, errors);
    }

    private static List<string>? ReadLabels(string line, out string problem)
    {
        problem = "";
        using var document = JsonDocument.Parse(line);
        var result = new List<string>();
        foreach (var name in new[] { "labels", "negatives" })
        {
            if (!document.RootElement.TryGetProperty(name, out var element))
            {
                continue;
            }

            if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                problem = $"\"{name}\" must be a list of ids";
                return null;
            }

            result.AddRange(element.EnumerateArray().Select(e => e.GetString()!));
        }

        return result;
    }
}
