using System.Collections.Frozen;

using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>How much a cue counts: strong cues earn credit alone, weak cues only support, not-when cues cancel.</summary>
internal enum CueTier
{
    Strong,
    Weak,
    NotWhen,
}

/// <summary>A compiled cue belonging to one catalogue entry.</summary>
internal sealed record CompiledCue(int PointIndex, CueTier Tier, CuePattern Pattern)
{
    public const double StrongStrength = 1.0;
    public const double WeakStrength = 0.35;

    public double BaseStrength => Tier == CueTier.Strong ? StrongStrength : WeakStrength;
}

/// <summary>Where a cue matched: tokens [Start, End).</summary>
internal readonly record struct CueMatch(CompiledCue Cue, int Start, int End, bool Negated)
{
    public bool Overlaps(int start, int end) => Start < end && start < End;
}

/// <summary>
/// All cues of the catalogue indexed by the word they start with - and, when their next elements are plain words, by
/// the first two or three words ("I will" starts some 160 cues) - so one pass over a reply tries only cues that can
/// match there.
/// </summary>
internal sealed class CueIndex
{
    private readonly FrozenDictionary<string, CompiledCue[]> _byFirstWord;
    private readonly FrozenDictionary<(string, string), CompiledCue[]> _byFirstTwoWords;
    private readonly FrozenSet<string> _pairStarts;
    private readonly FrozenDictionary<(string, string, string), CompiledCue[]> _byFirstThreeWords;
    private readonly FrozenSet<(string, string)> _tripleStarts;
    private readonly CompiledCue[] _scanEverywhere;
    private readonly int _pointCount;
    private readonly Func<string, bool> _isNegator;

    /// <param name="isNegator">Tells negators; a negation that starts inside a match (a lexicon entry such as "never told") is the cue's own.</param>
    public CueIndex(IEnumerable<CompiledCue> cues, int pointCount, Func<string, bool>? isNegator = null)
    {
        _pointCount = pointCount;
        _isNegator = isNegator ?? (static _ => false);
        var byWord = new Dictionary<string, List<CompiledCue>>(StringComparer.Ordinal);
        var byPair = new Dictionary<(string, string), List<CompiledCue>>();
        var byTriple = new Dictionary<(string, string, string), List<CompiledCue>>();
        var scan = new List<CompiledCue>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cue in cues)
        {
            var elements = cue.Pattern.Elements;
            IEnumerable<string>? firstWords = elements[0] switch
            {
                PatternElement.Words w => w.Options,
                PatternElement.FromLexicon l => l.Lexicon.FirstWords,
                PatternElement.Phrases p => p.Options.Select(o => o[0]),
                _ => null,
            };
            if (firstWords is null)
            {
                scan.Add(cue);
                continue;
            }

            var secondWords = elements is [PatternElement.Words, PatternElement.Words second, ..] ? second.Options : null;
            var thirdWords = elements is [PatternElement.Words, PatternElement.Words, PatternElement.Words third, ..] ? third.Options : null;
            foreach (var word in firstWords.Distinct(StringComparer.Ordinal))
            {
                words.Add(word);
                if (secondWords is null)
                {
                    Add(byWord, word, cue);
                    continue;
                }

                foreach (var next in secondWords.Distinct(StringComparer.Ordinal))
                {
                    if (thirdWords is null)
                    {
                        Add(byPair, (word, next), cue);
                        continue;
                    }

                    foreach (var after in thirdWords.Distinct(StringComparer.Ordinal))
                    {
                        Add(byTriple, (word, next, after), cue);
                    }
                }
            }
        }

        _byFirstWord = byWord.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byFirstTwoWords = byPair.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _pairStarts = byPair.Keys.Select(k => k.Item1).ToFrozenSet(StringComparer.Ordinal);
        _byFirstThreeWords = byTriple.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _tripleStarts = byTriple.Keys.Select(k => (k.Item1, k.Item2)).ToFrozenSet();
        _scanEverywhere = [.. scan];
        Words = words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every word a cue can start with.</summary>
    public FrozenSet<string> Words { get; }

    /// <summary>
    /// Matches per catalogue entry (indexed like the catalogue; null where an entry has none), cues never crossing a
    /// sentence boundary.
    /// </summary>
    public List<CueMatch>?[] FindAll(ReplyText text)
    {
        var result = new List<CueMatch>?[_pointCount];

        var tokens = text.Tokens;
        foreach (var sentence in text.Sentences)
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                if (_byFirstWord.TryGetValue(tokens[i].Text, out var candidates))
                {
                    Try(candidates, tokens, i, sentence.EndToken, result);
                }

                if (i + 1 < sentence.EndToken && _pairStarts.Contains(tokens[i].Text) && _byFirstTwoWords.TryGetValue((tokens[i].Text, tokens[i + 1].Text), out var pairCandidates))
                {
                    Try(pairCandidates, tokens, i, sentence.EndToken, result);
                }

                if (i + 2 < sentence.EndToken && _tripleStarts.Contains((tokens[i].Text, tokens[i + 1].Text))
                    && _byFirstThreeWords.TryGetValue((tokens[i].Text, tokens[i + 1].Text, tokens[i + 2].Text), out var tripleCandidates))
                {
                    Try(tripleCandidates, tokens, i, sentence.EndToken, result);
                }

                if (_scanEverywhere.Length > 0)
                {
                    Try(_scanEverywhere, tokens, i, sentence.EndToken, result);
                }
            }
        }

        return result;
    }

    private static void Add<TKey>(Dictionary<TKey, List<CompiledCue>> index, TKey key, CompiledCue cue)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(cue);
    }

    private void Try(CompiledCue[] candidates, Token[] tokens, int start, int limit, List<CueMatch>?[] result)
    {
        foreach (var cue in candidates)
        {
            var end = cue.Pattern.MatchAt(tokens, start, limit);
            if (end <= start || tokens[start].Quoted)
            {
                continue;
            }

            var negated = false;
            if (!cue.Pattern.BearsNegation)
            {
                var ownNegator = false;
                for (var k = start; k < end && !negated; k++)
                {
                    ownNegator |= cue.Pattern.LexiconBearsNegation && _isNegator(tokens[k].Text);
                    negated = tokens[k].Negated && !ownNegator;
                }
            }

            (result[cue.PointIndex] ??= []).Add(new CueMatch(cue, start, end, negated));
        }
    }
}
