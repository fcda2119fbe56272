using System.Runtime.CompilerServices;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Learned;

/// <summary>
/// A <see cref="CreditModel"/> laid out for one catalogue: each entry's weight rows looked up once, so scoring a reply
/// costs one dictionary lookup per distinct word and no string building.
/// </summary>
internal sealed class CreditPlan
{
    private readonly CreditModel model;
    private readonly int[] modelIndex;
    private readonly double[] thresholds;
    private readonly bool[] mayAdd;
    private readonly double[] withdrawals;
    private readonly int[][] weakeners;
    private readonly double[]?[] creditedRows;
    private readonly double[]?[][] strengthRows;
    private readonly double[]?[] lengthRows;
    private readonly double[]? questionRow;

    // Per thread: the call in which each known word was last seen, so a repeated word counts once without a set.
    [ThreadStatic]
    private static int[]? seenInCall;

    [ThreadStatic]
    private static int call;

    [ThreadStatic]
    private static List<(int Token, double[] Row)>? knownWords;

    public CreditPlan(CreditModel model, IReadOnlyList<MarkingPointDefinition> points)
    {
        this.model = model;
        modelIndex = new int[points.Count];
        thresholds = new double[points.Count];
        mayAdd = new bool[points.Count];
        withdrawals = new double[points.Count];
        weakeners = new int[points.Count][];
        var position = points.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        creditedRows = new double[]?[points.Count];
        strengthRows = new double[]?[points.Count][];
        for (var i = 0; i < points.Count; i++)
        {
            var names = CreditFeatures.NamesOf(points[i].Id);
            modelIndex[i] = model.IndexOf(points[i].Id);
            thresholds[i] = CreditModel.ThresholdFor(points[i].Kind);
            mayAdd[i] = points[i].Kind == MarkingPointKind.Positive || CreditModel.DetectedNegatives.Contains(points[i].Id);
            withdrawals[i] = CreditModel.WithdrawalThresholdFor(points[i].Kind);
            weakeners[i] = points[i].WeakenedBy.Where(position.ContainsKey).Select(id => position[id]).ToArray();
            creditedRows[i] = model.Row(names[0]);
            strengthRows[i] = names.Skip(1).Select(model.Row).ToArray();
        }

        lengthRows = CreditFeatures.LengthFeatures.Select(model.Row).ToArray();
        questionRow = model.Row("Q");
    }

    /// <summary>
    /// Credits each entry the model has weights for and the rules left uncredited, when the model's probability reaches
    /// its kind's threshold (<see cref="CreditModel.CreditThreshold"/> for positive points,
    /// <see cref="CreditModel.DetectionThreshold"/> for <see cref="CreditModel.DetectedNegatives"/>) and some content
    /// word of the reply weighs towards it (those words are the evidence); an entry whose <c>contexts</c> exclude this
    /// conversation stays out. A negative is added only where the rules found no sign of it at all (where they weighed
    /// one and cleared it, their judgement stands), and after the rules' weakening, so it never weakens a positive
    /// credit; nor is a positive point added that a detected negative would weaken (ownership beside a breach). A credit or
    /// detection of the rules is withdrawn when the model gives it less than its kind's withdrawal threshold
    /// (<see cref="CreditModel.WithdrawalThresholdFor"/>): the rules' evidence stays on the result, and the rationale says why.
    /// </summary>
    // Compiled fully optimised at once: with dynamic PGO this pass ran 6 to 11 µs depending on the process (docs/scoring.md, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Revise(IReadOnlyList<MarkingPointDefinition> points, MarkingPointResult[] results, ReplyText reply, ContextKind context)
    {
        Span<double> sums = stackalloc double[model.Ids.Count];
        model.Start(sums);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Credited)
            {
                CreditModel.Add(creditedRows[i], sums);
            }

            if (results[i].Strength > 0)
            {
                CreditModel.Add(strengthRows[i][CreditFeatures.StrengthBin(results[i].Strength)], sums);
            }
        }

        // Distinct words count once.
        var seen = seenInCall is { } array && array.Length == model.WordCount ? array : seenInCall = new int[model.WordCount];
        if (++call == int.MaxValue)
        {
            Array.Clear(seen);
            call = 1;
        }

        var known = knownWords ??= [];
        known.Clear();
        var tokens = reply.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || model.WordIndex(tokens[t].Text) is not (>= 0 and var word) || seen[word] == call)
            {
                continue;
            }

            seen[word] = call;
            var row = model.WordRow(word);
            CreditModel.Add(row, sums);
            known.Add((t, row));
        }

        CreditModel.Add(lengthRows[CreditFeatures.LengthBin(reply)], sums);
        if (CreditFeatures.HasQuestionMark(reply))
        {
            CreditModel.Add(questionRow, sums);
        }

        for (var i = 0; i < results.Length; i++)
        {
            var index = modelIndex[i];
            if (index < 0)
            {
                continue;
            }

            if (results[i].Credited)
            {
                if (CreditModel.Logistic(sums[index]) is var doubt && doubt < withdrawals[i])
                {
                    results[i] = CreditFeatures.Withdraw(points[i], doubt, results[i]);
                }

                continue;
            }

            if (!mayAdd[i] || !points[i].AppliesIn(context) || WeakenedByADetection(i, results))
            {
                continue;
            }

            // A negative the rules weighed and found too weak (a near miss they were written to clear) stays cleared.
            if (points[i].Kind == MarkingPointKind.Negative && results[i].Strength > 0)
            {
                continue;
            }

            var probability = CreditModel.Logistic(sums[index]);
            if (probability >= thresholds[i] && CreditFeatures.Evidence(known, index, reply) is { Count: > 0 } evidence)
            {
                results[i] = CreditFeatures.Credit(points[i], probability, evidence);
            }
        }
    }

    // The rules withhold a point a detected negative weakens (ownership beside a breach); the model must not add it back.
    // The rules' detection counts even when the model withdraws it later in the same pass, as the rules' weakening did.
    private bool WeakenedByADetection(int point, MarkingPointResult[] results)
    {
        foreach (var weakener in weakeners[point])
        {
            if (results[weakener].Credited)
            {
                return true;
            }
        }

        return false;
    }
}
