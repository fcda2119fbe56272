using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Passing the buck: the entry's cues ("not my department") plus a referral aimed at the person - a sending verb
/// and somewhere to go ("ring the bank", "you'll need to ask accounts") that the person, not the learner, must act on.
/// A reply that also commits the learner to an action ("I'll email them the details too") is a handover, so its
/// findings count for less.
/// </summary>
internal sealed class PassingTheBuckRule : IMarkingPointRule
{
    public const double Referral = 0.8;
    public const double HandedOverFactor = 0.35;

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        var findings = input.CueFindings(point.Id, "sent the problem elsewhere:");
        var referralStart = int.MaxValue;
        var referralEnd = 0;
        foreach (var (start, end) in Referrals.Elsewhere(input))
        {
            findings.Add(new Finding(Referral, input.Span(start, end), "sent them elsewhere to sort it themselves:"));
            referralStart = Math.Min(referralStart, start);
            referralEnd = Math.Max(referralEnd, end);
        }

        if (findings.Count == 0)
        {
            return new CueRule().Assess(point, input);
        }

        if (!Commitment.OwnsAction(input, referralStart, referralEnd))
        {
            return Verdict.From(point, findings);
        }

        var handedOver = findings.Select(f => f with { Strength = f.Strength * HandedOverFactor }).ToList();
        return Verdict.From(point, handedOver, "Not detected: the reply refers them on but also commits to an action itself.");
    }
}
