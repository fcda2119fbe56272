using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Solution: the entry's cues (options, suggestions, "how about...") plus three structures:
/// (a) an offer frame ("I'll", "I can", "we could", "would you like") followed by a remedy ("a refund", "a replacement") or
///     a fix verb ("I'll rebook it", "I can freeze your card"); a remedy merely mentioned ("the refund was rejected") is not offered,
///     a frame negated right after it ("I won't be able to give you a refund") withdraws the offer, and "try" with no task of
///     its own after the frame ("we'll try our best", "I'll try harder") promises effort, not a fix;
/// (b) an imperative suggestion at the start of a sentence or clause ("just bring it back to the store", "try the neighbour");
/// (c) with a colleague or partner, a request for a concrete action ("could you leave a card through the door?");
/// (d) an action frame ("I can", "I'll", "you can", "would you like me to") followed by any verb that names an action of
///     its own ("I can take your last hour", "you can claim it back", "I'll walk you there"), unless the verb only finds
///     out, passes on, informs or promises (lexicon <c>not_fixes</c>): labellers credit a concrete act as a solution,
///     and such verbs are too many to list.
/// (e) an action frame followed by a causative have/get, an object and a participle ("I'll have it unblocked", "we can get
///     the bins emptied"), unless the participle only finds out or informs ("have it looked at", "get it checked").
/// (f) a present-perfect or present-progressive act by the learner ("I've taken it off the bill", "we've moved you to the
///     3pm", "I'm booking a surveyor"), unless the verb only finds out, informs, or names a mistake ("I've checked",
///     "I'm calling the depot", "we've missed it");
/// (g) with a colleague or partner, "could/can/would you" and any verb naming an act of its own ("could you send the black
///     ones first?", "could you do my Thursday late?"), unless it only finds out or informs ("can you send me the reference",
///     "could you check") or "do" has no task after it ("can you do it").
/// Sending or telling information ("I'll send you the order number") is information sharing, not a fix.
/// </summary>
internal sealed class SolutionRule : IMarkingPointRule
{
    public const double Offered = 1.0;
    public const double Suggested = 0.6;
    public const double Requested = 0.6;
    public const double OfferedAction = 0.6;

    private static readonly HashSet<string> Softeners = new(StringComparer.Ordinal) { "just", "maybe", "please", "so", "then", "okay", "right", "perhaps", "also", "simply" };
    private static readonly HashSet<string> ObjectStarts = new(StringComparer.Ordinal)
    {
        "it", "the", "a", "an", "your", "them", "this", "that", "these", "those", "her", "him", "my", "our", "their", "everything",
        "up", "back", "out", "off", "over", "in", "on", "round", "another", "some",
    };

    private static readonly HashSet<string> FrameFillers = new(StringComparer.Ordinal) { "just", "also", "now", "then", "personally", "gladly" };


    private static readonly HashSet<string> TaskDeterminers = new(StringComparer.Ordinal)
    {
        "my", "your", "his", "her", "their", "our", "the", "those", "these", "a", "an", "some", "another", "extra", "two", "three", "four", "five", "ten",
    };

    private static readonly HashSet<string> Requesters = new(StringComparer.Ordinal) { "could", "can", "would", "will" };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var pipeline = input.Catalogue.Pipeline;
        var frames = pipeline.Lexicon("offer_frames");
        var remedies = pipeline.Lexicon("remedy_nouns");
        var fixes = pipeline.Lexicon("fix_verbs");
        var information = pipeline.Lexicon("info_objects");
        var chain = pipeline.Lexicon("chain_people");
        var chainContext = input.Context is ContextKind.Colleague or ContextKind.Partner;
        var findings = new List<Finding>();
        foreach (var match in input.Effective(point.Id))
        {
            findings.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "offered a solution:"));
        }

        foreach (var sentence in input.Reply.Sentences)
        {
            var frameAt = -1;
            var frameEnd = -1;
            for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
            {
                var token = tokens[k];
                if (token.Quoted)
                {
                    continue;
                }

                var frame = token.Negated ? 0 : frames.MatchAt(tokens, k, sentence.EndToken);
                if (frame > 0 && k + frame < sentence.EndToken && tokens[k + frame].Text is "not" or "never")
                {
                    // "I won't be able to give you a refund", "we can't offer": a negated frame withdraws the offer.
                    (frameAt, frameEnd) = (-1, -1);
                    k += frame - 1;
                    continue;
                }

                if (frame > 0)
                {
                    (frameAt, frameEnd) = (k, k + frame);
                    k += frame - 1;
                    continue;
                }

                if (token.Negated)
                {
                    continue;
                }

                var remedy = remedies.MatchAt(tokens, k, sentence.EndToken);
                if (remedy > 0 && frameAt >= 0)
                {
                    findings.Add(new Finding(Offered, input.Span(frameAt, k + remedy), "offered a remedy:"));
                    break;
                }

                var fix = fixes.MatchAt(tokens, k, sentence.EndToken);
                if (fix == 0 || PassesInformation(tokens, k + fix, sentence.EndToken, information, chain) || IsLeaveItWithMe(tokens, k + fix, sentence.EndToken))
                {
                    continue;
                }

                if (frameEnd >= 0 && k - frameEnd <= 2 && !IsEffortPromise(tokens, k, fix, sentence.EndToken))
                {
                    findings.Add(new Finding(Offered, input.Span(frameAt, k + fix), "offered a fix:"));
                    break;
                }

                if (IsImperative(tokens, sentence, k) && HasObject(tokens, k + fix, sentence.EndToken))
                {
                    findings.Add(new Finding(Suggested, input.Span(k, Math.Min(sentence.EndToken, k + fix + 3)), "suggested a fix:"));
                    break;
                }

                if (chainContext && IsRequest(tokens, sentence, k))
                {
                    findings.Add(new Finding(Requested, input.Span(k, Math.Min(sentence.EndToken, k + fix + 3)), "asked for a concrete action:"));
                    break;
                }
            }
        }

        if (findings.All(f => f.Strength < Verdict.Threshold))
        {
            AddOfferedAction(input, information, chain, findings);
        }

        if (findings.All(f => f.Strength < Verdict.Threshold))
        {
            AddActDone(input, information, chain, findings);
        }

        if (chainContext && findings.All(f => f.Strength < Verdict.Threshold))
        {
            AddRequestedAct(input, information, chain, findings);
        }

        return Verdict.From(point, findings);
    }

    /// <summary>Shape (d): an action frame and the verb after it, when that verb names an act rather than finding out or informing.</summary>
    private static void AddOfferedAction(RuleInput input, Lexicon information, Lexicon chain, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var frames = input.Catalogue.Pipeline.Lexicon("action_frames");
        var notFixes = input.Catalogue.Pipeline.Lexicon("not_fixes");
        var participles = input.Catalogue.Pipeline.Lexicon("irregular_participles");
        foreach (var sentence in input.Reply.Sentences)
        {
            for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
            {
                if (tokens[k].Quoted || tokens[k].Negated)
                {
                    continue;
                }

                var frame = frames.MatchAt(tokens, k, sentence.EndToken);
                if (frame == 0)
                {
                    continue;
                }

                var verb = k + frame;
                while (verb < sentence.EndToken && FrameFillers.Contains(tokens[verb].Text))
                {
                    verb++;
                }

                if (verb < sentence.EndToken && !tokens[verb].Negated && Causative(tokens, verb, sentence.EndToken, participles, notFixes) is var done and > 0)
                {
                    findings.Add(new Finding(OfferedAction, input.Span(k, done), "offered to have it done:"));
                    return;
                }

                if (verb < sentence.EndToken && !tokens[verb].Negated && IsWord(tokens[verb].Text)
                    && notFixes.MatchAt(tokens, verb, sentence.EndToken) == 0
                    && !PassesInformation(tokens, verb + 1, sentence.EndToken, information, chain)
                    && !IsLeaveItWithMe(tokens, verb + 1, sentence.EndToken)
                    && !IsTakingItToSomeone(tokens, verb, sentence.EndToken))
                {
                    findings.Add(new Finding(OfferedAction, input.Span(k, Math.Min(sentence.EndToken, verb + 3)), "offered to act:"));
                    return;
                }

                k += frame - 1;
            }
        }
    }

    /// <summary>
    /// Shape (g): with a colleague or partner, "could you / can you / would you" and any verb that names an act of its own
    /// ("could you send the black ones first?", "can you keep the stock back till Friday?"), unless the verb only finds out,
    /// informs or passes on ("can you check", "could you let me know", "can you send me the reference"). "do" counts when a
    /// task follows it ("could you do my Thursday late?"), not in "can you do it".
    /// </summary>
    private static void AddRequestedAct(RuleInput input, Lexicon information, Lexicon chain, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var notFixes = input.Catalogue.Pipeline.Lexicon("not_fixes");
        foreach (var sentence in input.Reply.Sentences)
        {
            for (var verb = sentence.FirstToken + 2; verb < sentence.EndToken; verb++)
            {
                if (tokens[verb].Quoted || tokens[verb].Negated || !IsWord(tokens[verb].Text) || tokens[verb].Text.EndsWith("ly", StringComparison.Ordinal)
                    || !IsRequest(tokens, sentence, verb)
                    || (notFixes.MatchAt(tokens, verb, sentence.EndToken) > 0 && !DoesATask(tokens, verb, sentence.EndToken))
                    || PassesInformation(tokens, verb + 1, sentence.EndToken, information, chain)
                    || (verb + 1 < sentence.EndToken && tokens[verb + 1].Text is "me" or "us")
                    || IsTakingItToSomeone(tokens, verb, sentence.EndToken))
                {
                    continue;
                }

                findings.Add(new Finding(Requested, input.Span(verb - 2, Math.Min(sentence.EndToken, verb + 3)), "asked for a concrete action:"));
                return;
            }
        }
    }

    /// <summary>
    /// Shape (f): a present-perfect act by the learner ("I've taken it off the bill", "we've moved you to the 3pm", "I've just
    /// cleared the fine"): the fix is already done. Participles that only find out, inform or pass on ("I've checked",
    /// "I've told them", "we've logged it") and ones that name no act ("I've had", "I've done four lates") are not a fix.
    /// </summary>
    private static void AddActDone(RuleInput input, Lexicon information, Lexicon chain, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var notFixes = input.Catalogue.Pipeline.Lexicon("not_fixes");
        var participles = input.Catalogue.Pipeline.Lexicon("irregular_participles");
        var noAct = input.Catalogue.Pipeline.Lexicon("no_act_participles");
        foreach (var sentence in input.Reply.Sentences)
        {
            for (var k = sentence.FirstToken; k + 2 < sentence.EndToken; k++)
            {
                var aux = tokens[k + 1].Text;
                if (tokens[k].Quoted || tokens[k + 1].Negated || !(tokens[k].Text == "i" ? aux is "have" or "am" : tokens[k].Text == "we" && aux is "have" or "are"))
                {
                    continue;
                }

                var verb = k + 2;
                while (verb < sentence.EndToken && (FrameFillers.Contains(tokens[verb].Text) || tokens[verb].Text == "already"))
                {
                    verb++;
                }

                if (verb >= sentence.EndToken || tokens[verb].Negated)
                {
                    continue;
                }

                var word = tokens[verb].Text;
                var participle = aux == "have"
                    ? participles.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
                    : word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal) && word != "going";
                if (!participle || noAct.Contains(word) || IsBaseNotAFix(word, notFixes) || PassesInformation(tokens, verb + 1, sentence.EndToken, information, chain)
                    || IsTakingItToSomeone(tokens, verb, sentence.EndToken)
                    || !(HasObject(tokens, verb + 1, sentence.EndToken) || (verb + 1 < sentence.EndToken && tokens[verb + 1].Text == "you")))
                {
                    continue;
                }

                findings.Add(new Finding(OfferedAction, input.Span(k, Math.Min(sentence.EndToken, verb + 3)), "has already acted:"));
                return;
            }
        }
    }

    /// <summary>
    /// "I'll have it unblocked", "I can get your car collected", "we'll get it put on tomorrow's van": have/get, an object
    /// and a participle naming the act someone will carry out. Participles of finding out or informing ("get it checked",
    /// "have it looked at") are not a fix. Returns the end of the participle, or 0.
    /// </summary>
    private static int Causative(Token[] tokens, int verb, int end, Lexicon participles, Lexicon notFixes)
    {
        if (tokens[verb].Text is not ("have" or "get") || verb + 2 >= end || !ObjectStarts.Contains(tokens[verb + 1].Text)
            || tokens[verb + 1].Text is "up" or "back" or "out" or "off" or "over" or "in" or "on" or "round")
        {
            return 0;
        }

        for (var k = verb + 2; k < Math.Min(end, verb + 5); k++)
        {
            var word = tokens[k].Text;
            var participle = participles.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal));
            if (!participle)
            {
                continue;
            }

            if (tokens[k].Negated || word is "seen" or "involved" or "interested" or "worried" || IsBaseNotAFix(word, notFixes))
            {
                return 0;
            }

            return k + 1;
        }

        return 0;
    }

    /// <summary>"checked", "looked", "updated", "logged": the participle of a verb that finds out or informs.</summary>
    private static bool IsBaseNotAFix(string participle, Lexicon notFixes)
    {
        var suffix = participle.EndsWith("ed", StringComparison.Ordinal) ? 2 : participle.EndsWith("ing", StringComparison.Ordinal) ? 3 : 0;
        if (suffix == 0)
        {
            return false;
        }

        var stem = participle[..^suffix];
        string[] bases = [stem, stem + "e", stem.Length > 2 && stem[^1] == stem[^2] ? stem[..^1] : stem, stem.EndsWith('i') ? stem[..^1] + "y" : stem];
        return bases.Any(b => notFixes.Contains(b));
    }

    /// <summary>"I'll take your comments to the team meeting", "bring it to Thursday's huddle": passing something on, not a fix.</summary>
    private static bool IsTakingItToSomeone(Token[] tokens, int verb, int end)
    {
        if (tokens[verb].Text is not ("take" or "bring"))
        {
            return false;
        }

        for (var k = verb + 1; k < Math.Min(end, verb + 5); k++)
        {
            if (tokens[k].Text == "to")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "could you do my Thursday late", "can you do those three first", "could you do 10 extra": "do" with a determiner or a
    /// number after it names a task; "do it", "do that" or "do anything" name none.
    /// </summary>
    private static bool DoesATask(Token[] tokens, int verb, int end)
    {
        if (tokens[verb].Text != "do" || verb + 1 >= end)
        {
            return false;
        }

        var next = verb + 1 < end - 1 && tokens[verb + 1].Text == "just" ? verb + 2 : verb + 1;
        var word = tokens[next].Text;
        return TaskDeterminers.Contains(word) || (word.Length > 0 && char.IsDigit(word[0]));
    }

    /// <summary>
    /// "I'll try", "we'll try our best", "I'll try harder": after the learner's own frame, "try" with no task of its own
    /// promises effort, not a fix ("we could try the Leeds depot" and "I'll try to rebook" still count).
    /// </summary>
    private static bool IsEffortPromise(Token[] tokens, int at, int length, int end) =>
        length == 1 && tokens[at].Text == "try"
        && (at + 1 >= end || tokens[at + 1].Text is "my" or "our" or "harder" or "and" || (tokens[at + 1].Text == "to" && at + 2 < end && tokens[at + 2].Text == "be"));

    private static bool IsWord(string text) => text.Length > 1 && text.All(char.IsLetter);

    /// <summary>"send you the order number", "update the customer": the object is information or a person to inform.</summary>
    private static bool PassesInformation(Token[] tokens, int from, int end, Lexicon information, Lexicon chain)
    {
        var to = Math.Min(end, from + 5);
        for (var k = from; k < to; k++)
        {
            if (information.MatchAt(tokens, k, to) > 0)
            {
                return true;
            }
        }

        return from < end && (chain.MatchAt(tokens, from, end) > 0 || (from + 1 < end && tokens[from].Text == "the" && chain.MatchAt(tokens, from + 1, end) > 0));
    }

    /// <summary>
    /// An imperative needs its object or particle right after it ("bring it back", "restart the router", "try unplugging it");
    /// otherwise the word is probably a noun ("refund agreed", "order 88213").
    /// </summary>
    private static bool HasObject(Token[] tokens, int after, int end) =>
        after < end && (ObjectStarts.Contains(tokens[after].Text) || (tokens[after - 1].Text == "try" && tokens[after].Text.EndsWith("ing", StringComparison.Ordinal)));

    /// <summary>"leave it with me": taking the problem on (ownership), not a fix.</summary>
    private static bool IsLeaveItWithMe(Token[] tokens, int from, int end) =>
        from + 2 < end && tokens[from].Text is "it" or "this" or "that" && tokens[from + 1].Text == "with" && tokens[from + 2].Text is "me" or "us";

    /// <summary>A verb opening its sentence or clause, perhaps after "just", "maybe", "please": "just bring it back", "If not, take it back".</summary>
    private static bool IsImperative(Token[] tokens, SentenceInfo sentence, int verb)
    {
        var k = verb;
        while (k > sentence.FirstToken && Softeners.Contains(tokens[k - 1].Text) && tokens[k - 1].Clause == tokens[verb].Clause)
        {
            k--;
        }

        return k == sentence.FirstToken || tokens[k - 1].Clause != tokens[k].Clause;
    }

    /// <summary>"could you leave a card", "can you maybe flag it": asking the other person for a concrete action.</summary>
    private static bool IsRequest(Token[] tokens, SentenceInfo sentence, int verb)
    {
        var k = verb - 1;
        while (k > sentence.FirstToken && Softeners.Contains(tokens[k].Text))
        {
            k--;
        }

        return k > sentence.FirstToken && tokens[k].Text == "you" && Requesters.Contains(tokens[k - 1].Text);
    }
}
