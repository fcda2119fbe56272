using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Confidentiality breach: the entry's cues (someone's health, family, money, home; looking people up; exporting lists),
/// plus a phone number or a street address given out that is not the learner's own, plus eager replies to gossip
/// ("show me", "no way") when the other person is passing on someone's private details. A reply that also protects
/// the data ("I can't share her details") is refusing, not disclosing, so its mentions count for less. Asked about
/// someone else ("did my husband drop his phone off?"), an answer that says what that person did or has ("yeah he came
/// in Tuesday") gives their details away too; so does agreeing ("sure", "yeah go on") to a request to send, give or look up
/// someone else's records or contact details. Asking who it was ("what was her name?") invites disclosure, except to a
/// customer asking about their own relative, where the name identifies whose account to look at.
/// </summary>
internal sealed class ConfidentialityBreachRule : IMarkingPointRule
{
    public const double Disclosed = 0.8;
    public const double GossipInvite = 0.7;
    public const double AnsweredAboutSomeone = 0.7;
    public const double ProtectedFactor = 0.35;
    public const int PhoneDigits = 9;

    private static readonly HashSet<string> OwnWords = new(StringComparer.Ordinal) { "my", "our", "me", "us", "we", "i", "your", "you" };

    private static readonly HashSet<string> StreetWords = new(StringComparer.Ordinal)
    {
        "road", "street", "close", "avenue", "lane", "drive", "crescent", "grove", "terrace", "gardens", "rd", "st", "ave",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        // Talking to the customer about what they themselves just told you ("that's worrying with her medication in
        // there") gives nothing away; with a colleague the same echo joins in.
        var matches = input.Effective(point.Id);
        var findings = new List<Finding>(matches.Count);
        CueMatch? echoed = null;
        var identifies = false;
        foreach (var match in matches)
        {
            // "What's his name?" to a colleague passing on someone's troubles invites gossip; to a customer asking about their
            // own relative it identifies whose account to look at.
            if (input.Context == ContextKind.Customer && input.Reply.Tokens[match.End - 1].Text == "name")
            {
                identifies = true;
                continue;
            }

            if (input.Context == ContextKind.Customer && EchoesThem(input, match))
            {
                echoed ??= match;
                continue;
            }

            findings.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "someone's private details in"));
        }

        // A courier or contractor needs the customer's number and address to do the job; passing them on is the chain working.
        if (input.Context != ContextKind.Partner)
        {
            AddPhoneNumbers(input, findings);
            AddAddresses(input, findings);
        }

        AddGossipInvites(input, findings);
        AddAnswersAboutSomeoneElse(input, findings);
        AddYesToARequestForDetails(input, findings);
        if (findings.Count == 0 && echoed is { } repeated)
        {
            return Verdict.None(point, $"Not detected: \"{Verdict.Shorten(input.Span(repeated).Quote)}\" repeats what they told you themselves.");
        }

        if (findings.Count == 0 && identifies)
        {
            return Verdict.None(point, "Not detected: asking whose account it is identifies the person they are asking about.");
        }

        if (findings.Count == 0)
        {
            return new CueRule().Assess(point, input);
        }

        if (!Protects(input, findings))
        {
            return Verdict.From(point, findings);
        }

        var refused = findings.Select(f => f with { Strength = f.Strength * ProtectedFactor }).ToList();
        return Verdict.From(point, refused, "Not detected: the details are mentioned while refusing to share them.");
    }

    /// <summary>
    /// A confidentiality or boundaries cue outside the disclosure itself: "her date of birth is 3 March" names a protected
    /// detail while giving it out, which protects nothing.
    /// </summary>
    private static bool Protects(RuleInput input, List<Finding> findings) =>
        input.Effective("confidentiality").Concat(input.Effective("boundaries"))
            .Where(m => m.Cue.Tier == CueTier.Strong)
            .Select(input.Span)
            .Any(span => !findings.Any(f => f.Span.Start < span.End && span.Start < f.Span.End));

    /// <summary>A run of number tokens with nine or more digits, unless "my/our/me/us" just before marks it as the learner's own.</summary>
    private static void AddPhoneNumbers(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Number)
            {
                continue;
            }

            var end = i;
            var digits = 0;
            while (end < tokens.Length && tokens[end].Kind == TokenKind.Number && tokens[end].Sentence == tokens[i].Sentence)
            {
                digits += tokens[end].Text.Count(char.IsAsciiDigit);
                end++;
            }

            if (digits >= PhoneDigits && !OwnedNearby(tokens, i) && !OwnedAfter(tokens, end) && !FirstPersonBefore(tokens, i) && !AskedForTheirOwn(input))
            {
                findings.Add(new Finding(Disclosed, input.Span(i, end), "a phone number given out:"));
            }

            i = end - 1;
        }
    }

    /// <summary>"4 Oak Close", "lives on Ashby Road": a named street after a house number or "on/at/in/from", not the learner's own.</summary>
    private static void AddAddresses(RuleInput input, List<Finding> findings)
    {
        var tokens = input.Reply.Tokens;
        for (var k = 2; k < tokens.Length; k++)
        {
            if (!StreetWords.Contains(tokens[k].Text) || tokens[k - 1].Kind != TokenKind.Word || input.Catalogue.Stopwords.Contains(tokens[k - 1].Text)
                || tokens[k - 1].Sentence != tokens[k].Sentence || tokens[k - 2].Sentence != tokens[k].Sentence)
            {
                continue;
            }

            var before = tokens[k - 2];
            var anchored = before.Kind == TokenKind.Number || before.Text is "on" or "at" or "in" or "from" or "lives" or "near";
            if (anchored && !OwnedInSentence(input, k - 1))
            {
                findings.Add(new Finding(Disclosed, input.Span(k - 2, k + 1), "an address given out:"));
            }
        }
    }

    /// <summary>When the other person is passing on someone's private details, an eager reply invites more of it.</summary>
    private static void AddGossipInvites(RuleInput input, List<Finding> findings)
    {
        if (!input.HasOther)
        {
            return;
        }

        var sensitive = input.Catalogue.Pipeline.Lexicon("sensitive_personal");
        var other = input.Other.Tokens;
        var gossip = false;
        for (var k = 0; k < other.Length && !gossip; k++)
        {
            gossip = sensitive.MatchAt(other, k, other.Length) > 0;
        }

        if (!gossip)
        {
            return;
        }

        var invites = input.Catalogue.Pipeline.Lexicon("gossip_invites");
        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            foreach (var (start, length) in invites.FindAll(tokens, sentence.FirstToken, sentence.EndToken))
            {
                if (!tokens[start].Negated)
                {
                    findings.Add(new Finding(GossipInvite, input.Span(start, start + length), "joined in with gossip about someone:"));
                }
            }
        }
    }

    private static readonly HashSet<string> Affirmations = new(StringComparer.Ordinal) { "yes", "yeah", "yep", "yup", "yea", "ya", "sure", "aye", "ok", "okay", "oh", "ah", "um", "erm", "hmm", "well" };

    // After "he/she": a guess, advice or what they will have to do ("she'll need to ring us herself") tells nothing about them.
    private static readonly HashSet<string> NotAnAnswer = new(StringComparer.Ordinal)
    {
        "probably", "might", "may", "could", "would", "should", "will", "must", "can", "needs", "need", "ll", "d",
    };

    /// <summary>
    /// Asked about someone else, a statement that opens with "he/she" (after an optional "yes/yeah/sure") answers with
    /// that person's doings or circumstances: "yeah he came in Tuesday", "she's got MS", also after a hedge or an admitted
    /// rule-break ("I think he had a fall", "I'm not supposed to but he was in"). A question back, a guess or advice ("he'll
    /// need to ring us himself") is not an answer.
    /// </summary>
    private static void AddAnswersAboutSomeoneElse(RuleInput input, List<Finding> findings)
    {
        if (!input.HasOther || !AsksAboutSomeoneElse(input))
        {
            return;
        }

        var tokens = input.Reply.Tokens;
        foreach (var sentence in input.Reply.Sentences)
        {
            var k = sentence.FirstToken;
            while (k < sentence.EndToken && Affirmations.Contains(tokens[k].Text))
            {
                k++;
            }

            k = AfterOpener(tokens, k, sentence.EndToken);

            if (sentence.QuestionMark || k + 1 >= sentence.EndToken || tokens[k].Text is not ("he" or "she") || tokens[k].Quoted
                || NotAnAnswer.Contains(tokens[k + 1].Text) || tokens[k + 1].Negated
                || (k + 2 < sentence.EndToken && tokens[k + 2].Text is "probably" or "maybe" or "perhaps"))
            {
                continue;
            }

            findings.Add(new Finding(AnsweredAboutSomeone, input.Span(k, Math.Min(sentence.EndToken, k + 6)), "answered about someone else:"));
            return;
        }
    }

    private static readonly HashSet<string> RequestVerbs = new(StringComparer.Ordinal)
    {
        "send", "give", "export", "email", "forward", "share", "tell", "pull", "look", "access", "cc", "put", "post", "pass",
    };

    // Contact details a partner needs to do the job ("what's her mobile so the driver can ring?") are left out with partners.
    private static readonly HashSet<string> ContactNouns = new(StringComparer.Ordinal) { "number", "numbers", "mobile", "phone", "address", "addresses" };

    private static readonly HashSet<string> RecordNouns = new(StringComparer.Ordinal)
    {
        "list", "names", "notes", "record", "records", "file", "files", "details", "report", "password", "results", "log", "database", "info", "information",
    };

    private static readonly HashSet<string> ThirdParty = new(StringComparer.Ordinal)
    {
        "his", "her", "their", "him", "them", "he", "she", "customer", "customers", "members", "staff", "women", "men", "people", "kids", "class", "everyone",
    };

    private static readonly HashSet<string> Compliances = new(StringComparer.Ordinal) { "yes", "yeah", "yep", "yup", "yea", "sure", "ok", "okay", "go" };

    /// <summary>
    /// Asked to send, give, look up or pass on someone else's details ("can you send me the names of the women who came?",
    /// "should I tell the group?"), a reply that opens by agreeing ("sure", "yeah go on", "ok") hands them over. The request
    /// must name another person ("her", "the customer", a relative) and what is asked for must be a record or a contact
    /// detail; with partners only records count, since a courier needs the customer's number. One pass over each line.
    /// </summary>
    private static void AddYesToARequestForDetails(RuleInput input, List<Finding> findings)
    {
        if (!input.HasOther || input.Reply.Tokens.Length == 0 || input.Reply.Tokens[0].Negated || !Compliances.Contains(input.Reply.Tokens[0].Text)
            || (input.Reply.Tokens[0].Text == "go" && (input.Reply.Tokens.Length < 2 || input.Reply.Tokens[1].Text != "on")))
        {
            return;
        }

        var family = input.Catalogue.Pipeline.Lexicon("family_words");
        var clients = input.Catalogue.Pipeline.Lexicon("client_words");
        var partner = input.Context == ContextKind.Partner;
        var other = input.Other;
        var tokens = other.Tokens;
        foreach (var sentence in other.Sentences)
        {
            bool verb = false, data = false, someone = false;
            for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
            {
                var word = tokens[k].Text;
                verb |= RequestVerbs.Contains(word);
                data |= RecordNouns.Contains(word) || (!partner && ContactNouns.Contains(word));
                someone |= ThirdParty.Contains(word) || family.Contains(word) || clients.Contains(word);
            }

            if (verb && data && someone)
            {
                var sentenceEnd = input.Reply.SentenceOf(0).EndToken;
                findings.Add(new Finding(AnsweredAboutSomeone, input.Span(0, Math.Min(sentenceEnd, 4)), "agreed to pass on someone's details:"));
                return;
            }
        }
    }

    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal) { "think", "believe", "reckon" };

    /// <summary>
    /// Past an opener that still leads into the answer: a hedge ("I think he had a fall") or an admitted rule-break ("I'm not
    /// supposed to, but he was in Tuesday": the learner and a negation before "but").
    /// </summary>
    private static int AfterOpener(Token[] tokens, int k, int end)
    {
        if (k + 2 < end && tokens[k].Text == "i" && Hedges.Contains(tokens[k + 1].Text) && !tokens[k + 1].Negated)
        {
            return k + 2;
        }

        var negated = false;
        for (var j = k; j < Math.Min(end - 1, k + 8); j++)
        {
            negated |= tokens[j].Negated || tokens[j].Text == "not";
            if (tokens[j].Text == "but" && negated && tokens[k].Text == "i")
            {
                return j + 1;
            }
        }

        return k;
    }

    /// <summary>
    /// The other person asks (a question, "can you tell me", "let me know") about somebody else: a relative or a named
    /// person ("my husband", "Kayla's mum", "Mr Lowe", "is Dennis coming back?"). A colleague asking about a client or a
    /// named customer is usually a handover, so with colleagues only family words count; a partner naming a customer
    /// in a practical question ("is Mr Khan in? the driver's outside") is the chain at work, so with partners a name
    /// counts only in a request for information ("can you tell us whether Mr Khan has been attending?").
    /// </summary>
    private static bool AsksAboutSomeoneElse(RuleInput input)
    {
        var other = input.Other;
        var tokens = other.Tokens;
        var family = input.Catalogue.Pipeline.Lexicon("family_words");
        var clients = input.Catalogue.Pipeline.Lexicon("client_words");
        var colleague = input.Context == ContextKind.Colleague;
        var partner = input.Context == ContextKind.Partner;
        var mentioned = false;
        foreach (var sentence in other.Sentences)
        {
            // "Can you tell me whether...", "let me know if...": a request for information, not a practical question.
            var requestsInformation = false;
            for (var k = sentence.FirstToken; k < sentence.EndToken && !requestsInformation; k++)
            {
                requestsInformation = tokens[k].Text is "tell" or "whether" or "know" or "check";
            }

            var asks = sentence.QuestionMark || requestsInformation;

            for (var k = sentence.FirstToken; k < sentence.EndToken && asks; k++)
            {
                var word = tokens[k].Text;
                var named = k > sentence.FirstToken && IsName(other, k)
                    || (PersonNames.Titles.Contains(word) && k + 1 < sentence.EndToken && tokens[k + 1].Kind == TokenKind.Word);
                var client = clients.Contains(word) && k > 0 && tokens[k - 1].Text is "my" or "his" or "her" or "their" or "your" or "the" or "this" or "that";
                if (family.Contains(word) || (!colleague && client) || (!colleague && named && (!partner || requestsInformation)))
                {
                    return true;
                }

                // "My ex-wife's staying here. Which room is she in?": the question points back with a pronoun.
                if (mentioned && asks && word is "he" or "she" or "him" or "her")
                {
                    return true;
                }
            }

            for (var k = sentence.FirstToken; k < sentence.EndToken && !asks && !mentioned; k++)
            {
                mentioned = family.Contains(tokens[k].Text) || (!colleague && !partner && clients.Contains(tokens[k].Text) && k > 0 && tokens[k - 1].Text is "my" or "his" or "her" or "their");
            }
        }

        return false;
    }

    /// <summary>A name inside a sentence, not after "the" ("the Royal") and not part of a contraction.</summary>
    private static bool IsName(ReplyText text, int k) =>
        PersonNames.LooksLikeAName(text, k) && text.Tokens[k - 1].Text != "the" && text.Tokens[k - 1].Start != text.Tokens[k].Start;

    /// <summary>"07700 900123 - text me": the learner's own number (no negative id covers giving that out).</summary>
    private static bool OwnedAfter(Token[] tokens, int end)
    {
        for (var k = end; k < Math.Min(tokens.Length, end + 3); k++)
        {
            if (tokens[k].Text is "me" or "my" or "us" or "our")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Our office is at 12 Elm Grove": an own word anywhere earlier in the sentence.</summary>
    private static bool OwnedInSentence(RuleInput input, int index)
    {
        var tokens = input.Reply.Tokens;
        for (var k = input.Reply.SentenceOf(index).FirstToken; k < index; k++)
        {
            if (OwnWords.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EchoesThem(RuleInput input, CueMatch match)
    {
        var stems = input.ContentStems(input.Reply.Tokens, match.Start, match.End);
        return stems.Count > 0 && input.TheySaid(stems);
    }

    /// <summary>"text me if it hasn't come back - 07700 900412": the learner's own number, asked for with "me" or "my".</summary>
    private static bool FirstPersonBefore(Token[] tokens, int index)
    {
        for (var k = index - 1; k >= 0 && tokens[k].Sentence == tokens[index].Sentence; k--)
        {
            if (tokens[k].Text is "me" or "my")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Can I have your mobile?": the number given back is the learner's own (a boundary question, not someone else's data).</summary>
    private static bool AskedForTheirOwn(RuleInput input)
    {
        var other = input.Other.Tokens;
        for (var k = 0; k + 1 < other.Length; k++)
        {
            if (other[k].Text == "your" && other[k + 1].Text is "number" or "mobile" or "phone" or "personal" or "own")
            {
                return true;
            }
        }

        return false;
    }

    private static bool OwnedNearby(Token[] tokens, int index)
    {
        var sentence = tokens[index].Sentence;
        for (var k = Math.Max(0, index - 4); k < index; k++)
        {
            if (tokens[k].Sentence == sentence && OwnWords.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }
}
