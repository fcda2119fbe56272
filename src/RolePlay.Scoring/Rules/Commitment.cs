using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Whether a reply takes the problem on itself: a first-person commitment ("I'll chase them", "leave it with me") or an
/// apology that is not taken back by a "but" in the same sentence. Naming a cause or a referral next to that is an
/// explanation or a handover, not blame or passing the buck.
/// </summary>
internal static class Commitment
{
    /// <summary>A strong, un-negated ownership cue anywhere in the reply, outside tokens [skipStart, skipEnd).</summary>
    public static bool OwnsAction(RuleInput input, int skipStart = 0, int skipEnd = 0)
    {
        foreach (var match in input.Effective("ownership"))
        {
            if (match.Cue.Tier == CueTier.Strong && !match.Overlaps(skipStart, skipEnd))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A strong apology cue that no "but/however" follows in its sentence.</summary>
    public static bool ApologisesPlainly(RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        foreach (var match in input.Effective("apology"))
        {
            if (match.Cue.Tier != CueTier.Strong || input.Effective("non_apology").Any(n => n.Overlaps(match.Start, match.End)))
            {
                continue;
            }

            var sentence = input.Reply.SentenceOf(match.Start);
            var contrast = false;
            for (var k = match.End; k < sentence.EndToken && !contrast; k++)
            {
                contrast = Connectives.Contrasts.Contains(tokens[k].Text);
            }

            if (!contrast)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when token <paramref name="index"/> starts its clause (first of its sentence or of a new clause).</summary>
    public static bool StartsClause(Token[] tokens, SentenceInfo sentence, int index) =>
        index == sentence.FirstToken || tokens[index - 1].Clause != tokens[index].Clause;
}
