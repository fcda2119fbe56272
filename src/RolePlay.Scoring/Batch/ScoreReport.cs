using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Scoring.Batch;

/// <summary>An evidence span as written to JSON.</summary>
public sealed record EvidenceReport(int Start, int End, string Quote);

/// <summary>
/// One marking point or negative as written to JSON. <paramref name="Withdrawn"/>: the rules credited or detected it and
/// the learned layer withdrew it (the evidence is then the rules', and the rationale says why).
/// </summary>
public sealed record MarkingPointReport(string Id, string Kind, bool Credited, double Strength, IReadOnlyList<EvidenceReport> Evidence, string Rationale, bool Withdrawn = false);

/// <summary>The scoring of one reply as written to JSON (one line of batch output, or <c>roleplay score --json</c>).</summary>
public sealed record ReplyScoreReport(
    string Id,
    IReadOnlyList<string> Credited,
    IReadOnlyList<string> Negatives,
    IReadOnlyList<MarkingPointReport> MarkingPoints,
    double Score,
    IReadOnlyList<string> Tips,
    IReadOnlyList<string> Notes)
{
    public static ReplyScoreReport From(string id, TurnAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        static MarkingPointReport Map(MarkingPointResult r, string kind) => new(
            r.Id, kind, r.Credited, r.Strength, r.Evidence.Select(e => new EvidenceReport(e.Start, e.End, e.Quote)).ToList(), r.Rationale, r.Withdrawn);

        return new ReplyScoreReport(
            id,
            assessment.CreditedIds.ToList(),
            assessment.DetectedNegativeIds.ToList(),
            assessment.MarkingPoints.Select(r => Map(r, "positive")).Concat(assessment.Negatives.Select(r => Map(r, "negative"))).ToList(),
            assessment.Score,
            assessment.Tips,
            assessment.Notes);
    }
}

/// <summary>Scoring one text from the command line or a batch line: context parsing, JSON and plain-text output.</summary>
public static class ReplyScoring
{
    /// <summary>snake_case, compact, non-ASCII kept readable.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Scores <paramref name="text"/> as a reply to <paramref name="context"/> (what the other person said; optional).
    /// <paramref name="assessed"/> focuses the score and tips on a node's marking points.
    /// </summary>
    public static Task<TurnAssessment> ScoreAsync(
        IReplyScorer scorer,
        string text,
        string? context = null,
        ContextKind contextKind = ContextKind.Customer,
        IReadOnlyList<string>? assessed = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return scorer.ScoreAsync(new ReplyContext(text ?? "", context ?? "", [], assessed ?? [], contextKind), cancellationToken);
    }

    /// <summary>Parses "colleague", "customer" or "partner" (any case); null when it is none of them.</summary>
    public static ContextKind? ParseContextKind(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            "colleague" => ContextKind.Colleague,
            "customer" => ContextKind.Customer,
            "partner" => ContextKind.Partner,
            _ => null,
        };

    public static string ToJson(ReplyScoreReport report) => JsonSerializer.Serialize(report, JsonOptions);

    /// <summary>A readable summary for a terminal: score, credited points with evidence, negatives, tips and notes.</summary>
    public static string ToText(TurnAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Score: {assessment.Score:0.0}/10");
        void Section(string title, IEnumerable<MarkingPointResult> results)
        {
            var list = results.ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {(list.Count == 0 ? "none" : "")}");
            foreach (var result in list)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {result.Id} ({result.Strength:0.00}) - {result.Rationale}");
                foreach (var span in result.Evidence)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      [{span.Start},{span.End}) \"{span.Quote}\"");
                }
            }
        }

        Section("Credited", assessment.MarkingPoints.Where(m => m.Credited));
        Section("Negatives", assessment.Negatives.Where(m => m.Credited));

        // What a scorer found and took back: shown, so nobody wonders where a credit went.
        var withdrawn = assessment.MarkingPoints.Concat(assessment.Negatives).Where(m => m.Withdrawn).ToList();
        if (withdrawn.Count > 0)
        {
            Section("Withdrawn", withdrawn);
        }

        foreach (var tip in assessment.Tips)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Tip: {tip}");
        }

        foreach (var note in assessment.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Note: {note}");
        }

        return text.ToString();
    }
}
