namespace RolePlay.Scoring.Tests;

/// <summary>
/// Measures the built-in scorer on the independent, human-labelled development sets and fails if quality drops below the
/// level reached. Data/devset.jsonl is the first set; Data/devset2.jsonl, Data/devset3.jsonl, Data/devset4.jsonl, Data/devset5.jsonl, Data/devset6.jsonl, Data/devset7.jsonl, Data/devset8.jsonl, Data/devset9.jsonl, Data/devset10.jsonl, Data/devset11.jsonl, Data/devset12.jsonl, Data/devset13.jsonl, Data/devset14.jsonl, Data/devset15.jsonl, Data/devset16.jsonl, Data/devset17.jsonl, Data/devset18.jsonl, Data/devset19.jsonl, Data/devset20.jsonl, Data/devset21.jsonl and Data/devset22.jsonl to Data/devset55.jsonl were each
/// written later by two other labellers, blind to the scorer, and measured before any rule was shaped by them. Raise a ratchet when the scorer improves; never lower
/// it to make a change pass. From stop 23 every set here but the newest (from stop 28: the twenty-first, kept out, and the fiftieth, validation of stop 28) and the odd lines of the first trains the learned credit
/// layer, so the whole scorer's figures on them are in-sample: the rules-alone ratchets below, and the held-out floors, are
/// the honest guards. The pooled ratchets are strict; a single set may fall <see cref="PerSetAllowance"/> below its own.
/// </summary>
public class DevSetTests
{
    /// <summary>How far one set may fall below its own ratchet: the same noise allowance as <see cref="HoldoutSetTests.PerSetAllowance"/>.</summary>
    public const double PerSetAllowance = HoldoutSetTests.PerSetAllowance;

    /// <summary>Macro-F1 over all 26 ids on every dev set the layer trains on, pooled (fifty-three sets, 16,340 replies), reached in stop 28
    /// (0.959 in stop 27); strict. (Stop 26 reached 0.934 over thirty-nine sets, 12,140 replies; a pool with more sets is a new measure.)</summary>
    public const double PooledMacroF1Ratchet = 0.961;

    /// <summary>Pooled Cohen's kappa on every training dev set pooled, reached in stop 28 (0.950 in stop 27; 0.926 in stop 26 over thirty-nine sets); strict.</summary>
    public const double PooledSetsKappaRatchet = 0.952;

    /// <summary>Macro-F1 over all 26 ids reached on the whole first dev set (see docs/scoring.md for the per-point table).</summary>
    public const double MacroF1Ratchet = 0.863;

    /// <summary>Pooled Cohen's kappa over all (reply, id) decisions reached on the whole first dev set.</summary>
    public const double PooledKappaRatchet = 0.836;

    /// <summary>Macro-F1 reached on the second dev set.</summary>
    public const double SecondSetMacroF1Ratchet = 0.969;

    /// <summary>Pooled kappa reached on the second dev set.</summary>
    public const double SecondSetPooledKappaRatchet = 0.962;

    /// <summary>Macro-F1 reached on the third dev set.</summary>
    public const double ThirdSetMacroF1Ratchet = 0.972;

    /// <summary>Pooled kappa reached on the third dev set.</summary>
    public const double ThirdSetPooledKappaRatchet = 0.960;

    /// <summary>Macro-F1 reached on the fourth dev set.</summary>
    public const double FourthSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the fourth dev set.</summary>
    public const double FourthSetPooledKappaRatchet = 0.955;

    /// <summary>Macro-F1 reached on the fifth dev set (0.670 for the rules before it was written).</summary>
    public const double FifthSetMacroF1Ratchet = 0.974;

    /// <summary>Pooled kappa reached on the fifth dev set.</summary>
    public const double FifthSetPooledKappaRatchet = 0.977;

    /// <summary>Macro-F1 reached on the sixth dev set (0.664 for the rules before it was written).</summary>
    public const double SixthSetMacroF1Ratchet = 0.968;

    /// <summary>Pooled kappa reached on the sixth dev set.</summary>
    public const double SixthSetPooledKappaRatchet = 0.961;

    /// <summary>Macro-F1 reached on the seventh dev set (0.695 for the rules before it was written).</summary>
    public const double SeventhSetMacroF1Ratchet = 0.959;

    /// <summary>Pooled kappa reached on the seventh dev set.</summary>
    public const double SeventhSetPooledKappaRatchet = 0.948;

    /// <summary>Macro-F1 reached on the eighth dev set (0.695 for the rules before it was written; read from stop 17).</summary>
    public const double EighthSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the eighth dev set.</summary>
    public const double EighthSetPooledKappaRatchet = 0.962;

    /// <summary>Macro-F1 reached on the ninth dev set (0.692 for the rules before it was written; read from stop 18).</summary>
    public const double NinthSetMacroF1Ratchet = 0.961;

    /// <summary>Pooled kappa reached on the ninth dev set.</summary>
    public const double NinthSetPooledKappaRatchet = 0.956;

    /// <summary>Macro-F1 reached on the tenth dev set (0.692 for the rules before it was written; read from stop 19).</summary>
    public const double TenthSetMacroF1Ratchet = 0.968;

    /// <summary>Pooled kappa reached on the tenth dev set.</summary>
    public const double TenthSetPooledKappaRatchet = 0.956;

    /// <summary>Macro-F1 reached on the eleventh dev set (0.713 for the rules before it was written; read from stop 20).</summary>
    public const double EleventhSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the eleventh dev set.</summary>
    public const double EleventhSetPooledKappaRatchet = 0.959;

    /// <summary>Macro-F1 reached on the twelfth dev set (0.708 for the rules before it was written; read from stop 21).</summary>
    public const double TwelfthSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the twelfth dev set.</summary>
    public const double TwelfthSetPooledKappaRatchet = 0.959;

    /// <summary>Macro-F1 reached on the thirteenth dev set (0.735 for the scorer before it was written; read from stop 22).</summary>
    public const double ThirteenthSetMacroF1Ratchet = 0.966;

    /// <summary>Pooled kappa reached on the thirteenth dev set.</summary>
    public const double ThirteenthSetPooledKappaRatchet = 0.959;

    /// <summary>Macro-F1 reached on the fourteenth dev set (0.730 for the scorer before it was written; not read during stop 22).</summary>
    public const double FourteenthSetMacroF1Ratchet = 0.952;

    /// <summary>Pooled kappa reached on the fourteenth dev set.</summary>
    public const double FourteenthSetPooledKappaRatchet = 0.939;

    /// <summary>Macro-F1 reached on the fifteenth dev set (0.712 for the scorer before it was written; validation in stop 23, not read; trained on from stop 24).</summary>
    public const double FifteenthSetMacroF1Ratchet = 0.965;

    /// <summary>Pooled kappa reached on the fifteenth dev set.</summary>
    public const double FifteenthSetPooledKappaRatchet = 0.959;

    /// <summary>Macro-F1 reached on the sixteenth dev set (0.716 for the scorer before it was written; validation in stop 24, not read; trained on from stop 25).</summary>
    public const double SixteenthSetMacroF1Ratchet = 0.955;

    /// <summary>Pooled kappa reached on the sixteenth dev set.</summary>
    public const double SixteenthSetPooledKappaRatchet = 0.957;

    /// <summary>Macro-F1 reached on the seventeenth dev set (0.726 for the scorer before it was written; validation in stop 25, not read; trained on from stop 26).</summary>
    public const double SeventeenthSetMacroF1Ratchet = 0.970;

    /// <summary>Pooled kappa reached on the seventeenth dev set.</summary>
    public const double SeventeenthSetPooledKappaRatchet = 0.957;

    /// <summary>Macro-F1 reached on the eighteenth dev set (0.775 for the scorer before it was written; validation in stop 26, not read; trained on from stop 27).</summary>
    public const double EighteenthSetMacroF1Ratchet = 0.958;

    /// <summary>Pooled kappa reached on the eighteenth dev set.</summary>
    public const double EighteenthSetPooledKappaRatchet = 0.952;

    /// <summary>Macro-F1 reached on the nineteenth dev set (0.740 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double NineteenthSetMacroF1Ratchet = 0.962;

    /// <summary>Pooled kappa reached on the nineteenth dev set.</summary>
    public const double NineteenthSetPooledKappaRatchet = 0.953;

    /// <summary>Macro-F1 reached on the twentieth dev set (0.777 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentiethSetMacroF1Ratchet = 0.966;

    /// <summary>Pooled kappa reached on the twentieth dev set.</summary>
    public const double TwentiethSetPooledKappaRatchet = 0.958;

    /// <summary>Macro-F1 reached on the twenty-first dev set (0.744 for the scorer of the start of stop 27; validation in stop 27, not read, not trained on).</summary>
    public const double TwentyFirstSetMacroF1Ratchet = 0.784;

    /// <summary>Pooled kappa reached on the twenty-first dev set.</summary>
    public const double TwentyFirstSetPooledKappaRatchet = 0.791;

    /// <summary>Macro-F1 reached on the twenty-second dev set (0.715 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentySecondSetMacroF1Ratchet = 0.963;

    /// <summary>Pooled kappa reached on the twenty-second dev set.</summary>
    public const double TwentySecondSetPooledKappaRatchet = 0.952;

    /// <summary>Macro-F1 reached on the twenty-third dev set (0.743 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentyThirdSetMacroF1Ratchet = 0.957;

    /// <summary>Pooled kappa reached on the twenty-third dev set.</summary>
    public const double TwentyThirdSetPooledKappaRatchet = 0.950;

    /// <summary>Macro-F1 reached on the twenty-fourth dev set (0.742 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentyFourthSetMacroF1Ratchet = 0.965;

    /// <summary>Pooled kappa reached on the twenty-fourth dev set.</summary>
    public const double TwentyFourthSetPooledKappaRatchet = 0.958;

    /// <summary>Macro-F1 reached on the twenty-fifth dev set (0.717 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentyFifthSetMacroF1Ratchet = 0.968;

    /// <summary>Pooled kappa reached on the twenty-fifth dev set.</summary>
    public const double TwentyFifthSetPooledKappaRatchet = 0.953;

    /// <summary>Macro-F1 reached on the twenty-sixth dev set (0.738 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentySixthSetMacroF1Ratchet = 0.962;

    /// <summary>Pooled kappa reached on the twenty-sixth dev set.</summary>
    public const double TwentySixthSetPooledKappaRatchet = 0.951;

    /// <summary>Macro-F1 reached on the twenty-seventh dev set (0.736 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentySeventhSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the twenty-seventh dev set.</summary>
    public const double TwentySeventhSetPooledKappaRatchet = 0.958;

    /// <summary>Macro-F1 reached on the twenty-eighth dev set (0.721 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentyEighthSetMacroF1Ratchet = 0.960;

    /// <summary>Pooled kappa reached on the twenty-eighth dev set.</summary>
    public const double TwentyEighthSetPooledKappaRatchet = 0.954;

    /// <summary>Macro-F1 reached on the twenty-ninth dev set (0.765 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double TwentyNinthSetMacroF1Ratchet = 0.964;

    /// <summary>Pooled kappa reached on the twenty-ninth dev set.</summary>
    public const double TwentyNinthSetPooledKappaRatchet = 0.957;

    /// <summary>Macro-F1 reached on the thirtieth dev set (0.738 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtiethSetMacroF1Ratchet = 0.957;

    /// <summary>Pooled kappa reached on the thirtieth dev set.</summary>
    public const double ThirtiethSetPooledKappaRatchet = 0.949;

    /// <summary>Macro-F1 reached on the thirty-first dev set (0.762 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtyFirstSetMacroF1Ratchet = 0.948;

    /// <summary>Pooled kappa reached on the thirty-first dev set.</summary>
    public const double ThirtyFirstSetPooledKappaRatchet = 0.940;

    /// <summary>Macro-F1 reached on the thirty-second dev set (0.766 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtySecondSetMacroF1Ratchet = 0.966;

    /// <summary>Pooled kappa reached on the thirty-second dev set.</summary>
    public const double ThirtySecondSetPooledKappaRatchet = 0.956;

    /// <summary>Macro-F1 reached on the thirty-third dev set (0.683 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtyThirdSetMacroF1Ratchet = 0.959;

    /// <summary>Pooled kappa reached on the thirty-third dev set.</summary>
    public const double ThirtyThirdSetPooledKappaRatchet = 0.951;

    /// <summary>Macro-F1 reached on the thirty-fourth dev set (0.751 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtyFourthSetMacroF1Ratchet = 0.969;

    /// <summary>Pooled kappa reached on the thirty-fourth dev set.</summary>
    public const double ThirtyFourthSetPooledKappaRatchet = 0.962;

    /// <summary>Macro-F1 reached on the thirty-fifth dev set (0.745 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtyFifthSetMacroF1Ratchet = 0.961;

    /// <summary>Pooled kappa reached on the thirty-fifth dev set.</summary>
    public const double ThirtyFifthSetPooledKappaRatchet = 0.958;

    /// <summary>Macro-F1 reached on the thirty-sixth dev set (0.715 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtySixthSetMacroF1Ratchet = 0.969;

    /// <summary>Pooled kappa reached on the thirty-sixth dev set.</summary>
    public const double ThirtySixthSetPooledKappaRatchet = 0.957;

    /// <summary>Macro-F1 reached on the thirty-seventh dev set (0.771 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtySeventhSetMacroF1Ratchet = 0.963;

    /// <summary>Pooled kappa reached on the thirty-seventh dev set.</summary>
    public const double ThirtySeventhSetPooledKappaRatchet = 0.959;

    /// <summary>Macro-F1 reached on the thirty-eighth dev set (0.759 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtyEighthSetMacroF1Ratchet = 0.969;

    /// <summary>Pooled kappa reached on the thirty-eighth dev set.</summary>
    public const double ThirtyEighthSetPooledKappaRatchet = 0.959;

    /// <summary>Macro-F1 reached on the thirty-ninth dev set (0.726 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double ThirtyNinthSetMacroF1Ratchet = 0.961;

    /// <summary>Pooled kappa reached on the thirty-ninth dev set.</summary>
    public const double ThirtyNinthSetPooledKappaRatchet = 0.951;

    /// <summary>Macro-F1 reached on the fortieth dev set (0.727 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double FortiethSetMacroF1Ratchet = 0.963;

    /// <summary>Pooled kappa reached on the fortieth dev set.</summary>
    public const double FortiethSetPooledKappaRatchet = 0.962;

    /// <summary>Macro-F1 reached on the forty-first dev set (0.755 for the scorer before it was written; written in stop 26 and trained on at once).</summary>
    public const double FortyFirstSetMacroF1Ratchet = 0.961;

    /// <summary>Pooled kappa reached on the forty-first dev set.</summary>
    public const double FortyFirstSetPooledKappaRatchet = 0.962;

    /// <summary>Macro-F1 reached on the forty-second dev set (0.795 unseen, for the scorer of the start of stop 27; written at the end of stop 26, trained on from stop 27).</summary>
    public const double FortySecondSetMacroF1Ratchet = 0.959;

    /// <summary>Pooled kappa reached on the forty-second dev set.</summary>
    public const double FortySecondSetPooledKappaRatchet = 0.947;

    /// <summary>Macro-F1 reached on the forty-third dev set (0.798 unseen, for the scorer of the start of stop 27; written at the end of stop 26, trained on from stop 27).</summary>
    public const double FortyThirdSetMacroF1Ratchet = 0.955;

    /// <summary>Pooled kappa reached on the forty-third dev set.</summary>
    public const double FortyThirdSetPooledKappaRatchet = 0.945;

    /// <summary>Macro-F1 reached on the forty-fourth dev set (0.780 unseen, for the scorer of the start of stop 27; written at the end of stop 26, trained on from stop 27).</summary>
    public const double FortyFourthSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the forty-fourth dev set.</summary>
    public const double FortyFourthSetPooledKappaRatchet = 0.952;

    /// <summary>Macro-F1 reached on the forty-fifth dev set (0.764 unseen, for the scorer of the start of stop 27; written at the end of stop 26, trained on from stop 27).</summary>
    public const double FortyFifthSetMacroF1Ratchet = 0.960;

    /// <summary>Pooled kappa reached on the forty-fifth dev set.</summary>
    public const double FortyFifthSetPooledKappaRatchet = 0.951;

    /// <summary>Macro-F1 reached on the forty-sixth dev set (0.789 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FortySixthSetMacroF1Ratchet = 0.973;

    /// <summary>Pooled kappa reached on the forty-sixth dev set.</summary>
    public const double FortySixthSetPooledKappaRatchet = 0.965;

    /// <summary>Macro-F1 reached on the forty-seventh dev set (0.786 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FortySeventhSetMacroF1Ratchet = 0.963;

    /// <summary>Pooled kappa reached on the forty-seventh dev set.</summary>
    public const double FortySeventhSetPooledKappaRatchet = 0.952;

    /// <summary>Macro-F1 reached on the forty-eighth dev set (0.744 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FortyEighthSetMacroF1Ratchet = 0.969;

    /// <summary>Pooled kappa reached on the forty-eighth dev set.</summary>
    public const double FortyEighthSetPooledKappaRatchet = 0.962;

    /// <summary>Macro-F1 reached on the forty-ninth dev set (0.765 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FortyNinthSetMacroF1Ratchet = 0.953;

    /// <summary>Pooled kappa reached on the forty-ninth dev set.</summary>
    public const double FortyNinthSetPooledKappaRatchet = 0.942;

    /// <summary>Macro-F1 reached on the fiftieth dev set (0.818 for the scorer of the start of stop 28; validation in stop 28, not read, not trained on).</summary>
    public const double FiftiethSetMacroF1Ratchet = 0.818;

    /// <summary>Pooled kappa reached on the fiftieth dev set.</summary>
    public const double FiftiethSetPooledKappaRatchet = 0.797;

    /// <summary>Macro-F1 reached on the fifty-first dev set (0.756 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FiftyFirstSetMacroF1Ratchet = 0.957;

    /// <summary>Pooled kappa reached on the fifty-first dev set.</summary>
    public const double FiftyFirstSetPooledKappaRatchet = 0.950;

    /// <summary>Macro-F1 reached on the fifty-second dev set (0.764 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FiftySecondSetMacroF1Ratchet = 0.964;

    /// <summary>Pooled kappa reached on the fifty-second dev set.</summary>
    public const double FiftySecondSetPooledKappaRatchet = 0.954;

    /// <summary>Macro-F1 reached on the fifty-third dev set (0.756 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FiftyThirdSetMacroF1Ratchet = 0.962;

    /// <summary>Pooled kappa reached on the fifty-third dev set.</summary>
    public const double FiftyThirdSetPooledKappaRatchet = 0.953;

    /// <summary>Macro-F1 reached on the fifty-fourth dev set (0.767 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FiftyFourthSetMacroF1Ratchet = 0.958;

    /// <summary>Pooled kappa reached on the fifty-fourth dev set.</summary>
    public const double FiftyFourthSetPooledKappaRatchet = 0.950;

    /// <summary>Macro-F1 reached on the fifty-fifth dev set (0.772 unseen, for the scorer of the start of stop 27; written in stop 27 and trained on at once).</summary>
    public const double FiftyFifthSetMacroF1Ratchet = 0.967;

    /// <summary>Pooled kappa reached on the fifty-fifth dev set.</summary>
    public const double FiftyFifthSetPooledKappaRatchet = 0.956;

    // Stock replies that two blind writers each wrote for their own set; they are not copied replies (07700 900… numbers are
    // the range set aside for fiction, so two writers picked the same one).
    private static readonly HashSet<string> StockPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "typical. every single time with you lot.", "ok thanks for letting me know", "ok thanks for letting us know",
        "it's in the training pack, section 4", "that's a data breach. i'm reporting you to the manager.",
        "we're sorry for any inconvenience caused. a member of the team will be in touch.", "that's accounts, not me. ring them.",
        "it's all in the training pack mate", "thats a data breach mate, im reporting you to the manager",
        "it's all in the induction folder",
        "its all in the induction pack, have a read", "ok no worries, whenever you can",
        "we're sorry for any inconvenience caused. your feedback has been noted.", "yeah go on then, no worries 👍",
        "it won't happen again, i promise you that.", "that's a data breach mate, i'm reporting you to sandra.",
        "sure, i'll export the spreadsheet and email it over tonight.",
        "it's all in the induction folder, have a read.", "ok, thanks for the heads up",
        "sure, i'll export the sign-in sheet and email it over tonight.",
        "niestety nie mogę w tę sobotę, ale mogę wziąć twoją niedzielę.",
        "d'accord, mais notre contrat prévoit cinq jours ouvrés. pouvez-vous envoyer une partie vendredi ?",
        "send it back to us and we'll sort it.", "sure, it's 07700 900412, he won't mind.", "ok cheers for letting me know",
        "ok no worries, thursday it is", "cheers for the heads up 👍", "sorry about that, i'll look into it and get back to you.",
        "can't tell you that. data protection.",
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
    [InlineData("devset18.jsonl", 300)]
    [InlineData("devset19.jsonl", 300)]
    [InlineData("devset20.jsonl", 300)]
    [InlineData("devset21.jsonl", 300)]
    [InlineData("devset22.jsonl", 300)]
    [InlineData("devset23.jsonl", 300)]
    [InlineData("devset24.jsonl", 300)]
    [InlineData("devset25.jsonl", 300)]
    [InlineData("devset26.jsonl", 300)]
    [InlineData("devset27.jsonl", 300)]
    [InlineData("devset28.jsonl", 300)]
    [InlineData("devset29.jsonl", 300)]
    [InlineData("devset30.jsonl", 300)]
    [InlineData("devset31.jsonl", 300)]
    [InlineData("devset32.jsonl", 300)]
    [InlineData("devset33.jsonl", 300)]
    [InlineData("devset34.jsonl", 300)]
    [InlineData("devset35.jsonl", 300)]
    [InlineData("devset36.jsonl", 300)]
    [InlineData("devset37.jsonl", 300)]
    [InlineData("devset38.jsonl", 300)]
    [InlineData("devset39.jsonl", 300)]
    [InlineData("devset40.jsonl", 300)]
    [InlineData("devset41.jsonl", 300)]
    [InlineData("devset42.jsonl", 300)]
    [InlineData("devset43.jsonl", 300)]
    [InlineData("devset44.jsonl", 300)]
    [InlineData("devset45.jsonl", 300)]
    [InlineData("devset46.jsonl", 300)]
    [InlineData("devset47.jsonl", 300)]
    [InlineData("devset48.jsonl", 300)]
    [InlineData("devset49.jsonl", 300)]
    [InlineData("devset50.jsonl", 300)]
    [InlineData("devset51.jsonl", 300)]
    [InlineData("devset52.jsonl", 300)]
    [InlineData("devset53.jsonl", 300)]
    [InlineData("devset54.jsonl", 300)]
    [InlineData("devset55.jsonl", 300)]
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
    [InlineData("devset18.jsonl", EighteenthSetMacroF1Ratchet, EighteenthSetPooledKappaRatchet)]
    [InlineData("devset19.jsonl", NineteenthSetMacroF1Ratchet, NineteenthSetPooledKappaRatchet)]
    [InlineData("devset20.jsonl", TwentiethSetMacroF1Ratchet, TwentiethSetPooledKappaRatchet)]
    [InlineData("devset21.jsonl", TwentyFirstSetMacroF1Ratchet, TwentyFirstSetPooledKappaRatchet)]
    [InlineData("devset22.jsonl", TwentySecondSetMacroF1Ratchet, TwentySecondSetPooledKappaRatchet)]
    [InlineData("devset23.jsonl", TwentyThirdSetMacroF1Ratchet, TwentyThirdSetPooledKappaRatchet)]
    [InlineData("devset24.jsonl", TwentyFourthSetMacroF1Ratchet, TwentyFourthSetPooledKappaRatchet)]
    [InlineData("devset25.jsonl", TwentyFifthSetMacroF1Ratchet, TwentyFifthSetPooledKappaRatchet)]
    [InlineData("devset26.jsonl", TwentySixthSetMacroF1Ratchet, TwentySixthSetPooledKappaRatchet)]
    [InlineData("devset27.jsonl", TwentySeventhSetMacroF1Ratchet, TwentySeventhSetPooledKappaRatchet)]
    [InlineData("devset28.jsonl", TwentyEighthSetMacroF1Ratchet, TwentyEighthSetPooledKappaRatchet)]
    [InlineData("devset29.jsonl", TwentyNinthSetMacroF1Ratchet, TwentyNinthSetPooledKappaRatchet)]
    [InlineData("devset30.jsonl", ThirtiethSetMacroF1Ratchet, ThirtiethSetPooledKappaRatchet)]
    [InlineData("devset31.jsonl", ThirtyFirstSetMacroF1Ratchet, ThirtyFirstSetPooledKappaRatchet)]
    [InlineData("devset32.jsonl", ThirtySecondSetMacroF1Ratchet, ThirtySecondSetPooledKappaRatchet)]
    [InlineData("devset33.jsonl", ThirtyThirdSetMacroF1Ratchet, ThirtyThirdSetPooledKappaRatchet)]
    [InlineData("devset34.jsonl", ThirtyFourthSetMacroF1Ratchet, ThirtyFourthSetPooledKappaRatchet)]
    [InlineData("devset35.jsonl", ThirtyFifthSetMacroF1Ratchet, ThirtyFifthSetPooledKappaRatchet)]
    [InlineData("devset36.jsonl", ThirtySixthSetMacroF1Ratchet, ThirtySixthSetPooledKappaRatchet)]
    [InlineData("devset37.jsonl", ThirtySeventhSetMacroF1Ratchet, ThirtySeventhSetPooledKappaRatchet)]
    [InlineData("devset38.jsonl", ThirtyEighthSetMacroF1Ratchet, ThirtyEighthSetPooledKappaRatchet)]
    [InlineData("devset39.jsonl", ThirtyNinthSetMacroF1Ratchet, ThirtyNinthSetPooledKappaRatchet)]
    [InlineData("devset40.jsonl", FortiethSetMacroF1Ratchet, FortiethSetPooledKappaRatchet)]
    [InlineData("devset41.jsonl", FortyFirstSetMacroF1Ratchet, FortyFirstSetPooledKappaRatchet)]
    [InlineData("devset42.jsonl", FortySecondSetMacroF1Ratchet, FortySecondSetPooledKappaRatchet)]
    [InlineData("devset43.jsonl", FortyThirdSetMacroF1Ratchet, FortyThirdSetPooledKappaRatchet)]
    [InlineData("devset44.jsonl", FortyFourthSetMacroF1Ratchet, FortyFourthSetPooledKappaRatchet)]
    [InlineData("devset45.jsonl", FortyFifthSetMacroF1Ratchet, FortyFifthSetPooledKappaRatchet)]
    [InlineData("devset46.jsonl", FortySixthSetMacroF1Ratchet, FortySixthSetPooledKappaRatchet)]
    [InlineData("devset47.jsonl", FortySeventhSetMacroF1Ratchet, FortySeventhSetPooledKappaRatchet)]
    [InlineData("devset48.jsonl", FortyEighthSetMacroF1Ratchet, FortyEighthSetPooledKappaRatchet)]
    [InlineData("devset49.jsonl", FortyNinthSetMacroF1Ratchet, FortyNinthSetPooledKappaRatchet)]
    [InlineData("devset50.jsonl", FiftiethSetMacroF1Ratchet, FiftiethSetPooledKappaRatchet)]
    [InlineData("devset51.jsonl", FiftyFirstSetMacroF1Ratchet, FiftyFirstSetPooledKappaRatchet)]
    [InlineData("devset52.jsonl", FiftySecondSetMacroF1Ratchet, FiftySecondSetPooledKappaRatchet)]
    [InlineData("devset53.jsonl", FiftyThirdSetMacroF1Ratchet, FiftyThirdSetPooledKappaRatchet)]
    [InlineData("devset54.jsonl", FiftyFourthSetMacroF1Ratchet, FiftyFourthSetPooledKappaRatchet)]
    [InlineData("devset55.jsonl", FiftyFifthSetMacroF1Ratchet, FiftyFifthSetPooledKappaRatchet)]
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

        Assert.Equal(16340, report.Items);
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
    [InlineData("devset18.jsonl", 0.722)]
    [InlineData("devset19.jsonl", 0.700)]
    [InlineData("devset20.jsonl", 0.699)]
    [InlineData("devset21.jsonl", 0.671)]
    [InlineData("devset22.jsonl", 0.647)]
    [InlineData("devset23.jsonl", 0.688)]
    [InlineData("devset24.jsonl", 0.689)]
    [InlineData("devset25.jsonl", 0.683)]
    [InlineData("devset26.jsonl", 0.698)]
    [InlineData("devset27.jsonl", 0.688)]
    [InlineData("devset28.jsonl", 0.665)]
    [InlineData("devset29.jsonl", 0.708)]
    [InlineData("devset30.jsonl", 0.700)]
    [InlineData("devset31.jsonl", 0.715)]
    [InlineData("devset32.jsonl", 0.715)]
    [InlineData("devset33.jsonl", 0.665)]
    [InlineData("devset34.jsonl", 0.710)]
    [InlineData("devset35.jsonl", 0.695)]
    [InlineData("devset36.jsonl", 0.657)]
    [InlineData("devset37.jsonl", 0.715)]
    [InlineData("devset38.jsonl", 0.701)]
    [InlineData("devset39.jsonl", 0.672)]
    [InlineData("devset40.jsonl", 0.695)]
    [InlineData("devset41.jsonl", 0.697)]
    [InlineData("devset42.jsonl", 0.707)]
    [InlineData("devset43.jsonl", 0.735)]
    [InlineData("devset44.jsonl", 0.722)]
    [InlineData("devset45.jsonl", 0.676)]
    [InlineData("devset46.jsonl", 0.702)]
    [InlineData("devset47.jsonl", 0.691)]
    [InlineData("devset48.jsonl", 0.675)]
    [InlineData("devset49.jsonl", 0.676)]
    [InlineData("devset50.jsonl", 0.711)]
    [InlineData("devset51.jsonl", 0.667)]
    [InlineData("devset52.jsonl", 0.688)]
    [InlineData("devset53.jsonl", 0.681)]
    [InlineData("devset54.jsonl", 0.690)]
    [InlineData("devset55.jsonl", 0.701)]
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
    [InlineData("devset18.jsonl")]
    [InlineData("devset19.jsonl")]
    [InlineData("devset20.jsonl")]
    [InlineData("devset21.jsonl")]
    [InlineData("devset22.jsonl")]
    [InlineData("devset23.jsonl")]
    [InlineData("devset24.jsonl")]
    [InlineData("devset25.jsonl")]
    [InlineData("devset26.jsonl")]
    [InlineData("devset27.jsonl")]
    [InlineData("devset28.jsonl")]
    [InlineData("devset29.jsonl")]
    [InlineData("devset30.jsonl")]
    [InlineData("devset31.jsonl")]
    [InlineData("devset32.jsonl")]
    [InlineData("devset33.jsonl")]
    [InlineData("devset34.jsonl")]
    [InlineData("devset35.jsonl")]
    [InlineData("devset36.jsonl")]
    [InlineData("devset37.jsonl")]
    [InlineData("devset38.jsonl")]
    [InlineData("devset39.jsonl")]
    [InlineData("devset40.jsonl")]
    [InlineData("devset41.jsonl")]
    [InlineData("devset42.jsonl")]
    [InlineData("devset43.jsonl")]
    [InlineData("devset44.jsonl")]
    [InlineData("devset45.jsonl")]
    [InlineData("devset46.jsonl")]
    [InlineData("devset47.jsonl")]
    [InlineData("devset48.jsonl")]
    [InlineData("devset49.jsonl")]
    [InlineData("devset50.jsonl")]
    [InlineData("devset51.jsonl")]
    [InlineData("devset52.jsonl")]
    [InlineData("devset53.jsonl")]
    [InlineData("devset54.jsonl")]
    [InlineData("devset55.jsonl")]
    public void Every_labelled_id_is_a_catalogue_id(string file)
    {
        var known = Score.Scorer.Catalogue.Points.Select(p => p.Id).ToHashSet();

        Assert.All(Score.Evaluate(file).Items.SelectMany(i => i.Labelled), id => Assert.Contains(id, known));
    }

    /// <summary>Every labelled set in the order it was written.</summary>
    private static readonly string[] SetsInOrder =
    [
        "devset.jsonl", "holdout.jsonl", "devset2.jsonl", "holdout2.jsonl", "devset3.jsonl", "devset4.jsonl",
        "holdout3.jsonl", "holdout4.jsonl", "holdout5.jsonl", "holdout6.jsonl", "devset5.jsonl", "holdout7.jsonl",
        "holdout8.jsonl", "devset6.jsonl", "holdout9.jsonl", "devset7.jsonl", "holdout10.jsonl", "devset8.jsonl",
        "holdout11.jsonl", "devset9.jsonl", "holdout12.jsonl", "devset10.jsonl", "holdout13.jsonl", "devset11.jsonl",
        "holdout14.jsonl", "devset12.jsonl", "holdout15.jsonl", "devset13.jsonl", "holdout16.jsonl", "devset14.jsonl",
        "holdout17.jsonl", "devset15.jsonl", "holdout18.jsonl", "devset16.jsonl", "holdout19.jsonl", "devset17.jsonl",
        "holdout20.jsonl", "holdout21.jsonl", "devset18.jsonl", "devset21.jsonl", "holdout22.jsonl", "devset19.jsonl",
        "devset20.jsonl", "devset22.jsonl", "devset23.jsonl", "devset24.jsonl", "devset25.jsonl", "devset26.jsonl",
        "devset27.jsonl", "devset28.jsonl", "devset29.jsonl", "devset30.jsonl", "devset31.jsonl", "devset32.jsonl",
        "devset33.jsonl", "devset34.jsonl", "devset35.jsonl", "devset36.jsonl", "devset37.jsonl", "devset38.jsonl",
        "devset39.jsonl", "devset40.jsonl", "devset41.jsonl", "devset42.jsonl", "devset43.jsonl", "devset44.jsonl",
        "devset45.jsonl", "devset46.jsonl", "devset47.jsonl", "devset48.jsonl", "devset49.jsonl", "devset50.jsonl",
        "holdout23.jsonl", "devset51.jsonl", "devset52.jsonl", "devset53.jsonl", "devset54.jsonl", "devset55.jsonl",
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
