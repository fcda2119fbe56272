using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Aggression: insults, swearing and sarcasm cues, shouting (a sentence in capitals that is also hostile or exclaimed), and
/// a negative statement closed by a positive first-person tag ("I can't book you in, can I?", "we can't read minds, can
/// we"), and a "because" clause with "never" standing alone as a retort ("Because the factory has never been behind
/// before.").
/// </summary>
internal sealed class AggressionRule : IMarkingPointRule
{
    public const string CapitalsNote = "Parts of the reply are written in capitals, which can read as shouting.";

    /// <summary>Sentences longer than this use a sarcastic interjection word as an ordinary word ("a typical day").</summary>
    public const int MaxInterjectionSentence = 3;

    // Words that are sarcasm when they stand alone ("Typical.", "Charming!", "Seriously?") and plain words inside a sentence.
    private static readonly HashSet<string> Interjections = new(StringComparer.Ordinal)
    {
        "typical", "charming", "unbelievable", "seriously", "bravo", "wow", "whoopee", "thick",
    };

    private static readonly HashSet<string> Adjectives = new(StringComparer.Ordinal) { "typical", "charming", "unbelievable", "thick" };

    private static readonly HashSet<string> PredicateLeads = new(StringComparer.Ordinal)
    {
        "is", "are", "just", "how", "so", "really", "totally", "absolutely", "bloody", "oh", "well", "you",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var findings = input.Effective(point.Id)
            .Where(m => !IsInterjectionInASentence(input, m))
            .Select(m => new Finding(m.Cue.BaseStrength, input.Span(m), "hostile wording"))
            .ToList();
        AddExclaimedTellingOff(input, findings);
        AddCurtCheck(input, findings);
        AddEchoedPraise(input, findings);
        AddBareCommand(input, findings);
        AddCapitalisedWords(input, findings);
        AddRetortTag(input, findings);
        AddSarcasticBecause(input, findings);
        var hostile = findings.Count > 0 || input.Effective("dismissive").Count > 0 || input.Effective("blame").Count > 0;
        var source = input.Reply.Source;
        var shoutingSeen = false;
        foreach (var sentence in input.Reply.Sentences)
        {
            if (sentence.TokenCount < 3 || !IsCapitals(source, sentence))
            {
                continue;
            }

            shoutingSeen = true;
            if (sentence.Exclamations > 0 || hostile || !IsConciliatory(input, sentence))
            {
                findings.Add(new Finding(0.7, input.Span(sentence.FirstToken, sentence.EndToken), "shouting in capitals:"));
            }
        }

        if (shoutingSeen && findings.Count == 0)
        {
            input.Notes.Add(CapitalsNote);
        }

        return Verdict.From(point, findings);
    }

    /// <summary>What an exclaimed order or prohibition at the person ("You can't do that!", "You need to apologise now!") counts.</summary>
    public const double TellingOff = 0.6;

    private static readonly HashSet<string> ProhibitingModals = new(StringComparer.Ordinal) { "can", "could", "should", "must", "will", "do", "did" };
    private static readonly HashSet<string> OrderingModals = new(StringComparer.Ordinal) { "need", "must", "better", "have", "should" };
    private static readonly HashSet<string> MildVerbs = new(StringComparer.Ordinal) { "be", "feel", "get", "have", "worry", "know", "take", "look", "rest", "try" };

    /// <summary>
    /// An exclaimed sentence that tells the person off: "you" with a negated modal ("You can't do that!") or an order
    /// ("You need to apologise to him!"), but not encouragement ("You should be proud!", "You must rest!").
    /// </summary>
    private static void AddExclaimedTellingOff(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            if (sentence.Exclamations == 0)
            {
                continue;
            }

            if (Outraged(tokens, sentence) && !IsConciliatory(input, sentence))
            {
                findings.Add(new Finding(TellingOff, input.Span(sentence.FirstToken, sentence.EndToken), "exclaimed outrage:"));
                continue;
            }

            for (var k = sentence.FirstToken; k + 2 < sentence.EndToken; k++)
            {
                if (tokens[k].Text != "you")
                {
                    continue;
                }

                var modal = tokens[k + 1].Text;
                var next = tokens[k + 2].Text;
                var prohibition = ProhibitingModals.Contains(modal) && next == "not" && k + 3 < sentence.EndToken && !MildVerbs.Contains(tokens[k + 3].Text);
                var verb = next == "to" && k + 3 < sentence.EndToken ? tokens[k + 3].Text : next;
                var order = OrderingModals.Contains(modal) && next != "not" && !MildVerbs.Contains(verb);
                if (prohibition || order)
                {
                    findings.Add(new Finding(TellingOff, input.Span(k, sentence.EndToken), "telling them off:"));
                    break;
                }
            }
        }
    }

    /// <summary>What a bare "Got it?" after a statement counts: condescension, not a check of understanding.</summary>
    public const double CurtCheck = 0.7;

    /// <summary>
    /// A closing sentence that is only "Got it?" or "Understood?" after something was said reads as talking down to the
    /// person ("Those are the rules. Got it?"); a real check asks what they understood or whether it makes sense.
    /// </summary>
    private static void AddCurtCheck(RuleInput input, List<Finding> findings)
    {
        var sentences = input.Reply.Sentences;
        if (sentences.Length < 2)
        {
            return;
        }

        var last = sentences[^1];
        var tokens = input.Reply.Tokens;
        var words = string.Join(' ', tokens[last.FirstToken..last.EndToken].Select(t => t.Text));
        if (last.QuestionMark && words is "got it" or "understood" or "you got it" or "geddit")
        {
            findings.Add(new Finding(CurtCheck, input.Span(last.FirstToken, last.EndToken), "curt check:"));
        }
    }

    /// <summary>What praise standing alone where nothing was done well ("Brilliant. Just brilliant.", "Again? Amazing.") counts.</summary>
    public const double EchoedPraise = 0.7;

    private static readonly HashSet<string> PraiseWords = new(StringComparer.Ordinal)
    {
        "brilliant", "great", "fantastic", "marvellous", "wonderful", "lovely", "perfect", "superb", "excellent", "fab", "amazing", "terrific",
        "nice", "fabulous", "splendid", "super",
    };

    private static readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal) { "just", "absolutely", "really", "bloody", "oh", "simply", "truly" };

    /// <summary>
    /// A praise word standing as its own sentence where it cannot be praise: echoed in the next sentence ("Brilliant. Just
    /// brilliant.", "Oh great. Fab."), answering the writer's own echo of the news ("Thursday?! Brilliant.", "Again?
    /// Amazing."), introducing "another" ("Brilliant. Another outage."), or closing a reply after a statement about the
    /// other side ("So the kids go without because of your supplier. Nice."). Praise that goes with something done
    /// ("Brilliant, thanks.", "Great! I'll book it.", "I'll see you Tuesday. Lovely.") is none of these.
    /// </summary>
    private static void AddEchoedPraise(RuleInput input, List<Finding> findings)
    {
        var sentences = input.Reply.Sentences;
        var tokens = input.Reply.Tokens;
        bool IsPraise(SentenceInfo sentence)
        {
            if (sentence.TokenCount > 3 || sentence.QuestionMark)
            {
                return false;
            }

            var praise = false;
            for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
            {
                var word = tokens[k].Text;
                if (Intensifiers.Contains(word) || (tokens[k].Kind == TokenKind.Symbol && praise))
                {
                    continue;
                }

                if (praise || !PraiseWords.Contains(word) || tokens[k].Quoted)
                {
                    return false;
                }

                praise = true;
            }

            return praise;
        }

        bool AboutTheOtherSide(SentenceInfo sentence)
        {
            for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
            {
                if (tokens[k].Text is "i" or "we" or "me" or "us" or "thanks" or "thank" or "cheers")
                {
                    return false;
                }
            }

            return sentence.TokenCount >= 3;
        }

        for (var s = 0; s < sentences.Length; s++)
        {
            if (!IsPraise(sentences[s]))
            {
                continue;
            }

            var previous = s > 0 ? sentences[s - 1] : default;
            var echoed = s + 1 < sentences.Length && IsPraise(sentences[s + 1]);
            var answersEcho = s > 0 && previous.QuestionMark && previous.TokenCount <= 4;
            var introducesAnother = s + 1 < sentences.Length && tokens[sentences[s + 1].FirstToken].Text == "another";
            var closesOnThem = s > 0 && s == sentences.Length - 1 && sentences[s].Exclamations == 0 && !previous.QuestionMark
                && AboutTheOtherSide(previous);
            if (echoed || answersEcho || introducesAnother || closesOnThem)
            {
                var end = echoed ? sentences[s + 1].EndToken : sentences[s].EndToken;
                findings.Add(new Finding(EchoedPraise, input.Span(answersEcho ? previous.FirstToken : sentences[s].FirstToken, end), "sarcastic praise:"));
                return;
            }
        }
    }

    /// <summary>What a bare order to fix it ("Sort it out.", "Just fix it please") counts.</summary>
    public const double BareCommand = 0.6;

    private static readonly HashSet<string> FixingOrders = new(StringComparer.Ordinal) { "fix", "sort", "figure", "deal", "solve" };
    private static readonly HashSet<string> Softeners = new(StringComparer.Ordinal) { "just", "so", "now", "then", "please", "mate", "asap", "today" };

    /// <summary>
    /// A sentence (or its opening up to a comma, or its close after one) that is nothing but an order to fix it ("fix it",
    /// "Sort it out.", "Just figure it out then", "Well you're the driver, sort it out", "Sort your staffing out"): no
    /// subject, no reason, no offer - it pushes the problem at the person. Instructions with content ("fix it by restarting the
    /// router") are longer than the order and do not count.
    /// </summary>
    private static void AddBareCommand(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var source = input.Reply.Source;
        foreach (var sentence in input.Reply.Sentences)
        {
            if (sentence.QuestionMark)
            {
                continue;
            }

            // The order is a stretch between the sentence's edges, commas or dashes: its opening ("just fix it, I haven't
            // got time") or its close ("well you're the driver, sort it out").
            for (var start = sentence.FirstToken; start < sentence.EndToken; start++)
            {
                if (start > sentence.FirstToken && !BreaksBetween(source, tokens[start - 1], tokens[start]))
                {
                    continue;
                }

                var first = start;
                while (first < sentence.EndToken && Softeners.Contains(tokens[first].Text))
                {
                    first++;
                }

                if (first == sentence.EndToken || !FixingOrders.Contains(tokens[first].Text))
                {
                    continue;
                }

                var end = first + 1;
                while (end < sentence.EndToken && !BreaksBetween(source, tokens[end - 1], tokens[end]))
                {
                    end++;
                }

                if (start > sentence.FirstToken && end < sentence.EndToken)
                {
                    continue;
                }

                var words = tokens[first..end].Where(t => t.Kind == TokenKind.Word).Select(t => t.Text)
                    .Where(w => !Softeners.Contains(w)).ToList();
                if (IsBareOrder(words))
                {
                    findings.Add(new Finding(BareCommand, input.Span(start, end), "a bare order:"));
                    return;
                }
            }
        }
    }

    // "sort it out", "fix it yourself" or "sort your staffing out": the order and its object, nothing more.
    private static bool IsBareOrder(List<string> words)
    {
        if (words.Count is < 2 or > 4 || !FixingOrders.Contains(words[0]))
        {
            return false;
        }

        if (words[1] == "your")
        {
            return words.Count == 4 && words[3] == "out";
        }

        return words[1] is "it" or "this" or "that" && words.Skip(2).All(w => w is "out" or "with" or "it" or "yourself" or "yourselves");
    }

    // Expanded contractions share their characters ("I'm" is "i" + "am"), so the gap between two tokens can be empty.
    private static bool BreaksBetween(string source, Token before, Token after) =>
        after.Start > before.End && source.AsSpan(before.End, after.Start - before.End).IndexOfAny(",;-–") >= 0;

    /// <summary>What a retort tag ("I can't read minds, can I?") counts.</summary>
    public const double RetortTag = 0.7;

    private static readonly HashSet<string> TagAuxiliaries = new(StringComparer.Ordinal)
    {
        "can", "could", "do", "did", "will", "would", "am", "should", "have", "was", "shall",
    };

    /// <summary>
    /// A negative statement closed by a positive tag about the writer or the writer's side ("Well I can't book you in if you
    /// don't tell me, can I?", "I don't know, do I?", "we can't follow everyone into the showers, can we"): the reversed
    /// tag asks for no answer - it makes the point that the other person should have seen it, which is a retort. A tag that
    /// is the sentence's own question ("so can I run a test?") does not end the sentence after a negative and does not count.
    /// </summary>
    private static void AddRetortTag(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            var end = sentence.EndToken;
            if (sentence.TokenCount < 5)
            {
                continue;
            }

            var subject = tokens[end - 1].Text;
            var aux = tokens[end - 2].Text;
            if (subject is not ("i" or "we") || !(TagAuxiliaries.Contains(aux) || (subject == "we" && aux == "are")) || tokens[end - 2].Quoted)
            {
                continue;
            }

            for (var k = sentence.FirstToken + 1; k < end - 3; k++)
            {
                if (tokens[k].Text == "not")
                {
                    findings.Add(new Finding(RetortTag, input.Span(sentence.FirstToken, end), "a retort:"));
                    return;
                }
            }
        }
    }

    /// <summary>What a stand-alone "Because X never..." retort ("Right. Because the factory has never been behind before.") counts.</summary>
    public const double SarcasticBecause = 0.7;

    private static readonly HashSet<string> BecauseWords = new(StringComparer.Ordinal) { "because", "cos", "coz", "cause", "cuz" };
    private static readonly HashSet<string> RetortOpeners = new(StringComparer.Ordinal) { "right", "yeah", "yes", "no", "oh", "well", "sure", "ah" };

    /// <summary>
    /// A sentence that is nothing but a "because" clause with "never" in it ("Because your list clearly never moves.",
    /// "Right. Because the factory has never been behind before.", "No because you never do anything for anyone"): a
    /// reason clause standing alone, with no main clause for it to explain, is a retort, and "never" makes it a sweeping
    /// charge or, said of what plainly happens, sarcasm. A reason about oneself ("because I never got the form") and
    /// one leading into a main clause after a comma ("Because it was never sent, the claim lapsed") are explanations.
    /// </summary>
    private static void AddSarcasticBecause(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        var source = input.Reply.Source;
        foreach (var sentence in input.Reply.Sentences)
        {
            var first = sentence.FirstToken;
            while (first < sentence.EndToken && RetortOpeners.Contains(tokens[first].Text))
            {
                first++;
            }

            if (first + 3 >= sentence.EndToken || !BecauseWords.Contains(tokens[first].Text) || tokens[first].Quoted
                || tokens[first + 1].Text is "i" or "we" or "it" or "there")
            {
                continue;
            }

            var hasNever = false;
            var hasComma = false;
            for (var k = first + 1; k < sentence.EndToken; k++)
            {
                hasNever |= tokens[k].Text == "never";
                hasComma |= BreaksBetween(source, tokens[k - 1], tokens[k]);
            }

            if (hasNever && !hasComma)
            {
                findings.Add(new Finding(SarcasticBecause, input.Span(first, sentence.EndToken), "a retort:"));
                return;
            }
        }
    }

    /// <summary>What ordinary words typed in capitals inside a lower-case reply ("I am NOT doing it AGAIN") count.</summary>
    public const double EmphaticCapitals = 0.6;

    /// <summary>
    /// Two or more ordinary English words in capitals in a reply that is otherwise in lower case read as raised voice.
    /// Abbreviations (NHS, RMA) and a single emphasised word ("It WILL be there") do not count.
    /// </summary>
    private static void AddCapitalisedWords(RuleInput input, List<Finding> findings)
    {
        var reply = input.Reply;
        if (reply.Letters == 0 || reply.UpperLetters * 2 >= reply.Letters)
        {
            return;
        }

        var plain = input.Catalogue.Pipeline.Lexicon("plain_acronyms");
        var jargon = input.Catalogue.Pipeline.Lexicon("jargon_terms");
        var tokens = reply.Tokens;
        int first = -1, last = -1, count = 0;
        for (var k = 0; k < tokens.Length; k++)
        {
            var token = tokens[k];
            if (!token.AllCaps || token.Kind != TokenKind.Word || token.End - token.Start < 2 || (k > 0 && tokens[k - 1].Start == token.Start)
                || plain.Contains(token.Text) || jargon.Contains(token.Text) || !input.Catalogue.EnglishWords.Contains(token.Text))
            {
                continue;
            }

            count++;
            first = first < 0 ? k : first;
            last = k;
        }

        if (count >= 2)
        {
            findings.Add(new Finding(EmphaticCapitals, input.Span(first, tokens[first].Sentence == tokens[last].Sentence ? last + 1 : first + 1), "words typed in capitals:"));
        }
    }

    private static readonly HashSet<string> OutrageWords = new(StringComparer.Ordinal)
    {
        "unacceptable", "outrageous", "ridiculous", "disgraceful", "appalling", "shocking", "pathetic", "unbelievable",
    };

    /// <summary>An exclaimed verdict on the other side ("Not good enough!", "Unacceptable!") that is not aimed at oneself.</summary>
    private static bool Outraged(Token[] tokens, SentenceInfo sentence)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            var word = tokens[k].Text;
            if ((OutrageWords.Contains(word) && !tokens[k].Negated)
                || (word == "good" && k + 1 < sentence.EndToken && tokens[k + 1].Text == "enough" && k > sentence.FirstToken && tokens[k - 1].Text == "not"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ConciliatoryIds = ["apology", "empathy", "respect", "de_escalation"];

    /// <summary>A sentence in capitals that apologises or thanks is probably caps lock, not shouting.</summary>
    private static bool IsConciliatory(RuleInput input, SentenceInfo sentence) =>
        ConciliatoryIds.Any(id => input.Effective(id).Any(m => m.Cue.Tier == CueTier.Strong && m.Start >= sentence.FirstToken && m.Start < sentence.EndToken));

    private static bool IsCapitals(string source, SentenceInfo sentence)
    {
        int letters = 0, upper = 0;
        var end = Math.Min(source.Length, Math.Max(sentence.End, sentence.Start));
        for (var i = Math.Max(0, sentence.Start); i < end; i++)
        {
            if (char.IsLetter(source[i]))
            {
                letters++;
                upper += char.IsUpper(source[i]) ? 1 : 0;
            }
        }

        return letters >= 10 && upper * 10 >= letters * 8;
    }

    private static bool IsInterjectionInASentence(RuleInput input, CueMatch match)
    {
        var tokens = input.Reply.Tokens;
        if (match.End - match.Start != 1 || !Interjections.Contains(tokens[match.Start].Text))
        {
            return false;
        }

        var sentence = input.Reply.SentenceOf(match.Start);
        if (sentence.TokenCount <= MaxInterjectionSentence)
        {
            return false;
        }

        // "that's just typical", "how charming", "are you thick": said of something, not describing a noun.
        var k = match.Start;
        return !(k > sentence.FirstToken && PredicateLeads.Contains(tokens[k - 1].Text) && Adjectives.Contains(tokens[k].Text));
    }
}

/// <summary>
/// Jargon (not with partners, who share the trade's terms): listed internal terms, and unfamiliar capitalised abbreviations
/// ("RMA", "P1") that the reply does not explain, that the other person did not use themselves, and that are not a
/// reference number's letters ("INC-3307").
/// </summary>
internal sealed class JargonRule : IMarkingPointRule
{
    public const double UnknownAcronym = 0.6;

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        var findings = input.CueFindings(point.Id, "internal term");
        var reply = input.Reply;
        var mostlyCapitals = reply.Letters > 0 && reply.UpperLetters * 2 >= reply.Letters;
        if (!mostlyCapitals)
        {
            var plain = input.Catalogue.Pipeline.Lexicon("plain_acronyms");
            var tokens = reply.Tokens;
            var explained = ExplainedAbbreviations(reply);
            // An abbreviation the other person used themselves ("the salesman said FTTP") is theirs already, unless they asked
            // what it means: then giving it back unexplained is the jargon.
            var other = input.Other.Tokens;
            if (!other.Any(t => t.Text is "mean" or "means" or "meant" or "meaning" or "stand" or "stands"))
            {
                explained.UnionWith(other.Where(t => t.AllCaps && t.Kind == TokenKind.Word).Select(t => t.Text));
            }

            for (var k = 0; k < tokens.Length; k++)
            {
                var token = tokens[k];
                var length = token.End - token.Start;
                if (token.AllCaps && token.Kind == TokenKind.Word && length is >= 2 and <= 5 && !plain.Contains(token.Text)
                    && !input.Catalogue.EnglishWords.Contains(token.Text) && (k == 0 || tokens[k - 1].Start != token.Start)
                    && !explained.Contains(token.Text) && !IsReferencePrefix(reply.Source, token))
                {
                    findings.Add(new Finding(UnknownAcronym, input.Span(k, k + 1), "an abbreviation the customer may not know:"));
                }
            }
        }

        return Verdict.From(point, findings);
    }

    /// <summary>Abbreviations the reply itself explains: "RFS means ready for service", "MFA (the code on your phone)".</summary>
    private static HashSet<string> ExplainedAbbreviations(ReplyText reply)
    {
        var explained = new HashSet<string>(StringComparer.Ordinal);
        var tokens = reply.Tokens;
        for (var k = 0; k + 1 < tokens.Length; k++)
        {
            if (!tokens[k].AllCaps)
            {
                continue;
            }

            var next = tokens[k + 1].Text;
            var bracketed = NextCharacter(reply.Source, tokens[k].End) is '(' or '=';
            var explains = bracketed || next is "means" or "stands" || (next == "is" && k + 2 < tokens.Length && tokens[k + 2].Text is "short" or "basically");
            // "Pending RTS means it's pending RTS processing" gives the term back instead of its meaning.
            var circular = tokens.Skip(k + 2).Take(8).Any(t => t.Text == tokens[k].Text);
            if (explains && !circular)
            {
                explained.Add(tokens[k].Text);
            }
        }

        return explained;
    }

    /// <summary>"INC-3307", "HC-20931": the letters of a reference number, which the other person reads off, not jargon.</summary>
    private static bool IsReferencePrefix(string source, Token token) =>
        token.End + 1 < source.Length && source[token.End] is '-' or '/' && char.IsAsciiDigit(source[token.End + 1]);

    private static char NextCharacter(string source, int from)
    {
        for (var i = from; i < source.Length; i++)
        {
            if (!char.IsWhiteSpace(source[i]))
            {
                return source[i];
            }
        }

        return '\0';
    }
}
