using System.Collections.Concurrent;
using System.Collections.Frozen;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Rules;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Learned;

/// <summary>
/// The features <see cref="CreditModel"/> reads from one scored reply, and how a learned credit is written. Features:
/// <c>R:id</c> (the rules credited it), <c>S:id:n</c> (the rules' strength in quarters), <c>W:word</c> (each distinct
/// normalised word), <c>P:word word</c> (each distinct pair of words next to each other in a sentence), <c>L:n</c> (length
/// in tens of words) and <c>Q</c> (a question mark).
/// </summary>
internal static class CreditFeatures
{
    public const string WordPrefix = "W:";

    /// <summary>How a word pair's feature begins: <c>P:</c>, then the two words with a space between.</summary>
    public const string PairPrefix = "P:";

    /// <summary>Fewest words shown as evidence for a learned credit; a word must weigh at least this towards the id.</summary>
    public const double EvidenceWeight = 0.05;

    private const int MaxEvidenceWords = 3;
    private const int StrengthBins = 4;
    private const int MaxLengthBin = 8;

    private static readonly ConcurrentDictionary<string, string[]> Names = new(StringComparer.Ordinal);

    public static bool IsWord(string feature) => feature.StartsWith(WordPrefix, StringComparison.Ordinal);

    public static bool IsPair(string feature) => feature.StartsWith(PairPrefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="feature"/> comes from the reply's words (a word or a word pair), so it is kept only if seen often enough.</summary>
    public static bool IsFromText(string feature) => IsWord(feature) || IsPair(feature);

    /// <summary>
    /// Whether the token at <paramref name="at"/> is a word that follows another word in the same sentence, so the two form
    /// a pair ("not my", "sorry but"): a word alone cannot say which of those the reply meant.
    /// </summary>
    public static bool EndsAPair(Token[] tokens, int at) =>
        at > 0 && IsLearned(tokens[at]) && IsLearned(tokens[at - 1]) && tokens[at - 1].Sentence == tokens[at].Sentence;

    /// <summary>
    /// Whether the model reads <paramref name="token"/>: a word, not in quotes. Quoted words are someone else's wording (a
    /// suggested phrase, a customer quoted back), which the rules do not count as the learner's own act either.
    /// </summary>
    public static bool IsLearned(Token token) => token.Kind == TokenKind.Word && !token.Quoted;

    public static string PairFeature(string first, string second) => PairPrefix + first + " " + second;

    /// <summary>Whether <paramref name="feature"/> says what the rules found (<c>R:</c> or <c>S:</c>) rather than what the reply holds.</summary>
    public static bool IsRuleFeature(string feature) =>
        feature.StartsWith("R:", StringComparison.Ordinal) || feature.StartsWith("S:", StringComparison.Ordinal);

    /// <summary>The rules' part of the features, from results recorded when a set was first scored.</summary>
    public static IEnumerable<string> RuleFeatures(FirstScore first)
    {
        foreach (var id in first.Credited.Order(StringComparer.Ordinal))
        {
            yield return NamesOf(id)[0];
        }

        foreach (var (id, strength) in first.Strengths.OrderBy(s => s.Key, StringComparer.Ordinal).Where(s => s.Value > 0))
        {
            yield return NamesOf(id)[1 + StrengthBin(strength)];
        }
    }

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
            if (IsLearned(token) && seen.Add(token.Text))
            {
                features.Add(WordPrefix + token.Text);
            }
        }

        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 1; t < reply.Tokens.Length; t++)
        {
            if (EndsAPair(reply.Tokens, t) && PairFeature(reply.Tokens[t - 1].Text, reply.Tokens[t].Text) is var pair && pairs.Add(pair))
            {
                features.Add(pair);
            }
        }

        features.Add(LengthFeature(reply));
        if (HasQuestionMark(reply))
        {
            features.Add("Q");
        }

        return features;
    }

    public static MarkingPointResult Credit(MarkingPointDefinition point, double probability, List<EvidenceSpan> evidence)
    {
        var label = point.Kind == MarkingPointKind.Positive ? "Credited" : "Detected";
        var quotes = string.Join(", ", evidence.Select(e => $"\"{e.Quote}\""));
        var rationale = $"{label} by the learned model ({probability:0.00}): replies with words like {quotes} were labelled " +
                        $"{point.Title.ToLowerInvariant()} in the development sets, and the rest of this reply does not weigh against it.";
        evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new MarkingPointResult(point.Id, true, Math.Round(probability, 2), evidence, rationale);
    }

    /// <summary>
    /// A rule's credit or detection withdrawn because the model gives it <paramref name="probability"/> (below
    /// <see cref="CreditModel.WithdrawalThresholdFor"/>): the rules' evidence is kept so an assessor can see what was weighed.
    /// </summary>
    public static MarkingPointResult Withdraw(MarkingPointDefinition point, double probability, MarkingPointResult rules)
    {
        var (found, label) = point.Kind == MarkingPointKind.Positive ? ("credited", "labelled") : ("detected", "labelled as showing");
        var quotes = rules.Evidence.Count == 0 ? "" : " (" + string.Join(", ", rules.Evidence.Select(e => $"\"{e.Quote}\"")) + ")";
        var rationale = $"{CreditModel.WithdrawnPrefix} ({probability:0.00}): the rules {found} it{quotes}, but replies like this " +
                        $"were seldom {label} {point.Title.ToLowerInvariant()} in the development sets. Rules: {rules.Rationale}";
        return rules with { Credited = false, Strength = 0, Rationale = rationale, Withdrawn = true };
    }

    // The reply's words that weigh most towards the id: the words that earned the credit, as far as a weight can say.
    // known: the reply's distinct words and word pairs the model knows (tokens First..Last) with their weight rows. A pair
    // is shown as its two words; spans never overlap, and a pair of grammar words alone ("it was") explains nothing.
    public static List<EvidenceSpan> Evidence(List<(int First, int Last, double[] Row)> known, int index, ReplyText reply)
    {
        var candidates = new List<(double Weight, int First, int Last)>();
        foreach (var (first, last, row) in known)
        {
            if (row[index] >= EvidenceWeight && Explains(reply, first, last))
            {
                candidates.Add((row[index], first, last));
            }
        }

        // Strongest first; ties by position, so the choice is repeatable.
        candidates.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.First.CompareTo(b.First));
        var chosen = new List<(int First, int Last)>(MaxEvidenceWords);
        foreach (var (_, first, last) in candidates)
        {
            if (chosen.Count == MaxEvidenceWords)
            {
                break;
            }

            if (!chosen.Exists(c => c.First <= last && first <= c.Last))
            {
                chosen.Add((first, last));
            }
        }

        return chosen.Select(c => (Start: reply.Tokens[c.First].Start, End: reply.Tokens[c.Last].End))
            .Select(c => new EvidenceSpan(c.Start, c.End, reply.Source[c.Start..c.End])).ToList();
    }

    // Tokens first..last can be shown as a reason: none quoted or a name, and not grammar words only.
    private static bool Explains(ReplyText reply, int first, int last)
    {
        var content = false;
        for (var at = first; at <= last; at++)
        {
            var token = reply.Tokens[at];
            if (token.Quoted || IsName(reply, at))
            {
                return false;
            }

            content |= !FunctionWords.Contains(token.Text);
        }

        return content;
    }

    // A title or a capitalised word inside a sentence names someone: a name can go with a label in the data (writers reuse
    // names), but it is never the reason for one.
    private static bool IsName(ReplyText reply, int at) =>
        PersonNames.Titles.Contains(reply.Tokens[at].Text)
        || (reply.Sentences[reply.Tokens[at].Sentence].FirstToken != at && PersonNames.LooksLikeAName(reply, at));

    // Words that carry grammar, not meaning: they may weigh towards an id, but quoting them would explain nothing.
    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "by", "from", "up", "as",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them",
        "their", "this", "that", "these", "those", "is", "am", "are", "was", "were", "be", "been", "do", "does", "did",
        "have", "has", "had", "will", "would", "can", "could", "shall", "should", "not", "if", "then", "there", "here",
        "what", "which", "who", "just", "all", "any", "some", "very", "really", "too", "also", "about", "out", "into",
        "must", "may", "might", "when",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="feature"/> is a word that carries grammar, not meaning ("the", "his", "must").</summary>
    public static bool IsFunctionWord(string feature) => IsWord(feature) && FunctionWords.Contains(feature[WordPrefix.Length..]);

    /// <summary>Whether <paramref name="feature"/> is a grammar word or a pair of them ("must have"): it says nothing a learner could be shown.</summary>
    public static bool IsGrammarOnly(string feature) =>
        IsFunctionWord(feature)
        || (IsPair(feature) && feature.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space
            && FunctionWords.Contains(feature[PairPrefix.Length..space]) && FunctionWords.Contains(feature[(space + 1)..]));

    public static string[] NamesOf(string id) => Names.GetOrAdd(id, key =>
        ["R:" + key, .. Enumerable.Range(0, StrengthBins + 1).Select(bin => $"S:{key}:{bin}")]);

    public static int StrengthBin(double strength) => Math.Min((int)(strength * StrengthBins), StrengthBins);

    public static readonly string[] LengthFeatures = Enumerable.Range(0, MaxLengthBin + 1).Select(n => $"L:{n}").ToArray();

    public static int LengthBin(ReplyText reply) => Math.Min(reply.WordCount / 10, MaxLengthBin);

    public static string LengthFeature(ReplyText reply) => LengthFeatures[LengthBin(reply)];

    public static bool HasQuestionMark(ReplyText reply)
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
