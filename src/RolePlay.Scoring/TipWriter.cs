using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring;

/// <summary>Writes one to three concrete feedback tips from the catalogue's feedback wording.</summary>
internal static class TipWriter
{
    public const int MaxTips = 3;

    public static IReadOnlyList<string> Write(
        MarkingPointCatalogue catalogue,
        IReadOnlyList<MarkingPointResult> positives,
        IReadOnlyList<MarkingPointResult> negatives,
        IReadOnlyList<string> assessed)
    {
        var tips = new List<string>();
        void Add(string tip)
        {
            if (tips.Count < MaxTips && !string.IsNullOrWhiteSpace(tip) && !tips.Contains(tip))
            {
                tips.Add(tip);
            }
        }

        // 1. Behaviours to stop, worst first; when they spoil something done well, say so.
        foreach (var negative in negatives.Where(n => n.Credited).OrderByDescending(n => (catalogue.Find(n.Id)?.Penalty ?? 0) * n.Strength))
        {
            var definition = catalogue.Find(negative.Id);
            if (definition is null)
            {
                continue;
            }

            var quote = negative.Evidence.Count > 0 ? $" (\"{Rules.Verdict.Shorten(negative.Evidence[0].Quote)}\")" : "";
            var spoiled = definition.Undermines
                .Select(id => positives.FirstOrDefault(p => p.Id == id && p.Credited))
                .FirstOrDefault(p => p is not null);
            if (spoiled is not null && catalogue.Find(spoiled.Id) is { } good && !string.IsNullOrEmpty(definition.Fix))
            {
                Add($"You {good.Done}, then {definition.Detected}{quote} - {definition.Fix}.");
            }
            else
            {
                Add(definition.Feedback.Badly.TrimEnd('.') + quote + ".");
            }
        }

        // 2. What the node was looking for and did not get.
        foreach (var id in assessed)
        {
            if (positives.FirstOrDefault(p => p.Id == id) is { Credited: false } && catalogue.Find(id) is { } missed)
            {
                Add(missed.Feedback.Missed);
            }
        }

        // 3. Nothing to fix: say what went well.
        if (tips.Count == 0)
        {
            var done = positives
                .Where(p => p.Credited)
                .OrderByDescending(p => assessed.Contains(p.Id))
                .ThenByDescending(p => p.Strength)
                .Select(p => catalogue.Find(p.Id)?.Done)
                .OfType<string>()
                .Take(3)
                .ToList();
            Add(done.Count switch
            {
                0 => "Respond to what they said: acknowledge it, and say what you will do next.",
                1 => $"Good: you {done[0]}. Build on it - say what you will do next and by when.",
                _ => $"Good reply: you {string.Join(", ", done.Take(done.Count - 1))} and {done[^1]}.",
            });
        }

        return tips;
    }
}
