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
    private readonly double[] addThresholds;
    private readonly int[][] weakeners;
    private readonly double[]?[] creditedRows;
    private readonly double[]?[][] strengthRows;
    private readonly double[]?[] lengthRows;
    private readonly double[]? questionRow;
    private readonly double[]?[] shapeRows;

    // What each of the model's words tells the reply's shape, by the word's number; a shape word the model does not know
    // (too rare in training) is looked up by its text instead.
    private readonly ShapeWord[] shapeWordOfWord;
    private readonly bool everyShapeWordKnown;

    // Per thread: the call in which each known word or pair was last seen, so a repeated one counts once without a set.
    [ThreadStatic]
    private static int[]? seenInCall;

    [ThreadStatic]
    private static int[]? pairSeenInCall;

    // Per thread: the number of each token's known word (or -1), so the pairs are looked up without a second dictionary lookup.
    [ThreadStatic]
    private static int[]? wordOfToken;

    [ThreadStatic]
    private static ShapeWord[]? shapeWordOfToken;

    [ThreadStatic]
    private static int call;

    [ThreadStatic]
    private static List<(int First, int Last, double[] Row)>? knownWords;

    public CreditPlan(CreditModel model, IReadOnlyList<MarkingPointDefinition> points)
    {
        this.model = model;
        modelIndex = new int[points.Count];
        addThresholds = new double[points.Count];
        weakeners = new int[points.Count][];
        var position = points.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        creditedRows = new double[]?[points.Count];
        strengthRows = new double[]?[points.Count][];
        for (var i = 0; i < points.Count; i++)
        {
            var names = CreditFeatures.NamesOf(points[i].Id);
            modelIndex[i] = model.IndexOf(points[i].Id);
            addThresholds[i] = CreditModel.AddThresholdFor(points[i].Kind, points[i].Id);
            weakeners[i] = points[i].WeakenedBy.Where(position.ContainsKey).Select(id => position[id]).ToArray();
            creditedRows[i] = model.Row(names[0]);
            strengthRows[i] = names.Skip(1).Select(model.Row).ToArray();
        }

        lengthRows = CreditFeatures.LengthFeatures.Select(model.Row).ToArray();
        questionRow = model.Row("Q");
        shapeRows = CreditFeatures.ShapeFeatures.Select(model.Row).ToArray();
        shapeWordOfWord = new ShapeWord[model.WordCount];
        everyShapeWordKnown = true;
        foreach (var (word, kind) in CreditFeatures.ShapeWordList)
        {
            if (model.WordIndex(word) is >= 0 and var index)
            {
                shapeWordOfWord[index] = kind;
            }
            else
            {
                everyShapeWordKnown = false;
            }
        }
    }

    /// <summary>
    /// Revises the rules' results with the model (<see cref="CreditModel.Decide"/>): credits an entry the rules left
    /// uncredited when the model is sure of it, the entry applies in this conversation, no negative the rules detected
    /// weakens it (ownership beside a breach) and some content word of the reply weighs towards it (those words are the
    /// evidence); withdraws a rule's credit or detection the model doubts, keeping the rules' evidence on the result and
    /// saying why in the rationale. Learned negatives come after the rules' weakening, so they never weaken a positive credit.
    /// </summary>
    // Compiled fully optimised at once: with dynamic PGO this pass ran 6 to 11 µs depending on the process (docs/scoring.md, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Revise(IReadOnlyList<MarkingPointDefinition> points, MarkingPointResult[] results, ReplyText reply, ContextKind context)
    {
        Span<double> sums = stackalloc double[model.Ids.Count];
        var known = Weigh(results, reply, sums);
        for (var i = 0; i < results.Length; i++)
        {
            var index = modelIndex[i];
            if (index < 0)
            {
                continue;
            }

            var probability = CreditModel.Logistic(sums[index]);
            switch (CreditModel.Decide(points[i].Kind, addThresholds[i], results[i].Credited, results[i].Strength > 0, probability))
            {
                case LearnedDecision.Withdraw:
                    results[i] = CreditFeatures.Withdraw(points[i], probability, results[i]);
                    break;
                case LearnedDecision.Add when points[i].AppliesIn(context) && !WeakenedByADetection(i, results)
                                              && CreditFeatures.Evidence(known, index, reply) is { Count: > 0 } evidence:
                    results[i] = CreditFeatures.Credit(points[i], probability, evidence);
                    break;
            }
        }
    }

    /// <summary>The model's probability of each of its ids (in <see cref="CreditModel.Ids"/> order) for a reply whose rules gave <paramref name="results"/>.</summary>
    public double[] Probabilities(MarkingPointResult[] results, ReplyText reply)
    {
        Span<double> sums = stackalloc double[model.Ids.Count];
        Weigh(results, reply, sums);
        var probabilities = new double[sums.Length];
        for (var i = 0; i < sums.Length; i++)
        {
            probabilities[i] = CreditModel.Logistic(sums[i]);
        }

        return probabilities;
    }

    // Adds up the model's weights for what the rules found, for the reply's distinct known words and word pairs and for
    // its shape (the same features CreditFeatures.Of names for training), and returns those words and pairs with their
    // rows, for evidence.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<(int First, int Last, double[] Row)> Weigh(MarkingPointResult[] results, ReplyText reply, Span<double> sums)
    {
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

        // Distinct words and pairs count once.
        var seen = seenInCall is { } array && array.Length == model.WordCount ? array : seenInCall = new int[model.WordCount];
        var pairSeen = pairSeenInCall is { } pairArray && pairArray.Length == model.PairCount ? pairArray : pairSeenInCall = new int[model.PairCount];
        if (++call == int.MaxValue)
        {
            Array.Clear(seen);
            Array.Clear(pairSeen);
            call = 1;
        }

        // Read once: a thread-static field costs a lookup on every access.
        var current = call;

        var known = knownWords ??= [];
        known.Clear();
        var tokens = reply.Tokens;
        var wordAt = wordOfToken is { } numbers && numbers.Length >= tokens.Length ? numbers : wordOfToken = new int[Math.Max(tokens.Length, 64)];
        var kinds = shapeWordOfToken is { } shapes && shapes.Length >= tokens.Length ? shapes : shapeWordOfToken = new ShapeWord[Math.Max(tokens.Length, 64)];
        for (var t = 0; t < tokens.Length; t++)
        {
            var learned = CreditFeatures.IsLearned(tokens[t]);
            var word = wordAt[t] = learned ? model.WordIndex(tokens[t].Text) : -1;
            kinds[t] = word >= 0 ? shapeWordOfWord[word]
                : learned && !everyShapeWordKnown ? CreditFeatures.ShapeWordOf(tokens[t].Text) : ShapeWord.None;
            if (word >= 0 && seen[word] != current)
            {
                seen[word] = current;
                if (model.WordRow(word) is { } row)
                {
                    CreditModel.Add(row, sums);
                    known.Add((t, t, row));
                }
            }

            if (word >= 0 && CreditFeatures.EndsAPair(tokens, t) && wordAt[t - 1] >= 0
                && model.PairIndex(wordAt[t - 1], word) is >= 0 and var pair && pairSeen[pair] != current)
            {
                pairSeen[pair] = current;
                var row = model.PairRow(pair);
                CreditModel.Add(row, sums);
                known.Add((t - 1, t, row));
            }
        }

        CreditModel.Add(lengthRows[CreditFeatures.LengthBin(reply)], sums);
        if (CreditFeatures.HasQuestionMark(reply))
        {
            CreditModel.Add(questionRow, sums);
        }

        Span<int> shape = stackalloc int[CreditFeatures.MaxShapeFeatures];
        foreach (var feature in shape[..CreditFeatures.Shape(reply, kinds.AsSpan(0, tokens.Length), shape)])
        {
            CreditModel.Add(shapeRows[feature], sums);
        }

        return known;
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
