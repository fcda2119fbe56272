using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Rules;

namespace RolePlay.Scoring.Tests;

/// <summary>A bug in one rule must not cost the learner the turn (or crash the session that called the scorer).</summary>
public class RuleFailureTests
{
    [Fact]
    public void A_rule_that_throws_leaves_only_its_own_point_uncredited_and_says_so()
    {
        var rules = RuleSet.Rules.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        rules["apology"] = new ThrowingRule();
        var scorer = new BuiltInScorer(MarkingPointCatalogue.Default, rules);

        var assessment = scorer.Score(new ReplyContext("I'm so sorry about the wait, I'll ring the depot now.", "Where is my parcel?", [], [], ContextKind.Customer));

        Assert.False(assessment.Point("apology").Credited);
        Assert.Contains("internal error", assessment.Point("apology").Rationale, StringComparison.Ordinal);
        Assert.Contains(assessment.Notes, n => n.Contains("'apology' could not be assessed", StringComparison.Ordinal));
        Assert.True(assessment.Has("ownership"));
        Assert.True(Score.Reply("I'm so sorry about the wait, I'll ring the depot now.", "Where is my parcel?").Has("apology"));
    }

    private sealed class ThrowingRule : IMarkingPointRule
    {
        public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input) =>
            throw new IndexOutOfRangeException("a rule bug");
    }
}
