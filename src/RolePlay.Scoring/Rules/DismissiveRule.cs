using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Dismissive: the entry's cues (brush-offs, minimising, "calm down") plus a bare rule given as the whole answer: a short
/// reply that cites policy, the terms or the website and offers nothing else ("No receipt no refund, policy.", "No.
/// Says so on the website."). Stating the same rule inside a reply that also helps is an explanation, not a brush-off.
/// </summary>
internal sealed class DismissiveRule : IMarkingPointRule
{
    /// <summary>Replies longer than this are doing more than citing a rule.</summary>
    public const int MaxBareRuleWords = 10;

    /// <summary>What a bare rule given as the whole answer counts.</summary>
    public const double BareRule = 0.7;

    /// <summary>What "don't worry" next to an over-promise counts.</summary>
    public const double EmptyReassurance = 0.7;

    // Positive acts whose cues show the reply offers something beyond the rule.
    private static readonly string[] Offers = ["solution", "ownership", "empathy", "active_listening", "next_steps", "explanation"];

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var cueResult = new CueRule().Assess(point, input);
        if (!cueResult.Credited && point.AppliesIn(input.Context) && input.Effective("over_promising").Any(m => m.Cue.Tier == CueTier.Strong))
        {
            var reassurance = input.Catalogue.Pipeline.Lexicon("empty_reassurance").FindAll(input.Reply.Tokens, 0, input.Reply.Tokens.Length).FirstOrDefault();
            if (reassurance.Length > 0)
            {
                return Verdict.From(point, [new Finding(EmptyReassurance, input.Span(reassurance.Start, reassurance.Start + reassurance.Length), "waved the worry away with a promise:")]);
            }
        }

        if (cueResult.Credited || !point.AppliesIn(input.Context) || input.Reply.WordCount > MaxBareRuleWords
            || Offers.Any(id => input.Effective(id).Any(m => m.Cue.Tier == CueTier.Strong)))
        {
            return cueResult;
        }

        var tokens = input.Reply.Tokens;
        var sources = input.Catalogue.Pipeline.Lexicon("rule_sources");
        foreach (var (start, length) in sources.FindAll(tokens, 0, tokens.Length))
        {
            if (!tokens[start].Negated)
            {
                return Verdict.From(point, [new Finding(BareRule, input.Span(start, start + length), "gave a rule as the whole answer:")]);
            }
        }

        return cueResult;
    }
}
