using RolePlay.Engine.Model;
using RolePlay.Reporting.Cohort;
using RolePlay.Storage;
using RolePlay.TestSupport;

namespace RolePlay.Reporting.Tests;

public sealed class CohortTests : IDisposable
{
    private readonly ReportingStore store = new();

    [Fact]
    public async Task Counts_learners_per_marking_point_and_picks_the_weakest()
    {
        var day = ReportingStore.Day;

        // Sam: two attempts; empathy only via the assessor on the second.
        var sam1 = new SessionBuilder("sam-1", learner: "Sam", startedAt: day);
        sam1.AddTurn("opening", "Well?", "Sorry about that.", "details", 5, [("apology", "Sorry"), ("empathy", null)]);
        await store.SaveAsync(sam1);
        var sam2 = new SessionBuilder("sam-2", learner: "sam", startedAt: day.AddDays(1));
        sam2.AddTurn("opening", "Well?", "Sorry, that sounds stressful.", "details", 6, [("apology", "Sorry"), ("empathy", null)]);
        await store.SaveAsync(sam2, reviews: ReviewRequest.Credit("sam-2", 1, "empathy", "Jo", "'sounds stressful' is empathy."));

        // Priya: apology credited by the scorer but withdrawn by the assessor; never empathy.
        var priya = new SessionBuilder("priya-1", learner: "Priya", startedAt: day);
        priya.AddTurn("opening", "Well?", "Sorry, not my department.", "details", 3, [("apology", "Sorry"), ("empathy", null)]);
        await store.SaveAsync(priya, reviews: ReviewRequest.Uncredit("priya-1", 1, "apology", "Jo", "Dismissive, not an apology."));

        // Lee: different scenario, only follow-up assessed.
        var lee = new SessionBuilder("lee-1", scenarioId: "rota-clash", learner: "Lee", startedAt: day);
        lee.AddTurn("opening", "Well?", "I'll email you by Friday.", "end", 7, [("follow_up", "email you by Friday")]);
        await store.SaveAsync(lee);

        var all = await new CohortAnalyzer(store.Store).AnalyzeAsync(new CohortOptions(WeakestCount: 2));
        var lateDelivery = await new CohortAnalyzer(store.Store).AnalyzeAsync(new CohortOptions(new TranscriptFilter(ScenarioId: "late-delivery")));

        Assert.Equal(3, all.Learners);
        Assert.Equal(4, all.Attempts);
        var apology = all.Criteria.Single(c => c.MarkingPointId == "apology");
        Assert.Equal((2, 1, 3, 2), (apology.LearnersAssessed, apology.LearnersDemonstrated, apology.AttemptsAssessed, apology.AttemptsDemonstrated));
        var empathy = all.Criteria.Single(c => c.MarkingPointId == "empathy");
        Assert.Equal((2, 1), (empathy.LearnersAssessed, empathy.LearnersDemonstrated));
        Assert.Equal(1.0, all.Criteria.Single(c => c.MarkingPointId == "follow_up").Rate);
        Assert.Equal(["apology", "empathy"], all.Weakest.Select(c => c.MarkingPointId).Order());
        Assert.Equal(0.5, all.Weakest[0].Rate);

        Assert.Equal("late-delivery", lateDelivery.ScenarioId);
        Assert.Equal(2, lateDelivery.Learners);
        Assert.DoesNotContain(lateDelivery.Criteria, c => c.MarkingPointId == "follow_up");

        var md = CohortAnalyzer.ToMarkdown(all);
        Assert.Contains("3 learners, 4 attempts.", md, StringComparison.Ordinal);
        Assert.Contains("| apology | 1 | 2 | 50% |", md, StringComparison.Ordinal);
        Assert.Contains("\"learnersDemonstrated\": 1", CohortAnalyzer.ToJson(all), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_scenario_a_point_counts_as_assessed_only_where_an_answered_node_looked_for_it()
    {
        var day = ReportingStore.Day;
        var ann = new SessionBuilder("ann-1", learner: "Ann", startedAt: day);
        ann.AddTurn("opening", "Well?", "Sorry about that.", "details", 6, [("apology", "Sorry"), ("empathy", null), ("follow_up", null)]);
        await store.SaveAsync(ann);
        var ben = new SessionBuilder("ben-1", learner: "Ben", startedAt: day);
        ben.AddTurn("opening", "Well?", "What?", "details", 2, [("apology", null), ("empathy", null), ("follow_up", null)]);
        ben.AddTurn("details", "And?", "Dunno.", "details", 2, [("apology", null), ("empathy", null), ("follow_up", null)]);
        await store.SaveAsync(ben);
        var scenario = new Scenario
        {
            Id = "late-delivery",
            Title = "Late delivery complaint",
            StartId = "opening",
            Nodes =
            [
                new DialogueNode { Id = "opening", Speaker = "dana", Assesses = ["apology", "empathy"] },
                new DialogueNode { Id = "details", Speaker = "dana", Assesses = ["follow_up"] },
            ],
        };
        var looked = new List<string>();
        Scenario? Find(string id)
        {
            looked.Add(id);
            return id == scenario.Id ? scenario : null;
        }

        var informed = await new CohortAnalyzer(store.Store, Find).AnalyzeAsync();
        var blind = await new CohortAnalyzer(store.Store).AnalyzeAsync();

        var followUp = informed.Criteria.Single(c => c.MarkingPointId == "follow_up");
        Assert.Equal((1, 0), (followUp.LearnersAssessed, followUp.LearnersDemonstrated));
        var apology = informed.Criteria.Single(c => c.MarkingPointId == "apology");
        Assert.Equal((2, 1, 0.5), (apology.LearnersAssessed, apology.LearnersDemonstrated, apology.Rate));
        Assert.Equal(["late-delivery"], looked);

        // Without the scenario every reported point counts for every learner.
        Assert.Equal(2, blind.Criteria.Single(c => c.MarkingPointId == "follow_up").LearnersAssessed);
    }

    [Fact]
    public async Task An_empty_store_gives_an_empty_cohort()
    {
        var report = await new CohortAnalyzer(store.Store).AnalyzeAsync();

        Assert.Equal(0, report.Learners);
        Assert.Empty(report.Criteria);
        Assert.Empty(report.Weakest);
    }

    public void Dispose() => store.Dispose();
}
