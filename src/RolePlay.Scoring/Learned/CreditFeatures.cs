using System.Collections.Concurrent;
using System.Collections.Frozen;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Learned;

/// <summary>
/// The features <see cref="CreditModel"/> reads from one scored reply, and the step that adds its credits. Features:
/// <c>R:id</c> (the rules credited it), <c>S:id:n</c> (the rules' strength in quarters), <c>W:word</c> (each distinct
/// normalised word), <c>L:n</c> (length in tens of words) and <c>Q</c> (a question mark).
/// </summary>
internal static class CreditFeatures
{
    public const string WordPrefix = "W:";

    /// <summary>Fewest words shown as evidence for a learned credit; a word must weigh at least this towards the id.</summary>
    public const double EvidenceWeight = 0.05;

    private const int MaxEvidenceWords = 3;
    private const int StrengthBins = 4;
    private const int MaxLengthBin = 8;

    private static readonly ConcurrentDictionary<string, string[]> Names = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static HashSet<string>? seenWords;

    public static bool IsWord(string feature) => feature.StartsWith(WordPrefix, StringComparison.Ordinal);

    /// <summary>The features of a reply whose rules gave <paramref name="results"/> (for training).</summary>
    public static List<string> Of(IReadOnlyList<MarkingPointResult> results, ReplyText reply)
    {
        var features = new List<string>();
        foreach (var result in results)
        {
            var names = NamesOf(result.Id);
            if (result.Credited)
            {
                features.Add(names[0]);
            }

            if (result.Strength > 0)
            {
                features.Add(names[1 + StrengthBin(result.Strength)]);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in reply.Tokens)
        {
            if (token.Kind == TokenKind.Word && seen.Add(token.Text))
            {
                features.Add(WordPrefix + token.Text);
            }
        }

        features.Add(LengthFeature(reply));
        if (HasQuestionMark(reply))
        {
            features.Add("Q");
        }

        return features;
    }

    /// <summary>
    /// Credits each id the rules left uncredited when the model's probability reaches <see cref="CreditModel.CreditThreshold"/>
    /// and some word of the reply weighs towards it (that word is the evidence). Rule credits are never removed, an
    /// entry whose <c>contexts</c> exclude this conversation stays out, and negative behaviours are left to the rules:
    /// a learner is never told they blamed or brushed someone off on the strength of word weights alone.
    /// </summary>
    public static void AddCredits(CreditModel model, IReadOnlyList<MarkingPointDefinition> points, MarkingPointResult[] results, ReplyText reply, ContextKind context)
    {
        Span<double> sums = stackalloc double[model.Ids.Count];
        model.Start(sums);
        foreach (var result in results)
        {
            var names = NamesOf(result.Id);
            if (result.Credited)
            {
                model.Add(names[0], sums);
            }

            if (result.Strength > 0)
            {
                model.Add(names[1 + StrengthBin(result.Strength)], sums);
            }
        }

        var seen = seenWords ??= new HashSet<string>(StringComparer.Ordinal);
        seen.Clear();
        foreach (var token in reply.Tokens)
        {
            if (token.Kind == TokenKind.Word && seen.Add(token.Text))
            {
                model.AddWord(token.Text, sums);
            }
        }

        model.Add(LengthFeature(reply), sums);
        if (HasQuestionMark(reply))
        {
            model.Add("Q", sums);
        }

        for (var i = 0; i < results.Length; i++)
        {
            var index = model.IndexOf(results[i].Id);
            if (results[i].Credited || index < 0 || points[i].Kind != MarkingPointKind.Positive || !points[i].AppliesIn(context))
            {
                continue;
            }

            var probability = CreditModel.Logistic(sums[index]);
            if (probability >= CreditModel.CreditThreshold && Evidence(model, index, reply) is { Count: > 0 } evidence)
            {
                results[i] = Credit(points[i], probability, evidence);
            }
        }
    }

    private static MarkingPointResult Credit(MarkingPointDefinition point, double probability, List<EvidenceSpan> evidence)
    {
        var label = point.Kind == MarkingPointKind.Positive ? "Credited" : "Detected";
        var quotes = string.Join(", ", evidence.Select(e => $"\"{e.Quote}\""));
        var rationale = $"{label} by the learned model ({probability:0.00}): replies with words like {quotes} were labelled " +
                        $"{point.Title.ToLowerInvariant()} in the development sets, and the rest of this reply does not weigh against it.";
        evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new MarkingPointResult(point.Id, true, Math.Round(probability, 2), evidence, rationale);
    }

    // The reply's words that weigh most towards the id: the words that earned the credit, as far as a weight can say.
    private static List<EvidenceSpan> Evidence(CreditModel model, int index, ReplyText reply)
    {
        var best = new List<(double Weight, Token Token)>(MaxEvidenceWords + 1);
        foreach (var token in reply.Tokens)
        {
            if (token.Kind != TokenKind.Word || token.Quoted)
            {
                continue;
            }

            if (FunctionWords.Contains(token.Text))
            {
                continue;
            }

            var weight = model.WordWeight(token.Text, index);
            if (weight < EvidenceWeight || best.Exists(b => b.Token.Text == token.Text || (b.Token.Start == token.Start && b.Token.End == token.End)))
            {
                continue;
            }

            best.Add((weight, token));
            best.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            if (best.Count > MaxEvidenceWords)
            {
                best.RemoveAt(MaxEvidenceWords);
            }
        }

        return best.Select(b => new EvidenceSpan(b.Token.Start, b.Token.End, reply.Source[b.Token.Start..b.Token.End])).ToList();
    }

    // Words that carry grammar, not meaning: they may weigh towards an id, but quoting them would explain nothing.
    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "by", "from", "up", "as",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them",
        "their", "this", "that", "these", "those", "is", "am", "are", "was", "were", "be", "been", "do", "does", "did",
        "have", "has", "had", "will", "would", "can", "could", "shall", "should", "not", "if", "then", "there", "here",
        "what", "which", "who", "just", "all", "any", "some", "very", "really", "too", "also", "about", "out", "into",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static string[] NamesOf(string id) => Names.GetOrAdd(id, key =>
        ["R:" + key, .. Enumerable.Range(0, StrengthBins + 1).Select(bin => $"S:{key}:{bin}")]);

    private static int StrengthBin(double strength) => Math.Min((int)(strength * StrengthBins), StrengthBins);

    private static readonly string[] LengthFeatures = Enumerable.Range(0, MaxLengthBin + 1).Select(n => $"L:{n}").ToArray();

    private static string LengthFeature(ReplyText reply) => LengthFeatures[Math.Min(reply.WordCount / 10, MaxLengthBin)];

    private static bool HasQuestionMark(ReplyText reply)
    {
        foreach (var sentence in reply.Sentences)
        {
            if (sentence.QuestionMark)
            {
                return true;
            }
        }

        return false;
    }
}
