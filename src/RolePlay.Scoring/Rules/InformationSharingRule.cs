using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Information sharing: specific facts passed along the service chain. Three English shapes:
/// (a) a transfer verb with a piece of information as its object ("I'll email her a summary", to a partner "I'll send you the
///     order number"); sending a customer their own paperwork ("I'll email you the confirmation") is not the chain at work;
/// (b) a transfer verb aimed at someone else in the chain ("I'll update the customer", "let her know it's about the £80 charge");
/// (c) with a colleague or partner, a statement of case facts about a third party carrying a specific detail
///     ("The customer rang our call centre on Monday", "we had twelve customers waiting", "He's in bed 7B"), or a request for
///     specific information ("could you let us know when..."). An identifier handed over ("booking ref K7P2LQ", "the code
///     is 4471") is a report about the case whoever it names. A term defined ("P2 means priority 2", "stands for") is an
///     explanation, not a case fact; asked what a term means ("what does T-3 mean?"), the code they named is the term under
///     discussion, not a detail passed to them.
/// Not when the transfer is negated or counterfactual ("I should have forwarded it"), when it is a directive ("tell her to
/// ring back": an instruction passed on, not the facts), when the transfer word is a noun after a determiner ("a note on
/// her record", "the log"), or the sentence over-promises or gives someone's private details away (a confidentiality breach,
/// not the chain at work). The figures in a clause that states an agreement ("our contract says two attempts", "we agreed ten
/// working days") are its terms, not a case fact.
/// </summary>
internal sealed class InformationSharingRule : IMarkingPointRule
{
    public const double TransferWithObject = 1.0;
    public const double TransferToChain = 0.45;
    public const double CaseFact = 0.7;
    public const double RequestForInformation = 0.6;

    /// <summary>How many specifics (numbers, days, times) make a statement a case report when it names no third party.</summary>
    public const int MinDetailsWithoutParty = 2;

    private static readonly HashSet<string> Counterfactual = new(StringComparer.Ordinal) { "should", "could", "would", "must", "might" };
    private static readonly HashSet<string> FirstPersonRequesters = new(StringComparer.Ordinal) { "me", "us" };
    private static readonly HashSet<string> RequestFollowers = new(StringComparer.Ordinal)
    {
        "when", "what", "which", "how", "where", "who", "why", "whether", "the", "as", "roughly", "exactly", "asap", "by", "once",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        var pipeline = input.Catalogue.Pipeline;
        var verbs = pipeline.Lexicon("transfer_verbs");
        var informers = pipeline.Lexicon("inform_verbs");
        var objects = pipeline.Lexicon("info_objects");
        var chain = pipeline.Lexicon("chain_people");
        var days = pipeline.Lexicon("calendar_words");
        var numbers = pipeline.Lexicon("number_words");
        var references = pipeline.Lexicon("reference_words");
        var tokens = input.Reply.Tokens;
        var promises = input.Effective("over_promising");
        var breaches = input.Effective("confidentiality_breach");
        var chainContext = input.Context is ContextKind.Colleague or ContextKind.Partner;
        var findings = new List<Finding>();
        var askedMeaning = input.HasOther && AsksWhatItMeans(input.Other.Tokens);

        foreach (var match in input.Effective(point.Id))
        {
            if (InBreach(breaches, input.Reply.SentenceOf(match.Start)))
            {
                continue;
            }

            findings.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "shared information:"));
        }

        foreach (var sentence in input.Reply.Sentences)
        {
            if (promises.Any(p => p.Start >= sentence.FirstToken && p.Start < sentence.EndToken) || InBreach(breaches, sentence))
            {
                continue;
            }

            var found = false;
            var directive = false;
            for (var k = sentence.FirstToken; k < sentence.EndToken && !found; k++)
            {
                var token = tokens[k];
                if (token.Negated || token.Quoted || (k > sentence.FirstToken + 1 && tokens[k - 1].Text == "have" && Counterfactual.Contains(tokens[k - 2].Text)))
                {
                    continue;
                }

                // "let her know (that) ...", "let us know when ..."
                if (token.Text == "let" && k + 2 < sentence.EndToken)
                {
                    var knowAt = tokens[k + 1].Text == "know" ? -1 : tokens[k + 2].Text == "know" ? k + 2 : k + 3 < sentence.EndToken && tokens[k + 3].Text == "know" ? k + 3 : -1;
                    if (knowAt < 0 || tokens[knowAt].Negated)
                    {
                        continue;
                    }

                    var whom = tokens[k + 1].Text;
                    var after = knowAt + 1 < sentence.EndToken ? tokens[knowAt + 1].Text : "";
                    if (FirstPersonRequesters.Contains(whom))
                    {
                        if (chainContext && RequestFollowers.Contains(after))
                        {
                            findings.Add(new Finding(RequestForInformation, input.Span(k, Math.Min(sentence.EndToken, knowAt + 2)), "asked for the information needed:"));
                            found = true;
                        }
                    }
                    else if (whom is not "you" && (knowAt + 1 < sentence.EndToken || chainContext))
                    {
                        var strength = HasSpecific(tokens, knowAt + 1, ClauseEnd(tokens, knowAt, sentence.EndToken), objects, days, numbers) ? TransferWithObject : TransferToChain;
                        findings.Add(new Finding(strength, input.Span(k, Math.Min(sentence.EndToken, knowAt + 3)), "passed the information on:"));
                        found = true;
                    }

                    continue;
                }

                var verbLength = verbs.MatchAt(tokens, k, sentence.EndToken);
                var informLength = informers.MatchAt(tokens, k, sentence.EndToken);
                if (verbLength == 0 && informLength == 0)
                {
                    continue;
                }

                // "a note on her record", "the log", "your email with": after a determiner the word is a noun, not a transfer.
                if (IsNounAfterDeterminer(tokens, sentence, k))
                {
                    continue;
                }

                var from = k + Math.Max(verbLength, informLength);

                // "send me a photo" asks for information rather than passing it on; "you told him" reports what they did.
                // A customer asked to send something ("could you send a couple of photos") is not a link in the service chain.
                if ((from < sentence.EndToken && FirstPersonRequesters.Contains(tokens[from].Text)) || IsOtherPersonsAct(tokens, sentence, k)
                    || (input.Context == ContextKind.Customer && k > sentence.FirstToken && tokens[k - 1].Text == "you"))
                {
                    continue;
                }
                // "give you a call ... to confirm a date": after "give" the information must be the thing given, right away.
                var to = Math.Min(sentence.EndToken, from + (tokens[k].Text is "give" or "gave" or "giving" ? 4 : 10));
                var objectAt = FindInRange(tokens, from, to, objects);
                if (objectAt >= 0 && verbLength > 0 && !(input.Context == ContextKind.Customer && tokens[from].Text == "you"))
                {
                    var end = objectAt + objects.MatchAt(tokens, objectAt, to);
                    findings.Add(new Finding(TransferWithObject, input.Span(k, end), "passed on specific information:"));
                    found = true;
                    continue;
                }

                var chainAt = RecipientAt(tokens, from, sentence.EndToken, chain);
                if (chainAt >= 0 && informLength > 0)
                {
                    var end = chainAt + chain.MatchAt(tokens, chainAt, sentence.EndToken);

                    // "tell her to ring back tomorrow", "remind him to bring it": a directive passes on an instruction, not the facts.
                    if (IsDirective(tokens, end, sentence.EndToken))
                    {
                        directive = true;
                        continue;
                    }

                    var strength = HasSpecific(tokens, end, ClauseEnd(tokens, end - 1, sentence.EndToken), objects, days, numbers) ? TransferWithObject : TransferToChain;
                    findings.Add(new Finding(strength, input.Span(k, end), "kept the chain informed:"));
                    found = true;
                }
            }

            // Case facts told to a colleague or partner: a third party and a specific detail in a statement.
            if (!found && !directive && chainContext && !sentence.QuestionMark && IsCaseFact(tokens, askedMeaning ? input.Other.Tokens : [], sentence, chain, days, numbers, references, out var detailAt))
            {
                findings.Add(new Finding(CaseFact, input.Span(sentence.FirstToken, Math.Min(sentence.EndToken, Math.Max(detailAt + 1, sentence.FirstToken + 1))), "shared the case facts:"));
            }
        }

        return Verdict.From(point, findings);
    }

    /// <summary>
    /// Someone's private details given away in the sentence ("her number's 07700..., she lives on..."): the guide credits that
    /// as a confidentiality breach, never as information passed along the chain.
    /// </summary>
    private static bool InBreach(IReadOnlyList<CueMatch> breaches, SentenceInfo sentence)
    {
        foreach (var breach in breaches)
        {
            if (breach.Start >= sentence.FirstToken && breach.Start < sentence.EndToken)
            {
                return true;
            }
        }

        return false;
    }

    private static int FindInRange(Token[] tokens, int from, int to, Lexicon lexicon)
    {
        for (var k = from; k < to; k++)
        {
            if (lexicon.MatchAt(tokens, k, to) > 0)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Someone in the chain as the object of an informing verb: "tell her", "update the customer", "pass it to your driver".</summary>
    private static int RecipientAt(Token[] tokens, int from, int end, Lexicon chain)
    {
        var k = from;
        if (k < end && tokens[k].Text is "it" or "this" or "that" or "them" && k + 1 < end && tokens[k + 1].Text is "to" or "on" or "onto")
        {
            k += tokens[k + 1].Text == "on" && k + 2 < end && tokens[k + 2].Text == "to" ? 3 : 2;
        }
        else if (k < end && tokens[k].Text is "to" or "on")
        {
            k++;
        }

        if (k < end && tokens[k].Text is "the" or "our" or "your" or "my" or "their" or "his" or "her" && k + 1 < end && chain.MatchAt(tokens, k + 1, end) > 0)
        {
            return k + 1;
        }

        return k < end && chain.MatchAt(tokens, k, end) > 0 ? k : -1;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "my", "your", "his", "her", "our", "their", "its", "every", "each", "any", "no",
    };

    /// <summary>
    /// "a note", "the log", "her record", "every email": a transfer word straight after a determiner is a noun (the thing),
    /// not the act of passing something on.
    /// </summary>
    private static bool IsNounAfterDeterminer(Token[] tokens, SentenceInfo sentence, int k) =>
        k > sentence.FirstToken && Determiners.Contains(tokens[k - 1].Text);

    /// <summary>"you told him", "they sent it": the other person's (or someone else's) act, not the learner passing something on.</summary>
    private static bool IsOtherPersonsAct(Token[] tokens, SentenceInfo sentence, int verb)
    {
        if (verb == sentence.FirstToken || tokens[verb - 1].Text is not ("you" or "they" or "he" or "she"))
        {
            return false;
        }

        // "could you send", "please can you forward": a request, which still moves the information along.
        return verb - 2 < sentence.FirstToken || tokens[verb - 2].Text is not ("can" or "could" or "would" or "will" or "please");
    }

    // What was passed on is named: "tell her exactly which items", "let him know what was agreed", "about the £80 charge".
    private static readonly HashSet<string> ContentMarkers = new(StringComparer.Ordinal) { "about", "exactly", "which", "what", "when", "why", "how", "where" };

    /// <summary>A number, an amount, a date or day (9th, 14:15), a reference, another information word or a named content in tokens [from, to).</summary>
    private static bool HasSpecific(Token[] tokens, int from, int to, Lexicon objects, Lexicon days, Lexicon numbers)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Kind == TokenKind.Number || objects.MatchAt(tokens, k, to) > 0 || days.MatchAt(tokens, k, to) > 0 || numbers.MatchAt(tokens, k, to) > 0
                || tokens[k].Text.Any(char.IsAsciiDigit) || ContentMarkers.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the clause of the token at <paramref name="at"/> ends: what is told to someone follows the telling in its own
    /// clause ("tell her it's coming Friday"); a detail after a comma, "and" or "so" belongs to a further act ("I'll email her,
    /// and if we hear nothing by Friday I'll chase").
    /// </summary>
    private static int ClauseEnd(Token[] tokens, int at, int end)
    {
        var k = at + 1;
        while (k < end && tokens[k].Clause == tokens[at].Clause)
        {
            k++;
        }

        return k;
    }

    /// <summary>A number, or a code that carries a digit ("12C", "LE4", "MS-1193"): a specific detail.</summary>
    private static bool IsDetail(Token token) => token.Kind == TokenKind.Number || token.Text.Any(char.IsAsciiDigit);

    /// <summary>
    /// An identifier given out: a reference word followed by a code with a digit in it, at most "is" between ("booking ref
    /// K7P2LQ", "the postcode is OX7 3JG", "job number 88213"). Whoever it belongs to, handing it over is a report.
    /// </summary>
    private static bool IdentifierAt(Token[] tokens, int k, int end, Lexicon references)
    {
        var length = references.MatchAt(tokens, k, end);
        if (length == 0)
        {
            return false;
        }

        var at = k + length;
        if (at < end && tokens[at].Text is "is" or "was" or "of")
        {
            at++;
        }

        return at < end && IsDetail(tokens[at]);
    }

    /// <summary>"tell her to ring back", "ask the driver to wait": the person is followed by "to" and a verb, not by what they are told.</summary>
    private static bool IsDirective(Token[] tokens, int from, int end) =>
        from + 1 < end && tokens[from].Text == "to" && tokens[from + 1].Kind == TokenKind.Word
        && tokens[from + 1].Text is not ("the" or "a" or "an" or "my" or "our" or "your" or "his" or "her" or "their" or "them" or "him" or "us" or "me" or "you" or "it" or "this" or "that");

    // A term defined ("P2 means priority 2", "ODR stands for..."): the number belongs to the definition, not to a report of
    // the case.
    private static readonly HashSet<string> NotAReport = new(StringComparer.Ordinal)
    {
        "means", "stands",
    };

    private static readonly HashSet<string> AgreementWords = new(StringComparer.Ordinal)
    {
        "contract", "agreement", "agreed", "sla", "terms",
    };

    /// <summary>"What does T-3 mean?", "what's a P2?", "what do the letters stand for": they ask what a term means.</summary>
    private static bool AsksWhatItMeans(Token[] other)
    {
        for (var k = 0; k < other.Length; k++)
        {
            if (other[k].Text is "mean" or "means" or "meaning" or "stand" or "stands"
                || (other[k].Text == "what" && k + 2 < other.Length && other[k + 1].Text is "is" or "are" && other[k + 2].Text is "a" or "an"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The other person's own words hold this number or code ("What does T-3 mean?").</summary>
    private static bool TheyGave(Token[] theirs, string text)
    {
        foreach (var token in theirs)
        {
            if (token.Text == text)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A statement about a third party (the customer, she, the warehouse) that carries a specific detail (a number, a day, a count).</summary>
    private static bool IsCaseFact(Token[] tokens, Token[] theirs, SentenceInfo sentence, Lexicon chain, Lexicon days, Lexicon numbers, Lexicon references, out int detailAt)
    {
        detailAt = -1;
        var party = false;
        var details = 0;
        var agreementClause = -1;
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            party |= chain.MatchAt(tokens, k, sentence.EndToken) > 0 || IdentifierAt(tokens, k, sentence.EndToken, references);
            if (NotAReport.Contains(tokens[k].Text))
            {
                return false;
            }

            // "Our contract says two attempts", "we agreed ten working days": the figures in that clause are the terms of an
            // agreement, not a report; a further clause can still report ("..., and it's only been 24").
            if (AgreementWords.Contains(tokens[k].Text) && agreementClause < 0 && detailAt < 0)
            {
                agreementClause = tokens[k].Clause;
            }

            if (tokens[k].Clause == agreementClause)
            {
                continue;
            }

            // "What does T-3 mean?" - "T-3 is...": a number or code they gave themselves is the term under discussion, not a
            // detail passed to them.
            if (IsDetail(tokens[k]) && TheyGave(theirs, tokens[k].Text))
            {
                continue;
            }

            if (IsDetail(tokens[k]) || days.MatchAt(tokens, k, sentence.EndToken) > 0 || numbers.MatchAt(tokens, k, sentence.EndToken) > 0)
            {
                detailAt = detailAt < 0 ? k : detailAt;
                details++;
            }
        }

        // "The till on counter 2 froze at 9:05": two specifics make a report even without a named third party.
        party |= details >= MinDetailsWithoutParty;

        // A plan or a proposal ("I'll rebook it for Friday", "if you send 20 now...") is a next step, not a fact.
        var plan = tokens[sentence.FirstToken].Text == "if";
        for (var k = sentence.FirstToken; k + 1 < sentence.EndToken && !plan; k++)
        {
            plan = tokens[k].Text is "i" or "we" && tokens[k + 1].Text is "will" or "am" or "can" or "could" or "would" or "shall";
        }

        return party && detailAt >= 0 && !plan;
    }
}
