using System.Collections.Frozen;

using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Rules;

namespace RolePlay.Scoring.Catalogue;

/// <summary>
/// The marking-point catalogue: every marking point and negative behaviour, with examiner wording, feedback and the
/// cue lexicons the built-in scorer uses. Loaded from <c>scenarios/marking-points.yaml</c> (embedded in this assembly)
/// or from an override file.
/// </summary>
public sealed record MarkingPointCatalogue : IMarkingPointVocabulary
{
    /// <summary>Logical name of the embedded copy of <c>scenarios/marking-points.yaml</c>.</summary>
    public const string EmbeddedResourceName = "RolePlay.Scoring.marking-points.yaml";

    private static readonly Lazy<MarkingPointCatalogue> LazyDefault = new(() =>
    {
        var result = LoadEmbedded();
        return result.Catalogue ?? throw new InvalidOperationException(
            "The embedded marking-point catalogue is invalid: " + string.Join("; ", result.Errors));
    });

    private readonly CompiledCatalogue? _compiled;

    internal MarkingPointCatalogue(
        int version,
        string sourceName,
        IReadOnlyList<MarkingPointDefinition> points,
        IReadOnlyDictionary<string, IReadOnlyList<string>> lexicons,
        IReadOnlyDictionary<string, string> spellings,
        CompiledCatalogue? compiled)
    {
        Version = version;
        SourceName = sourceName;
        Points = points;
        Lexicons = lexicons;
        Spellings = spellings;
        _compiled = compiled;
        MarkingPoints = points.Where(p => p.Kind == MarkingPointKind.Positive).Select(p => p.Id).ToFrozenSet(StringComparer.Ordinal);
        Negatives = points.Where(p => p.Kind == MarkingPointKind.Negative).Select(p => p.Id).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped in this assembly.</summary>
    public static MarkingPointCatalogue Default => LazyDefault.Value;

    public int Version { get; }

    /// <summary>The file (or embedded resource) the catalogue was read from.</summary>
    public string SourceName { get; }

    /// <summary>Every entry, positives then negatives, in file order.</summary>
    public IReadOnlyList<MarkingPointDefinition> Points { get; }

    /// <summary>Named word lists used by the rules (negators, feelings, time words...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lexicons { get; }

    /// <summary>Typo and spelling variants folded to one form.</summary>
    public IReadOnlyDictionary<string, string> Spellings { get; }

    /// <summary>Ids of positive marking points.</summary>
    public IReadOnlySet<string> MarkingPoints { get; }

    /// <summary>Ids of negative behaviours.</summary>
    public IReadOnlySet<string> Negatives { get; }

    public IEnumerable<MarkingPointDefinition> Positives => Points.Where(p => p.Kind == MarkingPointKind.Positive);

    public IEnumerable<MarkingPointDefinition> NegativeBehaviours => Points.Where(p => p.Kind == MarkingPointKind.Negative);

    internal CompiledCatalogue Compiled => _compiled ?? throw new InvalidOperationException("Catalogue was not compiled.");

    public MarkingPointDefinition? Find(string id) => Points.FirstOrDefault(p => p.Id == id);

    /// <summary>Loads the catalogue embedded in this assembly.</summary>
    public static CatalogueLoadResult LoadEmbedded()
    {
        using var stream = typeof(MarkingPointCatalogue).Assembly.GetManifestResourceStream(EmbeddedResourceName);
        if (stream is null)
        {
            return new CatalogueLoadResult(null, [new CatalogueError(EmbeddedResourceName, 0, 0, "embedded catalogue resource is missing")]);
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "marking-points.yaml (embedded)");
    }

    /// <summary>Loads an override catalogue file; problems come back as errors with file, line and column.</summary>
    public static CatalogueLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new CatalogueLoadResult(null, [new CatalogueError(path, 0, 0, $"cannot read catalogue: {ex.Message}")]);
        }

        return WarnOfMissingLexicons(Parse(text, path), text, path);
    }

    /// <summary>
    /// An override that leaves out a lexicon the shipped catalogue defines still loads, but the built-in rules read their
    /// word lists by name and find an empty one, so the shapes that use it quietly stop working: say so.
    /// </summary>
    private static CatalogueLoadResult WarnOfMissingLexicons(CatalogueLoadResult result, string yaml, string path)
    {
        if (result.Catalogue is not { } loaded)
        {
            return result;
        }

        var missing = Default.Lexicons.Keys.Where(name => !loaded.Lexicons.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return result;
        }

        var line = yaml.Split('\n').Select((text, index) => (text, index)).FirstOrDefault(l => l.text.StartsWith("lexicons:", StringComparison.Ordinal)).index + 1;
        var warning = new CatalogueWarning(path, line, 1,
            $"lexicons missing that the built-in rules read (they will be empty): {string.Join(", ", missing)}; copy them from the shipped marking-points.yaml");
        return result with { Warnings = [.. result.Warnings, warning] };
    }

    /// <summary>Parses catalogue YAML; <paramref name="sourceName"/> names it in errors.</summary>
    public static CatalogueLoadResult Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return CatalogueReader.Read(yaml, sourceName);
    }
}
