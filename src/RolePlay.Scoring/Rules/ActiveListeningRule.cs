using System.Collections.Frozen;
using System.Runtime.CompilerServices;

using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Active listening, from three kinds of evidence: open or clarifying questions (with or without '?'); a paraphrase
/// frame ("so you're saying", "you mentioned") whose words overlap what the other person actually said; and naming a
/// feeling, credited most when it is the feeling they expressed; the feeling must belong to the nearest subject before
/// it ("you said she was upset" hands it to someone else) and "that sounds frustrating" judges the situation. Overlap
/// with their words tolerates inflection ("no call back" echoes "nobody called me back"). A question may follow a
/// statement or proposal in an earlier clause ("let's start again - what's gone wrong?"); a blame cue in a reply that
/// apologises or owns the problem does not make it hostile. A fix put as a question ("have you spoken to your
/// manager?"), a check on whether they did an act ("did you keep the box?"; "did you feel / notice ...", "have you been
/// ..." still ask what they went through), an offer ("do you want me to ...?"), a request for an alternative ("is there
/// another room ...?", "... instead?"), a closed question carrying a request ("is there a sheet you could send me?",
/// "..., or can you hire one?") and a challenge ("why would you say that?") are not listening, and "you're right, ..."
/// concedes a point rather than restating it. A summing-up "so" opens its sentence (a "so" after a clause of the
/// reply's own gives a result: "I'll ring them, so the gate's shut").
/// </summary>
internal sealed class ActiveListeningRule : IMarkingPointRule
{
    public const double OpenQuestion = 0.9;
    public const double Request = 0.85;
    public const double ClosedQuestion = 0.7;
    public const double BareQuestion = 0.45;
    public const double AccusingQuestion = 0.2;
    public const double DetailRequest = 0.4;
    public const double Summary = 0.6;
    private const string DetailWhat = "asked for a detail:";

    private static readonly HashSet<string> LeadIns = new(StringComparer.Ordinal)
    {
        "so", "and", "okay", "right", "well", "oh", "hi", "hello", "sorry", "also", "just", "but", "then", "now", "first",
        "firstly", "great", "thanks", "thank", "you", "alright", "sure", "yes", "no", "ah", "hmm", "um", "er", "please",
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "you", "i", "we", "it", "this", "that", "there", "they", "he", "she", "the", "your", "anyone", "anything", "someone",
    };

    // "Is it...?", "Did you...?" ask for information; "Could you...?", "Would you...?" usually ask for an action.
    private static readonly HashSet<string> InformationAuxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "do", "does", "did", "have", "has", "had",
    };

    private static readonly string[] HostileIds = ["aggression", "dismissive", "blame"];

    private static readonly string[] FeelingFamilies =
        ["feeling_anger", "feeling_frustration", "feeling_sadness", "feeling_worry", "feeling_confusion", "feeling_neglect"];

    private static readonly HashSet<string> ReflectionLeads = new(StringComparer.Ordinal)
    {
        "you", "your", "sounds", "sound", "seem", "seems", "feel", "feeling", "felt",
    };

    // Subjects other than the listener's "you": a feeling predicated of one of them is not theirs.
    private static readonly HashSet<string> OtherOwners = new(StringComparer.Ordinal)
    {
        "i", "we", "she", "he", "they", "it", "that", "this", "which", "who",
    };

    // "I understand you're worried" and "that must be frustrating" acknowledge a feeling (empathy); reflecting it back
    // means handing it to them tentatively ("it sounds like you're...", "you seem...", "so you're feeling...").
    private static readonly HashSet<string> EmpathyFrameVerbs = new(StringComparer.Ordinal)
    {
        "understand", "know", "see", "get", "appreciate", "realise", "imagine", "hear", "sorry", "must",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var findings = new List<Finding>();
        string? whyNot = null;
        // A blame cue in a reply that apologises or owns the problem names a cause, not a culprit (as the blame rule judges
        // it), unless it calls them a fault word: "so you put it in the drop box... I'll check myself" still listens.
        var blamed = HostileBlame(input);
        var hostile = blamed || HostileIds.Where(id => id != "blame").Any(id => input.Effective(id).Any(m => m.Cue.Tier == CueTier.Strong));
        // A paraphrase restates their facts whatever else the reply does; only aggression or blame, or a dismissive phrase in
        // the same sentence ("so you want it today, whatever"), make one a jibe. Questions and named feelings in a dismissive
        // reply stay uncredited: they are usually rhetorical ("lots of people shout. Anything else?").
        var paraphraseHostile = blamed || input.Effective("aggression").Any(m => m.Cue.Tier == CueTier.Strong);
        var dismissed = input.Effective("dismissive").Where(m => m.Cue.Tier == CueTier.Strong).Select(m => input.Reply.Tokens[m.Start].Sentence).ToHashSet();
        var frames = Paraphrases(point, input, findings, paraphraseHostile, dismissed);
        if (frames > 0 && findings.Count == 0)
        {
            whyNot = "Not credited: the paraphrase does not reflect anything the other person said.";
        }

        // Hostile replies ("you're always late, we're sick of it") name feelings and ask rhetorical questions; neither is listening.
        if (!hostile)
        {
            Reflections(input, findings);
            Questions(input, findings);
            OpeningSummary(input, findings);
        }

        var kept = findings.Where(f => f.Strength > AccusingQuestion).ToList();
        if (kept.Count == 0 && findings.Count > 0)
        {
            whyNot = "Not credited: the question sounds accusing rather than curious.";
        }
        else if (kept.Count > 0 && kept.All(f => f.What == DetailWhat))
        {
            whyNot = $"Not credited: you only asked for a detail to act on (\"{kept[0].Span.Quote}\"); ask about what happened or how it affects them.";
        }

        return Verdict.From(point, kept, whyNot);
    }

    private static bool HostileBlame(RuleInput input) =>
        input.Effective("blame").Any(m => m.Cue.Tier == CueTier.Strong && BlameRule.StandsAsBlame(input, m));

    /// <summary>
    /// Paraphrase and summary frames, credited by overlap with the other person's content words: an explicit frame
    /// (strong cue: "to recap", "it sounds like") counts alone and more with overlap; a bare opener (weak cue: "so you",
    /// "you said") counts only when it echoes at least two of their words. Returns how many frames were seen.
    /// </summary>
    private static int Paraphrases(MarkingPointDefinition point, RuleInput input, List<Finding> findings, bool hostile, HashSet<int> dismissed)
    {
        var tokens = input.Reply.Tokens;
        var frames = input.Effective(point.Id);
        foreach (var frame in frames)
        {
            var sentence = input.Reply.SentenceOf(frame.Start);
            var explicitFrame = frame.Cue.Tier == CueTier.Strong;
            if (!explicitFrame && (hostile || dismissed.Contains(tokens[frame.Start].Sentence) || AfterEmpathyFrame(tokens, sentence.FirstToken, frame.Start)
                || ResultSo(tokens, sentence.FirstToken, frame.Start)))
            {
                continue;
            }

            if (!input.HasOther)
            {
                findings.Add(new Finding(explicitFrame ? 0.6 : 0.4, input.Span(frame.Start, sentence.EndToken), "a paraphrase (no persona line to compare)"));
                continue;
            }

            var overlap = new HashSet<string>(StringComparer.Ordinal);
            var lastOverlap = frame.End;
            var stems = input.ReplyStems;
            for (var k = frame.Start; k < sentence.EndToken; k++)
            {
                if (stems[k] is { } stem && TheyUsed(input, k, stem))
                {
                    overlap.Add(stem);
                    lastOverlap = Math.Max(lastOverlap, k + 1);
                }
            }

            var strength = (explicitFrame, overlap.Count) switch
            {
                (true, 0) => 0.6,
                (true, 1) => 0.8,
                (true, _) => 1.0,
                (false, < 2) => 0,
                (false, 2) => 0.8,
                _ => 1.0,
            };
            if (strength > 0)
            {
                findings.Add(new Finding(strength, input.Span(frame.Start, lastOverlap), "paraphrased what they said:"));
            }
        }

        return frames.Count;
    }

    /// <summary>
    /// "..., so it needs to go to the data officer", "I'll ring them so the gate's shut": a "so" after a clause of the reply's
    /// own gives a result or purpose; a summing-up "so" opens the sentence (after "right,", "ok", "oh").
    /// </summary>
    private static bool ResultSo(Token[] tokens, int sentenceStart, int frameStart)
    {
        if (tokens[frameStart].Text != "so")
        {
            return false;
        }

        for (var k = sentenceStart; k < frameStart; k++)
        {
            if (!LeadIns.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Rent due Monday and no loan yet - ...", "Four months with no call back while you're caring every day - ...": the
    /// reply opens with a short summary of their situation in their own terms, set off by a dash.
    /// </summary>
    private static void OpeningSummary(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        if (!input.HasOther || tokens.Length < 4)
        {
            return;
        }

        // The words before the first dash of the first sentence ("and" inside them does not end the summary).
        var end = 0;
        while (end < tokens.Length && tokens[end].Sentence == tokens[0].Sentence && !FollowedByDash(input.Reply.Source, tokens[end].End))
        {
            end++;
        }

        end++;

        // "Please don't leave it by the bins - ..." asks; it does not sum up.
        if (end < 3 || end > 14 || end >= tokens.Length || tokens[end].Sentence != tokens[0].Sentence
            || tokens[0].Text is "please" or "do" or "just" or "can" or "could")
        {
            return;
        }

        var overlap = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < end; k++)
        {
            if (tokens[k].Text is "i" or "we" or "me" or "my" or "our" or "us" or "sorry" or "please")
            {
                return;
            }

            if (input.ReplyStems[k] is { } stem && TheyUsed(input, k, stem))
            {
                overlap.Add(stem);
            }
        }

        if (overlap.Count >= 3)
        {
            findings.Add(new Finding(Summary, input.Span(0, end), "summed up their situation:"));
        }
    }

    /// <summary>
    /// The reply's content word at <paramref name="k"/> was in what they said: the same five-letter stem, or the same root
    /// once an inflection is taken off ("called back" echoes "call back", "charged" echoes "charge", "waiting" echoes "waited").
    /// </summary>
    private static bool TheyUsed(RuleInput input, int k, string stem)
    {
        if (input.OtherStems.Contains(stem))
        {
            return true;
        }

        if (!input.Cache.TryGetValue("active_listening.roots", out var cached))
        {
            cached = input.Other.Tokens.Where(input.IsContent).Select(t => Root(t.Text)).ToHashSet(StringComparer.Ordinal);
            input.Cache["active_listening.roots"] = cached;
        }

        return ((HashSet<string>)cached).Contains(Root(input.Reply.Tokens[k].Text));
    }

    private static readonly string[] Inflections = ["ing", "ed", "es", "er", "s"];

    /// <summary>The word without one inflection (kept at three letters or more), cut to five letters.</summary>
    internal static string Root(string word)
    {
        foreach (var ending in Inflections)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                word = word[..^ending.Length];
                break;
            }
        }

        return word.Length <= 5 ? word : word[..5];
    }

    private static bool FollowedByDash(string source, int from)
    {
        var i = from;
        while (i < source.Length && source[i] == ' ')
        {
            i++;
        }

        return i < source.Length && source[i] is '-' or '\u2013' or '\u2014';
    }

    // Words any feeling entry starts with, per catalogue: one look-up per token decides whether a feeling can start there.
    private static readonly ConditionalWeakTable<CompiledCatalogue, FrozenSet<string>> FeelingStarts = [];

    private static FrozenSet<string> FeelingStartWords(CompiledCatalogue catalogue) =>
        FeelingStarts.GetValue(catalogue, static c => FeelingFamilies.SelectMany(f => c.Pipeline.Lexicon(f).FirstWords).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Naming a feeling in a "you ..." or "that sounds ..." frame; strongest when it is the feeling they expressed.</summary>
    private static void Reflections(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var pipeline = input.Catalogue.Pipeline;
        var starts = FeelingStartWords(input.Catalogue);
        HashSet<string>? expressed = null;
        for (var start = 0; start < tokens.Length; start++)
        {
            if (!starts.Contains(tokens[start].Text) || tokens[start].Negated)
            {
                continue;
            }

            foreach (var family in FeelingFamilies)
            {
                var length = pipeline.Lexicon(family).MatchAt(tokens, start, tokens.Length);
                if (length == 0)
                {
                    continue;
                }

                var sentence = input.Reply.SentenceOf(start);
                // The feeling belongs to the nearest subject before it: "you said she was upset", "your ex, that's worrying
                // you", "your family - they'd be devastated" hand it to someone else; "that sounds frustrating" judges the
                // situation (empathy) rather than handing the feeling back to them.
                var lead = -1;
                for (var k = start - 1; k >= Math.Max(sentence.FirstToken, start - 6) && lead < 0; k--)
                {
                    if (ReflectionLeads.Contains(tokens[k].Text))
                    {
                        lead = k;
                    }
                    else if (OtherOwners.Contains(tokens[k].Text))
                    {
                        break;
                    }
                }

                if (lead < 0 || (tokens[lead].Text is "feel" or "feeling" or "felt" && lead > 0 && tokens[lead - 1].Text == "i")
                    || (tokens[lead].Text is "sounds" or "seems" && lead > sentence.FirstToken && OtherOwners.Contains(tokens[lead - 1].Text))
                    || (tokens[lead].Text is "you" or "your" && AfterEmpathyFrame(tokens, sentence.FirstToken, lead))
                    || IsCondition(tokens, sentence.FirstToken, lead))
                {
                    continue;
                }

                expressed ??= ExpressedFamilies(input);
                var strength = !input.HasOther ? 0.6 : expressed.Contains(family) ? 1.0 : expressed.Count > 0 ? 0.7 : 0.55;
                findings.Add(new Finding(strength, input.Span(lead, start + length), "reflected their feeling:"));
            }
        }
    }

    /// <summary>"If you're worried, ...", "sorry if you're disappointed": a feeling supposed, not one reflected back.</summary>
    private static bool IsCondition(Token[] tokens, int sentenceStart, int lead) =>
        (lead > sentenceStart && tokens[lead - 1].Text == "if") || (lead - 1 > sentenceStart && tokens[lead - 2].Text == "if" && tokens[lead - 1].Text is "you" or "your");

    private static bool AfterEmpathyFrame(Token[] tokens, int sentenceStart, int lead)
    {
        for (var k = Math.Max(sentenceStart, lead - 3); k < lead; k++)
        {
            if (EmpathyFrameVerbs.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> ExpressedFamilies(RuleInput input)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var tokens = input.Other.Tokens;
        var starts = FeelingStartWords(input.Catalogue);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!starts.Contains(tokens[i].Text))
            {
                continue;
            }

            foreach (var family in FeelingFamilies)
            {
                if (input.Catalogue.Pipeline.Lexicon(family).MatchAt(tokens, i, tokens.Length) > 0)
                {
                    result.Add(family);
                }
            }
        }

        // Shouting or a volley of exclamation marks is anger even when no feeling word is used.
        if (input.Other.Sentences.Any(s => s.Exclamations >= 2) || (input.Other.Letters >= 12 && input.Other.UpperLetters * 10 >= input.Other.Letters * 6))
        {
            result.Add("feeling_anger");
            result.Add("feeling_frustration");
        }

        return result;
    }

    /// <summary>Open and clarifying questions, with or without a question mark.</summary>
    private static void Questions(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var pipeline = input.Catalogue.Pipeline;
        var questionWords = pipeline.Lexicon("question_words");
        var auxiliaries = pipeline.Lexicon("question_aux");
        var requests = pipeline.Lexicon("question_requests");
        var details = pipeline.Lexicon("asked_details");
        // A question that checks agreement is check_understanding; one opened by a proposal ("have you tried",
        // "shall we") is a solution; hostile replies ask rhetorical questions.
        var excluded = input.Effective("check_understanding").Where(m => m.Cue.Tier == CueTier.Strong).ToList();
        var proposals = input.Effective("solution").Concat(input.Effective("collaboration")).Where(m => m.Cue.Tier == CueTier.Strong).ToList();

        foreach (var sentence in input.Reply.Sentences)
        {
            if (excluded.Any(m => m.Start >= sentence.FirstToken && m.Start < sentence.EndToken))
            {
                continue;
            }

            var first = sentence.FirstToken;
            var questionClause = sentence.FirstToken;
            // "you" is a lead-in only in "thank you"; "you did the right thing" is a statement, not "did ...?".
            while (first < sentence.EndToken - 1 && LeadIns.Contains(tokens[first].Text)
                && !(tokens[first].Text == "you" && (sentence.QuestionMark || first == sentence.FirstToken || tokens[first - 1].Text != "thank")))
            {
                first++;
            }

            // "The photo shows a red door - is that yours?": the question is a later clause, after a statement; the latest
            // clause that opens like a question is taken ("let's go step by step - is it not turning on, or stuck?").
            if (sentence.QuestionMark && !questionWords.Contains(tokens[first].Text) && !InformationAuxiliaries.Contains(tokens[first].Text))
            {
                for (var last = sentence.EndToken - 1; last > first; last--)
                {
                    if (tokens[last - 1].Clause != tokens[last].Clause && last + 1 < sentence.EndToken
                        && (questionWords.Contains(tokens[last].Text) || InformationAuxiliaries.Contains(tokens[last].Text)))
                    {
                        first = last;
                        questionClause = last;
                        break;
                    }
                }
            }

            // "Maybe just send her a message?", "perhaps try the side door?": a suggestion, not a question about them.
            if (tokens[first].Text is "maybe" or "perhaps")
            {
                continue;
            }

            // "What would help?" asks for their view; "what about...", "how about..." propose. A proposal in an earlier clause
            // ("let's start again - what's gone wrong?", "I can refund or swap it, which suits you?") leaves the question open.
            if (proposals.Any(m => m.Start >= questionClause && m.Start <= first + 1 && !AsksTheirView(tokens, m)))
            {
                continue;
            }

            // "Have you tried another browser?", "did you check next door?": a fix put as a question, not about their situation.
            if (SuggestsAFix(tokens, sentence, first))
            {
                continue;
            }

            // "Did you keep the packaging?", "have you paid the renewal?": whether they did an act; one that names a detail
            // ("have you got the receipt?") is left to the detail check below, which explains why it is not credited.
            if (ChecksAnAct(tokens, sentence, first) && !AsksOnlyForADetail(tokens, sentence, first, details))
            {
                continue;
            }

            // "What happened is...", "What I'll do is..." (no question mark): a statement built on a wh- clause.
            if (!sentence.QuestionMark && PseudoCleft(tokens, first, sentence.EndToken))
            {
                continue;
            }

            var strength = 0.0;
            var what = "asked";
            var startsWithQuestionWord = questionWords.Contains(tokens[first].Text);
            var second = first + 1 < sentence.EndToken ? tokens[first + 1].Text : "";
            // Without a question mark a request must open the sentence: "...with the order number, what's happened and
            // what I've offered" mentions what happened but asks nothing.
            var hasRequest = sentence.QuestionMark
                ? requests.FindAll(tokens, sentence.FirstToken, sentence.EndToken).Any()
                : OpensWith(requests, tokens, sentence.FirstToken, first + 2, sentence.EndToken);
            if (hasRequest)
            {
                strength = Request;
                what = "asked them to tell you more:";
            }
            else if (startsWithQuestionWord && (sentence.QuestionMark || auxiliaries.Contains(second)))
            {
                strength = OpenQuestion;
                what = "asked an open question:";
            }
            else if (InformationAuxiliaries.Contains(tokens[first].Text) && Subjects.Contains(second) && sentence.TokenCount >= 3
                && !(second == "you" && tokens[first + 2].Text == "sure") && !OffersOrSeeksAnAlternative(tokens, sentence, first)
                && !AsksThemToAct(tokens, sentence, first))
            {
                strength = ClosedQuestion;
                what = "asked a clarifying question:";
            }
            else if (sentence.QuestionMark && sentence.TokenCount >= 2 && !auxiliaries.Contains(tokens[first].Text) && !AsksForAnAct(tokens, sentence))
            {
                strength = BareQuestion;
                what = "asked a question:";
            }

            if (strength == 0)
            {
                continue;
            }

            // "What's your username?", "Have you got the receipt?": asking for a detail to act on, not about their situation.
            if (AsksOnlyForADetail(tokens, sentence, first, details))
            {
                strength = Math.Min(strength, DetailRequest);
                what = DetailWhat;
            }

            // "Why didn't you ...?" accuses rather than asks; so does a modal "why would/should you ...?", which asks what
            // could justify it, not what happened.
            if (tokens[first].Text == "why" && (HasNegatedYou(tokens, sentence) || ChallengesWhy(tokens, sentence, first)))
            {
                strength = AccusingQuestion;
            }

            findings.Add(new Finding(strength, input.Span(sentence.FirstToken, sentence.EndToken), what));
        }
    }

    private static readonly HashSet<string> DetailAskers = new(StringComparer.Ordinal)
    {
        "what", "which", "have", "has", "do", "does", "did", "is", "can", "could", "would", "may", "got", "any", "send", "give",
    };

    private static readonly HashSet<string> ActModals = new(StringComparer.Ordinal) { "can", "could", "would", "will", "shall" };
    private static readonly HashSet<string> Actors = new(StringComparer.Ordinal) { "you", "we", "i", "the", "he", "she", "they", "someone" };

    /// <summary>
    /// "I can swap if you take my Thursday?", "...could you check the driver's GPS?", "want me to sit with you?": a question
    /// that proposes or requests an act, not one about the person's situation; "Got it?" checks compliance.
    /// </summary>
    private static bool AsksForAnAct(Token[] tokens, SentenceInfo sentence)
    {
        for (var k = sentence.FirstToken; k + 1 < sentence.EndToken; k++)
        {
            if ((ActModals.Contains(tokens[k].Text) && Actors.Contains(tokens[k + 1].Text))
                || (tokens[k].Text == "want" && tokens[k + 1].Text == "me") || (tokens[k].Text is "i" or "we" && tokens[k + 1].Text is "can" or "could")
                || (k == sentence.FirstToken && tokens[k].Text == "want" && tokens[k + 1].Text == "to"))
            {
                return true;
            }
        }

        return sentence.TokenCount == 2 && tokens[sentence.FirstToken].Text == "got" && tokens[sentence.FirstToken + 1].Text == "it";
    }

    /// <summary>
    /// A question whose object, near its start, is a detail to act on (a number, a receipt, a date) and that asks nothing
    /// about what happened or how they feel.
    /// </summary>
    private static bool AsksOnlyForADetail(Token[] tokens, SentenceInfo sentence, int first, Lexicon details)
    {
        // The detail is what the question opens by asking for: "The driver's photo shows a blue door - is that yours?" is not.
        if (!DetailAskers.Contains(tokens[first].Text))
        {
            return false;
        }

        var found = false;
        for (var k = first; k < sentence.EndToken; k++)
        {
            // "...which number you were ringing": the detail is about what they did, which is their situation.
            if (tokens[k].Text is "happened" or "happening" or "feel" or "feeling" or "about" or "going" or "why" or "how"
                || (found && tokens[k].Text == "you" && k + 1 < sentence.EndToken && DidSomething(tokens[k + 1].Text)))
            {
                return false;
            }

            found |= k < first + 8 && details.MatchAt(tokens, k, sentence.EndToken) > 0;
        }

        return found;
    }

    /// <summary>"you were ringing", "you used", "you ordered": what follows "you" reports what they did.</summary>
    private static bool DidSomething(string word) =>
        word is "were" or "was" or "did" or "had" or "rang" or "used" or "paid" or "got" or "bought" or "spoke" or "sent" or "gave"
        || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal));

    private static readonly HashSet<string> TroubleshootingVerbs = new(StringComparer.Ordinal)
    {
        "tried", "try", "checked", "check", "restarted", "restart", "cleared", "clear", "looked", "look", "put", "rung", "ring",
        "contacted", "contact", "asked", "ask", "turned", "switched", "reset", "updated", "logged", "spoken", "talked", "told",
        "phoned", "called", "emailed",
    };

    // After "did you" / "have you", verbs of going through something ("did you feel", "have you been", "did you notice")
    // and adverbs before the verb ("did you still ...") ask about their experience rather than whether they did an act.
    private static readonly HashSet<string> ExperienceVerbs = new(StringComparer.Ordinal)
    {
        "feel", "felt", "been", "had", "have", "notice", "noticed", "hear", "heard", "see", "seen", "manage", "managed", "get",
        "experience", "experienced", "find", "found", "think", "thought", "mean", "meant", "know", "known", "want", "need",
        "like", "say", "said", "ever", "still", "already", "always", "recently", "both", "all", "lose", "lost", "go", "gone",
    };

    /// <summary>
    /// "Have you tried ...", "did you check ...", "have you put it out on the right day": a suggestion asked as a question.
    /// More generally a closed "did you / have you" + an act ("did you keep the packaging", "have you paid the renewal",
    /// "have you got the receipt") checks whether they did or hold something - a fix, a detail or a compliance check, not a
    /// question about their situation; "did you feel / notice / manage", "have you been / had" ask what they went through.
    /// </summary>
    private static bool SuggestsAFix(Token[] tokens, SentenceInfo sentence, int first) =>
        first + 2 < sentence.EndToken && tokens[first].Text is "have" or "did" && tokens[first + 1].Text == "you"
        && TroubleshootingVerbs.Contains(tokens[first + 2].Text);

    /// <summary>The wider "did you / have you" + an act (not a verb of going through something).</summary>
    private static bool ChecksAnAct(Token[] tokens, SentenceInfo sentence, int first) =>
        first + 2 < sentence.EndToken && tokens[first].Text is "have" or "has" or "did" && tokens[first + 1].Text == "you"
        && !ExperienceVerbs.Contains(tokens[first + 2].Text);

    /// <summary>
    /// "Do you want me to come with you?", "would you like a drink?": an offer put as a question; "is there another room we
    /// could use?", "is the 10am slot free instead?": a request for an alternative. Neither asks about their situation.
    /// </summary>
    private static bool OffersOrSeeksAnAlternative(Token[] tokens, SentenceInfo sentence, int first)
    {
        var end = sentence.EndToken;
        if (first + 3 < end && tokens[first].Text is "do" or "would" && tokens[first + 1].Text == "you"
            && tokens[first + 2].Text is "want" or "like" or "fancy" && tokens[first + 3].Text is "me" or "us" or "a" or "an" or "some" or "any" or "anything" or "something")
        {
            return true;
        }

        if (first + 2 < end && tokens[first].Text is "is" or "are" && tokens[first + 1].Text == "there"
            && (tokens[first + 2].Text is "another" or "other" or "alternative"
                || (first + 3 < end && tokens[first + 2].Text is "an" or "any" && tokens[first + 3].Text is "alternative" or "other")))
        {
            return true;
        }

        for (var k = first + 2; k < end; k++)
        {
            if (tokens[k].Text == "instead")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Is there a spec sheet you could send me?", "is there a van free, or can you hire one?": a closed question that carries
    /// a request for them to do something ("you could", "can you" after its opening) asks for an act, not about their situation.
    /// </summary>
    private static bool AsksThemToAct(Token[] tokens, SentenceInfo sentence, int first)
    {
        for (var k = first + 2; k + 1 < sentence.EndToken; k++)
        {
            if ((tokens[k].Text == "you" && tokens[k + 1].Text is "could" or "can" && !tokens[k + 1].Negated)
                || (tokens[k].Text is "could" or "can" && tokens[k + 1].Text == "you"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lexicon entry starting at or before <paramref name="last"/> ("can you talk me through...").</summary>
    private static bool OpensWith(Lexicon lexicon, Token[] tokens, int from, int last, int end)
    {
        for (var k = from; k <= last && k < end; k++)
        {
            if (lexicon.MatchAt(tokens, k, end) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AsksTheirView(Token[] tokens, CueMatch proposal) =>
        proposal.End - proposal.Start >= 2 && tokens[proposal.Start].Text is "what" or "how" or "which"
        && tokens[proposal.Start + 1].Text is "would" or "do" or "does" or "could" or "can" or "will" or "might";

    private static bool PseudoCleft(Token[] tokens, int first, int end)
    {
        if (tokens[first].Text is not ("what" or "all"))
        {
            return false;
        }

        for (var k = first + 2; k < end && k <= first + 6; k++)
        {
            if (tokens[k].Text is "is" or "was" && !tokens[k - 1].Text.Equals("it", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChallengesWhy(Token[] tokens, SentenceInfo sentence, int first) =>
        first + 2 < sentence.EndToken && tokens[first + 1].Text is "would" or "should" && tokens[first + 2].Text == "you";

    private static bool HasNegatedYou(Token[] tokens, SentenceInfo sentence)
    {
        var you = false;
        var negated = false;
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            you |= tokens[k].Text == "you";
            negated |= tokens[k].Text == "not" || tokens[k].Negated;
        }

        return you && negated;
    }
}
