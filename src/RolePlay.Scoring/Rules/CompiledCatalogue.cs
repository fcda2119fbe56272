using System.Collections.Frozen;

using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>Everything the rules need from a catalogue, prepared once: text pipeline, lexicons and the cue index.</summary>
internal sealed class CompiledCatalogue
{
    public CompiledCatalogue(TextPipeline pipeline, IReadOnlyList<MarkingPointDefinition> points, IEnumerable<CompiledCue> cues)
    {
        Pipeline = pipeline;
        Points = [.. points];
        IndexById = Points.Select((p, i) => (p.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Cues = new CueIndex(cues, Points.Length, pipeline.Tokeniser.IsNegator);
        Stopwords = pipeline.Lexicon("stopwords").Singles;
        EnglishWords = Cues.Words
            .Concat(pipeline.Lexicons.Values.SelectMany(l => l.Singles))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public TextPipeline Pipeline { get; }

    public MarkingPointDefinition[] Points { get; }

    public FrozenDictionary<string, int> IndexById { get; }

    public CueIndex Cues { get; }

    public FrozenSet<string> Stopwords { get; }

    /// <summary>Words known to be English (function words plus every cue and lexicon word), for language detection.</summary>
    public FrozenSet<string> EnglishWords { get; }
}

/// <summary>The normaliser, tokeniser and lexicons built from a catalogue's spellings and word lists.</summary>
internal sealed class TextPipeline
{
    public TextPipeline(IReadOnlyDictionary<string, string> spellings, IReadOnlyDictionary<string, IReadOnlyList<string>> lexicons)
    {
        Normaliser = new Normaliser(spellings);
        Tokeniser = new Tokeniser(
            Normaliser,
            lexicons.TryGetValue("negators", out var negators) ? negators.Select(n => n.ToLowerInvariant()) : [],
            lexicons.TryGetValue("clause_breaks", out var breaks) ? breaks.Select(b => b.ToLowerInvariant()) : [],
            lexicons.TryGetValue("negation_idioms", out var idioms) ? idioms : []);

        // Lexicon entries go through the same tokeniser, so "fed up" and "o'clock" match however they are typed.
        Lexicons = lexicons.ToFrozenDictionary(
            kv => kv.Key,
            kv => new Lexicon(kv.Key, kv.Value.Select(entry => Tokeniser.Tokenise(entry).Tokens.Select(t => t.Text).ToArray())),
            StringComparer.Ordinal);
    }

    public Normaliser Normaliser { get; }

    public Tokeniser Tokeniser { get; }

    public FrozenDictionary<string, Lexicon> Lexicons { get; }

    public Lexicon Lexicon(string name) => Lexicons.TryGetValue(name, out var lexicon) ? lexicon : Text.Lexicon.Empty(name);
}
