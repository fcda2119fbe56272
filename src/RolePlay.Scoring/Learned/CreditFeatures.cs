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
/// in tens of words), <c>Q</c> (a question mark) and <c>X:…</c> (the reply's shape: see <see cref="Shape(ReplyText, Span{int})"/>).
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

        Span<int> shape = stackalloc int[MaxShapeFeatures];
        foreach (var feature in shape[..Shape(reply, shape)])
        {
            features.Add(ShapeFeatures[feature]);
        }

        return features;
    }

    /// <summary>Most shape features one reply can have.</summary>
    public const int MaxShapeFeatures = 15;

    /// <summary>
    /// Every shape feature, by number. Who the reply talks about (<c>X:i</c>, <c>X:we</c>, <c>X:you</c>, <c>X:they</c>, in
    /// bins of 0, 1, 2–3 and 4 or more; <c>X:noself</c>, <c>X:youmore</c>, <c>X:theymore</c>) and how it is built (sentences,
    /// questions, exclamations, a shouted word, negations, a sentence opening on "you" or on someone else, the opening
    /// word). Words say what a reply is about; its shape says whose problem it makes it, which is what blaming, owning and
    /// calming turn on in any setting (docs/scoring.md, "Stop 28").
    /// </summary>
    public static readonly string[] ShapeFeatures =
    [
        .. PronounBins("i"), .. PronounBins("we"), .. PronounBins("you"), .. PronounBins("they"),
        "X:noself", "X:youmore", "X:theymore", "X:youfirst", "X:thirdfirst",
        .. Enumerable.Range(0, MaxSentenceBin + 1).Select(n => $"X:sent{n}"),
        .. Enumerable.Range(0, MaxQuestionBin + 1).Select(n => $"X:q{n}"),
        "X:excl", "X:caps", .. PronounBins("neg"), "X:sorryfirst", "X:bluntfirst",
    ];

    private const int MaxSentenceBin = 5;
    private const int MaxQuestionBin = 2;
    private const int Bins = 4;
    private const int NoSelf = Bins * 4;
    private const int SentenceBase = NoSelf + 5;
    private const int QuestionBase = SentenceBase + MaxSentenceBin + 1;
    private const int Exclamation = QuestionBase + MaxQuestionBin + 1;
    private const int NegationBase = Exclamation + 2;

    // One lookup per word says everything the shape needs from it.
    private static readonly FrozenDictionary<string, ShapeWord> ShapeWords = BuildShapeWords();

    private static FrozenDictionary<string, ShapeWord> BuildShapeWords()
    {
        var words = new Dictionary<string, ShapeWord>(StringComparer.Ordinal);
        void Mark(ShapeWord kind, params string[] list)
        {
            foreach (var word in list)
            {
                words[word] = words.GetValueOrDefault(word) | kind;
            }
        }

        Mark(ShapeWord.Self, "i", "me", "my", "mine", "myself");
        Mark(ShapeWord.Plural, "we", "us", "our", "ours", "ourselves");
        Mark(ShapeWord.You, "you", "your", "yours", "yourself", "u", "ur");
        Mark(ShapeWord.YouOpening, "you", "your");
        Mark(ShapeWord.Third, "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs");
        Mark(ShapeWord.ThirdOpening, "he", "she", "they", "the");
        Mark(ShapeWord.Negation, "not", "never", "no", "nothing", "nobody", "cannot");
        Mark(ShapeWord.SorryOpening, "sorry", "apologies");
        Mark(ShapeWord.BluntOpening, "well", "look", "listen", "honestly", "mate");
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every word the shape reads, with what it tells it.</summary>
    public static IEnumerable<KeyValuePair<string, ShapeWord>> ShapeWordList => ShapeWords;

    /// <summary>What <paramref name="word"/> (normalised) tells the reply's shape.</summary>
    public static ShapeWord ShapeWordOf(string word) => ShapeWords.GetValueOrDefault(word);

    private static IEnumerable<string> PronounBins(string name) => Enumerable.Range(0, Bins).Select(bin => $"X:{name}{bin}");

    // 0, 1, 2–3, 4 or more.
    private static int CountBin(int count) => count switch { 0 => 0, 1 => 1, <= 3 => 2, _ => 3 };

    /// <summary>Writes the numbers (in <see cref="ShapeFeatures"/>) of the reply's shape features into <paramref name="into"/> and returns how many.</summary>
    public static int Shape(ReplyText reply, Span<int> into)
    {
        var tokens = reply.Tokens;
        var kinds = tokens.Length <= 256 ? stackalloc ShapeWord[tokens.Length] : new ShapeWord[tokens.Length];
        for (var t = 0; t < tokens.Length; t++)
        {
            kinds[t] = IsLearned(tokens[t]) ? ShapeWordOf(tokens[t].Text) : ShapeWord.None;
        }

        return Shape(reply, kinds, into);
    }

    /// <summary>
    /// <see cref="Shape(ReplyText, Span{int})"/> with what each token tells the shape already looked up
    /// (<see cref="ShapeWord.None"/> for a token the model does not read), so scoring can take it from the word's number.
    /// </summary>
    public static int Shape(ReplyText reply, ReadOnlySpan<ShapeWord> kinds, Span<int> into)
    {
        int self = 0, plural = 0, you = 0, third = 0, negations = 0;
        bool caps = false, youFirst = false, thirdFirst = false;
        var tokens = reply.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            caps |= token.AllCaps && token.End - token.Start >= 3 && IsLearned(token);
            var kind = kinds[t];
            if (kind == ShapeWord.None)
            {
                continue;
            }

            self += (kind & ShapeWord.Self) != 0 ? 1 : 0;
            plural += (kind & ShapeWord.Plural) != 0 ? 1 : 0;
            you += (kind & ShapeWord.You) != 0 ? 1 : 0;
            third += (kind & ShapeWord.Third) != 0 ? 1 : 0;
            negations += (kind & ShapeWord.Negation) != 0 ? 1 : 0;
            if (reply.Sentences[token.Sentence].FirstToken == t)
            {
                youFirst |= (kind & ShapeWord.YouOpening) != 0;
                thirdFirst |= (kind & ShapeWord.ThirdOpening) != 0;
            }
        }

        var n = 0;
        into[n++] = CountBin(self);
        into[n++] = Bins + CountBin(plural);
        into[n++] = (2 * Bins) + CountBin(you);
        into[n++] = (3 * Bins) + CountBin(third);
        AddIf(self + plural == 0, NoSelf, into, ref n);
        AddIf(you > self + plural, NoSelf + 1, into, ref n);
        AddIf(third > self + plural, NoSelf + 2, into, ref n);
        AddIf(youFirst, NoSelf + 3, into, ref n);
        AddIf(thirdFirst, NoSelf + 4, into, ref n);
        into[n++] = SentenceBase + Math.Min(reply.Sentences.Length, MaxSentenceBin);
        var questions = 0;
        var exclaims = false;
        foreach (var sentence in reply.Sentences)
        {
            questions += sentence.QuestionMark ? 1 : 0;
            exclaims |= sentence.Exclamations > 0;
        }

        into[n++] = QuestionBase + Math.Min(questions, MaxQuestionBin);
        AddIf(exclaims, Exclamation, into, ref n);
        AddIf(caps, Exclamation + 1, into, ref n);
        into[n++] = NegationBase + CountBin(negations);
        var opening = tokens.Length > 0 ? kinds[0] : ShapeWord.None;
        AddIf((opening & ShapeWord.SorryOpening) != 0, NegationBase + Bins, into, ref n);
        AddIf((opening & ShapeWord.BluntOpening) != 0, NegationBase + Bins + 1, into, ref n);
        return n;
    }

    private static void AddIf(bool condition, int feature, Span<int> into, ref int n)
    {
        if (condition)
        {
            into[n++] = feature;
        }
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

/// <summary>What a word tells the reply's shape (<see cref="CreditFeatures.Shape(ReplyText, Span{int})"/>).</summary>
[Flags]
internal enum ShapeWord : ushort
{
    None = 0,
    Self = 1,
    Plural = 2,
    You = 4,
    Third = 8,
    Negation = 16,
    YouOpening = 32,
    ThirdOpening = 64,
    SorryOpening = 128,
    BluntOpening = 256,
}
