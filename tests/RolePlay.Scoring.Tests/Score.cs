using System.Collections.Concurrent;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring;

namespace RolePlay.Scoring.Tests;

/// <summary>Helpers shared by the scorer tests.</summary>
internal static class Score
{
    /// <summary>The whole built-in scorer: the rules, then the learned credit layer. The labelled sets measure this.</summary>
    public static readonly BuiltInScorer Scorer = new();

    /// <summary>What the whole scorer makes of a reply: behaviour tests pin the rules and the learned layer together.</summary>
    public static TurnAssessment Reply(string reply, string persona = "", ContextKind context = ContextKind.Customer, params string[] assessed) =>
        Scorer.Score(new ReplyContext(reply, persona, [], assessed, context));

    public static MarkingPointResult Point(this TurnAssessment assessment, string id) =>
        assessment.MarkingPoints.Concat(assessment.Negatives).Single(m => m.Id == id);

    /// <summary>Whether the whole scorer credits (or, for a negative, detects) <paramref name="id"/>.</summary>
    public static bool Has(this TurnAssessment assessment, string id) => assessment.Point(id).Credited;

    /// <summary>
    /// Whether the rules found <paramref name="id"/>: credited, or credited by the rules and withdrawn by the learned layer
    /// with its reason. Tests of a rule's shape assert this; tests that something is not credited assert <see cref="Has"/>.
    /// </summary>
    public static bool Recognises(this TurnAssessment assessment, string id) =>
        assessment.Point(id) is var point && (point.Credited || point.Withdrawn);

    /// <summary>
    /// For a known error of the learned layer: the rules do not find <paramref name="id"/> in <paramref name="reply"/>, and
    /// whatever the whole scorer makes of it shows as the learned model's, so an assessor can tell and override it.
    /// </summary>
    public static void AssertOnlyTheLearnedModelFinds(string reply, string id, ContextKind context)
    {
        var conversation = ReplyContext.ForReply(reply, context: context);
        var point = Scorer.Score(conversation).Point(id);

        Assert.False(BuiltInScorer.RulesOnly().Score(conversation).Has(id), $"the rules find {id} in \"{reply}\"");
        Assert.True(!point.Credited || point.Rationale.StartsWith("Credited by the learned model", StringComparison.Ordinal)
            || point.Rationale.StartsWith("Detected by the learned model", StringComparison.Ordinal), point.Rationale);
    }

    /// <summary><see cref="Recognises"/> where <paramref name="expected"/>, otherwise not credited by the whole scorer.</summary>
    public static bool Shows(this TurnAssessment assessment, string id, bool expected) =>
        expected ? assessment.Recognises(id) : !assessment.Has(id);

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    // The scorer is deterministic, so each labelled file is scored once per test run and shared by every test that reads it.
    private static readonly ConcurrentDictionary<string, Lazy<Evaluation.EvaluationRun>> Runs = new(StringComparer.Ordinal);

    /// <summary>Scores a labelled file from Data/ with the built-in scorer against every catalogue id (once per run).</summary>
    public static Evaluation.EvaluationRun Evaluate(string dataFile) =>
        Runs.GetOrAdd(dataFile, file => new Lazy<Evaluation.EvaluationRun>(() => EvaluateNow(file))).Value;

    private static readonly ConcurrentDictionary<string, Lazy<Evaluation.EvaluationRun>> RulesOnlyRuns = new(StringComparer.Ordinal);

    private static readonly BuiltInScorer RulesOnly = BuiltInScorer.RulesOnly();

    /// <summary>Scores a labelled file from Data/ with the cue rules alone, without the learned layer (once per run).</summary>
    public static Evaluation.EvaluationRun EvaluateRulesOnly(string dataFile) =>
        RulesOnlyRuns.GetOrAdd(dataFile, file => new Lazy<Evaluation.EvaluationRun>(() => EvaluateNow(file, RulesOnly))).Value;

    /// <summary>The whole scorer's figures over several labelled files scored as one (each file scored once per run).</summary>
    public static Evaluation.EvaluationReport Pooled(IEnumerable<string> dataFiles) =>
        Evaluation.Evaluation.Compute(
            dataFiles.SelectMany(file => Evaluate(file).Items)
                .Select(i => ((IReadOnlyCollection<string>)i.Predicted, (IReadOnlyCollection<string>)i.Labelled)),
            Scorer.Catalogue.Points.Select(p => p.Id));

    private static Evaluation.EvaluationRun EvaluateNow(string dataFile, BuiltInScorer? scorer = null)
    {
        using var reader = File.OpenText(DataFile(dataFile));
        var ids = Scorer.Catalogue.Points.Select(p => p.Id);
        return Evaluation.Evaluation.EvaluateJsonlAsync(reader, scorer ?? Scorer, ids).GetAwaiter().GetResult();
    }
}
