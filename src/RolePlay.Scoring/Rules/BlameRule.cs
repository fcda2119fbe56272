using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Blame: fault put on the other person ("you must have", "if you'd read") or on someone else with a failure word
/// ("the courier lost it", "sales never tell us"). When the same reply apologises plainly or commits to act, naming
/// the cause reads as an explanation, so one cue is no longer enough.
/// </summary>
internal sealed class BlameRule : IMarkingPointRule
{
    /// <summary>What a blame cue is worth in a reply that also owns the problem.</summary>
    public const double OwnedFactor = 0.35;

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var matches = input.Effective(point.Id);
        if (matches.Count == 0 || !point.AppliesIn(input.Context))
        {
            return new CueRule().Assess(point, input);
        }

        var owned = Commitment.ApologisesPlainly(input) || Commitment.OwnsAction(input);
        var tokens = input.Reply.Tokens;
        var findings = matches
            .Select(m => new Finding(m.Cue.BaseStrength * (owned && !NamesFault(tokens, m) ? OwnedFactor : 1.0), input.Span(m), "fault put on someone else in"))
            .ToList();
        var whyNot = owned
            ? "Not detected: the reply also apologises or takes ownership, so naming the cause reads as an explanation."
            : null;
        return Verdict.From(point, findings, whyNot);
    }

    private static readonly HashSet<string> FaultWords = new(StringComparer.Ordinal) { "fault", "blame", "blamed", "blaming" };

    /// <summary>"The courier's fault", "blame the system": saying whose fault it is is blame even next to an apology.</summary>
    private static bool NamesFault(Text.Token[] tokens, CueMatch match)
    {
        for (var k = match.Start; k < match.End; k++)
        {
            if (FaultWords.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }
}
