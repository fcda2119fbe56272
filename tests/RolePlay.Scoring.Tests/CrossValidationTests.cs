using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Learned;

namespace RolePlay.Scoring.Tests;

/// <summary>
/// The learned layer on replies it was not trained on: each dev set with a first scoring is held back in turn, a model is
/// trained on the other training sets, and the held-back set is judged from its first-scored rule features (how unseen
/// replies look to today's rules). This is how the withdrawal thresholds were chosen (docs/scoring.md, "Stop 23").
/// </summary>
public class CrossValidationTests
{
    private static readonly Lazy<IReadOnlyList<(string Set, double Without, double With)>> Folds = new(CrossValidate);

    [Fact]
    public void Withdrawing_what_the_model_doubts_raises_macro_f1_on_every_set_held_back()
    {
        var folds = Folds.Value;

        Assert.Equal(CreditModelTests.FirstScoredSets.Intersect(CreditModelTests.TrainingSets).Count(), folds.Count);
        Assert.All(folds, fold => Assert.True(fold.With > fold.Without, $"{fold.Set}: {fold.Without:0.000} without withdrawals, {fold.With:0.000} with"));
        Assert.True(folds.Average(f => f.With - f.Without) >= 0.01, string.Join("; ", folds.Select(f => $"{f.Set} {f.Without:0.000} -> {f.With:0.000}")));
    }

    private static List<(string Set, double Without, double With)> CrossValidate()
    {
        var rules = BuiltInScorer.RulesOnly();
        var catalogue = Score.Scorer.Catalogue;
        var examples = CreditModelTests.TrainingSets.ToDictionary(file => file, file => CreditModelTests.TrainingExamples(file, rules));
        var folds = new List<(string, double, double)>();
        foreach (var heldBack in CreditModelTests.TrainingSets.Where(CreditModelTests.FirstScoredSets.Contains))
        {
            var model = CreditModel.Train(CreditModelTests.TrainedIds, [.. examples.Where(e => e.Key != heldBack).SelectMany(e => e.Value)]);
            var test = examples[heldBack];
            folds.Add((heldBack, MacroF1(test, model, catalogue, withdraw: false), MacroF1(test, model, catalogue, withdraw: true)));
        }

        return folds;
    }

    // What the layer would make of each reply from its features, by the scorer's own rule (CreditModel.Decide); without
    // withdrawals, a withdrawal keeps the rules' result. The scorer also needs evidence words, the entry's contexts and no
    // weakening negative before it adds; features alone cannot say those, so this counts every addition.
    private static double MacroF1(List<CreditExample> test, CreditModel model, MarkingPointCatalogue catalogue, bool withdraw)
    {
        var items = new List<(IReadOnlyCollection<string>, IReadOnlyCollection<string>)>();
        foreach (var example in test)
        {
            var features = example.Features.ToHashSet(StringComparer.Ordinal);
            var probabilities = model.Probabilities(features);
            var predicted = new List<string>();
            foreach (var point in catalogue.Points)
            {
                var index = model.IndexOf(point.Id);
                var credited = features.Contains("R:" + point.Id);
                var weighed = features.Any(f => f.StartsWith($"S:{point.Id}:", StringComparison.Ordinal));
                var decision = index < 0 ? LearnedDecision.Keep
                    : CreditModel.Decide(point.Kind, CreditModel.AddThresholdFor(point.Kind, point.Id), credited, weighed, probabilities[index]);
                if (decision == LearnedDecision.Add || (credited && (decision == LearnedDecision.Keep || !withdraw)))
                {
                    predicted.Add(point.Id);
                }
            }

            items.Add((predicted, example.Labels.ToList()));
        }

        return Evaluation.Evaluation.Compute(items, catalogue.Points.Select(p => p.Id)).MacroF1;
    }
}
