using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Explanation: the entry's cues (causes, "what happened was", "it takes N days") plus statements of what was done to
/// something - the passive voice ("it was held at the depot", "the change was logged but not sent on", "complaints have
/// to be answered within 10 days"). A passive about the learner or the other person ("I was told", "you were charged")
/// is not counted (that is reporting or paraphrase), nor a telling or giving verb whose subject is a person in the
/// chain ("she was told on the phone", "we were given the 14th": what someone was told, not what happened), nor a
/// feeling ("I was worried"), nor a question; a clause that blames is an excuse, not an explanation (the fact in the
/// clause before "..., you should have replied" still explains). Also a reason joined by "so/as/since" (including "so
/// technically he's not late" and "so it left at 14:41"), a term defined ("X means...", "X = Y", or an answer to "what
/// is X?"), and the rule or fact behind a refusal in the clause after it ("I can't send the list outside - it's full of
/// names and addresses"). A limit that follows from a reason ("what's said in mediation is confidential, so I can't
/// share it"; not a reason about the learner, "I'm not a counsellor so I can't advise"; not what the learner needs or
/// expects from the listener, "so we'll need it back by 2", nor a purpose after a request, "could you note it, so our
/// team has it"), a consequence with an indefinite subject ("so nobody can make you come"), and what someone else did,
/// in the past tense at the start of a clause ("the surgery only sent it over at half one", "a new starter did the
/// transfer"; not a reporting verb, "the customer asked for..."). When the reply keeps someone's details back, naming
/// them is the reason for the refusal ("it's her personal data"), not a breach. Also a rule told with the condition
/// that limits it, in the present tense ("we don't tell your GP anything unless you ask us to", "we only open a record
/// when we're dispensing"; not a promise, an instruction or the listener's choice), and an acronym spelled out by the
/// words after it ("FTTC is fibre to the cabinet"). Hedged causes ("probably a lease issue", "looks like a LOS") and
/// automatic processes ("it renews automatically") are catalogue cues.
/// </summary>
internal sealed class ExplanationRule : IMarkingPointRule
{
    public const double Passive = 0.6;
    public const double CauseAndEffect = 0.6;
    public const double Defined = 0.6;
    public const double ReasonForNo = 0.6;
    public const double Conditional = 0.6;

    private static readonly string[] NotExplaining = ["blame", "confidentiality_breach"];

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "it", "that", "this", "they", "he", "she", "we", "there", "the", "your", "our", "their", "his", "her", "its", "those", "these",
    };

    // After a subject, the verb (or an adverb before it) that makes "so/as ..." a clause ("so it is", "as that was", "so it only").
    private static readonly HashSet<string> FiniteVerbs = new(StringComparer.Ordinal)
    {
        "is", "was", "are", "were", "has", "have", "had", "does", "did", "can", "could", "will", "would", "should", "needs", "need",
        "goes", "falls", "means", "takes", "depends", "comes", "runs", "gets", "counts", "covers", "only", "not", "still", "always",
    };

    // "so" that does not link a reason to its consequence: degree ("so sorry", "so much"), purpose ("so that"), discourse
    // ("so yeah", "so what"), agreement ("so do I").
    private static readonly HashSet<string> NotConsequence = new(StringComparer.Ordinal)
    {
        "that", "much", "many", "far", "sorry", "glad", "happy", "good", "bad", "what", "yeah", "please", "do", "am", "is", "are",
        "long", "soon", "i", "you",
    };

    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal) { "was", "were", "been", "is", "are", "got", "gets" };
    // Clause openers and frames under which a passive is not a report of what happened: a condition or purpose ("if it was
    // lost", "so nothing gets missed"), an embedded question ("which items are delayed"), an apology or sympathy ("sorry it's
    // been left for you") or a guess ("I don't think anyone's been told").
    private static readonly HashSet<string> NotAReport = new(StringComparer.Ordinal)
    {
        "if", "so", "whether", "what", "unless", "once", "which", "who", "how", "why", "sorry", "think", "hope", "wonder", "guess",
    };
    private static readonly HashSet<string> PersonalSubjects = new(StringComparer.Ordinal) { "i", "you" };
    private static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "just", "already", "not", "never", "only", "also", "still", "then", "double", "wrongly", "accidentally", "automatically",
        "actually", "probably", "usually", "normally", "always", "all", "both", "definitely", "now",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var participles = input.Catalogue.Pipeline.Lexicon("irregular_participles");
        var notParticiples = input.Catalogue.Pipeline.Lexicon("state_adjectives");
        var chain = input.Catalogue.Pipeline.Lexicon("chain_people");
        var findings = new List<Finding>();

        // A clause that blames is an excuse, and a sentence that gives away someone's private circumstances is a breach: neither
        // explains. Blame in another clause of the sentence leaves the fact stated before or after it standing.
        // A reply that refuses to share ("I can't give that out", "we keep it confidential") names the private detail as the
        // reason ("it's her personal data", "her address isn't ours to look up"): that explains the refusal.
        var protects = ProtectsData(input);
        bool Blames(int token)
        {
            var sentence = input.Reply.SentenceOf(token);
            foreach (var id in NotExplaining)
            {
                if (input.Effective(id).Any(b => b.Start >= sentence.FirstToken && b.Start < sentence.EndToken && !(id == "confidentiality_breach" && protects)
                    && (id != "blame" || tokens[b.Start].Clause == tokens[token].Clause)))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var match in input.Effective(point.Id))
        {
            if (!Blames(match.Start) && !AsksWithoutQuestionMark(input, input.Reply.SentenceOf(match.Start)) && !IsRetort(input, match)
                && !RepeatsTheirWords(input, match))
            {
                findings.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "explained in"));
            }
        }

        var askedWhatItIs = input.HasOther && AsksWhatItIs(input.Other.Tokens);
        foreach (var sentence in input.Reply.Sentences)
        {
            if (sentence.QuestionMark || (sentence.TokenCount > 0 && BeForms.Contains(tokens[sentence.FirstToken].Text)))
            {
                continue;
            }

            var definition = Definition(input, sentence);
            if (definition.Start < 0 && askedWhatItIs)
            {
                definition = AnswersWhatItIs(input, sentence);
            }

            if (definition.Start >= 0 && !Blames(definition.Start))
            {
                findings.Add(new Finding(Defined, input.Span(definition.Start, definition.End), "said what it means:"));
            }

            var reason = RefusalReason(tokens, input.Reply.Source, sentence);
            if (reason.Start >= 0 && !Blames(reason.Start))
            {
                findings.Add(new Finding(ReasonForNo, input.Span(reason.Start, reason.End), "said why not:"));
            }

            var link = CausalLink(tokens, sentence, participles, notParticiples);
            if (link.Start >= 0 && !Blames(link.Start))
            {
                findings.Add(new Finding(CauseAndEffect, input.Span(link.Start, link.End), "gave the reason:"));
            }

            var happened = WhatHappened(tokens, input.Reply.Source, sentence, participles, notParticiples);
            if (happened.Start >= 0 && !Blames(happened.Start))
            {
                findings.Add(new Finding(Passive, input.Span(happened.Start, happened.End), "said what happened:"));
            }

            var condition = ConditionalRule(tokens, sentence);
            if (condition.Start >= 0 && !Blames(condition.Start))
            {
                findings.Add(new Finding(Conditional, input.Span(condition.Start, condition.End), "gave the rule:"));
            }

            // An acronym spelled out counts once with the term's definition in the same sentence ("LV = low voltage").
            var spelled = definition.Start < 0 ? SpelledOut(tokens, sentence, input.Catalogue.Pipeline.Lexicon("stopwords")) : (Start: -1, End: -1);
            if (spelled.Start >= 0 && !Blames(spelled.Start))
            {
                findings.Add(new Finding(Defined, input.Span(spelled.Start, spelled.End), "said what it means:"));
            }

            for (var k = sentence.FirstToken; k + 1 < sentence.EndToken; k++)
            {
                // "was held", "has been logged", "are checked"; "it's arrived" is "it has arrived", not a passive.
                if (!BeForms.Contains(tokens[k].Text) || tokens[k].Quoted || IsPersonal(tokens, sentence, k) || IsNotAReport(tokens, k) || IsContracted(tokens, k))
                {
                    continue;
                }

                var p = k + 1;
                while (p < sentence.EndToken - 1 && p - k <= 2 && (Adverbs.Contains(tokens[p].Text) || tokens[p].Text.EndsWith("ly", StringComparison.Ordinal)))
                {
                    p++;
                }

                if (IsParticiple(tokens[p].Text, participles, notParticiples) && !Blames(k) && !IsToldToSomeone(tokens, sentence, k, p, chain))
                {
                    findings.Add(new Finding(Passive, input.Span(k, p + 1), "said what happened:"));
                    break;
                }
            }
        }

        return Verdict.From(point, findings);
    }

    /// <summary>
    /// A strong confidentiality or boundaries cue that no breach cue overlaps: the reply keeps the details back, so the
    /// details it names are the reason for the refusal, not a disclosure.
    /// </summary>
    private static bool ProtectsData(RuleInput input)
    {
        var breaches = input.Effective("confidentiality_breach");
        return input.Effective("confidentiality").Concat(input.Effective("boundaries"))
            .Where(m => m.Cue.Tier == CueTier.Strong)
            .Any(m => !breaches.Any(b => b.Overlaps(m.Start, m.End)));
    }

    // Words that open a clause without being its subject: a connective, a question word, a politeness or the listener.
    private static readonly HashSet<string> NotAReasonOpener = new(StringComparer.Ordinal)
    {
        "but", "and", "or", "if", "so", "what", "which", "when", "where", "who", "whether", "even", "though", "although", "unless",
        "because", "as", "just", "not", "no", "yes", "please", "sorry", "thanks", "thank", "i", "you", "me", "a", "an", "to", "for",
        "in", "on", "at", "with", "without", "can", "will", "would", "could", "should", "do", "does", "did", "is", "are", "was",
        "were", "has", "have", "had", "let", "maybe", "otherwise", "then", "however", "unfortunately", "afraid",
    };

    /// <summary>
    /// The rule or fact behind a refusal, in the clause after it: "I can't send the list outside - it's full of names and
    /// addresses", "I can't tell you that, borrowing records are private", "we can't do that - only marketing can". The
    /// refusal is the learner's ("I/we can't", "I'm not able/allowed to"); the reason is a clause of its own that opens
    /// with its subject (a pronoun, or up to three words) and a finite verb. A reason about the learner ("I've done the
    /// last two") or addressed to the listener ("you'll need to...") is a personal limit or an instruction, not a rule.
    /// Returns tokens [Start, End) or (-1, -1).
    /// </summary>
    private static (int Start, int End) RefusalReason(Token[] tokens, string source, SentenceInfo sentence)
    {
        var refusal = -1;
        for (var k = sentence.FirstToken; k + 2 < sentence.EndToken; k++)
        {
            if (tokens[k].Text is not ("i" or "we") || tokens[k].Quoted)
            {
                continue;
            }

            var a = tokens[k + 1].Text;
            var b = tokens[k + 2].Text;
            var c = k + 3 < sentence.EndToken ? tokens[k + 3].Text : string.Empty;
            if ((a == "can" && b == "not") || (a is "am" or "are" && b == "not" && c is "able" or "allowed" or "permitted") || (a is "am" or "are" && b == "unable"))
            {
                refusal = k;
                break;
            }
        }

        if (refusal < 0)
        {
            return (-1, -1);
        }

        for (var k = refusal + 3; k + 1 < sentence.EndToken; k++)
        {
            if (tokens[k].Clause == tokens[k - 1].Clause || tokens[k].Quoted)
            {
                continue;
            }

            // "..., but I can ..." turns to what can be done instead: a clause after it gives no reason for the refusal.
            if (tokens[k].Text is "but" or "however" or "instead")
            {
                break;
            }

            // "I can't decide that, that's Coach Davies" hands the matter on; after a dash "that's" gives the reason ("- that's
            // the same for everyone").
            if (tokens[k].Text == "that" && !AfterDash(source, tokens[k - 1].End, tokens[k].Start))
            {
                continue;
            }

            // "- only marketing can", "- it's full of names": skip a leading "only", then the subject and its verb.
            var at = tokens[k].Text == "only" ? k + 1 : k;
            if (at >= sentence.EndToken || NotAReasonOpener.Contains(tokens[at].Text) || tokens[at].Kind != TokenKind.Word)
            {
                continue;
            }

            for (var v = at + 1; v < sentence.EndToken && v <= at + 3 && tokens[v].Clause == tokens[k].Clause; v++)
            {
                var verb = tokens[v].Text;
                if ((FiniteVerbs.Contains(verb) || verb is "do" or "goes" or "go" or "belongs" or "stays" or "protects" or "keeps" or "keep" or "never")
                    && !(tokens[at].Text == "we" && verb is "can" or "could" or "will" or "would" or "should"))
                {
                    if (Subjects.Contains(tokens[at].Text) || v > at + 1 || tokens[at].Text.Length > 2)
                    {
                        return (refusal, Math.Min(sentence.EndToken, v + 3));
                    }
                }

                if (PronounLike.Contains(verb) || NotAReasonOpener.Contains(verb))
                {
                    break;
                }
            }
        }

        return (-1, -1);
    }

    // What closes a condition's reach for "only": the words that name when or on what terms the rule applies.
    private static readonly HashSet<string> ConditionWords = new(StringComparer.Ordinal) { "when", "once", "if", "after", "until", "till" };

    // A future, a wish or an offer in the main clause makes "unless/only if" a promise about this case, not a rule.
    private static readonly HashSet<string> NotARule = new(StringComparer.Ordinal)
    {
        "will", "shall", "would", "could", "might", "maybe", "going", "let", "please", "want", "like", "prefer", "happy", "try",
    };

    /// <summary>
    /// A rule told with the condition that limits it, in the present tense: "we don't tell your GP anything unless you ask
    /// us to", "what he says stays with me unless there's a safeguarding concern", "we only open a record when we're
    /// dispensing for them", "a visit is only chargeable if...", "the nurses can only share it with his permission". Not a
    /// promise or wish about this case ("I'll keep your name out of it unless...", "I'd rather not unless..."), an instruction
    /// ("don't sign anything unless..."), or a choice left to the listener ("you don't have to talk unless you want to").
    /// Returns tokens [Start, End) or (-1, -1).
    /// </summary>
    private static (int Start, int End) ConditionalRule(Token[] tokens, SentenceInfo sentence)
    {
        var first = sentence.FirstToken;
        if (sentence.TokenCount < 5 || tokens[first].Text is "do" or "please" or "just" or "if")
        {
            return (-1, -1);
        }

        for (var k = first + 1; k + 2 < sentence.EndToken; k++)
        {
            if (tokens[k].Quoted)
            {
                continue;
            }

            var condition = -1;
            if (tokens[k].Text == "unless")
            {
                condition = k;
            }
            else if (tokens[k].Text == "only" && tokens[k - 1].Text is not ("if" or "not" or "the" or "an" or "my" or "our" or "your"))
            {
                for (var j = k + 1; j + 1 < sentence.EndToken && j <= k + 8; j++)
                {
                    var word = tokens[j].Text;
                    if (word is "but" or "and" or "or" or "so" or "because")
                    {
                        break;
                    }

                    if (ConditionWords.Contains(word)
                        || (word == "with" && j + 2 < sentence.EndToken && tokens[j + 2].Text is "consent" or "permission" or "agreement"))
                    {
                        condition = j;
                        break;
                    }
                }
            }

            if (condition < 0)
            {
                continue;
            }

            // The main clause, from the sentence start: a rule, not a promise, wish or offer.
            var rule = true;
            for (var m = first; m < condition; m++)
            {
                if (NotARule.Contains(tokens[m].Text))
                {
                    rule = false;
                    break;
                }
            }

            // "unless you want to", "unless you'd rather": the listener's choice, not a condition of the rule.
            for (var m = condition + 1; m < sentence.EndToken && m <= condition + 3; m++)
            {
                if (NotARule.Contains(tokens[m].Text) || tokens[m].Text is "rather" or "ok" or "okay" or "mind")
                {
                    rule = false;
                }
            }

            if (rule)
            {
                return (Math.Max(first, condition - 4), Math.Min(sentence.EndToken, condition + 4));
            }
        }

        return (-1, -1);
    }

    // Small words an expansion may carry that are not in the initials ("fibre to the cabinet" is FTTC; "Department for Work and Pensions" is DWP).
    private static readonly HashSet<string> Linking = new(StringComparer.Ordinal) { "of", "for", "and", "the", "to", "in", "on", "a", "an", "&" };

    /// <summary>
    /// An acronym spelled out by the words after it: "FTTC is fibre to the cabinet", "the SLA (service level agreement)",
    /// "a DWP - Department for Work and Pensions - form". The words' first letters give the acronym's letters in order;
    /// a small linking word may be skipped, and a shorter acronym may stand for its own letters ("NHSBSA is the NHS
    /// Business Services Authority"). Up to three words ("is", "stands for", "the") may come between. Returns tokens
    /// [Start, End) or (-1, -1).
    /// </summary>
    private static (int Start, int End) SpelledOut(Token[] tokens, SentenceInfo sentence, Lexicon stopwords)
    {
        // Room for the longest acronym (7 letters): its window of tokens x (letters + 1) x (words 0, 1, 2+).
        Span<bool> deadEnds = stackalloc bool[((7 * 3) + 3) * 8 * 3];
        for (var k = sentence.FirstToken; k + 2 < sentence.EndToken; k++)
        {
            var acronym = tokens[k].Text;
            if (!tokens[k].AllCaps || tokens[k].Kind != TokenKind.Word || acronym.Length is < 2 or > 7 || !acronym.All(char.IsLetter)
                || stopwords.Contains(acronym))
            {
                continue;
            }

            for (var s = k + 1; s < sentence.EndToken && s <= k + 4; s++)
            {
                if (Linking.Contains(tokens[s].Text))
                {
                    continue;
                }

                // An expansion is a few words per letter; the window and the memo of dead ends keep a hostile run of
                // linking words ("a on an of a on...") from making the search exponential.
                var window = Math.Min(sentence.EndToken, s + (acronym.Length * 3) + 2);
                var states = deadEnds[..((window - s + 1) * (acronym.Length + 1) * 3)];
                states.Clear();
                var end = Spells(tokens, s, window, acronym, 0, 0, s, states);
                if (end > 0)
                {
                    return (k, end);
                }
            }
        }

        return (-1, -1);

        // The words from `at` give the letters of `acronym` from `letter` on; returns the token after the last, or -1.
        // The answer depends only on (at, letter, words capped at 2), so a state that failed once is not searched again.
        static int Spells(Token[] tokens, int at, int to, string acronym, int letter, int words, int origin, Span<bool> deadEnds)
        {
            if (letter == acronym.Length)
            {
                return words >= 2 ? at : -1;
            }

            if (at >= to || tokens[at].Kind != TokenKind.Word || tokens[at].Text == acronym)
            {
                return -1;
            }

            var state = ((((at - origin) * (acronym.Length + 1)) + letter) * 3) + Math.Min(words, 2);
            if (deadEnds[state])
            {
                return -1;
            }

            var text = tokens[at].Text;
            var step = tokens[at].AllCaps
                ? (text.Length >= 2 && acronym.AsSpan(letter).StartsWith(text, StringComparison.Ordinal) ? text.Length : 0)
                : (text[0] == acronym[letter] ? 1 : 0);
            if (step > 0)
            {
                var end = Spells(tokens, at + 1, to, acronym, letter + step, words + 1, origin, deadEnds);
                if (end > 0)
                {
                    return end;
                }
            }

            var skipped = words > 0 && Linking.Contains(text) ? Spells(tokens, at + 1, to, acronym, letter, words, origin, deadEnds) : -1;
            deadEnds[state] = skipped < 0;
            return skipped;
        }
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "our", "your", "their", "his", "her",
    };

    // Past tenses that are not participles ("the driver broke down", "the customer rang", "a new starter did the transfer").
    private static readonly HashSet<string> PastSimple = new(StringComparer.Ordinal)
    {
        "rang", "did", "had", "went", "came", "took", "gave", "broke", "forgot", "got", "ran", "fell", "wrote", "drove", "sold",
    };

    private static readonly HashSet<string> NotInASubject = new(StringComparer.Ordinal)
    {
        "i", "you", "we", "he", "she", "it", "they", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could",
        "should", "may", "might", "must", "has", "have", "do", "does", "not", "to", "and", "or", "if", "that", "which", "who",
        "of", "off", "on", "in", "at", "for", "with", "from", "by", "says", "shows", "allows", "requires", "states", "lets", "makes",
        "means", "takes", "covers", "needs", "gets", "runs", "goes", "comes",
    };

    // Reporting verbs pass a message on ("the customer asked for it to go next door"); they do not say what went wrong.
    private static readonly HashSet<string> Reporting = new(StringComparer.Ordinal)
    {
        "asked", "told", "said", "requested", "wanted", "mentioned", "explained", "confirmed", "agreed",
    };

    /// <summary>
    /// What someone else did, told in the past tense at the start of a clause: "the supplier sent the wrong one on Monday",
    /// "a new starter did the transfer", "the surgery only sent it over at half one", "the label had the old postcode on it".
    /// The subject is a determiner and one to three words (not the learner or the listener); the verb is a past tense, with
    /// at most one adverb before it. Returns tokens [Start, End) or (-1, -1).
    /// </summary>
    private static (int Start, int End) WhatHappened(Token[] tokens, string source, SentenceInfo sentence, Lexicon participles, Lexicon notParticiples)
    {
        for (var k = sentence.FirstToken; k + 2 < sentence.EndToken; k++)
        {
            var opens = k == sentence.FirstToken || tokens[k].Clause != tokens[k - 1].Clause
                || (tokens[k - 1].Text is "and" or "but" or "then" && (k - 1 == sentence.FirstToken || tokens[k - 1].Clause != tokens[k - 2].Clause));
            if (!opens || !Determiners.Contains(tokens[k].Text) || tokens[k].Quoted)
            {
                continue;
            }

            var v = k + 1;
            while (v < sentence.EndToken && v <= k + 3 && tokens[v].Kind == TokenKind.Word && tokens[v].Clause == tokens[k].Clause
                && !NotInASubject.Contains(tokens[v].Text) && !IsPast(tokens[v].Text))
            {
                v++;
            }

            if (v == k + 1 || v >= sentence.EndToken || tokens[v].Clause != tokens[k].Clause)
            {
                continue;
            }

            if (tokens[v].Text is "only" or "just" or "already" or "never" or "then" or "accidentally" or "also" or "actually" && v + 1 < sentence.EndToken)
            {
                v++;
            }

            // "her mum's got", "his dad's moved out": "'s" here is "has", a present perfect about someone, not a past event.
            var before = tokens[v - 1];
            var contracted = before.End - before.Start >= 3 && source[before.End - 1] is 's' or 'S' && source[before.End - 2] is '\'' or '\u2019';
            if (IsPast(tokens[v].Text) && !tokens[v].Negated && !Reporting.Contains(tokens[v].Text) && !contracted)
            {
                return (k, Math.Min(sentence.EndToken, v + 2));
            }
        }

        return (-1, -1);

        // A participle that is not also a past tense ("taken", "shown", "done") follows a noun as a description, not a verb.
        bool IsPast(string verb) =>
            (IsParticiple(verb, participles, notParticiples) && !ParticipleOnly(verb)) || PastSimple.Contains(verb);

        static bool ParticipleOnly(string verb) =>
            verb.EndsWith("en", StringComparison.Ordinal) || verb.EndsWith("wn", StringComparison.Ordinal) || verb is "done" or "seen";
    }

    // Subjects that name no one in particular: "so a week isn't enough", "so nobody can make you", "so an LV fault only hits".
    private static readonly HashSet<string> IndefiniteSubjects = new(StringComparer.Ordinal)
    {
        "a", "an", "every", "each", "nobody", "everyone", "everybody", "nothing", "everything", "anyone",
    };

    /// <summary>
    /// "I'm not a counsellor so I can't advise", "I'm on reception so...": a reason about the learner is a personal limit,
    /// not an explanation of how things work.
    /// </summary>
    private static bool AboutThemselves(Token[] tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Text == "i" && !tokens[k].Quoted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"can not", "could not", "am not able/allowed", "am unable", "have to" at <paramref name="at"/>: a limit or an obligation.</summary>
    private static bool BoundBy(Token[] tokens, int at, int end)
    {
        if (at + 1 >= end)
        {
            return false;
        }

        var a = tokens[at].Text;
        var b = tokens[at + 1].Text;
        var c = at + 2 < end ? tokens[at + 2].Text : string.Empty;
        return (a is "can" or "could" && b == "not") || (a == "have" && b == "to") || (a is "am" or "are" && b == "unable")
            || (a is "am" or "are" && b == "not" && c is "able" or "allowed" or "permitted");
    }

    private static bool Joins(Token[] tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Text is "but" or "and" or "or")
            {
                return true;
            }
        }

        return false;
    }

    private static bool AfterDash(string source, int from, int to) =>
        from < to && source.AsSpan(from, to - from).IndexOfAny("-\u2013\u2014") >= 0;

    private static readonly HashSet<string> PronounLike = new(StringComparer.Ordinal) { "i", "you", "me", "we", "it", "they", "he", "she" };

    /// <summary>
    /// A reason joined to what follows from it inside one statement: "the part was on back order, so the engineer comes
    /// Thursday", "I can't swap it as it's accidental damage". The consequence ("so") needs a clause before it and a subject
    /// and verb after it; the reason ("as/since") needs a subject and verb after it. Returns tokens [Start, End) or (-1, -1).
    /// </summary>
    private static (int Start, int End) CausalLink(Token[] tokens, SentenceInfo sentence, Lexicon participles, Lexicon notParticiples)
    {
        // "As she's over 18, her records are hers": a reason opening the sentence, then the consequence.
        var first = sentence.FirstToken;
        if (first + 4 < sentence.EndToken && tokens[first].Text is "as" or "since" && Subjects.Contains(tokens[first + 1].Text)
            && tokens[first + 1].Text is not ("the" or "your" or "our" or "their" or "his" or "her" or "its" or "those" or "these")
            && FiniteVerbs.Contains(tokens[first + 2].Text) && !tokens[first].Quoted)
        {
            return (first, Math.Min(sentence.EndToken, first + 6));
        }

        for (var k = sentence.FirstToken + 3; k + 2 < sentence.EndToken; k++)
        {
            var word = tokens[k].Text;
            if (tokens[k].Quoted || word is not ("so" or "as" or "since"))
            {
                continue;
            }

            var next = tokens[k + 1].Text;

            // "..., so we'll need it back by 2", "so we'd expect the current rate": what the learner needs from the listener is a
            // request with its ground, not an explanation.
            if (word == "so" && next == "we" && StatesANeed(tokens, k + 2, sentence.EndToken))
            {
                continue;
            }

            // "..., so I can't change it", "so we have to wait": what the learner cannot or must do follows from the reason
            // before it; a purpose ("so I can check") is never a "can't" or a "have to".
            if (word == "so" && next is "i" or "we" && BoundBy(tokens, k + 2, sentence.EndToken) && !AboutThemselves(tokens, sentence.FirstToken, k))
            {
                return (sentence.FirstToken, Math.Min(sentence.EndToken, k + 5));
            }

            if ((word == "so" && (NotConsequence.Contains(next) || LearnerActsBefore(tokens, sentence.FirstToken, k))) || (word != "so" && tokens[k - 1].Text is "as" or "same" or "such" or "just" or "soon" or "ever"))
            {
                continue;
            }

            // "so technically he's not late": a sentence adverb between "so" and the subject.
            var subjectAt = k + 1;
            if (word == "so" && subjectAt + 2 < sentence.EndToken && next.Length >= 6 && next.EndsWith("ly", StringComparison.Ordinal)
                && Subjects.Contains(tokens[subjectAt + 1].Text))
            {
                subjectAt++;
                next = tokens[subjectAt].Text;
            }

            // A subject (a pronoun, or a determiner and up to two words) then a finite verb.
            var verbAt = subjectAt + 1;
            var indefinite = IndefiniteSubjects.Contains(next);
            if (next is "the" or "your" or "our" or "their" or "his" or "her" or "its" or "those" or "these" or "a" or "an" or "every" or "each")
            {
                while (verbAt < sentence.EndToken && verbAt <= subjectAt + 3 && !FiniteVerbs.Contains(tokens[verbAt].Text))
                {
                    verbAt++;
                }
            }

            var past = verbAt <= subjectAt + 3 && IsPastTense(tokens[verbAt].Text) && !Joins(tokens, subjectAt, verbAt);
            if ((Subjects.Contains(next) || indefinite) && verbAt < sentence.EndToken && (FiniteVerbs.Contains(tokens[verbAt].Text) || past))
            {
                return (sentence.FirstToken, Math.Min(sentence.EndToken, verbAt + 3));
            }
        }

        return (-1, -1);

        // "so it left at 14:41", "so they cancelled it": what happened as a result, in the past tense (not "so it's worried").
        bool IsPastTense(string verb) => IsParticiple(verb, participles, notParticiples);
    }

    /// <summary>A regular "-ed" form or an irregular participle, not a state adjective ("worried", "confused").</summary>
    private static bool IsParticiple(string verb, Lexicon participles, Lexicon notParticiples) =>
        ((verb.Length >= 5 && verb.EndsWith("ed", StringComparison.Ordinal)) || participles.Contains(verb)) && !notParticiples.Contains(verb);

    /// <summary>
    /// A term and what it means: "'Within tolerance' means the manufacturer allows...", "DOA means dead on arrival", "RTV =
    /// return to vendor" (an equals sign with a space either side). The
    /// pronoun forms ("it means", "which means") are catalogue cues. Not when the meaning only repeats the term ("awaiting
    /// allocation means it hasn't been allocated") or the person's own words, nor "it means a lot"-style feelings.
    /// Returns tokens [Start, End) or (-1, -1).
    /// </summary>
    private static (int Start, int End) Definition(RuleInput input, SentenceInfo sentence)
    {
        var tokens = input.Reply.Tokens;
        var source = input.Reply.Source;

        // "RTV = return to vendor": a term, an equals sign standing alone, and at least two words of meaning of its own.
        for (var k = sentence.FirstToken + 1; k + 1 < sentence.EndToken && k <= sentence.FirstToken + 5; k++)
        {
            var gap = source.AsSpan(tokens[k - 1].End, Math.Max(0, tokens[k].Start - tokens[k - 1].End));
            if (gap.Trim().SequenceEqual("=") && gap.Length >= 3)
            {
                var term = input.ContentStems(tokens, sentence.FirstToken, k);
                var meaning = input.ContentStems(tokens, k, sentence.EndToken);
                if (term.Count > 0 && meaning.Count >= 2 && !meaning.IsSubsetOf(term))
                {
                    return (sentence.FirstToken, Math.Min(sentence.EndToken, k + 4));
                }
            }
        }

        for (var k = sentence.FirstToken + 1; k + 2 < sentence.EndToken; k++)
        {
            var previous = tokens[k - 1].Text;
            if (tokens[k].Text != "means" || tokens[k].Negated || previous is "it" or "this" or "that" or "which" or "what" or "all" or "by" or "no")
            {
                continue;
            }

            // "Sixty emails means we're behind" draws a consequence from a quantity; it defines nothing.
            if (HasQuantity(input, sentence.FirstToken, k))
            {
                continue;
            }

            var term = input.ContentStems(tokens, sentence.FirstToken, k);
            var meaning = input.ContentStems(tokens, k + 1, sentence.EndToken);
            if (term.Count > 0 && meaning.Count >= 2 && !meaning.Overlaps(term) && !input.TheySaid(meaning))
            {
                return (sentence.FirstToken, Math.Min(sentence.EndToken, k + 4));
            }
        }

        return (-1, -1);
    }

    private static readonly HashSet<string> DefinitionOpeners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "when", "where", "basically", "just", "how", "what", "for", "our", "your", "someone", "something",
    };

    /// <summary>
    /// Asked what something is or means ("What's a DOA?", "what does L2 mean?"), a sentence that opens "X is a...", "it's
    /// when...", "X stands for..." and brings at least three words of its own.
    /// </summary>
    private static (int Start, int End) AnswersWhatItIs(RuleInput input, SentenceInfo sentence)
    {
        var tokens = input.Reply.Tokens;
        var last = Math.Min(sentence.EndToken - 2, sentence.FirstToken + 6);
        for (var k = sentence.FirstToken + 1; k <= last; k++)
        {
            var stands = tokens[k].Text == "stands" && tokens[k + 1].Text == "for";
            if ((!stands && !(tokens[k].Text is "is" or "are" && DefinitionOpeners.Contains(tokens[k + 1].Text))) || tokens[k].Negated
                || NotATerm.Contains(tokens[k - 1].Text))
            {
                continue;
            }

            var meaning = input.ContentStems(tokens, k + 1, sentence.EndToken);
            meaning.ExceptWith(input.OtherStems);
            if (meaning.Count >= 3)
            {
                return (sentence.FirstToken, Math.Min(sentence.EndToken, k + 5));
            }
        }

        return (-1, -1);
    }

    // "There's a woman kicking off", "she's a regular", "that's a data protection thing": a subject that is not the term asked about.
    private static readonly HashSet<string> NotATerm = new(StringComparer.Ordinal)
    {
        "there", "here", "that", "this", "i", "you", "we", "they", "he", "she", "who", "which", "what",
    };

    /// <summary>"What's an RMA?", "what is the WMS?", "what does escalate to L2 mean?".</summary>
    private static bool AsksWhatItIs(Token[] other)
    {
        for (var k = 0; k + 2 < other.Length; k++)
        {
            if (other[k].Text == "what" && other[k + 1].Text is "is" or "are" && other[k + 2].Text is "a" or "an" or "the" or "this" or "that" or "these" or "those")
            {
                return true;
            }
        }

        return other.Any(t => t.Text is "mean" or "means" or "meaning" or "stand" or "stands");
    }

    private static bool HasQuantity(RuleInput input, int from, int to)
    {
        var numbers = input.Catalogue.Pipeline.Lexicon("number_words");
        for (var k = from; k < to; k++)
        {
            if (input.Reply.Tokens[k].Kind == TokenKind.Number || numbers.Contains(input.Reply.Tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"It means it's awaiting allocation" (asked what "awaiting allocation" means): the meaning only gives back their words.</summary>
    private static bool RepeatsTheirWords(RuleInput input, CueMatch match)
    {
        if (!input.HasOther || input.Reply.Tokens[match.End - 1].Text != "means")
        {
            return false;
        }

        var sentence = input.Reply.SentenceOf(match.Start);
        return input.TheySaid(input.ContentStems(input.Reply.Tokens, match.End, sentence.EndToken));
    }

    /// <summary>"Because those are the rules.", "Because it's locked.": a curt "because" answer is a brush-off, not an explanation.</summary>
    private static bool IsRetort(RuleInput input, CueMatch match) =>
        match.Start == 0 && input.Reply.Tokens[0].Text == "because" && input.Reply.SentenceOf(0).TokenCount <= 8;

    /// <summary>"(we) need", "will need", "would expect", "will be expecting" at <paramref name="at"/>: what the learner needs or expects.</summary>
    private static bool StatesANeed(Token[] tokens, int at, int end)
    {
        for (var k = at; k < end && k <= at + 2; k++)
        {
            if (tokens[k].Text is "need" or "expect" or "expecting")
            {
                return true;
            }

            if (tokens[k].Text is not ("will" or "would" or "be" or "still" or "really" or "also"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "I'll redo the rota so it's fairer", "let me note it so they know": an act of the learner's, so "so" states a purpose;
    /// likewise after a request ("could you note what failed, so our team has it", "please leave the key so the cleaner can
    /// get in").
    /// </summary>
    private static bool LearnerActsBefore(Token[] tokens, int from, int to)
    {
        for (var k = from; k + 1 < to; k++)
        {
            var next = tokens[k + 1].Text;
            if ((tokens[k].Text is "i" or "we" && next is "will" or "shall" or "can" or "could" or "would" or "have" or "had" or "am" or "need" or "want")
                || (tokens[k].Text == "let" && next is "me" or "us")
                || (tokens[k].Text is "can" or "could" or "would" or "will" && next == "you") || tokens[k].Text == "please")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"if it wasn't passed on", "which items are delayed", "sorry it's been left": not a report of what happened.</summary>
    private static bool IsNotAReport(Token[] tokens, int be)
    {
        for (var k = be - 1; k >= 0 && tokens[k].Clause == tokens[be].Clause; k--)
        {
            if (NotAReport.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "it's", "we're": a contracted "is/are" may stand for "has" ("it's arrived"), so only full forms count; "have got" is
    /// possession, not a passive.
    /// </summary>
    private static bool IsContracted(Token[] tokens, int be) =>
        (tokens[be].Text is "is" or "are" && be > 0 && tokens[be - 1].Start == tokens[be].Start) ||
        (tokens[be].Text is "got" && be > 0 && tokens[be - 1].Text is "have" or "has" or "had");

    /// <summary>"I was told", "you were charged", "you've been passed around": about the speaker or the listener.</summary>
    private static bool IsPersonal(Token[] tokens, SentenceInfo sentence, int be)
    {
        for (var k = be - 1; k >= sentence.FirstToken && k >= be - 2; k--)
        {
            if (PersonalSubjects.Contains(tokens[k].Text))
            {
                return true;
            }

            if (tokens[k].Text is not ("have" or "has" or "had" or "will" or "would" or "not" or "might" or "may" or "must" or "could" or "should" or "can"))
            {
                return false;
            }
        }

        return false;
    }

    // Verbs of telling and giving: their passive has the person told as its subject.
    private static readonly HashSet<string> TellingVerbs = new(StringComparer.Ordinal)
    {
        "told", "informed", "promised", "given", "asked", "advised", "notified", "warned", "offered", "reassured",
    };

    // Auxiliaries and adverbs that may stand between a subject and its "was/been": "she has already been told".
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "is", "was", "will", "would", "not", "already", "just", "also", "since", "now", "all", "both",
    };

    /// <summary>
    /// "She was told on the phone", "the customer has been promised a refund", "we were given the 14th": a passive of a
    /// telling or giving verb whose subject is a person in the chain reports what someone was told (the information
    /// passed on), not what happened to something or why. A thing promised ("four jobs that were promised first") or a
    /// failure to tell ("you should have been told") is left to count.
    /// </summary>
    private static bool IsToldToSomeone(Token[] tokens, SentenceInfo sentence, int be, int participle, Lexicon chain)
    {
        if (!TellingVerbs.Contains(tokens[participle].Text))
        {
            return false;
        }

        var k = be - 1;
        while (k >= sentence.FirstToken && k >= be - 3 && Auxiliaries.Contains(tokens[k].Text))
        {
            k--;
        }

        return k >= sentence.FirstToken && (tokens[k].Text is "we" or "they" || chain.Contains(tokens[k].Text));
    }

    /// <summary>"What has happened to my parcel" typed without '?': a wh- word and an auxiliary, and no "... is/was" after (not "what has happened is").</summary>
    private static bool AsksWithoutQuestionMark(RuleInput input, SentenceInfo sentence)
    {
        var tokens = input.Reply.Tokens;
        var pipeline = input.Catalogue.Pipeline;
        var first = sentence.FirstToken;
        if (sentence.TokenCount < 2 || !pipeline.Lexicon("question_words").Contains(tokens[first].Text)
            || !pipeline.Lexicon("question_aux").Contains(tokens[first + 1].Text))
        {
            return sentence.QuestionMark;
        }

        for (var k = first + 2; k < sentence.EndToken; k++)
        {
            if (tokens[k].Text is "is" or "was")
            {
                return false;
            }
        }

        return true;
    }
}
