using RolePlay.Engine.Conditions;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.TestSupport;

namespace RolePlay.Authoring.Tests;

/// <summary>Paths into the repository and small hand-built scenarios for authoring-tool tests.</summary>
internal static class AuthoringFixtures
{
    public static string RepoRoot { get; } = RepositoryRoot.Find();

    /// <summary>The catalogue ids scenarios may use (mirrors scenarios/marking-points.yaml; the scoring tests compare against the real catalogue).</summary>
    public static MarkingPointVocabulary Vocabulary { get; } = MarkingPointVocabulary.Of(
        [
            "active_listening", "empathy", "apology", "ownership", "de_escalation", "explanation", "solution", "next_steps",
            "follow_up", "check_understanding", "boundaries", "confidentiality", "escalation", "collaboration",
            "assertiveness", "respect", "information_sharing", "sla_awareness",
        ],
        ["blame", "dismissive", "aggression", "over_promising", "confidentiality_breach", "non_apology", "jargon", "passing_the_buck"]);

    public static string ScenariosDir => Path.Combine(RepoRoot, "scenarios");

    public static string BrokenDir => Path.Combine(RepoRoot, "tests", "RolePlay.Authoring.Tests", "Broken");

    /// <summary>Every shipped scenario file (not test plans, not the marking-point catalogue).</summary>
    public static IReadOnlyList<string> ShippedScenarioFiles =>
        Directory.GetFiles(ScenariosDir, "*.yaml")
            .Where(f => !f.EndsWith(".testplan.yaml", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "marking-points.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> BrokenFiles =>
        Directory.GetFiles(BrokenDir, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();

    public static Condition When(string text)
    {
        var (expression, error) = ConditionParser.Parse(text);
        Assert.Null(error);
        return new Condition(text, expression!, new SourcePosition(1, 1));
    }

    public static Transition To(string target, string? when = null, params StateUpdate[] updates) =>
        new(target, when is null ? null : When(when), updates);

    public static DialogueNode Node(string id, params Transition[] transitions) => new()
    {
        Id = id,
        Speaker = "p",
        Lines = [new LineVariant($"Line at {id}", null)],
        Assesses = ["apology"],
        Transitions = transitions,
    };

    public static Ending End(string id, string outcome) => new() { Id = id, Outcome = outcome, Title = id };

    /// <summary>
    /// start → a → (apology) good | b; b → a (loop) | bad; orphan is unreachable; ran_out is the turn-limit ending.
    /// </summary>
    public static Scenario Sample() => new()
    {
        Id = "sample",
        Title = "Sample \"quoted\" scenario",
        StartId = "start",
        TurnLimit = 6,
        Context = ContextKind.Customer,
        Personas = [new Persona("p", "Pat", "Customer", "", new Dictionary<string, int>())],
        Variables = [new VariableDefinition("anger", 0, 10, 5)],
        Nodes =
        [
            Node("start", To("a")),
            Node("a", To("good", "apology and anger <= 6"), To("b")),
            Node("b", To("a", "apology", new StateUpdate("anger", UpdateKind.Add, -2)), To("bad", "blame"), To("partly")),
            Node("orphan", To("good")),
        ],
        Endings =
        [
            End("good", Outcomes.Resolved),
            End("partly", Outcomes.PartiallyResolved),
            End("bad", Outcomes.RelationshipDamaged),
            End("ran_out", Outcomes.TimedOut),
        ],
    };
}
