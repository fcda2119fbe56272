using System.Text.RegularExpressions;

namespace RolePlay.Storage;

/// <summary>What an assessor record does.</summary>
public enum ReviewKind
{
    /// <summary>Credit a marking point on a turn.</summary>
    Credit,

    /// <summary>Withdraw credit for a marking point on a turn.</summary>
    Uncredit,

    /// <summary>Decide the whole attempt (see <see cref="AssessorDecisions"/>).</summary>
    Decision,
}

/// <summary>Decisions an assessor can record on an attempt.</summary>
public static class AssessorDecisions
{
    public const string Competent = "competent";
    public const string NotYetCompetent = "not_yet_competent";

    public static IReadOnlyList<string> All { get; } = [Competent, NotYetCompetent];

    /// <summary>Accepts <c>competent</c>, <c>Not yet competent</c>, <c>not-yet-competent</c>, <c>nyc</c>...; null when not a decision.</summary>
    public static string? Normalize(string? decision)
    {
        if (string.IsNullOrWhiteSpace(decision))
        {
            return null;
        }

        var key = decision.Trim().ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
        return key switch
        {
            "COMPETENT" or "C" => Competent,
            "NOT_YET_COMPETENT" or "NYC" => NotYetCompetent,
            _ => null,
        };
    }
}

/// <summary>An assessor's request to credit, un-credit or decide; build one with the factory methods.</summary>
/// <param name="TurnNumber">The turn, for <see cref="ReviewKind.Credit"/> and <see cref="ReviewKind.Uncredit"/>.</param>
/// <param name="MarkingPointId">The marking point, for credit and un-credit.</param>
/// <param name="Decision">For <see cref="ReviewKind.Decision"/>: one of <see cref="AssessorDecisions"/>.</param>
/// <param name="At">When; null means now.</param>
public sealed record ReviewRequest(
    string SessionId,
    ReviewKind Kind,
    string Assessor,
    string Comment,
    int? TurnNumber = null,
    string? MarkingPointId = null,
    string? Decision = null,
    DateTimeOffset? At = null)
{
    public static ReviewRequest Credit(string sessionId, int turnNumber, string markingPointId, string assessor, string comment) =>
        new(sessionId, ReviewKind.Credit, assessor, comment, turnNumber, markingPointId);

    public static ReviewRequest Uncredit(string sessionId, int turnNumber, string markingPointId, string assessor, string comment) =>
        new(sessionId, ReviewKind.Uncredit, assessor, comment, turnNumber, markingPointId);

    public static ReviewRequest SetDecision(string sessionId, string decision, string assessor, string comment) =>
        new(sessionId, ReviewKind.Decision, assessor, comment, Decision: decision);
}

/// <summary>An append-only assessor record: who, when, what and why.</summary>
public sealed record ReviewRecord(
    long Id,
    string SessionId,
    ReviewKind Kind,
    int? TurnNumber,
    string? MarkingPointId,
    string? Decision,
    string Assessor,
    string Comment,
    DateTimeOffset CreatedAt);

/// <summary>The result of a review request: the stored record, or a refusal an assessor can act on.</summary>
public sealed record ReviewResult(ReviewRecord? Record, string? Error)
{
    public bool Succeeded => Record is not null;

    public static ReviewResult Stored(ReviewRecord record) => new(record, null);

    public static ReviewResult Refused(string error) => new(null, error);
}

/// <summary>Checks on a review request that do not need the database; every store applies them first.</summary>
public static partial class ReviewRules
{
    /// <summary>Returns the request with trimmed text and a normalised decision, or a refusal message.</summary>
    public static (ReviewRequest? Request, string? Error) Validate(ReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.SessionId))
        {
            return (null, "A session id is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            return (null, "A comment is required: say why (it is kept with the record for moderation).");
        }

        if (string.IsNullOrWhiteSpace(request.Assessor))
        {
            return (null, "The assessor's name is required.");
        }

        var trimmed = request with { SessionId = request.SessionId.Trim(), Assessor = request.Assessor.Trim(), Comment = request.Comment.Trim() };
        switch (request.Kind)
        {
            case ReviewKind.Credit or ReviewKind.Uncredit:
                if (request.TurnNumber is not > 0)
                {
                    return (null, "A turn number (1 or more) is required to credit or un-credit a marking point.");
                }

                if (string.IsNullOrWhiteSpace(request.MarkingPointId) || !MarkingPointId().IsMatch(request.MarkingPointId.Trim()))
                {
                    return (null, $"'{request.MarkingPointId}' is not a marking point id (lower-case letters, digits and '_', e.g. 'apology').");
                }

                return (trimmed with { MarkingPointId = request.MarkingPointId.Trim(), Decision = null }, null);

            case ReviewKind.Decision:
                var decision = AssessorDecisions.Normalize(request.Decision);
                return decision is null
                    ? (null, $"'{request.Decision}' is not a decision; use {string.Join(" or ", AssessorDecisions.All)}.")
                    : (trimmed with { Decision = decision, TurnNumber = null, MarkingPointId = null }, null);

            default:
                return (null, $"Unknown review kind '{request.Kind}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex MarkingPointId();
}
