using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring;

/// <summary>
/// The turn score formula (0-10), documented in docs/scoring.md:
/// with assessed points, 10 x the mean strength of the assessed points (0 when not credited), plus
/// <see cref="BonusPerExtraPoint"/> x strength for each other credited point (at most <see cref="MaxBonus"/>);
/// with none assessed, 10 x (sum of credited strengths / <see cref="PointsForFullMarks"/>), capped at 10;
/// minus each detected negative's catalogue penalty x its strength; clamped to 0-10 and rounded to one decimal.
/// </summary>
public static class TurnScoring
{
    public const double BonusPerExtraPoint = 0.5;
    public const double MaxBonus = 2.0;
    public const double PointsForFullMarks = 4.0;

    /// <summary>Computes the turn score from positive and negative results and the node's assessed positive ids.</summary>
    public static double Score(
        IReadOnlyList<MarkingPointResult> positives,
        IReadOnlyList<MarkingPointResult> negatives,
        IReadOnlyCollection<string> assessedPositives,
        MarkingPointCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        ArgumentNullException.ThrowIfNull(assessedPositives);
        ArgumentNullException.ThrowIfNull(catalogue);

        static double Earned(MarkingPointResult r) => r.Credited ? r.Strength : 0;

        double positive;
        if (assessedPositives.Count > 0)
        {
            var focus = positives.Where(p => assessedPositives.Contains(p.Id)).ToList();
            var mean = focus.Count == 0 ? 0 : focus.Sum(Earned) / assessedPositives.Count;
            var bonus = Math.Min(MaxBonus, positives.Where(p => !assessedPositives.Contains(p.Id)).Sum(Earned) * BonusPerExtraPoint);
            positive = Math.Min(10, (10 * mean) + bonus);
        }
        else
        {
            positive = Math.Min(10, 10 * positives.Sum(Earned) / PointsForFullMarks);
        }

        var penalty = negatives.Where(n => n.Credited).Sum(n => (catalogue.Find(n.Id)?.Penalty ?? 0) * n.Strength);
        return Math.Round(Math.Clamp(positive - penalty, 0, 10), 1, MidpointRounding.AwayFromZero);
    }
}
