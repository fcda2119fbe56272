using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Next steps: an action (who does what) earns full credit with a definite time (by when) attached to it - in the stretch of
/// the sentence that action leads, or before the first action ("On Friday I'll..."). Times that point to the past
/// ("two weeks ago", "last Monday"), bare units ("a different day") and "from now on" are not timescales; a check-back with
/// a time ("I'll ring you Monday to make sure it arrived") is follow-up rather than a plan; loose times and actions alone
/// never add up to credit.
/// </summary>
internal sealed class NextStepsRule : IMarkingPointRule
{
    public const double ActionWithoutTime = 0.35;
    public const double StepFrameWithoutTime = 0.7;
    public const double VagueTime = 0.45;
    public const double CheckBackWithTime = 0.4;

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "hour", "hours", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks", "month", "months", "fortnight",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "one", "couple", "few" };
    private static readonly HashSet<string> DurationHeads = new(StringComparer.Ordinal) { "in", "within", "by", "after", "every", "next", "under", "to" };
    private static readonly Dictionary<string, int> HourWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
    };

    private static readonly HashSet<string> ClockHeads = new(StringComparer.Ordinal) { "by", "before", "at", "until", "till", "after", "around", "from" };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var lexicons = input.Catalogue.Pipeline;
        var times = new TimeWords(lexicons.Lexicon("time"), lexicons.Lexicon("time_vague"), lexicons.Lexicon("time_deadlines"), lexicons.Lexicon("number_words"));
        var checkBack = lexicons.Lexicon("check_back");
        var promises = input.Effective("over_promising");
        var matches = Actions(input, input.Effective(point.Id));
        var findings = new List<(int Sentence, Finding Finding)>();
        foreach (var match in matches)
        {
            var sentence = input.Reply.SentenceOf(match.Start);
            var sentenceIndex = tokens[match.Start].Sentence;

            // A guarantee is not a plan: it is assessed as over-promising instead.
            if (promises.Any(p => p.Start >= sentence.FirstToken && p.Start < sentence.EndToken))
            {
                continue;
            }

            // The stretch this action leads: up to the next action of the sentence; the first action also owns what precedes it.
            var segmentEnd = sentence.EndToken;
            var first = true;
            foreach (var other in matches)
            {
                if (tokens[other.Start].Sentence != sentenceIndex)
                {
                    continue;
                }

                first &= other.Start >= match.Start;
                if (other.Start > match.Start && other.Start < segmentEnd)
                {
                    segmentEnd = other.Start;
                }
            }

            // The first action also owns what comes before it in its own clause ("On Friday I'll...").
            var segmentStart = match.Start;
            while (first && segmentStart > sentence.FirstToken && tokens[segmentStart - 1].Clause == tokens[match.Start].Clause)
            {
                segmentStart--;
            }

            var (timeStart, timeEnd) = FindTime(tokens, segmentStart, segmentEnd, times, definite: true);
            var (vagueStart, vagueEnd) = timeStart >= 0 ? (-1, -1) : FindTime(tokens, segmentStart, segmentEnd, times, definite: false);
            if (timeStart >= 0 && checkBack.FindAll(tokens, match.Start, segmentEnd).Any())
            {
                var span = input.Span(Math.Min(match.Start, timeStart), Math.Max(match.End, timeEnd));
                findings.Add((sentenceIndex, new Finding(CheckBackWithTime, span, "a check-back (follow-up) with a time:")));
            }
            else if (timeStart >= 0)
            {
                var span = input.Span(Math.Min(match.Start, timeStart), Math.Max(match.End, timeEnd));
                findings.Add((sentenceIndex, new Finding(1.0, span, "who does what by when:")));
            }
            else if (vagueStart >= 0)
            {
                var span = input.Span(Math.Min(match.Start, vagueStart), Math.Max(match.End, vagueEnd));
                findings.Add((sentenceIndex, new Finding(VagueTime, span, "a next step with a loose timescale:")));
            }
            else
            {
                var strength = match.Frame ? StepFrameWithoutTime : ActionWithoutTime;
                findings.Add((sentenceIndex, new Finding(strength, input.Span(match.Start, match.End), "a next step")));
            }
        }

        // One finding per sentence: several actions in one sentence are one step.
        var perSentence = findings
            .GroupBy(f => f.Sentence)
            .Select(g => g.Select(f => f.Finding).OrderByDescending(f => f.Strength).First())
            .OrderByDescending(f => f.Strength)
            .ToList();

        // Loose steps do not add up to a plan: without one credited step, only the best one is reported.
        if (perSentence.Count > 1 && perSentence[0].Strength < Verdict.Threshold)
        {
            perSentence.RemoveRange(1, perSentence.Count - 1);
        }

        var whyNot = perSentence.Count == 0 ? null
            : perSentence[0].Strength == CheckBackWithTime ? "Not credited: a check-back is follow-up - say what will be done by when."
            : "Not credited: an action without a timescale - say by when.";
        return Verdict.From(point, perSentence, whyNot);
    }

    /// <summary>An action a next step can be built on: tokens [Start, End); <c>Frame</c> for explicit step frames ("the next step is").</summary>
    private readonly record struct StepAction(int Start, int End, bool Frame);

    /// <summary>
    /// The entry's cue matches, plus future actions found by shape - a modal of intention or expectation and the verb it
    /// governs ("Sam will take the count", "it should reach you", "a replacement will be sent") - so that any action, not
    /// only the listed ones, can carry a "by when". A modal that looks back ("should have") or is negated is no plan, and
    /// "can" is left out: it offers or permits ("you can return it within 30 days") more often than it plans.
    /// </summary>
    private static List<StepAction> Actions(RuleInput input, IReadOnlyList<CueMatch> cues)
    {
        var tokens = input.Reply.Tokens;
        var actions = new List<StepAction>(cues.Count + 2);
        foreach (var cue in cues)
        {
            actions.Add(new StepAction(cue.Start, cue.End, cue.Cue.Tier == CueTier.Strong));
        }

        for (var k = 0; k + 1 < tokens.Length; k++)
        {
            var modal = tokens[k];
            var verb = tokens[k + 1];
            if (!(FutureModals.Contains(modal.Text) || IsOwnOffer(tokens, k)) || modal.Negated || modal.Quoted || verb.Sentence != modal.Sentence
                || verb.Kind != TokenKind.Word || NotAVerb.Contains(verb.Text) || TakesTime(tokens, k + 1) || Covered(cues, k, k + 2))
            {
                continue;
            }

            actions.Add(new StepAction(k, k + 2, Frame: false));
        }

        actions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return actions;
    }

    /// <summary>"I could walk you there on Wednesday", "we can look at it at 2": the learner's own offer plans an action; "you can" only permits.</summary>
    private static bool IsOwnOffer(Token[] tokens, int modal) =>
        tokens[modal].Text is "can" or "could" && modal > 0 && tokens[modal - 1].Text is "i" or "we" && tokens[modal - 1].Sentence == tokens[modal].Sentence
        && modal + 1 < tokens.Length && !NotAnOffer.Contains(tokens[modal + 1].Text);

    // After "I can": perceiving, coping or hedging, not an act ("I can hear you're upset", "we can cope", "I can only").
    private static readonly HashSet<string> NotAnOffer = new(StringComparer.Ordinal)
    {
        "hear", "see", "tell", "imagine", "understand", "cope", "only", "promise", "guarantee", "try", "assure", "appreciate", "relate",
    };

    /// <summary>True when a cue match already overlaps tokens [start, end).</summary>
    private static bool Covered(IReadOnlyList<CueMatch> cues, int start, int end)
    {
        for (var i = 0; i < cues.Count; i++)
        {
            if (cues[i].Start < end && cues[i].End > start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"should take up to 3 days", "will last a week", "will take a while": how long something takes, a timescale rather than a step.</summary>
    private static bool TakesTime(Token[] tokens, int verb)
    {
        if (tokens[verb].Text is not ("take" or "last"))
        {
            return false;
        }

        var next = verb + 1 < tokens.Length ? tokens[verb + 1] : default;
        var after = verb + 2 < tokens.Length ? tokens[verb + 2].Text : "";

        // "take a few days" / "take a while" is a timescale; "take a look tomorrow" is an action.
        return next.Text is null || next.Kind == TokenKind.Number || next.Text is "up" or "about" or "around" or "roughly" or "longer" or "ages"
            or "between" or "anything" or "time" or "days" or "weeks" or "several" or "some"
            || (next.Text is "a" or "an" && (after is "few" or "couple" or "while" or "bit" or "little" || Units.Contains(after)));
    }

    private static readonly HashSet<string> FutureModals = new(StringComparer.Ordinal) { "will", "shall", "should", "gonna" };

    // After a modal these are not the action: looking back ("should have"), a negation, the subject of a question ("shall we", "will you"),
    // or what something depends on or means.
    private static readonly HashSet<string> NotAVerb = new(StringComparer.Ordinal) { "have", "not", "i", "we", "you", "it", "they", "he", "she", "this", "that", "depend", "vary", "mean", "happen", "help" };

    /// <summary>The time words a next step can be anchored by.</summary>
    internal sealed record TimeWords(Lexicon Definite, Lexicon Vague, Lexicon Deadlines, Lexicon Numbers);

    /// <summary>Tokens [start, end) of the first definite (or, with <paramref name="definite"/> false, loose) time in tokens [from, to), or (-1, -1).</summary>
    internal static (int Start, int End) FindTime(Token[] tokens, int from, int to, TimeWords times, bool definite)
    {
        for (var k = from; k < to; k++)
        {
            var previous = k > 0 ? tokens[k - 1].Text : "";
            if (!definite)
            {
                var loose = times.Vague.MatchAt(tokens, k, to);
                if (loose > 0 && previous != "from")
                {
                    return (k, k + loose);
                }

                continue;
            }

            var deadline = times.Deadlines.MatchAt(tokens, k, to);
            if (deadline > 0)
            {
                return (k, k + deadline);
            }

            var length = times.Definite.MatchAt(tokens, k, to);
            if (length > 0 && !IsPast(tokens, k, k + length, previous) && !IsHabitual(tokens, k + length, to)
                && (!Units.Contains(tokens[k].Text) || IsDuration(tokens, k, times.Numbers)))
            {
                return (k, k + length);
            }

            if (IsClockOrDate(tokens[k].Text) ||
                (tokens[k].Kind == TokenKind.Number && k + 1 < to && tokens[k + 1].Text is "am" or "pm" or "ish" or "th" or "st" or "nd" or "rd") ||
                IsBareClock(tokens, k, to, previous))
            {
                return (k, k + 1);
            }
        }

        return (-1, -1);
    }

    /// <summary>"two weeks ago", "last Monday", "since Tuesday": when something happened, not when it will.</summary>
    private static bool IsPast(Token[] tokens, int start, int end, string previous) =>
        previous is "last" or "since" || (end < tokens.Length && tokens[end].Text == "ago") || AfterPastVerb(tokens, start);

    /// <summary>"delivered this morning", "it was sent today": a past event's time; "will be delivered today" is still ahead.</summary>
    private static bool AfterPastVerb(Token[] tokens, int start)
    {
        if (start == 0)
        {
            return false;
        }

        var verb = tokens[start - 1].Text;
        if (verb.Length < 5 || !verb.EndsWith("ed", StringComparison.Ordinal) || verb is "need" or "speed")
        {
            return false;
        }

        if (start >= 2 && tokens[start - 2].Text is "be" or "get" or "gets" or "being")
        {
            return false;
        }

        // "I'll get the label changed this morning", "we'll have it fixed today": a future causative, still ahead.
        for (var k = start - 2; k >= 0 && k >= start - 7 && tokens[k].Clause == tokens[start - 1].Clause; k--)
        {
            if (tokens[k].Text is "will" or "shall" or "gonna" || (tokens[k].Text == "going" && k + 1 < start && tokens[k + 1].Text == "to"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"on Friday afternoons", "Monday mornings": a routine, not a deadline.</summary>
    private static bool IsHabitual(Token[] tokens, int after, int to) =>
        after < to && tokens[after].Text is "mornings" or "afternoons" or "evenings" or "nights";

    /// <summary>A unit with a quantity: "within 48 hours", "in two days", "within a week" - not "a different day" or "a day's warning".</summary>
    private static bool IsDuration(Token[] tokens, int unit, Lexicon numbers)
    {
        if (unit == 0)
        {
            return false;
        }

        // "within 48 hours", "in two days", "in a week": a quantity headed by a time preposition ("for two minutes" is how long, not by when).
        var quantity = tokens[unit - 1];
        var counted = quantity.Kind == TokenKind.Number || numbers.Contains(quantity.Text) || Articles.Contains(quantity.Text);
        return counted && unit >= 2 && DurationHeads.Contains(tokens[unit - 2].Text);
    }

    /// <summary>"by 6", "before four", "at 10": an hour given as a bare number after a time preposition.</summary>
    private static bool IsBareClock(Token[] tokens, int k, int to, string previous)
    {
        var hour = 0;
        var isHour = (tokens[k].Kind == TokenKind.Number && int.TryParse(tokens[k].Text, out hour)) || HourWords.TryGetValue(tokens[k].Text, out hour);
        if (!isHour || !ClockHeads.Contains(previous) || hour is < 1 or > 12)
        {
            return false;
        }

        if (k + 1 >= to)
        {
            return true;
        }

        var next = tokens[k + 1].Text;
        return !Units.Contains(next) && !(next.Length > 3 && next.EndsWith('s'));
    }

    /// <summary>"3pm", "10am", "5ish", "14th", "15:30": a clock time or a day of the month.</summary>
    private static bool IsClockOrDate(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2 || digits == word.Length)
        {
            return word.Length is 4 or 5 && digits > 0 && word.Contains(':', StringComparison.Ordinal);
        }

        var suffix = word[digits..];
        return suffix is "am" or "pm" or "ish" or "th" or "st" or "nd" or "rd" or "h" || suffix.StartsWith(':');
    }
}
