using RolePlay.Engine.Diagnostics;
using RolePlay.Engine.Loading;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Engine.Tests;

/// <summary>Shared scenario text and vocabulary for the engine tests.</summary>
internal static class TestScenarios
{
    public static MarkingPointVocabulary Vocabulary { get; } =
        MarkingPointVocabulary.Of(["apology", "empathy", "active_listening", "solution"], ["blame", "aggression"]);

    /// <summary>A valid scenario; line numbers matter, the diagnostic tests patch single lines of it.</summary>
    public const string Valid = """
        id: demo
        title: Demo
        context: customer
        turn_limit: 5
        qualification:
          element: Complaints
          outcomes:
            - id: lo1
              text: Apologise.
              marking_points: [apology]
        variables:
          anger: { min: 0, max: 10, initial: 5 }
          trust: { min: 0, max: 10, initial: 3 }
        personas:
          - id: dana
            name: Dana
            state: { anger: 6 }
        start: opening
        nodes:
          - id: opening
            speaker: dana
            lines:
              - when: anger >= 8
                text: What now?
              - Hello.
            assesses: [apology, empathy]
            transitions:
              - when: blame
                to: escalated
                update: { anger: +3 }
              - when: apology and anger <= 6
                to: calmer
                update: { anger: -2, trust: +1 }
              - to: opening
                set: { trust: 0 }
          - id: calmer
            speaker: dana
            line: Thanks.
            transitions:
              - to: resolved
        endings:
          - id: resolved
            outcome: resolved
          - id: escalated
            outcome: escalated
          - id: timed_out
            outcome: timed_out
        """;

    /// <summary><see cref="Valid"/> with some 1-based lines replaced.</summary>
    public static string Patch(params (int Line, string Text)[] patches)
    {
        var lines = Valid.Split('\n');
        foreach (var (line, text) in patches)
        {
            lines[line - 1] = text;
        }

        return string.Join('\n', lines);
    }

    public static LoadResult LoadBroken(string text) => ScenarioLoader.LoadText(text, "broken.yaml", Vocabulary);

    /// <summary>Loads text that must be valid, failing the test with the diagnostics otherwise.</summary>
    public static Scenario Load(string text)
    {
        var result = ScenarioLoader.LoadText(text, "test.yaml", Vocabulary);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Scenario!;
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics);
}
