using System.Collections.Frozen;

namespace RolePlay.Scoring.Text;

/// <summary>A named word list from the catalogue; entries may be phrases ("fed up"), matched as token sequences.</summary>
internal sealed class Lexicon
{
    private readonly FrozenDictionary<string, string[][]> _byFirstWord;

    public Lexicon(string name, IEnumerable<string[]> entries)
    {
        Name = name;
        var all = entries.Where(e => e.Length > 0).ToList();
        _byFirstWord = all
            .GroupBy(e => e[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Length).ToArray(), StringComparer.Ordinal);
        Singles = all.Where(e => e.Length == 1).Select(e => e[0]).ToFrozenSet(StringComparer.Ordinal);
        FirstEntry = all.Count > 0 ? all[0] : [];
    }

    /// <summary>The first entry as written in the catalogue (empty for an empty lexicon), used to build example wordings.</summary>
    public IReadOnlyList<string> FirstEntry { get; }

    public string Name { get; }

    /// <summary>One-word entries.</summary>
    public FrozenSet<string> Singles { get; }

    /// <summary>Words an entry can start with (used to index patterns that begin with this lexicon).</summary>
    public IEnumerable<string> FirstWords => _byFirstWord.Keys;

    public bool Contains(string word) => Singles.Contains(word);

    /// <summary>True when any word of any entry satisfies <paramref name="predicate"/> (e.g. an entry with a negator).</summary>
    public bool AnyWord(Func<string, bool> predicate) => _byFirstWord.Values.Any(entries => entries.Any(entry => entry.Any(predicate)));

    /// <summary>Length (in tokens) of the longest entry matching at <paramref name="index"/>, or 0.</summary>
    public int MatchAt(Token[] tokens, int index, int end)
    {
        if (index >= end || !_byFirstWord.TryGetValue(tokens[index].Text, out var candidates))
        {
            return 0;
        }

        foreach (var entry in candidates)
        {
            if (index + entry.Length > end)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < entry.Length && ok; k++)
            {
                ok = string.Equals(tokens[index + k].Text, entry[k], StringComparison.Ordinal);
            }

            if (ok)
            {
                return entry.Length;
            }
        }

        return 0;
    }

    /// <summary>Every (start, length) where an entry occurs in tokens [from, to).</summary>
    public IEnumerable<(int Start, int Length)> FindAll(Token[] tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var length = MatchAt(tokens, i, to);
            if (length > 0)
            {
                yield return (i, length);
            }
        }
    }

    public static Lexicon Empty(string name) => new(name, []);
}
