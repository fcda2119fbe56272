namespace RolePlay.Scoring.Tests;

/// <summary>
/// Measures the built-in scorer on the independent, human-labelled development sets and fails if quality drops below the
/// level reached. Data/devset.jsonl is the first set; Data/devset2.jsonl, Data/devset3.jsonl, Data/devset4.jsonl, Data/devset5.jsonl, Data/devset6.jsonl, Data/devset7.jsonl, Data/devset8.jsonl, Data/devset9.jsonl, Data/devset10.jsonl, Data/devset11.jsonl, Data/devset12.jsonl, Data/devset13.jsonl, Data/devset14.jsonl, Data/devset15.jsonl, Data/devset16.jsonl and Data/devset17.jsonl were each
/// written later by two other labellers, blind to the scorer, and measured before any rule was shaped by them. Raise a ratchet when the scorer improves; never lower
/// it to make a change pass. From stop 23 every set here but the newest (from stop 25: the seventeenth, validation of stop 25) and the odd lines of the first trains the learned credit
/// layer, so the whole scorer's figures on them are in-sample: the rules-alone ratchets below, and the held-out floors, are
/// the honest guards. The pooled ratchets are strict; a single set may fall <see cref="PerSetAllowance"/> below its own.
/// </summary>
public class DevSetTests
{
    /// <summary>How far one set may fall below its own ratchet: the same noise allowance as <see cref="HoldoutSetTests.PerSetAllowance"/>.</summary>
    public const double PerSetAllowance = HoldoutSetTests.PerSetAllowance;

    /// <summary>Macro-F1 over all 26 ids on every dev set the layer trains on, pooled (the first to the sixteenth, 5,240 replies), reached in stop 25; strict.
    /// (Over the first to the fifteenth, 4,940 replies, stop 24 reached 0.941; a pool with one more set is a new measure.)</summary>
    public const double PooledMacroF1Ratchet = 0.940;

    /// <summary>Pooled Cohen's kappa on every training dev set pooled, reached in stop 25 (0.934 in stop 24 over one set fewer); strict.</summary>
    public const double PooledSetsKappaRatchet = 0.934;

    /// <summary>Macro-F1 over all 26 ids reached on the whole first dev set (see docs/scoring.md for the per-point table).</summary>
    public const double MacroF1Ratchet = 0.858;

    /// <summary>Pooled Cohen's kappa over all (reply, id) decisions reached on the whole first dev set.</summary>
    public const double PooledKappaRatchet = 0.829;

    /// <summary>Macro-F1 reached on the second dev set.</summary>
    public const double SecondSetMacroF1Ratchet = 0.960;

    /// <summary>Pooled kappa reached on the second dev set.</summary>
    public const double SecondSetPooledKappaRatchet = 0.951;

    /// <summary>Macro-F1 reached on the third dev set.</summary>
    public const double ThirdSetMacroF1Ratchet = 0.961;

    /// <summary>Pooled kappa reached on the third dev set.</summary>
    public const double ThirdSetPooledKappaRatchet = 0.951;

    /// <summary>Macro-F1 reached on the fourth dev set.</summary>
    public const double FourthSetMacroF1Ratchet = 0.959;

    /// <summary>Pooled kappa reached on the fourth dev set.</summary>
    public const double FourthSetPooledKappaRatchet = 0.946;

    /// <summary>Macro-F1 reached on the fifth dev set (0.670 for the rules before it was written).</summary>
    public const double FifthSetMacroF1Ratchet = 0.958;

    /// <summary>Pooled kappa reached on the fifth dev set.</summary>
    public const double FifthSetPooledKappaRatchet = 0.966;

    /// <summary>Macro-F1 reached on the sixth dev set (0.664 for the rules before it was written).</summary>
    public const double SixthSetMacroF1Ratchet = 0.952;

    /// <summary>Pooled kappa reached on the sixth dev set.</summary>
    public const double SixthSetPooledKappaRatchet = 0.952;

    /// <summary>Macro-F1 reached on the seventh dev set (0.695 for the rules before it was written).</summary>
    public const double SeventhSetMacroF1Ratchet = 0.945;

    /// <summary>Pooled kappa reached on the seventh dev set.</summary>
    public const double SeventhSetPooledKappaRatchet = 0.936;

    /// <summary>Macro-F1 reached on the eighth dev set (0.695 for the rules before it was written; read from stop 17).</summary>
    public const double EighthSetMacroF1Ratchet = 0.951;

    /// <summary>Pooled kappa reached on the eighth dev set.</summary>
    public const double EighthSetPooledKappaRatchet = 0.948;

    /// <summary>Macro-F1 reached on the ninth dev set (0.692 for the rules before it was written; read from stop 18).</summary>
    public const double NinthSetMacroF1Ratchet = 0.947;

    /// <summary>Pooled kappa reached on the ninth dev set.</summary>
    public const double NinthSetPooledKappaRatchet = 0.941;

    /// <summary>Macro-F1 reached on the tenth dev set (0.692 for the rules before it was written; read from stop 19).</summary>
    public const double TenthSetMacroF1Ratchet = 0.939;

    /// <summary>Pooled kappa reached on the tenth dev set.</summary>
    public const double TenthSetPooledKappaRatchet = 0.936;

    /// <summary>Macro-F1 reached on the eleventh dev set (0.713 for the rules before it was written; read from stop 20).</summary>
    public const double EleventhSetMacroF1Ratchet = 0.941;

    /// <summary>Pooled kappa reached on the eleventh dev set.</summary>
    public const double EleventhSetPooledKappaRatchet = 0.943;

    /// <summary>Macro-F1 reached on the twelfth dev set (0.708 for the rules before it was written; read from stop 21).</summary>
    public const double TwelfthSetMacroF1Ratchet = 0.944;

    /// <summary>Pooled kappa reached on the twelfth dev set.</summary>
    public const double TwelfthSetPooledKappaRatchet = 0.943;

    /// <summary>Macro-F1 reached on the thirteenth dev set (0.735 for the scorer before it was written; read from stop 22).</summary>
    public const double ThirteenthSetMacroF1Ratchet = 0.942;

    /// <summary>Pooled kappa reached on the thirteenth dev set.</summary>
    public const double ThirteenthSetPooledKappaRatchet = 0.935;

    /// <summary>Macro-F1 reached on the fourteenth dev set (0.730 for the scorer before it was written; not read during stop 22).</summary>
    public const double FourteenthSetMacroF1Ratchet = 0.930;

    /// <summary>Pooled kappa reached on the fourteenth dev set.</summary>
    public const double FourteenthSetPooledKappaRatchet = 0.925;

    /// <summary>Macro-F1 reached on the fifteenth dev set (0.712 for the scorer before it was written; validation in stop 23, not read; trained on from stop 24).</summary>
    public const double FifteenthSetMacroF1Ratchet = 0.935;

    /// <summary>Pooled kappa reached on the fifteenth dev set.</summary>
    public const double FifteenthSetPooledKappaRatchet = 0.938;

    /// <summary>Macro-F1 reached on the sixteenth dev set (0.716 for the scorer before it was written; validation in stop 24, not read; trained on from stop 25).</summary>
    public const double SixteenthSetMacroF1Ratchet = 0.913;

    /// <summary>Pooled kappa reached on the sixteenth dev set.</summary>
    public const double SixteenthSetPooledKappaRatchet = 0.929;

    /// <summary>Macro-F1 reached on the seventeenth dev set (0.726 for the scorer before it was written, 0.724 at the end of stop 25, within the allowance; validation in stop 25, not read, not trained on).</summary>
    public const double SeventeenthSetMacroF1Ratchet = 0.726;

    /// <summary>Pooled kappa reached on the seventeenth dev set.</summary>
    public const double SeventeenthSetPooledKappaRatchet = 0.704;

    // Stock replies that two blind writers each wrote for their own set; they are not copied replies.
    private static readonly HashSet<string> StockPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "typical. every single time with you lot.", "ok thanks for letting me know", "ok thanks for letting us know",
        "it's in the training pack, section 4", "that's a data breach. i'm reporting you to the manager.",
        "we're sorry for any inconvenience caused. a member of the team will be in touch.", "that's accounts, not me. ring them.",
        "it's all in the training pack mate", "thats a data breach mate, im reporting you to the manager",
    };

    [Theory]
    [InlineData("devset.jsonl", 400)]
    [InlineData("devset2.jsonl", 500)]
    [InlineData("devset3.jsonl", 300)]
    [InlineData("devset4.jsonl", 300)]
    [InlineData("devset5.jsonl", 300)]
    [InlineData("devset6.jsonl", 300)]
    [InlineData("devset7.jsonl", 300)]
    [InlineData("devset8.jsonl", 300)]
    [InlineData("devset9.jsonl", 300)]
    [InlineData("devset10.jsonl", 300)]
    [InlineData("devset11.jsonl", 300)]
    [InlineData("devset12.jsonl", 300)]
    [InlineData("devset13.jsonl", 300)]
    [InlineData("devset14.jsonl", 300)]
    [InlineData("devset15.jsonl", 300)]
    [InlineData("devset16.jsonl", 300)]
    [InlineData("devset17.jsonl", 300)]
    public void Dev_set_is_read_completely(string file, int atLeast)
    {
        var run = Score.Evaluate(file);

        Assert.Empty(run.Errors);
        Assert.True(run.Report.Items >= atLeast, $"{run.Report.Items} items");
    }

    [Theory]
    [InlineData("devset.jsonl", MacroF1Ratchet, PooledKappaRatchet)]
    [InlineData("devset2.jsonl", SecondSetMacroF1Ratchet, SecondSetPooledKappaRatchet)]
    [InlineData("devset3.jsonl", ThirdSetMacroF1Ratchet, ThirdSetPooledKappaRatchet)]
    [InlineData("devset4.jsonl", FourthSetMacroF1Ratchet, FourthSetPooledKappaRatchet)]
    [InlineData("devset5.jsonl", FifthSetMacroF1Ratchet, FifthSetPooledKappaRatchet)]
    [InlineData("devset6.jsonl", SixthSetMacroF1Ratchet, SixthSetPooledKappaRatchet)]
    [InlineData("devset7.jsonl", SeventhSetMacroF1Ratchet, SeventhSetPooledKappaRatchet)]
    [InlineData("devset8.jsonl", EighthSetMacroF1Ratchet, EighthSetPooledKappaRatchet)]
    [InlineData("devset9.jsonl", NinthSetMacroF1Ratchet, NinthSetPooledKappaRatchet)]
    [InlineData("devset10.jsonl", TenthSetMacroF1Ratchet, TenthSetPooledKappaRatchet)]
    [InlineData("devset11.jsonl", EleventhSetMacroF1Ratchet, EleventhSetPooledKappaRatchet)]
    [InlineData("devset12.jsonl", TwelfthSetMacroF1Ratchet, TwelfthSetPooledKappaRatchet)]
    [InlineData("devset13.jsonl", ThirteenthSetMacroF1Ratchet, ThirteenthSetPooledKappaRatchet)]
    [InlineData("devset14.jsonl", FourteenthSetMacroF1Ratchet, FourteenthSetPooledKappaRatchet)]
    [InlineData("devset15.jsonl", FifteenthSetMacroF1Ratchet, FifteenthSetPooledKappaRatchet)]
    [InlineData("devset16.jsonl", SixteenthSetMacroF1Ratchet, SixteenthSetPooledKappaRatchet)]
    [InlineData("devset17.jsonl", SeventeenthSetMacroF1Ratchet, SeventeenthSetPooledKappaRatchet)]
    public void Macro_f1_does_not_drop_below_the_ratchet(string file, double macroF1, double pooledKappa)
    {
        var report = Score.Evaluate(file).Report;
        var table = string.Join("\n", report.Points.Select(p => $"{p.Id,-24} P={p.Precision:0.00} R={p.Recall:0.00} F1={p.F1:0.00} kappa={p.Kappa:0.00}"));

        Assert.True(report.MacroF1 >= macroF1 - PerSetAllowance, $"{file}: macro-F1 {report.MacroF1:0.000} < {macroF1} - {PerSetAllowance}\n{table}");
        Assert.True(report.PooledKappa >= pooledKappa - PerSetAllowance, $"{file}: pooled kappa {report.PooledKappa:0.000} < {pooledKappa} - {PerSetAllowance}\n{table}");
    }

    [Fact]
    public void Pooled_dev_sets_do_not_drop_below_the_ratchet()
    {
        var report = Score.Pooled(CreditModelTests.TrainingSets);

        Assert.Equal(5240, report.Items);
        Assert.True(report.MacroF1 >= PooledMacroF1Ratchet, $"pooled dev macro-F1 {report.MacroF1:0.0000} < {PooledMacroF1Ratchet}");
        Assert.True(report.PooledKappa >= PooledSetsKappaRatchet, $"pooled dev kappa {report.PooledKappa:0.0000} < {PooledSetsKappaRatchet}");
    }

    [Theory]
    [InlineData("devset.jsonl", 0.791)]
    [InlineData("devset2.jsonl", 0.826)]
    [InlineData("devset3.jsonl", 0.819)]
    [InlineData("devset4.jsonl", 0.814)]
    [InlineData("devset5.jsonl", 0.797)]
    [InlineData("devset6.jsonl", 0.783)]
    [InlineData("devset7.jsonl", 0.782)]
    [InlineData("devset8.jsonl", 0.780)]
    [InlineData("devset9.jsonl", 0.783)]
    [InlineData("devset10.jsonl", 0.754)]
    [InlineData("devset11.jsonl", 0.738)]
    [InlineData("devset12.jsonl", 0.723)]
    [InlineData("devset13.jsonl", 0.725)]
    [InlineData("devset14.jsonl", 0.712)]
    [InlineData("devset15.jsonl", 0.691)]
    [InlineData("devset16.jsonl", 0.681)]
    [InlineData("devset17.jsonl", 0.662)]
    public void The_rules_alone_do_not_drop_below_their_ratchet(string file, double macroF1)
    {
        // The learned layer could hide a rule that got worse; this keeps each rule change honest on its own.
        var report = Score.EvaluateRulesOnly(file).Report;

        Assert.True(report.MacroF1 >= macroF1, $"{file}: macro-F1 of the rules alone {report.MacroF1:0.000} < {macroF1}");
    }

    [Theory]
    [InlineData("devset.jsonl")]
    [InlineData("devset2.jsonl")]
    [InlineData("devset3.jsonl")]
    [InlineData("devset4.jsonl")]
    [InlineData("devset5.jsonl")]
    [InlineData("devset6.jsonl")]
    [InlineData("devset7.jsonl")]
    [InlineData("devset8.jsonl")]
    [InlineData("devset9.jsonl")]
    [InlineData("devset10.jsonl")]
    [InlineData("devset11.jsonl")]
    [InlineData("devset12.jsonl")]
    [InlineData("devset13.jsonl")]
    [InlineData("devset14.jsonl")]
    [InlineData("devset15.jsonl")]
    [InlineData("devset16.jsonl")]
    [InlineData("devset17.jsonl")]
    public void Every_labelled_id_is_a_catalogue_id(string file)
    {
        var known = Score.Scorer.Catalogue.Points.Select(p => p.Id).ToHashSet();

        Assert.All(Score.Evaluate(file).Items.SelectMany(i => i.Labelled), id => Assert.Contains(id, known));
    }

    /// <summary>Every labelled set in the order it was written.</summary>
    private static readonly string[] SetsInOrder =
    [
        "devset.jsonl", "holdout.jsonl", "devset2.jsonl", "holdout2.jsonl", "devset3.jsonl", "devset4.jsonl", "holdout3.jsonl",
        "holdout4.jsonl", "holdout5.jsonl", "holdout6.jsonl", "devset5.jsonl", "holdout7.jsonl", "holdout8.jsonl", "devset6.jsonl",
        "holdout9.jsonl", "devset7.jsonl", "holdout10.jsonl", "devset8.jsonl", "holdout11.jsonl", "devset9.jsonl", "holdout12.jsonl",
        "devset10.jsonl", "holdout13.jsonl", "devset11.jsonl", "holdout14.jsonl", "devset12.jsonl", "holdout15.jsonl", "devset13.jsonl", "holdout16.jsonl", "devset14.jsonl", "holdout17.jsonl",
        "devset15.jsonl", "holdout18.jsonl", "devset16.jsonl", "holdout19.jsonl",
        "devset17.jsonl", "holdout20.jsonl",
    ];

    public static TheoryData<string> LaterSets => new(SetsInOrder.Skip(1));

    [Theory]
    [MemberData(nameof(LaterSets))]
    public void A_later_set_repeats_no_reply_of_an_earlier_one(string later)
    {
        // Stock replies ("ok thanks", "it's in the training pack") may recur; anything of six words or more was written for one set only,
        // except the stock phrases above, which blind writers each wrote for their own set (two of them echo the guide's examples).
        static HashSet<string> Written(string file) =>
            Score.Evaluate(file).Items.Select(i => i.Text.Trim()).Where(t => t.Split(' ').Length > 5 && !StockPhrases.Contains(t)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var written = Written(later);
        foreach (var earlier in SetsInOrder.TakeWhile(f => f != later))
        {
            var repeated = written.Intersect(Written(earlier), StringComparer.OrdinalIgnoreCase).ToList();
            Assert.True(repeated.Count == 0, $"{later} repeats {earlier}: {string.Join(" | ", repeated)}");
        }
    }
}
