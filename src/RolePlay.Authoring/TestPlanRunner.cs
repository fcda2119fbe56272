using System.Globalization;
using System.Text;
using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;

namespace RolePlay.Authoring;

/// <summary>One way a playthrough did not go as planned.</summary>
/// <param name="Turn">1-based turn where it went wrong; null for whole-run problems (such as the wrong ending).</param>
/// <param name="NodeId">The node the persona spoke from on that turn, when known.</param>
/// <param name="What">What was checked, e.g. "next node", "ending", "credited".</param>
/// <param name="Expected">What the plan expected.</param>
/// <param name="Actual">What happened.</param>
/// <param name="Detail">The reply and its assessment, to help the author decide what to change.</param>
public sealed record PlaythroughFailure(int? Turn, string? NodeId, string What, string Expected, string Actual, string? Detail = null)
{
    public override string ToString()
    {
        var where = Turn is null ? "" : string.Create(CultureInfo.InvariantCulture, $"turn {Turn}{(NodeId is null ? "" : $" at node '{NodeId}'")}: ");
        return $"{where}{What}: expected {Expected}, got {Actual}";
    }
}

/// <summary>The outcome of one playthrough.</summary>
/// <param name="ReachedEnding">The ending reached, or null when the replies ran out first.</param>
/// <param name="Path">The node the persona spoke from on each turn played.</param>
public sealed record PlaythroughResult(
    Playthrough Playthrough,
    string? ReachedEnding,
    IReadOnlyList<string> Path,
    IReadOnlyList<TurnRecord> Turns,
    IReadOnlyList<PlaythroughFailure> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>The outcome of one test plan against its scenario.</summary>
/// <param name="Diagnostics">Problems with the plan itself (unknown ending ids...); when any is an error no playthrough is run.</param>
/// <param name="UncoveredEndings">Endings of the scenario that no playthrough expects to reach.</param>
public sealed record TestPlanResult(
    string ScenarioId,
    string? PlanPath,
    IReadOnlyList<PlaythroughResult> Playthroughs,
    IReadOnlyList<string> UncoveredEndings,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Passed => !Diagnostics.Any(d => d.IsError) && Playthroughs.All(p => p.Passed);
}

/// <summary>Plays test-plan playthroughs through a real <see cref="Session"/> with the given scorer and reports every difference from the plan.</summary>
public sealed class TestPlanRunner(IReplyScorer scorer)
{
    private readonly IReplyScorer scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));

    /// <summary>Runs every playthrough of <paramref name="plan"/>; ids in the plan are checked against the scenario (and the vocabulary, when given) first.</summary>
    public async Task<TestPlanResult> RunAsync(Scenario scenario, TestPlan plan, IMarkingPointVocabulary? vocabulary = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        var diagnostics = TestPlanLoader.CheckAgainst(plan, scenario, vocabulary);
        var results = new List<PlaythroughResult>();
        if (!diagnostics.Any(d => d.IsError))
        {
            foreach (var playthrough in plan.Playthroughs)
            {
                results.Add(await RunAsync(scenario, playthrough, cancellationToken).ConfigureAwait(false));
            }
        }

        var expected = plan.Playthroughs.Select(p => p.ExpectedEnding).ToHashSet(StringComparer.Ordinal);
        var uncovered = scenario.Endings.Select(e => e.Id).Where(id => !expected.Contains(id)).ToList();
        return new TestPlanResult(scenario.Id, plan.SourcePath, results, uncovered, diagnostics);
    }

    /// <summary>Types the playthrough's replies into a fresh session and compares what happens with what was expected.</summary>
    public async Task<PlaythroughResult> RunAsync(Scenario scenario, Playthrough playthrough, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(playthrough);
        var session = Session.Start(scenario, scorer, playthrough.Seed, $"testplan-{scenario.Id}");
        var failures = new List<PlaythroughFailure>();
        var path = new List<string>();
        var turns = new List<TurnRecord>();
        var expectations = playthrough.Turns.ToLookup(t => t.Turn);
        for (var i = 0; i < playthrough.Replies.Count; i++)
        {
            var turnNumber = i + 1;
            if (session.IsOver)
            {
                var left = playthrough.Replies.Count - i;
                failures.Add(new(turnNumber, null, "ending",
                    $"the dialogue to continue for {left} more repl{(left == 1 ? "y" : "ies")}",
                    $"ending '{session.Ending?.Id}' after turn {i}"));
                break;
            }

            var nodeId = session.CurrentNode?.Id ?? session.State.CurrentId;
            path.Add(nodeId);
            if (playthrough.ExpectedPath is { } expectedPath && i < expectedPath.Count && expectedPath[i] != nodeId)
            {
                failures.Add(new(turnNumber, nodeId, "node", $"'{expectedPath[i]}'", $"'{nodeId}'", PreviousTurnDetail(turns)));
            }

            var result = await session.ReplyAsync(playthrough.Replies[i], cancellationToken).ConfigureAwait(false);
            if (result is ReplyResult.Refused refused)
            {
                failures.Add(new(turnNumber, nodeId, "reply", "to be accepted", $"refused ({refused.Reason})"));
                break;
            }

            var turn = ((ReplyResult.Accepted)result).Turn;
            turns.Add(turn);
            foreach (var expectation in expectations[turnNumber])
            {
                CheckAssessment(expectation, turn, failures);
            }
        }

        var reached = session.IsOver ? session.Ending?.Id : null;
        if (reached is null && failures.Count == 0)
        {
            failures.Add(new(null, null, "ending", $"'{playthrough.ExpectedEnding}'",
                $"no ending after {playthrough.Replies.Count} replies (waiting at node '{session.State.CurrentId}')", PreviousTurnDetail(turns)));
        }
        else if (reached is not null && reached != playthrough.ExpectedEnding)
        {
            failures.Add(new(null, null, "ending", $"'{playthrough.ExpectedEnding}'", $"'{reached}'", PreviousTurnDetail(turns)));
        }

        return new PlaythroughResult(playthrough, reached, path, turns, failures);
    }

    /// <summary>A readable report: one line per plan, then each failure with the reply and assessment behind it.</summary>
    public static string Format(IEnumerable<TestPlanResult> results, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var plan in results)
        {
            var passed = plan.Playthroughs.Count(p => p.Passed);
            sb.AppendLine(inv, $"{(plan.Passed ? "PASS" : "FAIL")} {plan.ScenarioId}: {passed}/{plan.Playthroughs.Count} playthroughs passed");
            foreach (var diagnostic in plan.Diagnostics)
            {
                sb.AppendLine(inv, $"  {diagnostic}");
            }

            foreach (var run in plan.Playthroughs.Where(p => verbose || !p.Passed))
            {
                var where = plan.PlanPath is null ? "" : $" ({plan.PlanPath}:{run.Playthrough.Position})";
                sb.AppendLine(inv, $"  {(run.Passed ? "ok  " : "FAIL")} \"{run.Playthrough.Name}\"{where}");
                sb.AppendLine(inv, $"       path: {string.Join(" > ", run.Path.Append(run.ReachedEnding ?? "(no ending)"))}");
                foreach (var failure in run.Failures)
                {
                    sb.AppendLine(inv, $"       {failure}");
                    if (failure.Detail is not null)
                    {
                        foreach (var line in failure.Detail.Split('\n'))
                        {
                            sb.AppendLine(inv, $"         {line}");
                        }
                    }
                }
            }

            foreach (var ending in plan.UncoveredEndings)
            {
                sb.AppendLine(inv, $"  note: ending '{ending}' is not reached by any playthrough");
            }
        }

        return sb.ToString();
    }

    /// <summary>The assessment in one line: credited points, detected negatives, score.</summary>
    public static string Describe(TurnAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var credited = string.Join(", ", assessment.CreditedIds);
        var detected = string.Join(", ", assessment.DetectedNegativeIds);
        return string.Create(CultureInfo.InvariantCulture,
            $"credited [{credited}]; detected [{detected}]; score {assessment.Score:0.#}");
    }

    private static void CheckAssessment(TurnExpectation expectation, TurnRecord turn, List<PlaythroughFailure> failures)
    {
        var detail = TurnDetail(turn);
        var missing = expectation.Credited.Where(id => !turn.Assessment.IsCredited(id)).ToList();
        if (missing.Count > 0)
        {
            failures.Add(new(turn.Number, turn.NodeId, "credited", $"[{string.Join(", ", missing)}]", "not credited", detail));
        }

        var unwanted = expectation.NotCredited.Where(turn.Assessment.IsCredited).ToList();
        if (unwanted.Count > 0)
        {
            failures.Add(new(turn.Number, turn.NodeId, "not credited", $"[{string.Join(", ", unwanted)}] not credited", "credited", detail));
        }

        var undetected = expectation.Detected.Where(id => !turn.Assessment.IsDetected(id)).ToList();
        if (undetected.Count > 0)
        {
            failures.Add(new(turn.Number, turn.NodeId, "detected", $"[{string.Join(", ", undetected)}]", "not detected", detail));
        }
    }

    private static string? PreviousTurnDetail(IReadOnlyList<TurnRecord> turns) =>
        turns.Count == 0 ? null : TurnDetail(turns[^1]);

    private static string TurnDetail(TurnRecord turn)
    {
        var transition = turn.TransitionIndex < 0 ? "turn limit" : string.Create(CultureInfo.InvariantCulture, $"transition #{turn.TransitionIndex + 1}");
        return string.Create(CultureInfo.InvariantCulture,
            $"turn {turn.Number} reply: \"{Shorten(turn.Reply)}\"\nassessment: {Describe(turn.Assessment)}; took {transition} to '{turn.NextId}'");
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
