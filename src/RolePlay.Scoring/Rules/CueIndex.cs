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
    // Cues by their first word, then (where their next elements are plain words) by the second and third: one string
    // look-up per level, only where the level above matched.
    private readonly FrozenDictionary<string, WordNode> _byFirstWord;
    private readonly CompiledCue[] _scanEverywhere;
    private readonly int _pointCount;
    private readonly Func<string, bool> _isNegator;

    /// <param name="isNegator">Tells negators; a negation that starts inside a match (a lexicon entry such as "never told") is the cue's own.</param>
    public CueIndex(IEnumerable<CompiledCue> cues, int pointCount, Func<string, bool>? isNegator = null)
    {
        _pointCount = pointCount;
        _isNegator = isNegator ?? (static _ => false);
        var root = new NodeBuilder();
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
                var first = root.Child(word);
                if (secondWords is null)
                {
                    first.Cues.Add(cue);
                    continue;
                }

                foreach (var next in secondWords.Distinct(StringComparer.Ordinal))
                {
                    var pair = first.Child(next);
                    if (thirdWords is null)
                    {
                        pair.Cues.Add(cue);
                        continue;
                    }

                    foreach (var after in thirdWords.Distinct(StringComparer.Ordinal))
                    {
                        pair.Child(after).Cues.Add(cue);
                    }
                }
            }
        }

        _byFirstWord = root.Freeze().Next ?? FrozenDictionary<string, WordNode>.Empty;
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
                if (_byFirstWord.TryGetValue(tokens[i].Text, out var first))
                {
                    Try(first.Cues, tokens, i, sentence.EndToken, result);
                    if (first.Next is { } seconds && i + 1 < sentence.EndToken && seconds.TryGetValue(tokens[i + 1].Text, out var second))
                    {
                        Try(second.Cues, tokens, i, sentence.EndToken, result);
                        if (second.Next is { } thirds && i + 2 < sentence.EndToken && thirds.TryGetValue(tokens[i + 2].Text, out var third))
                        {
                            Try(third.Cues, tokens, i, sentence.EndToken, result);
                        }
                    }
                }

                if (_scanEverywhere.Length > 0)
                {
                    Try(_scanEverywhere, tokens, i, sentence.EndToken, result);
                }
            }
        }

        return result;
    }

    /// <summary>A node of the cue tree while it is built.</summary>
    private sealed class NodeBuilder
    {
        private readonly Dictionary<string, NodeBuilder> _next = new(StringComparer.Ordinal);

        public List<CompiledCue> Cues { get; } = [];

        public NodeBuilder Child(string word)
        {
            if (!_next.TryGetValue(word, out var child))
            {
                _next[word] = child = new NodeBuilder();
            }

            return child;
        }

        public WordNode Freeze() => new(
            [.. Cues],
            _next.Count == 0 ? null : _next.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Freeze(), StringComparer.Ordinal));
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

/// <summary>The cues that start with one word (after the words of the nodes above it), and the nodes for the word after it.</summary>
internal sealed record WordNode(CompiledCue[] Cues, FrozenDictionary<string, WordNode>? Next);
