using RolePlay.Engine.Model;
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

        // Overlapping findings are the same words seen twice ("I understand" inside "I understand you're"): keep the
        // strongest (then longest) of them, so evidence never repeats itself and only separate evidence corroborates.
        // The two working lists are reused per thread: a verdict is built for every entry of every reply.
        var ordered = t_ordered ??= [];
        ordered.Clear();
        ordered.AddRange(findings);
        ordered.Sort(StrongestFirst);
        var distinct = t_distinct ??= [];
        distinct.Clear();
        foreach (var finding in ordered)
        {
            if (!OverlapsAny(distinct, finding.Span))
            {
                distinct.Add(finding);
            }
        }

        var strength = distinct[0].Strength;
        for (var i = 1; i < distinct.Count; i++)
        {
            strength += Corroboration;
        }

        strength = Math.Round(Math.Min(1.0, strength), 2);
        var best = distinct[0];
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

        if (!credited)
        {
            return new MarkingPointResult(point.Id, false, strength, [], rationale);
        }

        var evidence = new List<EvidenceSpan>(Math.Min(MaxEvidence, distinct.Count));
        for (var i = 0; i < distinct.Count && i < MaxEvidence; i++)
        {
            evidence.Add(distinct[i].Span);
        }

        evidence.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new MarkingPointResult(point.Id, true, strength, evidence, rationale);
    }

    [ThreadStatic]
    private static List<Finding>? t_ordered;

    [ThreadStatic]
    private static List<Finding>? t_distinct;

    private static readonly Comparison<Finding> StrongestFirst = static (a, b) =>
        a.Strength != b.Strength ? b.Strength.CompareTo(a.Strength)
        : (b.Span.End - b.Span.Start) != (a.Span.End - a.Span.Start) ? (b.Span.End - b.Span.Start).CompareTo(a.Span.End - a.Span.Start)
        : a.Span.Start.CompareTo(b.Span.Start);

    private static bool OverlapsAny(List<Finding> kept, EvidenceSpan span)
    {
        foreach (var f in kept)
        {
            if (f.Span.Start < span.End && span.Start < f.Span.End)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MarkingPointDefinition, MarkingPointResult> NoneResults = [];

    /// <summary>Nothing found: the same immutable result every time for a point (cached by reference).</summary>
    public static MarkingPointResult None(MarkingPointDefinition point, string? why = null)
    {
        if (why is not null)
        {
            return new(point.Id, false, 0, [], why);
        }

        return NoneResults.GetValue(point, static p => new(p.Id, false, 0, [], p.Kind == MarkingPointKind.Positive
            ? $"No sign of {p.Title.ToLowerInvariant()} in the reply."
            : $"No {p.Title.ToLowerInvariant()} found."));
    }

    /// <summary>The result for an entry whose <c>contexts</c> exclude this conversation.</summary>
    public static MarkingPointResult NotAssessedIn(MarkingPointDefinition point, ContextKind context) =>
        None(point, $"Not assessed in a {context.ToString().ToLowerInvariant()} conversation.");

    public static string Shorten(string quote) => quote.Length <= 80 ? quote : string.Concat(quote.AsSpan(0, 77), "...");
}

/// <summary>The generic rule: credit from the entry's own cues (strong cues earn credit, weak cues support).</summary>
internal sealed class CueRule : IMarkingPointRule
{
    // "empathy in", once per entry rather than once per reply.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MarkingPointDefinition, string> Whats = [];

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        var matches = input.Effective(point.Id);
        if (matches.Count == 0)
        {
            var verb = point.Kind == MarkingPointKind.Positive ? "credited" : "detected";
            if (input.FirstNegatedMatch(point.Id) is { } negated)
            {
                return Verdict.None(point, $"Not {verb}: \"{Verdict.Shorten(input.Span(negated).Quote)}\" is negated.");
            }

            // Tells an author which exception outweighed the cue ("pretty normal" inside "normal for your age").
            if (input.FirstCancelledMatch(point.Id) is { } cancelled)
            {
                return Verdict.None(point, $"Not {verb}: \"{Verdict.Shorten(input.Span(cancelled.Match).Quote)}\" is read as \"{Verdict.Shorten(input.Span(cancelled.CancelledBy).Quote)}\" here.");
            }

            return Verdict.None(point);
        }

        var what = Whats.GetValue(point, static p => p.Title.ToLowerInvariant() + " in");
        var findings = new List<Finding>(matches.Count);
        foreach (var match in matches)
        {
            findings.Add(new Finding(match.Cue.BaseStrength, input.Span(match), what));
        }

        return Verdict.From(point, findings);
    }
}
