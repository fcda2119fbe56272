namespace RolePlay.Scoring.Tests;

/// <summary>
/// Measures the built-in scorer on the held-out sets, whose disagreements are never read and on which no rule is tuned:
/// Data/holdout.jsonl (422 replies, written after the first dev set by someone who never saw the scorer, 41% from other
/// domains), Data/holdout2.jsonl to Data/holdout23.jsonl (300 replies each, each written by two more helpers blind to the
/// scorer and to every other set, and scored once when the rules of their round were final). None of them trains the learned credit layer
/// (CreditModelTests). The floors only stop regressions; raise them when the
/// figures rise, never lower them. From stop 23 the strict guard is the pooled floor over every set; a single set may fall
/// <see cref="PerSetAllowance"/> below its own floor.
/// </summary>
public class HoldoutSetTests
{
    /// <summary>
    /// How far one 300-reply set may fall below its own floor. Two scorers with the same pooled figure (stop 23: 0.7653 and
    /// 0.7658 over 5,222 replies) differ by -0.006 to +0.009 on single sets, so exact per-set floors rejected changes on
    /// noise (stop 22). Retraining the learned layer with one more dev set and nothing else changed (stop 24) moved single
    /// sets by -0.017 to +0.011 (standard deviation 0.008) and the pooled figure by -0.0015, so 0.005 (stop 23) rejected the
    /// routine step of training on the last stop's validation set; 0.02 is that largest swing, rounded up. The pooled floor,
    /// which that noise barely moves, stays exact.
    /// </summary>
    public const double PerSetAllowance = 0.02;

    /// <summary>
    /// Macro-F1 over all 26 ids on every held-out set pooled (7,022 replies, the first to the twenty-third set), reached in
    /// stop 28: 0.8078 (the first twenty-two alone: 0.8086 in stop 28, 0.8025 in stop 27; the first twenty-one alone: 0.8015
    /// in stop 27, 0.7897 in stop 26, 0.7730 in stop 25, 0.773 in stop 24). Strict: raise it when the figure rises, and
    /// re-measure it only when a new set joins.
    /// </summary>
    public const double PooledMacroF1Floor = 0.8078;

    /// <summary>Every held-out set, pooled by <see cref="Pooled_macro_f1_on_unseen_replies_does_not_drop_below_the_floor"/>.</summary>
    public static readonly string[] HeldOutSets = ["holdout.jsonl", .. Enumerable.Range(2, 22).Select(n => $"holdout{n}.jsonl")];

    /// <summary>Macro-F1 over all 26 ids reached on the first held-out set.</summary>
    public const double MacroF1Floor = 0.781;

    /// <summary>Macro-F1 over all 26 ids on the second held-out set (0.636 when scored once on the rules of its round).</summary>
    public const double SecondSetMacroF1Floor = 0.794;

    /// <summary>Macro-F1 over all 26 ids on the third held-out set, measured once on the rules of its round.</summary>
    public const double ThirdSetMacroF1Floor = 0.797;

    /// <summary>Macro-F1 over all 26 ids on the fourth held-out set (0.676 on the rules before its round; Data/README.md has the history).</summary>
    public const double FourthSetMacroF1Floor = 0.814;

    /// <summary>Macro-F1 over all 26 ids on the fifth held-out set, scored once when the rules of its round were final (0.672 on the rules before it).</summary>
    public const double FifthSetMacroF1Floor = 0.800;

    /// <summary>Macro-F1 over all 26 ids on the sixth held-out set, scored once on the same final rules (0.673 on the rules before the round).</summary>
    public const double SixthSetMacroF1Floor = 0.825;

    /// <summary>Macro-F1 over all 26 ids on the seventh held-out set, first scored in the middle of stop 13 (0.649; 0.640 on the rules before it).</summary>
    public const double SeventhSetMacroF1Floor = 0.783;

    /// <summary>Macro-F1 over all 26 ids on the eighth held-out set, scored once on the final rules of stop 13 (0.661 then; 0.646 on the rules before it).</summary>
    public const double EighthSetMacroF1Floor = 0.807;

    /// <summary>Macro-F1 over all 26 ids on the ninth held-out set, scored once on the final rules of stop 14 (0.729 on the rules before it).</summary>
    public const double NinthSetMacroF1Floor = 0.849;

    /// <summary>Macro-F1 over all 26 ids on the tenth held-out set, scored once on the final rules of stop 15 (0.706 on the rules before it).</summary>
    public const double TenthSetMacroF1Floor = 0.826;

    /// <summary>Macro-F1 over all 26 ids on the eleventh held-out set, scored once on the final rules of stop 16 (0.710 on the rules before it).</summary>
    public const double EleventhSetMacroF1Floor = 0.794;

    /// <summary>Macro-F1 over all 26 ids on the twelfth held-out set, scored once on the final rules of stop 17 (0.692 on the rules before it).</summary>
    public const double TwelfthSetMacroF1Floor = 0.781;

    /// <summary>Macro-F1 over all 26 ids on the thirteenth held-out set, scored once on the final rules of stop 18 (0.708 on the rules before it).</summary>
    public const double ThirteenthSetMacroF1Floor = 0.808;

    /// <summary>Macro-F1 over all 26 ids on the fourteenth held-out set, scored once on the final rules of stop 19 (0.717 on the rules before it).</summary>
    public const double FourteenthSetMacroF1Floor = 0.817;

    /// <summary>Macro-F1 over all 26 ids on the fifteenth held-out set, scored once on the final rules of stop 20 (0.678 on the rules before it).</summary>
    public const double FifteenthSetMacroF1Floor = 0.793;

    /// <summary>Macro-F1 over all 26 ids on the sixteenth held-out set, scored once on the final scorer of stop 21 (0.708 on the scorer before it).</summary>
    public const double SixteenthSetMacroF1Floor = 0.788;

    /// <summary>Macro-F1 over all 26 ids on the seventeenth held-out set, scored once on the final scorer of stop 22 (0.763 on the scorer before it).</summary>
    public const double SeventeenthSetMacroF1Floor = 0.827;

    /// <summary>Macro-F1 over all 26 ids on the eighteenth held-out set, scored once on the final scorer of stop 23 (0.689 on the scorer before it).</summary>
    public const double EighteenthSetMacroF1Floor = 0.781;

    /// <summary>Macro-F1 over all 26 ids on the nineteenth held-out set, scored once on the final scorer of stop 24 (0.715 on the scorer before it).</summary>
    public const double NineteenthSetMacroF1Floor = 0.808;

    /// <summary>Macro-F1 over all 26 ids on the twentieth held-out set, scored once on the final scorer of stop 25 (0.761 on the scorer before it).</summary>
    public const double TwentiethSetMacroF1Floor = 0.831;

    /// <summary>Macro-F1 over all 26 ids on the twenty-first held-out set, scored once on the final scorer of stop 26 (0.752 on the scorer before it).</summary>
    public const double TwentyFirstSetMacroF1Floor = 0.818;

    /// <summary>Macro-F1 over all 26 ids on the twenty-second held-out set, scored once on the final scorer of stop 27 (0.796 on the scorer before it).</summary>
    public const double TwentySecondSetMacroF1Floor = 0.824;

    /// <summary>Macro-F1 over all 26 ids on the twenty-third held-out set, scored once on the final scorer of stop 28 (0.779 on the scorer before it).</summary>
    public const double TwentyThirdSetMacroF1Floor = 0.782;

    [Theory]
    [InlineData("holdout.jsonl", 400)]
    [InlineData("holdout2.jsonl", 300)]
    [InlineData("holdout3.jsonl", 300)]
    [InlineData("holdout4.jsonl", 300)]
    [InlineData("holdout5.jsonl", 300)]
    [InlineData("holdout6.jsonl", 300)]
    [InlineData("holdout7.jsonl", 300)]
    [InlineData("holdout8.jsonl", 300)]
    [InlineData("holdout9.jsonl", 300)]
    [InlineData("holdout10.jsonl", 300)]
    [InlineData("holdout11.jsonl", 300)]
    [InlineData("holdout12.jsonl", 300)]
    [InlineData("holdout13.jsonl", 300)]
    [InlineData("holdout14.jsonl", 300)]
    [InlineData("holdout15.jsonl", 300)]
    [InlineData("holdout16.jsonl", 300)]
    [InlineData("holdout17.jsonl", 300)]
    [InlineData("holdout18.jsonl", 300)]
    [InlineData("holdout19.jsonl", 300)]
    [InlineData("holdout20.jsonl", 300)]
    [InlineData("holdout21.jsonl", 300)]
    [InlineData("holdout22.jsonl", 300)]
    [InlineData("holdout23.jsonl", 300)]
    public void Holdout_set_is_read_completely_and_uses_only_catalogue_ids(string file, int atLeast)
    {
        var run = Score.Evaluate(file);
        var known = Score.Scorer.Catalogue.Points.Select(p => p.Id).ToHashSet();

        Assert.Empty(run.Errors);
        Assert.True(run.Report.Items >= atLeast, $"{file}: {run.Report.Items} items");
        Assert.All(run.Items.SelectMany(i => i.Labelled), id => Assert.Contains(id, known));
    }

    [Theory]
    [InlineData("holdout.jsonl", MacroF1Floor)]
    [InlineData("holdout2.jsonl", SecondSetMacroF1Floor)]
    [InlineData("holdout3.jsonl", ThirdSetMacroF1Floor)]
    [InlineData("holdout4.jsonl", FourthSetMacroF1Floor)]
    [InlineData("holdout5.jsonl", FifthSetMacroF1Floor)]
    [InlineData("holdout6.jsonl", SixthSetMacroF1Floor)]
    [InlineData("holdout7.jsonl", SeventhSetMacroF1Floor)]
    [InlineData("holdout8.jsonl", EighthSetMacroF1Floor)]
    [InlineData("holdout9.jsonl", NinthSetMacroF1Floor)]
    [InlineData("holdout10.jsonl", TenthSetMacroF1Floor)]
    [InlineData("holdout11.jsonl", EleventhSetMacroF1Floor)]
    [InlineData("holdout12.jsonl", TwelfthSetMacroF1Floor)]
    [InlineData("holdout13.jsonl", ThirteenthSetMacroF1Floor)]
    [InlineData("holdout14.jsonl", FourteenthSetMacroF1Floor)]
    [InlineData("holdout15.jsonl", FifteenthSetMacroF1Floor)]
    [InlineData("holdout16.jsonl", SixteenthSetMacroF1Floor)]
    [InlineData("holdout17.jsonl", SeventeenthSetMacroF1Floor)]
    [InlineData("holdout18.jsonl", EighteenthSetMacroF1Floor)]
    [InlineData("holdout19.jsonl", NineteenthSetMacroF1Floor)]
    [InlineData("holdout20.jsonl", TwentiethSetMacroF1Floor)]
    [InlineData("holdout21.jsonl", TwentyFirstSetMacroF1Floor)]
    [InlineData("holdout22.jsonl", TwentySecondSetMacroF1Floor)]
    [InlineData("holdout23.jsonl", TwentyThirdSetMacroF1Floor)]
    public void Macro_f1_on_unseen_replies_does_not_drop_below_the_floor(string file, double floor)
    {
        var report = Score.Evaluate(file).Report;

        Assert.True(report.MacroF1 >= floor - PerSetAllowance, $"{file}: macro-F1 {report.MacroF1:0.000} < {floor} - {PerSetAllowance}");
    }

    [Fact]
    public void Pooled_macro_f1_on_unseen_replies_does_not_drop_below_the_floor()
    {
        var report = Score.Pooled(HeldOutSets);

        Assert.Equal(7022, report.Items);
        Assert.True(report.MacroF1 >= PooledMacroF1Floor, $"pooled held-out macro-F1 {report.MacroF1:0.0000} < {PooledMacroF1Floor}");
    }
}
