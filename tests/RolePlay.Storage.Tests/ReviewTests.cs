using Microsoft.Data.Sqlite;

using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Storage.Tests;

public class ReviewTests : StoreTestBase
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Credit_uncredit_and_decision_are_appended_with_who_when_and_why()
    {
        var store = OpenStore();
        var session = SampleSessions.LateDelivery("r1");
        await SaveAsync(store, session);

        var credit = await store.AddReviewAsync(ReviewRequest.Credit("r1", 1, "empathy", "J. Assessor", "'really sorry your parcel is late' acknowledges the feeling.") with { At = Noon });
        var uncredit = await store.AddReviewAsync(ReviewRequest.Uncredit("r1", 3, "ownership", "J. Assessor", "Promise without authority.") with { At = Noon.AddMinutes(1) });
        var decision = await store.AddReviewAsync(ReviewRequest.SetDecision("r1", "Not yet competent", "J. Assessor", "Blamed the courier on turn 2.") with { At = Noon.AddMinutes(2) });

        Assert.True(credit.Succeeded, credit.Error);
        Assert.True(uncredit.Succeeded, uncredit.Error);
        Assert.True(decision.Succeeded, decision.Error);
        var transcript = await store.GetTranscriptAsync("r1");
        Assert.Equal(3, transcript!.Reviews.Count);
        Assert.Equal(credit.Record, transcript.Reviews[0]);
        Assert.Equal(Noon, transcript.Reviews[0].CreatedAt);
        Assert.Equal(AssessorDecisions.NotYetCompetent, transcript.LatestDecision!.Decision);
        Assert.Equal(AssessorDecisions.NotYetCompetent, transcript.Summary.Decision);

        // Effective view follows the assessor; the automated result is untouched.
        Assert.True(transcript.IsCredited(transcript.Turns[0], "empathy"));
        Assert.False(transcript.IsCredited(transcript.Turns[2], "ownership"));
        Assert.False(transcript.Turns[0].Assessment.IsCredited("empathy"));
        Assert.True(transcript.Turns[2].Assessment.IsCredited("ownership"));
        Assert.Equal(StorageJson.Serialize(session.Turns[0]), StorageJson.Serialize(transcript.Turns[0]));
    }

    [Fact]
    public async Task A_later_review_of_the_same_point_wins_and_both_are_kept()
    {
        var store = OpenStore();
        await SaveAsync(store, SampleSessions.LateDelivery("r2"));
        await store.AddReviewAsync(ReviewRequest.Credit("r2", 1, "empathy", "A", "first view"));
        await store.AddReviewAsync(ReviewRequest.Uncredit("r2", 1, "empathy", "B", "moderated: not empathy"));

        var transcript = await store.GetTranscriptAsync("r2");

        Assert.Equal(2, transcript!.Reviews.Count);
        Assert.False(transcript.IsCredited(transcript.Turns[0], "empathy"));
        Assert.Equal("B", transcript.LatestOverride(1, "empathy")!.Assessor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_comment_is_refused_and_nothing_is_stored(string comment)
    {
        var store = OpenStore();
        await SaveAsync(store, SampleSessions.LateDelivery("r3"));

        var result = await store.AddReviewAsync(ReviewRequest.Credit("r3", 1, "empathy", "J. Assessor", comment));

        Assert.False(result.Succeeded);
        Assert.Contains("comment is required", result.Error, StringComparison.Ordinal);
        Assert.Empty(await store.ListReviewsAsync("r3"));
    }

    [Fact]
    public async Task Mistakes_are_refused_with_a_reason_an_assessor_can_act_on()
    {
        var store = OpenStore();
        await SaveAsync(store, SampleSessions.LateDelivery("r4"));

        var noAssessor = await store.AddReviewAsync(ReviewRequest.Credit("r4", 1, "empathy", " ", "why"));
        var noSession = await store.AddReviewAsync(ReviewRequest.Credit("missing", 1, "empathy", "A", "why"));
        var noTurn = await store.AddReviewAsync(ReviewRequest.Credit("r4", 9, "empathy", "A", "why"));
        var notAssessed = await store.AddReviewAsync(ReviewRequest.Credit("r4", 1, "follow_up", "A", "why"));
        var badDecision = await store.AddReviewAsync(ReviewRequest.SetDecision("r4", "excellent", "A", "why"));

        Assert.Contains("assessor's name", noAssessor.Error, StringComparison.Ordinal);
        Assert.Contains("No session 'missing'", noSession.Error, StringComparison.Ordinal);
        Assert.Contains("turns are 1 to 3", noTurn.Error, StringComparison.Ordinal);
        Assert.Contains("it assessed: apology, active_listening, empathy", notAssessed.Error, StringComparison.Ordinal);
        Assert.Contains("competent or not_yet_competent", badDecision.Error, StringComparison.Ordinal);
        Assert.Empty(await store.ListReviewsAsync("r4"));
    }

    [Fact]
    public async Task Reviews_and_turns_cannot_be_rewritten_even_with_raw_sql()
    {
        var store = OpenStore();
        await SaveAsync(store, SampleSessions.LateDelivery("r5"));
        await store.AddReviewAsync(ReviewRequest.Credit("r5", 1, "empathy", "A", "why"));

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE reviews SET comment = 'changed'";
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM reviews";
        using var rewrite = connection.CreateCommand();
        rewrite.CommandText = "UPDATE turns SET reply = 'changed'";

        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => rewrite.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Equal("why", (await store.ListReviewsAsync("r5")).Single().Comment);
    }

    [Theory]
    [InlineData("competent", AssessorDecisions.Competent)]
    [InlineData("Not yet competent", AssessorDecisions.NotYetCompetent)]
    [InlineData("not-yet-competent", AssessorDecisions.NotYetCompetent)]
    [InlineData("NYC", AssessorDecisions.NotYetCompetent)]
    [InlineData("great", null)]
    public void Decisions_are_normalised(string input, string? expected) =>
        Assert.Equal(expected, AssessorDecisions.Normalize(input));
}
