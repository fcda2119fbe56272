using System.Text.Json.Serialization;
using RolePlay.Engine.Model;
using RolePlay.Engine.Voice;

namespace RolePlay.Engine.Scoring;

/// <summary>A span of the learner's reply, [Start, End) in UTF-16 code units, with the words it covers.</summary>
public sealed record EvidenceSpan(int Start, int End, string Quote);

/// <summary>The assessment of one marking point (or negative behaviour) on one reply.</summary>
/// <param name="Id">Catalogue id, e.g. <c>apology</c> or <c>blame</c>.</param>
/// <param name="Credited">For a marking point: credited; for a negative: detected.</param>
/// <param name="Strength">0 to 1: how clearly the reply shows it.</param>
/// <param name="Evidence">The words of the reply that earned it (empty when not credited, except where a credit was withdrawn: the words that were weighed).</param>
/// <param name="Rationale">One line an assessor can read.</param>
/// <param name="Source">Which scorer decided: <c>builtin</c>, <c>llm</c>, <c>combined</c> or <c>assessor</c>.</param>
/// <param name="Withdrawn">
/// A scorer found it and then took it back (the built-in scorer's learned layer, or a judge that found a negative in the
/// same words): not credited, with what was found as the evidence and the reason in the rationale.
/// </param>
public sealed record MarkingPointResult(
    string Id,
    bool Credited,
    double Strength,
    IReadOnlyList<EvidenceSpan> Evidence,
    string Rationale,
    string Source = "builtin",
    bool Withdrawn = false);

/// <summary>The scorer's verdict on one learner reply.</summary>
public sealed record TurnAssessment
{
    /// <summary>Positive marking points, one entry per point assessed.</summary>
    public IReadOnlyList<MarkingPointResult> MarkingPoints { get; init; } = [];

    /// <summary>Negative behaviours, one entry per behaviour assessed.</summary>
    public IReadOnlyList<MarkingPointResult> Negatives { get; init; } = [];

    /// <summary>Turn score, 0 to 10.</summary>
    public double Score { get; init; }

    /// <summary>One to three concrete feedback tips.</summary>
    public IReadOnlyList<string> Tips { get; init; } = [];

    /// <summary>Notes about the assessment itself (e.g. "reply is not in English", "LLM judge unavailable, built-in scorer used").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Which scorer produced it.</summary>
    public string Source { get; init; } = "builtin";

    /// <summary>True when sources disagreed enough that an assessor should look.</summary>
    public bool FlaggedForReview { get; init; }

    /// <summary>Tokens an LLM judge spent on this assessment; null when no model was called.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TokenUsage? Usage { get; init; }

    public static TurnAssessment Empty { get; } = new();

    [JsonIgnore]
    public IEnumerable<string> CreditedIds => MarkingPoints.Where(m => m.Credited).Select(m => m.Id);

    [JsonIgnore]
    public IEnumerable<string> DetectedNegativeIds => Negatives.Where(m => m.Credited).Select(m => m.Id);

    public bool IsCredited(string id) => MarkingPoints.Any(m => m.Credited && m.Id == id);

    public bool IsDetected(string id) => Negatives.Any(m => m.Credited && m.Id == id);
}

/// <summary>One line of the conversation so far, as the scorer sees it.</summary>
public sealed record ConversationLine(string Speaker, string Text, bool IsLearner);

/// <summary>Everything a scorer may use to assess one reply.</summary>
/// <param name="Reply">The learner's reply: untrusted text.</param>
/// <param name="PersonaLine">What the other person said just before.</param>
/// <param name="History">The conversation so far, oldest first, not including <paramref name="Reply"/>.</param>
/// <param name="Assessed">The marking points the node assesses; scorers may assess more, never fewer.</param>
/// <param name="Context">Colleague, customer or partner.</param>
public sealed record ReplyContext(
    string Reply,
    string PersonaLine,
    IReadOnlyList<ConversationLine> History,
    IReadOnlyList<string> Assessed,
    ContextKind Context)
{
    public static ReplyContext ForReply(string reply, string personaLine = "", ContextKind context = ContextKind.Customer) =>
        new(reply, personaLine, [], [], context);
}

/// <summary>Assesses a learner reply against marking points. The built-in scorer is the default; LLM judges plug in here.</summary>
public interface IReplyScorer
{
    Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default);
}

/// <summary>The ids scenarios may use: positive marking points and negative behaviours.</summary>
public interface IMarkingPointVocabulary
{
    IReadOnlySet<string> MarkingPoints { get; }

    IReadOnlySet<string> Negatives { get; }
}

/// <summary>A fixed vocabulary, handy for tests and for validating without the catalogue file.</summary>
public sealed record MarkingPointVocabulary(IReadOnlySet<string> MarkingPoints, IReadOnlySet<string> Negatives) : IMarkingPointVocabulary
{
    public static MarkingPointVocabulary Of(IEnumerable<string> markingPoints, IEnumerable<string> negatives) =>
        new(markingPoints.ToHashSet(StringComparer.Ordinal), negatives.ToHashSet(StringComparer.Ordinal));
}
