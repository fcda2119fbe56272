using RolePlay.Engine.Scoring;
using RolePlay.Llm.Tests.Fakes;

namespace RolePlay.Llm.Tests;

public sealed class CombinedScorerTests
{
    private static readonly string[] Assessed = ["apology", "empathy", "solution"];

    private static MarkingPointResult Credit(string reply, string id, string quote, string source = "llm")
    {
        var at = reply.IndexOf(quote, StringComparison.Ordinal);
        return new MarkingPointResult(id, true, 1, [new EvidenceSpan(at, at + quote.Length, quote)], "shown", source);
    }

    private static MarkingPointResult Miss(string id, string source = "llm") => new(id, false, 0, [], "not shown", source);

    private static TurnAssessment Judge(params MarkingPointResult[] points) => new() { MarkingPoints = points, Source = "llm" };

    private static async Task<(TurnAssessment Builtin, TurnAssessment Combined)> Run(string reply, TurnAssessment judge, CombinedScorerOptions? options = null)
    {
        var context = TestData.Reply(reply, Assessed);
        var builtin = await new KeywordStandInScorer().ScoreAsync(context);
        return (builtin, CombinedScorer.Combine(context, builtin, judge, options));
    }

    [Fact]
    public async Task Agreement_is_credited_as_combined_and_the_score_is_the_builtin_score()
    {
        const string reply = "I'm sorry, I'll send a replacement.";
        var (builtin, combined) = await Run(reply, Judge(Credit(reply, "apology", "I'm sorry"), Miss("empathy"), Credit(reply, "solution", "send a replacement")));

        Assert.Equal("combined", combined.Source);
        Assert.Equal("combined", combined.MarkingPoints.Single(m => m.Id == "apology").Source);
        Assert.Equal(builtin.Score, combined.Score);
        Assert.False(combined.FlaggedForReview);
    }

    [Fact]
    public async Task The_judges_tokens_are_kept_on_the_combined_assessment_also_when_the_judge_was_unavailable()
    {
        const string reply = "I'm sorry, I'll send a replacement.";
        var usage = new Engine.Voice.TokenUsage(1200, 80);
        var (_, agreed) = await Run(reply, Judge(Credit(reply, "apology", "I'm sorry")) with { Usage = usage });
        var (_, unavailable) = await Run(reply, TurnAssessment.Empty with { Source = "llm-unavailable", Usage = usage });

        Assert.Equal(usage, agreed.Usage);
        Assert.Equal(usage, unavailable.Usage);
    }

    private static readonly CombinedScorerOptions VerifiedPolicy = new() { JudgeOnlyCredits = JudgeOnlyCreditPolicy.Verified };

    [Fact]
    public async Task By_default_a_judge_only_credit_is_recorded_and_flagged_but_not_counted()
    {
        const string reply = "I'm sorry. You've been waiting for ages, no wonder you're annoyed.";
        var (builtin, combined) = await Run(reply, Judge(Credit(reply, "apology", "I'm sorry"), Credit(reply, "empathy", "no wonder you're annoyed"), Miss("solution")));

        var empathy = combined.MarkingPoints.Single(m => m.Id == "empathy");
        Assert.False(empathy.Credited);
        Assert.Equal("llm", empathy.Source);
        Assert.Contains("no wonder you're annoyed", empathy.Rationale);
        Assert.True(combined.FlaggedForReview);
        Assert.Equal(builtin.Score, combined.Score);
    }

    [Fact]
    public async Task Under_the_verified_policy_one_judge_only_credit_counts_and_raises_the_score_by_one_point_share()
    {
        const string reply = "I'm sorry. You've been waiting for ages, no wonder you're annoyed.";
        var (builtin, combined) = await Run(reply, Judge(Credit(reply, "apology", "I'm sorry"), Credit(reply, "empathy", "no wonder you're annoyed"), Miss("solution")), VerifiedPolicy);

        var empathy = combined.MarkingPoints.Single(m => m.Id == "empathy");
        Assert.True(empathy.Credited);
        Assert.Equal("llm", empathy.Source);
        Assert.Equal(Math.Round(builtin.Score + (10.0 / 3), 2), combined.Score);
    }

    [Fact]
    public async Task Judge_only_credits_with_forged_spans_are_ignored()
    {
        const string reply = "I'm sorry.";
        var forged = new MarkingPointResult("empathy", true, 1, [new EvidenceSpan(0, 9, "I feel your pain")], "shown", "llm");
        var (builtin, combined) = await Run(reply, Judge(Credit(reply, "apology", "I'm sorry"), forged, Miss("solution")), VerifiedPolicy);

        Assert.False(combined.IsCredited("empathy"));
        Assert.Equal(builtin.Score, combined.Score);
    }

    [Fact]
    public async Task Under_the_verified_policy_more_judge_only_credits_than_allowed_count_for_nothing_and_flag_the_turn()
    {
        const string reply = "Hello there, thanks for coming in today, let me look.";
        var (builtin, combined) = await Run(reply, Judge(Credit(reply, "apology", "Hello there"), Credit(reply, "empathy", "thanks for coming in"), Credit(reply, "solution", "let me look")), VerifiedPolicy);

        Assert.Empty(combined.CreditedIds);
        Assert.Equal(builtin.Score, combined.Score);
        Assert.True(combined.FlaggedForReview);
    }

    [Fact]
    public async Task A_builtin_credit_stands_when_the_judge_merely_disagrees()
    {
        const string reply = "Sorry, I will send a replacement.";
        var (builtin, combined) = await Run(reply, Judge(Miss("apology"), Miss("empathy"), Miss("solution")));

        Assert.Equal(builtin.CreditedIds, combined.CreditedIds);
        Assert.Equal("builtin", combined.MarkingPoints.Single(m => m.Id == "apology").Source);
        Assert.Equal(builtin.Score, combined.Score);
        Assert.True(combined.FlaggedForReview);
    }

    [Fact]
    public async Task A_judge_negative_on_the_same_words_withdraws_a_builtin_credit()
    {
        const string reply = "Sorry you feel that way.";
        var judge = Judge(Miss("apology"), Miss("empathy"), Miss("solution)")) with
        {
            Negatives = [Credit(reply, "non_apology", "Sorry you feel that way")],
        };
        var (builtin, combined) = await Run(reply, judge);

        Assert.True(builtin.IsCredited("apology"));
        Assert.False(combined.IsCredited("apology"));
        Assert.True(combined.IsDetected("non_apology"));
        Assert.True(combined.Score < builtin.Score);
        Assert.True(combined.FlaggedForReview);
    }

    [Fact]
    public async Task A_failed_judge_yields_the_builtin_result_with_its_note()
    {
        const string reply = "Sorry.";
        var failed = TurnAssessment.Empty with { Source = ScorerSources.LlmUnavailable, Notes = ["LLM judge unavailable (timed out after 4s); built-in scorer used."] };
        var (builtin, combined) = await Run(reply, failed);

        Assert.Equal("builtin", combined.Source);
        Assert.Equal(builtin.Score, combined.Score);
        Assert.Contains(failed.Notes[0], combined.Notes);
    }
}
