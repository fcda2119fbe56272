using RolePlay.Engine.Model;

namespace RolePlay.Scoring.Catalogue;

/// <summary>Whether a catalogue entry is a marking point to credit or a negative behaviour to detect.</summary>
public enum MarkingPointKind
{
    Positive,
    Negative,
}

/// <summary>Cue patterns for one entry: strong cues earn full strength, weak cues only support; <c>NotWhen</c> cancels an overlapping cue.</summary>
public sealed record CueSet(IReadOnlyList<string> Strong, IReadOnlyList<string> Weak, IReadOnlyList<string> NotWhen)
{
    public static CueSet Empty { get; } = new([], [], []);
}

/// <summary>Feedback shown when a marking point was missed, or a behaviour was shown (or a point done badly).</summary>
public sealed record MarkingPointFeedback(string Missed, string Badly)
{
    public static MarkingPointFeedback Empty { get; } = new("", "");
}

/// <summary>How far a negative's weakening reaches: the whole reply, or only the sentences holding its evidence.</summary>
public enum WeakeningScope
{
    Reply,
    Sentence,
}

/// <summary>One entry of the marking-point catalogue, as written in <c>scenarios/marking-points.yaml</c>.</summary>
public sealed record MarkingPointDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public MarkingPointKind Kind { get; init; }

    /// <summary>The built-in rule that assesses it: <c>cues</c> (generic) or a named rule such as <c>apology</c>.</summary>
    public string Rule { get; init; } = "cues";

    /// <summary>The examiner wording the point comes from.</summary>
    public string ExaminerWording { get; init; } = "";

    /// <summary>The qualification element the wording belongs to.</summary>
    public string Source { get; init; } = "";

    /// <summary>What earns the credit (or counts as the behaviour).</summary>
    public string Earns { get; init; } = "";

    /// <summary>Past-tense phrase for combined tips, e.g. "apologised".</summary>
    public string Done { get; init; } = "";

    /// <summary>Negatives: past-tense phrase for combined tips, e.g. "blamed someone else".</summary>
    public string Detected { get; init; } = "";

    /// <summary>Negatives: what to do instead.</summary>
    public string Fix { get; init; } = "";

    /// <summary>Negatives: positives whose credit this behaviour spoils in a combined tip.</summary>
    public IReadOnlyList<string> Undermines { get; init; } = [];

    /// <summary>Negatives: points taken off the 0-10 turn score at full strength.</summary>
    public double Penalty { get; init; }

    /// <summary>Contexts in which the entry is assessed; empty means all.</summary>
    public IReadOnlyList<ContextKind> Contexts { get; init; } = [];

    /// <summary>Negatives that cut this point's strength (to <see cref="BuiltInScorer.WeakenedFactor"/>) when detected in the same reply.</summary>
    public IReadOnlyList<string> WeakenedBy { get; init; } = [];

    /// <summary>Negatives: whether the points this behaviour weakens lose strength anywhere in the reply or only in its own sentences.</summary>
    public WeakeningScope WeakensWithin { get; init; } = WeakeningScope.Reply;

    public MarkingPointFeedback Feedback { get; init; } = MarkingPointFeedback.Empty;

    public CueSet Cues { get; init; } = CueSet.Empty;

    /// <summary>Where the entry starts in the catalogue file.</summary>
    public SourcePosition Position { get; init; }

    public bool AppliesIn(ContextKind context) => Contexts.Count == 0 || Contexts.Contains(context);
}

/// <summary>A problem in a catalogue file, with its position (1-based line and column; 0 when unknown).</summary>
public sealed record CatalogueError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";
}

/// <summary>Something in a catalogue that loads but almost certainly does not do what its author meant (a cue that can never fire).</summary>
public sealed record CatalogueWarning(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: warning: {Message}";
}

/// <summary>The outcome of loading a catalogue: the catalogue, or the errors that stopped it loading.</summary>
public sealed record CatalogueLoadResult(MarkingPointCatalogue? Catalogue, IReadOnlyList<CatalogueError> Errors)
{
    public bool Success => Catalogue is not null && Errors.Count == 0;

    /// <summary>Problems that do not stop the catalogue loading: duplicate cues, cues their own exceptions always cancel.</summary>
    public IReadOnlyList<CatalogueWarning> Warnings { get; init; } = [];
}
