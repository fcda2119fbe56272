using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Rules;

/// <summary>A piece of evidence found by a rule: how strongly it shows the point, where, and in what words.</summary>
internal readonly record struct Finding(double Strength, EvidenceSpan Span, string What);

/// <summary>Turns findings into a <see cref="MarkingPointResult"/> with a one-line rationale.</summary>
internal static class Verdict
{
    /// <summary>Strength at or above which a point is credited (or a negative detected).</summary>
    public const double Threshold = 0.5;

    /// <summary>What each further, different piece of evidence adds to the strongest one.</summary>
    public const double Corroboration = 0.1;

    public const int MaxEvidence = 3;

    public static double Combine(IEnumerable<double> strengths)
    {
        var ordered = strengths.OrderByDescending(s => s).ToList();
        return ordered.Count == 0 ? 0 : Math.Min(1.0, ordered[0] + (Corroboration * (ordered.Count - 1)));
    }

    public static MarkingPointResult From(MarkingPointDefinition point, IReadOnlyList<Finding> findings, string? whyNot = null)
    {
        if (findings.Count == 0)
        {
            return None(point, whyNot);
        }

        var distinct = findings
            .GroupBy(f => (f.Span.Start, f.Span.End))
            .Select(g => g.OrderByDescending(f => f.Strength).First())
            .ToList();
        var strength = Math.Round(Combine(distinct.Select(f => f.Strength)), 2);
        var best = distinct.OrderByDescending(f => f.Strength).ThenBy(f => f.Span.Start).First();
        var evidence = distinct
            .OrderByDescending(f => f.Strength)
            .ThenBy(f => f.Span.Start)
            .Take(MaxEvidence)
            .OrderBy(f => f.Span.Start)
            .Select(f => f.Span)
            .ToList();
        var credited = strength >= Threshold;
        var quote = Shorten(best.Span.Quote);
        string rationale;
        if (credited)
        {
            var label = point.Kind == MarkingPointKind.Positive ? "Credited" : "Detected";
            rationale = $"{label}: {best.What} \"{quote}\"" + (distinct.Count > 1 ? $" (+{distinct.Count - 1} more)." : ".");
        }
        else
        {
            rationale = whyNot ?? $"Only a weak sign of {point.Title.ToLowerInvariant()}: \"{quote}\".";
        }

        return new MarkingPointResult(point.Id, credited, strength, credited ? evidence : [], rationale);
    }

    public static MarkingPointResult None(MarkingPointDefinition point, string? why = null) =>
        new(point.Id, false, 0, [], why ?? (point.Kind == MarkingPointKind.Positive
            ? $"No sign of {point.Title.ToLowerInvariant()} in the reply."
            : $"No {point.Title.ToLowerInvariant()} found."));

    public static string Shorten(string quote) => quote.Length <= 80 ? quote : string.Concat(quote.AsSpan(0, 77), "...");
}

/// <summary>The generic rule: credit from the entry's own cues (strong cues earn credit, weak cues support).</summary>
internal sealed class CueRule : IMarkingPointRule
{
    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.None(point, $"Not assessed in a {input.Context.ToString().ToLowerInvariant()} conversation.");
        }

        var what = point.Kind == MarkingPointKind.Positive ? $"{point.Title.ToLowerInvariant()} in" : $"{point.Title.ToLowerInvariant()} in";
        var findings = input.Effective(point.Id)
            .Select(m => new Finding(m.Cue.BaseStrength, input.Span(m), what))
            .ToList();
        string? whyNot = null;
        if (findings.Count == 0 && input.NegatedMatches(point.Id).FirstOrDefault() is { Cue: not null } negated)
        {
            whyNot = $"Not {(point.Kind == MarkingPointKind.Positive ? "credited" : "detected")}: \"{Verdict.Shorten(input.Span(negated).Quote)}\" is negated.";
        }

        return Verdict.From(point, findings, whyNot);
    }
}
