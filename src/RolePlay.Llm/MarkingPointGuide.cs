using RolePlay.Engine.Model;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Llm;

/// <summary>What each marking point and negative means, in words a judge model can apply; ids match the scoring catalogue.</summary>
/// <remarks>The CLI may pass the catalogue's own wording instead; unknown ids are described by their name.</remarks>
public sealed record MarkingPointGuide(IReadOnlyDictionary<string, string> Descriptions, IReadOnlyList<string> Negatives)
{
    public static MarkingPointGuide Default { get; } = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["active_listening"] = "shows they heard the specifics: reflects back or summarises what the other person said, or asks a clarifying question",
            ["empathy"] = "acknowledges the other person's feelings or situation with genuine concern",
            ["apology"] = "gives a sincere apology for the problem or the experience (not 'sorry you feel that way')",
            ["ownership"] = "takes personal responsibility for sorting it out ('I will...') instead of pushing it elsewhere",
            ["de_escalation"] = "calms the situation: stays calm, respectful and steady, lowers the temperature",
            ["explanation"] = "explains clearly what happened or why, in plain language",
            ["solution"] = "offers a concrete remedy or options that address the problem",
            ["next_steps"] = "states clear next steps: who will do what, and by when",
            ["follow_up"] = "commits to follow up or check back, or to record what was agreed",
            ["check_understanding"] = "checks the other person understands or agrees, or confirms a shared interpretation",
            ["boundaries"] = "is honest about what they can and cannot do within their role",
            ["confidentiality"] = "protects personal or sensitive information appropriately",
            ["escalation"] = "escalates to the right person appropriately when it is beyond their authority",
            ["collaboration"] = "works jointly with the colleague or partner: proposes working together, shares the problem-solving",
            ["assertiveness"] = "states their view or need clearly and respectfully, without aggression",
            ["respect"] = "treats the other person with courtesy and respect",
            ["information_sharing"] = "shares accurate, relevant information with the colleague or partner",
            ["sla_awareness"] = "refers to the service level agreement, agreed standards or partnership terms",
            ["blame"] = "blames the customer, a colleague, another team or a partner",
            ["dismissive"] = "dismisses or minimises the other person's concern or feelings",
            ["aggression"] = "is rude, hostile, sarcastic or aggressive",
            ["over_promising"] = "promises something unrealistic or outside their authority",
            ["confidentiality_breach"] = "reveals personal or sensitive information inappropriately",
            ["non_apology"] = "gives a non-apology such as 'sorry you feel that way' or 'sorry but that's policy'",
            ["jargon"] = "uses internal jargon or acronyms the other person will not understand",
            ["passing_the_buck"] = "pushes the problem onto someone else without taking ownership",
        },
        ["blame", "dismissive", "aggression", "over_promising", "confidentiality_breach", "non_apology", "jargon", "passing_the_buck"]);

    /// <summary>The scoring catalogue's own wording ("earns"/"detected", else the examiner wording), keeping built-in text for ids it lacks.</summary>
    public static MarkingPointGuide FromCatalogue(MarkingPointCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var descriptions = new Dictionary<string, string>(Default.Descriptions, StringComparer.Ordinal);
        foreach (var point in catalogue.Points)
        {
            var text = FirstNonEmpty(point.Earns, point.ExaminerWording, point.Title);
            if (text is not null)
            {
                descriptions[point.Id] = text.Trim();
            }
        }

        var negatives = catalogue.NegativeBehaviours.Select(n => n.Id).ToList();
        return new MarkingPointGuide(descriptions, negatives.Count > 0 ? negatives : Default.Negatives);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Marking points assessed when a node names none.</summary>
    public static IReadOnlyList<string> DefaultMarkingPoints(ContextKind context) => context switch
    {
        ContextKind.Colleague => ["active_listening", "respect", "collaboration", "check_understanding", "assertiveness"],
        ContextKind.Partner => ["information_sharing", "collaboration", "sla_awareness", "escalation", "follow_up"],
        _ => ["active_listening", "empathy", "apology", "solution", "follow_up"],
    };

    public string Describe(string id) =>
        Descriptions.TryGetValue(id, out var text) ? text : id.Replace('_', ' ');
}
