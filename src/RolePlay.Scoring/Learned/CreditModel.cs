using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Learned;

/// <summary>What the learned layer does with one marking point or negative behaviour of a reply.</summary>
public enum LearnedDecision
{
    /// <summary>The rules' result stands.</summary>
    Keep,

    /// <summary>The model credits (or detects) what the rules did not.</summary>
    Add,

    /// <summary>The model withdraws what the rules credited (or detected).</summary>
    Withdraw,
}

/// <summary>One training example for <see cref="CreditModel.Train"/>: the features of a reply and the ids it was labelled with.</summary>
public sealed record CreditExample(IReadOnlyList<string> Features, IReadOnlySet<string> Labels);

/// <summary>How <see cref="CreditModel.Train"/> fits its weights; the defaults are the ones the shipped model uses.</summary>
public sealed record CreditTraining
{
    /// <summary>Passes over the examples.</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>Pull of every weight towards zero, so no single word decides alone.</summary>
    public double L2 { get; init; } = 1e-3;

    /// <summary>Base step of the adaptive (AdaGrad) updates.</summary>
    public double Rate { get; init; } = 0.2;

    /// <summary>A word or word pair seen in fewer training replies than this is left out: it would only memorise one writer.</summary>
    public int MinWordCount { get; init; } = 5;

    /// <summary>Seed of the first example order, so training is repeatable.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Example orders fitted and averaged. Stochastic updates over shuffled examples end somewhere slightly different for
    /// each order; the mean of three is steadier (cross-validation over ten dev sets: 0.767 with one, 0.773 with three, 0.773
    /// with five) and costs nothing when scoring, since it is still one weight per feature.
    /// </summary>
    public int Orders { get; init; } = 3;

    /// <summary>
    /// Ids learned from content words only: grammar words ("the", "his", "must") may go with a label in the data, but a
    /// learner told they blamed someone must be able to see which of their words said so. The same holds for a pair of
    /// grammar words ("must have"); a pair with a content word in it ("your fault") counts.
    /// </summary>
    public IReadOnlySet<string> ContentWordIds { get; init; } = CreditModel.LearnedNegatives.ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// One logistic model per catalogue id over what the rules found (credited or not, how strongly) and the reply's
/// words and word pairs, trained on the labelled development sets. The scorer uses it to add what the rules missed (credits for
/// positive points, and negative behaviours at their own thresholds) and to withdraw what the rules found where replies
/// like this one were seldom labelled so; see docs/scoring.md, "The learned credit layer".
/// </summary>
public sealed class CreditModel
{
    /// <summary>Resource name of the shipped model, trained on the development sets only.</summary>
    public const string ResourceName = "RolePlay.Scoring.credit-model.tsv";

    /// <summary>Probability at or above which the model credits a positive point the rules missed.</summary>
    public const double CreditThreshold = 0.5;

    /// <summary>
    /// Probability at or above which the model detects each negative behaviour the rules missed. Telling a learner they
    /// did something wrong needs more than even odds, so each is the lowest of 0.5, 0.6 … 0.9 at which the model's own
    /// detections of it were at least 0.7 precise (about as precise as the rules' own detections of negatives on unseen
    /// text) in cross-validation: each of the thirty-nine first-scored training sets of the start of stop 27 held back in
    /// turn, the model trained on the rest (docs/scoring.md, "Stop 27").
    /// </summary>
    public static IReadOnlyDictionary<string, double> DetectionThresholds { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["aggression"] = 0.6,
        ["blame"] = 0.7,
        ["confidentiality_breach"] = 0.5,
        ["dismissive"] = 0.6,
        ["jargon"] = 0.5,
        ["non_apology"] = 0.5,
        ["over_promising"] = 0.5,
        ["passing_the_buck"] = 0.6,
    };

    /// <summary>How the rationale of a credit or detection withdrawn by the model begins.</summary>
    public const string WithdrawnPrefix = "Withdrawn by the learned model";

    /// <summary>
    /// Probability below which the model withdraws a negative behaviour the rules detected. Chosen by cross-validation
    /// over the sixth to fourteenth dev sets, each held back in turn with the rules' first scoring of it (0.1 to 0.3 were
    /// within 0.003 of each other; 0.2 was highest). Rechecked in stop 24 with word pairs over the sixth to fifteenth: 0.1
    /// and 0.15 were 0.001 lower.
    /// </summary>
    public const double DetectionWithdrawalThreshold = 0.2;

    /// <summary>
    /// Probability below which the model withdraws a positive credit of the rules: lower than for a negative, because
    /// taking away a credit a learner earned costs them more than sparing them a wrong detection (in the same
    /// cross-validation, 0.1 here and 0.2 for negatives came within 0.001 of 0.2 for both).
    /// Rechecked in stop 24: 0.05 was 0.001 higher in cross-validation but 0.007 lower on the validation set.
    /// </summary>
    public const double CreditWithdrawalThreshold = 0.1;

    /// <summary>The probability below which the model withdraws a rule's result of <paramref name="kind"/>.</summary>
    public static double WithdrawalThresholdFor(MarkingPointKind kind) =>
        kind == MarkingPointKind.Positive ? CreditWithdrawalThreshold : DetectionWithdrawalThreshold;

    /// <summary>
    /// The negative behaviours the model learns: all eight. It may withdraw any of them the rules detected, and detects
    /// <see cref="DetectedNegatives"/> itself (from stop 27, all eight too).
    /// </summary>
    public static IReadOnlyList<string> LearnedNegatives { get; } =
        ["aggression", "blame", "confidentiality_breach", "dismissive", "jargon", "non_apology", "over_promising", "passing_the_buck"];

    /// <summary>The negative behaviours the model may detect where the rules did not: those with a <see cref="DetectionThresholds"/> entry.</summary>
    public static IReadOnlyList<string> DetectedNegatives { get; } = [.. DetectionThresholds.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The probability at or above which the model adds entry <paramref name="id"/> of <paramref name="kind"/> (never, for a negative it does not detect).</summary>
    public static double AddThresholdFor(MarkingPointKind kind, string id) =>
        kind == MarkingPointKind.Positive ? CreditThreshold : DetectionThresholds.GetValueOrDefault(id, double.PositiveInfinity);

    /// <summary>
    /// What the learned layer does with one entry, from the rules' result and the model's probability: withdraw a credit or
    /// detection it doubts, add one it is sure of (only a positive point or one of <see cref="DetectedNegatives"/>; a
    /// negative only where the rules weighed no sign of it, since where they weighed one and cleared it their judgement
    /// stands), or keep the rules' result. The scorer adds only where the entry also applies in the conversation, no
    /// detected negative weakens it and some word of the reply can be shown as evidence.
    /// </summary>
    public static LearnedDecision Decide(MarkingPointKind kind, double addThreshold, bool rulesCredited, bool rulesWeighed, double probability)
    {
        if (rulesCredited)
        {
            return probability < WithdrawalThresholdFor(kind) ? LearnedDecision.Withdraw : LearnedDecision.Keep;
        }

        var mayAdd = kind == MarkingPointKind.Positive || !rulesWeighed;
        return mayAdd && probability >= addThreshold ? LearnedDecision.Add : LearnedDecision.Keep;
    }

    private readonly string[] ids;
    private readonly double[] bias;
    private readonly FrozenDictionary<string, double[]> weights;

    // The word rows again, numbered and keyed by the bare word, so the scorer looks a token up without building
    // "W:" + word and can mark a word as seen in an array rather than a set. A word known only as part of a pair is
    // numbered too, with no row of its own.
    private readonly FrozenDictionary<string, int> words;
    private readonly double[]?[] wordRows;

    // The pair rows, numbered and keyed by the numbers of their two words, so a pair is looked up without building a string.
    private readonly FrozenDictionary<long, int> pairs;
    private readonly double[][] pairRows;

    private CreditModel(string[] ids, double[] bias, FrozenDictionary<string, double[]> weights)
    {
        this.ids = ids;
        this.bias = bias;
        this.weights = weights;
        var pairFeatures = weights.Where(w => CreditFeatures.IsPair(w.Key)).OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => (Words: w.Key[CreditFeatures.PairPrefix.Length..].Split(' '), Row: w.Value))
            .Where(p => p.Words.Length == 2 && p.Words.All(word => word.Length > 0)).ToArray();
        var vocabulary = weights.Keys.Where(CreditFeatures.IsWord).Select(w => w[CreditFeatures.WordPrefix.Length..])
            .Concat(pairFeatures.SelectMany(p => p.Words)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        words = vocabulary.Select((word, i) => (word, i)).ToFrozenDictionary(w => w.word, w => w.i, StringComparer.Ordinal);
        wordRows = vocabulary.Select(word => weights.GetValueOrDefault(CreditFeatures.WordPrefix + word)).ToArray();
        pairRows = pairFeatures.Select(p => p.Row).ToArray();
        pairs = pairFeatures.Select((p, i) => (Key: PairKey(words[p.Words[0]], words[p.Words[1]]), Index: i)).ToFrozenDictionary(p => p.Key, p => p.Index);
    }

    private static long PairKey(int first, int second) => ((long)first << 32) | (uint)second;

    private static readonly Lazy<CreditModel> Shipped = new(() =>
    {
        using var stream = typeof(CreditModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Read(reader);
    });

    /// <summary>The model shipped inside the assembly.</summary>
    public static CreditModel Default => Shipped.Value;

    /// <summary>The ids the model has weights for, in its own order.</summary>
    public IReadOnlyList<string> Ids => ids;

    /// <summary>Number of distinct features the model knows.</summary>
    public int FeatureCount => weights.Count;

    /// <summary>The weights of <paramref name="feature"/> per id (in <see cref="Ids"/> order), or null when the model does not know it.</summary>
    public IReadOnlyList<double>? WeightsOf(string feature) => weights.GetValueOrDefault(feature);

    /// <summary>The weights of <paramref name="feature"/> per id, or null when the model does not know it.</summary>
    internal double[]? Row(string feature) => weights.GetValueOrDefault(feature);

    /// <summary>Number of words the model knows.</summary>
    internal int WordCount => wordRows.Length;

    /// <summary>The number of <paramref name="word"/> (a normalised token) among the known words, or -1.</summary>
    internal int WordIndex(string word) => words.TryGetValue(word, out var index) ? index : -1;

    /// <summary>The weights of the known word numbered <paramref name="index"/>, or null when it is known only as part of a pair.</summary>
    internal double[]? WordRow(int index) => wordRows[index];

    /// <summary>Number of word pairs the model knows.</summary>
    internal int PairCount => pairRows.Length;

    /// <summary>The number of the pair of known words numbered <paramref name="first"/> and <paramref name="second"/>, or -1.</summary>
    internal int PairIndex(int first, int second) => pairs.TryGetValue(PairKey(first, second), out var index) ? index : -1;

    /// <summary>The weights of the known pair numbered <paramref name="index"/>.</summary>
    internal double[] PairRow(int index) => pairRows[index];

    /// <summary>Where <paramref name="id"/> is in <see cref="Ids"/>, or -1.</summary>
    public int IndexOf(string id) => Array.IndexOf(ids, id);

    /// <summary>Fills <paramref name="sums"/> with the bias of each id (the starting point before any feature).</summary>
    internal void Start(Span<double> sums) => bias.CopyTo(sums);

    /// <summary>Adds <paramref name="row"/> (weights per id) to <paramref name="sums"/>; a null row adds nothing.</summary>
    // Compiled fully optimised at once, like CreditPlan.Revise, its caller on every word.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Add(double[]? row, Span<double> sums)
    {
        if (row is null)
        {
            return;
        }

        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(sums[i..]) + new Vector<double>(row, i)).CopyTo(sums[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            sums[i] += row[i];
        }
    }

    /// <summary>The probability of each id (in <see cref="Ids"/> order) for a reply with <paramref name="features"/>.</summary>
    public double[] Probabilities(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var sums = new double[ids.Length];
        Start(sums);
        foreach (var feature in features.Distinct(StringComparer.Ordinal))
        {
            Add(Row(feature), sums);
        }

        return sums.Select(Logistic).ToArray();
    }

    /// <summary>The logistic function, clamped so a hostile reply cannot overflow it.</summary>
    public static double Logistic(double sum) => 1 / (1 + Math.Exp(-Math.Clamp(sum, -30, 30)));

    /// <summary>Fits one logistic model per id with AdaGrad and L2, repeatably (fixed seed, ordinal feature order).</summary>
    public static CreditModel Train(IReadOnlyList<string> ids, IReadOnlyList<CreditExample> examples, CreditTraining? training = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(examples);
        training ??= new CreditTraining();

        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in examples.SelectMany(e => e.Features.Distinct(StringComparer.Ordinal)).Where(CreditFeatures.IsFromText))
        {
            wordCounts[feature] = wordCounts.GetValueOrDefault(feature) + 1;
        }

        bool Kept(string feature) => !CreditFeatures.IsFromText(feature) || wordCounts[feature] >= training.MinWordCount;
        var names = examples.SelectMany(e => e.Features).Where(Kept).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rows = examples.Select(e => e.Features.Where(Kept).Distinct(StringComparer.Ordinal).Select(f => index[f]).ToArray()).ToArray();

        var grammarOnly = names.Select(CreditFeatures.IsGrammarOnly).ToArray();
        var contentRows = rows.Select(r => r.Where(f => !grammarOnly[f]).ToArray()).ToArray();

        var bias = new double[ids.Count];
        var columns = new double[ids.Count][];
        for (var p = 0; p < ids.Count; p++)
        {
            var labels = examples.Select(e => e.Labels.Contains(ids[p])).ToArray();
            (columns[p], bias[p]) = FitAveraged(training.ContentWordIds.Contains(ids[p]) ? contentRows : rows, labels, names.Length, training);
        }

        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < names.Length; f++)
        {
            var row = new double[ids.Count];
            for (var p = 0; p < ids.Count; p++)
            {
                row[p] = Rounded(columns[p][f]);
            }

            if (row.Any(w => w != 0))
            {
                weights[names[f]] = row;
            }
        }

        return new CreditModel([.. ids], bias.Select(Rounded).ToArray(), weights.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // The mean of the weights fitted over training.Orders example orders (seeds Seed, Seed + 1, ...).
    private static (double[] Weights, double Bias) FitAveraged(int[][] rows, bool[] labels, int featureCount, CreditTraining training)
    {
        var weights = new double[featureCount];
        var bias = 0.0;
        for (var order = 0; order < training.Orders; order++)
        {
            var (fitted, fittedBias) = Fit(rows, labels, featureCount, training.Seed + order, training);
            for (var f = 0; f < featureCount; f++)
            {
                weights[f] += fitted[f] / training.Orders;
            }

            bias += fittedBias / training.Orders;
        }

        return (weights, bias);
    }

    private static (double[] Weights, double Bias) Fit(int[][] rows, bool[] labels, int featureCount, int seed, CreditTraining training)
    {
        const double Start = 1e-8;
        var weights = new double[featureCount];
        var squares = new double[featureCount];
        Array.Fill(squares, Start);
        var bias = 0.0;
        var biasSquares = Start;
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < training.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var sum = bias;
                foreach (var f in rows[i])
                {
                    sum += weights[f];
                }

                var error = Logistic(sum) - (labels[i] ? 1 : 0);
                foreach (var f in rows[i])
                {
                    var gradient = error + (training.L2 * weights[f]);
                    squares[f] += gradient * gradient;
                    weights[f] -= training.Rate * gradient / Math.Sqrt(squares[f]);
                }

                biasSquares += error * error;
                bias -= training.Rate * error / Math.Sqrt(biasSquares);
            }
        }

        return (weights, bias);
    }

    // Four decimals: the written model stays small, and what is read back is exactly what was trained.
    private static double Rounded(double weight) => Math.Round(weight, 4, MidpointRounding.ToEven);

    /// <summary>Writes the weights as tab-separated text (one row per feature, one column per id), sorted, so a retrained model diffs cleanly.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("# Credit model for the built-in scorer: logistic weights per feature (rows) and id (columns).");
        writer.WriteLine("# Generated from the development sets by CreditModelTests; do not edit by hand.");
        writer.WriteLine(string.Join('\t', ["ids", .. ids]));
        writer.WriteLine(string.Join('\t', ["bias", .. bias.Select(Number)]));
        foreach (var (feature, row) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Join('\t', [feature, .. row.Select(Number)]));
        }
    }

    /// <summary>Reads weights written by <see cref="Write"/>; a damaged line is reported with its number.</summary>
    public static CreditModel Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string[]? ids = null;
        double[]? bias = null;
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (ids is null)
            {
                if (fields[0] != "ids" || fields.Length < 2)
                {
                    throw new FormatException($"credit model line {lineNumber}: expected the \"ids\" line first");
                }

                ids = fields[1..];
                continue;
            }

            if (fields.Length != ids.Length + 1 || fields[0].Length == 0)
            {
                throw new FormatException($"credit model line {lineNumber}: expected a feature and {ids.Length} weights separated by tabs");
            }

            var row = new double[ids.Length];
            for (var i = 0; i < row.Length; i++)
            {
                if (!double.TryParse(fields[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out row[i]) || !double.IsFinite(row[i]))
                {
                    throw new FormatException($"credit model line {lineNumber}: weight {i + 1} (\"{fields[i + 1]}\") is not a number");
                }
            }

            if (fields[0] == "bias")
            {
                bias = row;
            }
            else
            {
                weights[fields[0]] = row;
            }
        }

        ids ??= [];
        return new CreditModel(ids, bias ?? new double[ids.Length], weights.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Builds the model text for <paramref name="examples"/> (what <see cref="Write"/> would write).</summary>
    public static string TrainToText(IReadOnlyList<string> ids, IReadOnlyList<CreditExample> examples, CreditTraining? training = null)
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture) { NewLine = "\n" };
        Train(ids, examples, training).Write(writer);
        return builder.ToString();
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
