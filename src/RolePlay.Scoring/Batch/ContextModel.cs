using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using RolePlay.Engine.Model;

namespace RolePlay.Scoring.Batch;

/// <summary>One labelled example for <see cref="ContextModel.Train"/>: what the other person said, the reply, who it was.</summary>
public sealed record LabelledContext(string OtherPersonLine, string Reply, ContextKind Kind);

/// <summary>
/// A naive Bayes model of who the learner is talking to, over the words of both lines and the word-list guess. Word
/// lists alone miss workplaces they were not written for ("swap my Saturday", "the Jones case"); counts learned from the
/// labelled development sets carry those words, and the word-list guess stays one feature among them.
/// </summary>
public sealed partial class ContextModel
{
    private static readonly ContextKind[] Kinds = [ContextKind.Customer, ContextKind.Colleague, ContextKind.Partner];

    // Smoothing for counts: a feature seen once in one kind must not decide alone against the rest of the reply.
    private const double Smoothing = 1.0;

    // Longer lines add nothing to a guess of who is talking; the cap keeps a hostile 100 KB line cheap.
    private const int MaxCharacters = 4000;

    private readonly FrozenDictionary<string, int[]> counts;
    private readonly int[] examples;

    private ContextModel(FrozenDictionary<string, int[]> counts, int[] examples)
    {
        this.counts = counts;
        this.examples = examples;
    }

    /// <summary>Number of distinct features the model knows.</summary>
    public int FeatureCount => counts.Count;

    /// <summary>Counts features over labelled examples: for each feature, in how many examples of each kind it occurs.</summary>
    public static ContextModel Train(IEnumerable<LabelledContext> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var perKind = new int[Kinds.Length];
        foreach (var example in examples)
        {
            var kind = Array.IndexOf(Kinds, example.Kind);
            perKind[kind]++;
            foreach (var feature in Features(example.OtherPersonLine, example.Reply, ContextGuess.FromWordLists(example.OtherPersonLine, example.Reply)))
            {
                if (!counts.TryGetValue(feature, out var row))
                {
                    counts[feature] = row = new int[Kinds.Length];
                }

                row[kind]++;
            }
        }

        return new ContextModel(counts.ToFrozenDictionary(StringComparer.Ordinal), perKind);
    }

    /// <summary>The most likely kind for these lines; customer when nothing in them is known.</summary>
    public ContextKind Predict(string? otherPersonLine, string? reply, ContextKind wordListGuess)
    {
        var total = examples.Sum();
        if (total == 0)
        {
            return wordListGuess;
        }

        var scores = new double[Kinds.Length];
        for (var k = 0; k < Kinds.Length; k++)
        {
            scores[k] = Math.Log((examples[k] + Smoothing) / (total + (Kinds.Length * Smoothing)));
        }

        foreach (var feature in Features(otherPersonLine, reply, wordListGuess))
        {
            if (!counts.TryGetValue(feature, out var row))
            {
                continue;
            }

            for (var k = 0; k < Kinds.Length; k++)
            {
                scores[k] += Math.Log((row[k] + Smoothing) / (examples[k] + (2 * Smoothing)));
            }
        }

        // "Mrs Patel rang back": a member of the public named by title is spoken about, so staff are talking.
        var first = ContextGuess.MentionsTitledName(otherPersonLine) ? 1 : 0;
        var best = first;
        for (var k = first + 1; k < Kinds.Length; k++)
        {
            best = scores[k] > scores[best] ? k : best;
        }

        return Kinds[best];
    }

    /// <summary>
    /// The features of one example, each counted once: the other person's words and word pairs, the reply's words, and
    /// the word-list guess. Prefixes keep "my order" said by a customer apart from the same words in the reply.
    /// </summary>
    public static IReadOnlySet<string> Features(string? otherPersonLine, string? reply, ContextKind wordListGuess)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        var other = Words(otherPersonLine);
        foreach (var word in other)
        {
            features.Add("p:" + word);
        }

        for (var i = 1; i < other.Count; i++)
        {
            features.Add("p2:" + other[i - 1] + "_" + other[i]);
        }

        foreach (var word in Words(reply))
        {
            features.Add("r:" + word);
        }

        features.Add("lists:" + wordListGuess.ToString().ToLowerInvariant());
        return features;
    }

    /// <summary>Writes the counts as tab-separated text, sorted, so a retrained model diffs cleanly.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("# Context model for ContextGuess: in how many labelled examples of each kind a feature occurs.");
        writer.WriteLine("# Generated from the development sets by ContextModelTests; do not edit by hand.");
        writer.WriteLine(string.Join('\t', ["examples", .. examples.Select(Number)]));
        foreach (var (feature, row) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Join('\t', [feature, .. row.Select(Number)]));
        }
    }

    /// <summary>Reads counts written by <see cref="Write"/>.</summary>
    public static ContextModel Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[]? examples = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != Kinds.Length + 1 || !fields.Skip(1).All(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException($"context model line {lineNumber}: expected a feature and {Kinds.Length} counts separated by tabs");
            }

            var row = fields.Skip(1).Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (fields[0] == "examples")
            {
                examples = row;
            }
            else
            {
                counts[fields[0]] = row;
            }
        }

        return new ContextModel(counts.ToFrozenDictionary(StringComparer.Ordinal), examples ?? new int[Kinds.Length]);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var lower = (text.Length > MaxCharacters ? text[..MaxCharacters] : text).ToLowerInvariant().Replace('\u2019', '\'');
        return WordPattern().Matches(lower).Select(m => m.Value).ToList();
    }

    // Words with an optional apostrophe ending ("don't", "customer's"), so contractions stay one word.
    [GeneratedRegex(@"[\p{Ll}\p{Lo}0-9]+(?:'[\p{Ll}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Builds the model text for <paramref name="examples"/> (what <see cref="Write"/> would write).</summary>
    public static string TrainToText(IEnumerable<LabelledContext> examples)
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture) { NewLine = "\n" };
        Train(examples).Write(writer);
        return builder.ToString();
    }
}
