using System.Collections.Frozen;

namespace RolePlay.Scoring.Text;

/// <summary>
/// Turns a raw word into one or two normalised words: lower case, contractions expanded ("won't" = "will not"),
/// repeated letters squeezed ("sooorry"), known typos and British/American spellings folded to one form.
/// Cue patterns go through the same normaliser, so both sides always agree.
/// </summary>
internal sealed class Normaliser
{
    private static readonly FrozenSet<string> PronounsTakingIs = new[]
    {
        "it", "that", "there", "here", "what", "who", "where", "how", "he", "she", "this", "everything", "nothing",
        "something", "someone", "everyone", "anything", "anyone", "somebody", "everybody", "nobody", "when", "why",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Contractions typed without an apostrophe; only unambiguous ones ("ill", "id", "were" are real words).
    private static readonly FrozenDictionary<string, string[]> BareContractions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["dont"] = ["do", "not"],
        ["doesnt"] = ["does", "not"],
        ["didnt"] = ["did", "not"],
        ["cant"] = ["can", "not"],
        ["cannot"] = ["can", "not"],
        ["wont"] = ["will", "not"],
        ["isnt"] = ["is", "not"],
        ["arent"] = ["are", "not"],
        ["wasnt"] = ["was", "not"],
        ["werent"] = ["were", "not"],
        ["couldnt"] = ["could", "not"],
        ["wouldnt"] = ["would", "not"],
        ["shouldnt"] = ["should", "not"],
        ["havent"] = ["have", "not"],
        ["hasnt"] = ["has", "not"],
        ["hadnt"] = ["had", "not"],
        ["aint"] = ["is", "not"],
        ["im"] = ["i", "am"],
        ["ive"] = ["i", "have"],
        ["youre"] = ["you", "are"],
        ["youve"] = ["you", "have"],
        ["youll"] = ["you", "will"],
        ["theyre"] = ["they", "are"],
        ["theyve"] = ["they", "have"],
        ["theyll"] = ["they", "will"],
        ["thats"] = ["that", "is"],
        ["whats"] = ["what", "is"],
        ["itll"] = ["it", "will"],
        ["weve"] = ["we", "have"],
        ["lets"] = ["let", "us"],
        ["shouldve"] = ["should", "have"],
        ["wouldve"] = ["would", "have"],
        ["couldve"] = ["could", "have"],
        ["mustve"] = ["must", "have"],
        ["gotta"] = ["got", "to"],
        ["theres"] = ["there", "is"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _spellings;

    public Normaliser(IReadOnlyDictionary<string, string> spellings)
    {
        _spellings = spellings.ToFrozenDictionary(
            kv => Fold(Squeeze(kv.Key.ToLowerInvariant())),
            kv => Fold(Squeeze(kv.Value.ToLowerInvariant())),
            StringComparer.Ordinal);
    }

    /// <summary>Appends the normalised form(s) of <paramref name="raw"/> to <paramref name="output"/>; common words come from a cache.</summary>
    public void Normalise(ReadOnlySpan<char> raw, List<string> output)
    {
        var lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(raw, out var cached))
        {
            output.AddRange(cached);
            return;
        }

        var start = output.Count;
        NormaliseUncached(raw, output);
        if (_cache.Count < MaxCacheEntries && raw.Length <= MaxCachedWordLength)
        {
            lookup.TryAdd(raw, [.. output.Skip(start)]);
        }
    }

    private const int MaxCacheEntries = 50_000;
    private const int MaxCachedWordLength = 32;

    // Words repeat across replies; normalising each spelling once keeps tokenising cheap. Bounded so hostile input cannot grow it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _cache = new(StringComparer.Ordinal);

    private void NormaliseUncached(ReadOnlySpan<char> raw, List<string> output)
    {
        var lower = Squeeze(NormaliseApostrophes(raw).ToLowerInvariant());
        var apostrophe = lower.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe > 0)
        {
            ExpandContraction(lower, output);
            return;
        }

        if (BareContractions.TryGetValue(lower, out var parts))
        {
            output.AddRange(parts);
            return;
        }

        output.Add(Canonical(lower));
    }

    private void ExpandContraction(string word, List<string> output)
    {
        if (word.EndsWith("n't", StringComparison.Ordinal))
        {
            var stem = word[..^3];
            output.Add(stem switch
            {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                "ai" => "is",
                _ => Canonical(stem),
            });
            output.Add("not");
            return;
        }

        var cut = word.LastIndexOf('\'');
        var head = Canonical(word[..cut]);
        var tail = word[(cut + 1)..];
        switch (tail)
        {
            case "ll": output.Add(head); output.Add("will"); return;
            case "re": output.Add(head); output.Add("are"); return;
            case "ve": output.Add(head); output.Add("have"); return;
            case "m": output.Add(head); output.Add("am"); return;
            case "d": output.Add(head); output.Add("would"); return;
            case "s" when head == "let": output.Add("let"); output.Add("us"); return;
            case "s" when PronounsTakingIs.Contains(head): output.Add(head); output.Add("is"); return;
            case "s" or "": output.Add(head); return; // possessive: "the courier's fault" = "the courier fault"
            default: output.Add(Canonical(word.Replace("'", "", StringComparison.Ordinal))); return;
        }
    }

    private string Canonical(string word)
    {
        if (_spellings.TryGetValue(word, out var fixedWord))
        {
            return fixedWord;
        }

        var folded = Fold(word);
        return _spellings.TryGetValue(folded, out var fixedFolded) ? fixedFolded : folded;
    }

    private static string NormaliseApostrophes(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            buffer[i] = raw[i] is '\u2019' or '\u2018' or '`' or '\u02BC' ? '\'' : raw[i];
        }

        return new string(buffer);
    }

    /// <summary>Squeezes three or more repeated letters to one ("sooorry" = "sorry", "pleeease" = "please").</summary>
    internal static string Squeeze(string word)
    {
        var hasRun = false;
        for (var i = 2; i < word.Length && !hasRun; i++)
        {
            hasRun = word[i] == word[i - 1] && word[i] == word[i - 2];
        }

        if (!hasRun)
        {
            return word;
        }

        var builder = new System.Text.StringBuilder(word.Length);
        var i2 = 0;
        while (i2 < word.Length)
        {
            var run = 1;
            while (i2 + run < word.Length && word[i2 + run] == word[i2])
            {
                run++;
            }

            builder.Append(word[i2], run >= 3 ? 1 : run);
            i2 += run;
        }

        return builder.ToString();
    }

    private static readonly (string American, string British)[] IzeEndings =
    [
        ("izations", "isations"), ("ization", "isation"), ("izing", "ising"), ("izes", "ises"), ("ized", "ised"), ("ize", "ise"),
        ("yzing", "ysing"), ("yzed", "ysed"), ("yze", "yse"),
    ];

    /// <summary>Folds American -ize/-yze to British -ise/-yse and British -our to -or, so either spelling matches.</summary>
    internal static string Fold(string word)
    {
        if (word.Length >= 5)
        {
            foreach (var (american, british) in IzeEndings)
            {
                if (word.EndsWith(american, StringComparison.Ordinal))
                {
                    return string.Concat(word.AsSpan(0, word.Length - american.Length), british);
                }
            }
        }

        if (word.Length >= 6 && word.EndsWith("our", StringComparison.Ordinal))
        {
            return word[..^2] + "r";
        }

        if (word.Length >= 7 && word.EndsWith("ours", StringComparison.Ordinal))
        {
            return word[..^3] + "rs";
        }

        return word;
    }
}
