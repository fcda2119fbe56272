using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Escalation: the learner refers the case upwards or to the right person themselves. Strong cues are referral acts
/// ("escalate", "put you through", "hand over"); weak cues are the people referred to ("my manager", "a specialist"),
/// credited only when the learner is the one doing the referring ("I'll speak to my manager") and says why it goes there
/// (a bare "I'll ask my manager" is weak like any role named). A case stated as having to go to a role ("it has to go to
/// our safeguarding lead") is a strong cue: the obligation is the reason. Sending the person off
/// to do it themselves ("ask my manager", "you'll have to contact the supervisor") is passing the buck, and naming
/// the other side's manager with no reason or courtesy ("I'm escalating to your account manager.") is a threat; neither
/// earns credit. A hand-over verb ending in "to"/"with" also counts when it names the person ("I'll flag it to Lisa").
/// A role named on its own ("duty manager", "safeguarding") with someone else as the one acting ("could you email it to the
/// duty manager") is not the learner handing over; reporting the person themselves ("I'm reporting you to the DPO") is a
/// threat; "safeguarding policy/procedure/training" names a topic, not a referral.
/// </summary>
internal sealed class EscalationRule : IMarkingPointRule
{
    public const double LearnerRefers = 0.85;

    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal) { "i", "we", "me", "us" };

    private const string NoGrounds =
        "Not credited: you named someone senior but not why it goes to them - say what is beyond your authority and what you will pass on.";

    private static readonly HashSet<string> ClauseSubjects = new(StringComparer.Ordinal)
    {
        "that", "she", "he", "they", "it", "we", "i", "you", "the", "this", "there", "your", "our", "their", "his", "her",
    };

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        var tokens = input.Reply.Tokens;
        var lexicons = input.Catalogue.Pipeline;
        var senior = lexicons.Lexicon("senior_roles");
        var findings = new List<Finding>();
        string? whyNot = null;
        foreach (var match in input.Effective(point.Id))
        {
            var sentence = input.Reply.SentenceOf(match.Start);
            if (Threatens(tokens, sentence, senior))
            {
                whyNot = "Not credited: naming the other side's manager reads as a threat, not a referral.";
                continue;
            }

            // Referring someone to a support service ("you could call a helpline") is appropriate even when they make the call.
            if (!Mentions(tokens, match, lexicons.Lexicon("support_services")) && Referrals.SendsPersonTo(input, sentence, match.Start, match.End))
            {
                whyNot = "Not credited: the reply sends them to someone else instead of referring the case yourself.";
                continue;
            }

            if (match.Cue.Tier == CueTier.Strong && NamesRoleOnly(tokens, match) && SomeoneElseActs(tokens, sentence, match.Start)
                && !LearnerActs(tokens, sentence, match.Start, match.End) && !JoinedReason(tokens, sentence, conditions: false))
            {
                whyNot = "Not credited: a role was named, but nobody hands the case to them - say that you will pass it on, and why.";
                continue;
            }

            if (match.Cue.Tier == CueTier.Strong)
            {
                findings.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "escalated or referred the case:"));
            }
            else if (LearnerActs(tokens, sentence, match.Start, match.End)
                && (NamesSomeoneWithAuthority(tokens, sentence, lexicons.Lexicon("authority_words")) || HandsToNamedPerson(input, sentence, match)))
            {
                if (HasGrounds(input, sentence) || RecipientActs(tokens, sentence, match.End))
                {
                    findings.Add(new Finding(LearnerRefers, input.Span(sentence.FirstToken, match.End), "involved someone with more authority:"));
                }
                else
                {
                    whyNot = NoGrounds;
                }
            }
        }

        return Verdict.From(point, findings, whyNot);
    }

    /// <summary>
    /// Handing over well needs a ground: a limit of the learner's authority anywhere in the reply ("the most I can offer on
    /// my own", "that's over my limit"), a reason or purpose joined to the referral ("so she can approve it", "as the
    /// contract needs it"), what will be passed on ("with your invoice and the job sheet"), or the other person asking for
    /// someone senior. What the person handed to will do with it also counts (see RecipientActs). "I'll tell the manager"
    /// alone names a person, not a handover.
    /// </summary>
    private static bool HasGrounds(RuleInput input, SentenceInfo sentence)
    {
        var tokens = input.Reply.Tokens;
        var grounds = input.Catalogue.Pipeline.Lexicon("escalation_grounds");
        if (grounds.FindAll(tokens, 0, tokens.Length).Any())
        {
            return true;
        }

        if (JoinedReason(tokens, sentence, conditions: true))
        {
            return true;
        }

        var other = input.Other.Tokens;
        var senior = input.Catalogue.Pipeline.Lexicon("senior_roles");
        return other.Any(t => senior.Contains(t.Text));
    }

    /// <summary>
    /// A reason, purpose or condition joined to the referral: "because"/"since", "so"/"as" opening a clause ("so she can
    /// approve it", "as it's over £500"; not "so sorry", "as soon as", nor a sentence-opening "So, ..."), or, when
    /// <paramref name="conditions"/> is set, "if"/"unless" ("if your fitter felt unsafe, I'll take it to my manager").
    /// </summary>
    private static bool JoinedReason(Token[] tokens, SentenceInfo sentence, bool conditions)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            var word = tokens[k].Text;
            var next = k + 1 < sentence.EndToken ? tokens[k + 1].Text : "";
            if ((conditions && word is "if" or "unless") || (k > sentence.FirstToken
                && (word is "because" or "since" or "cos" || (word is "so" or "as" && ClauseSubjects.Contains(next)))))
            {
                return true;
            }
        }

        return false;
    }

    // Strong cues that name a role or service rather than an act: "duty manager", "data protection officer", "DPO",
    // "safeguarding".
    private static readonly HashSet<string> RoleStarts = new(StringComparer.Ordinal) { "duty", "data", "dpo", "safeguarding", "the" };

    // Subjects other than the learner: "could you email it to...", "she can ring the duty manager".
    private static readonly HashSet<string> OtherActors = new(StringComparer.Ordinal) { "you", "he", "she", "they" };

    /// <summary>The other person or a third party is the subject before the match in its clause ("could you email it to ...").</summary>
    private static bool SomeoneElseActs(Token[] tokens, SentenceInfo sentence, int at)
    {
        for (var k = at - 1; k >= sentence.FirstToken && tokens[k].Clause == tokens[at].Clause; k--)
        {
            if (OtherActors.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The strong match is a role alone ("duty manager", "the safeguarding [lead]"), not a referral act ("escalate",
    /// "put you through"). A role named as where someone else sends something ("could you email it to the duty manager",
    /// "ask for Sandra, duty manager") is not the learner handing over; the learner has to be the one acting, or say why
    /// it goes there.
    /// </summary>
    private static bool NamesRoleOnly(Token[] tokens, CueMatch match) =>
        RoleStarts.Contains(tokens[match.Start].Text) && (tokens[match.Start].Text != "the" || tokens[match.End - 1].Text == "safeguarding");

    private static readonly HashSet<string> Recipients = new(StringComparer.Ordinal) { "who", "he", "she", "they" };

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal) { "will", "can", "could", "would", "should" };

    /// <summary>
    /// What the person handed to will do with it, after the referral in the same sentence: a relative clause ("pass it to our
    /// licensing officer, who'll check the dashcam") or a follow-on with them as subject ("give it to the home manager today,
    /// and she'll ring you by Friday"). Saying what the handover is for is a reason of its own.
    /// </summary>
    private static bool RecipientActs(Token[] tokens, SentenceInfo sentence, int from)
    {
        for (var k = from; k + 1 < sentence.EndToken; k++)
        {
            if (Recipients.Contains(tokens[k].Text) && Modals.Contains(tokens[k + 1].Text) && !tokens[k + 1].Negated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "I'll speak to my manager", "let me get my supervisor": a first-person actor before the person referred to, in the
    /// same clause or in a clause that carries the plan on, and the person referred to is not the one acting ("my manager
    /// told me to ask").
    /// </summary>
    private static bool LearnerActs(Token[] tokens, SentenceInfo sentence, int at, int end)
    {
        if (end < sentence.EndToken && ActsThemselves.Contains(tokens[end].Text))
        {
            return false;
        }

        // A clause of its own with another subject ("- complaint details are only for the manager") is not the learner's act;
        // one that carries on the learner's plan ("let's talk to Kerry, and then let the team leader know") is.
        var otherSubject = false;
        for (var k = at - 1; k >= sentence.FirstToken && tokens[k].Clause == tokens[at].Clause; k--)
        {
            otherSubject |= OtherSubjects.Contains(tokens[k].Text);
        }

        for (var k = sentence.FirstToken; k < at; k++)
        {
            if (FirstPerson.Contains(tokens[k].Text) && !tokens[k].Negated && (tokens[k].Clause == tokens[at].Clause || !otherSubject))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> OtherSubjects = new(StringComparer.Ordinal)
    {
        "you", "he", "she", "they", "it", "is", "are", "was", "were",
    };

    private static readonly HashSet<string> ActsThemselves = new(StringComparer.Ordinal)
    {
        "told", "said", "says", "wants", "wanted", "asked", "thinks", "thought", "decided", "has", "had", "is", "was",
    };

    // Handing over or passing a case on is escalation when it goes to someone with more authority or expertise.
    private static bool NamesSomeoneWithAuthority(Token[] tokens, SentenceInfo sentence, Lexicon authority)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (authority.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A hand-over that ends in "to"/"with" and names the person it goes to ("I'll flag it to Lisa", "take it straight to
    /// Dr Amin"): a capitalised word or a title right after the match. Colleagues are named, not ranked, in real speech.
    /// </summary>
    private static bool HandsToNamedPerson(RuleInput input, SentenceInfo sentence, CueMatch match)
    {
        var tokens = input.Reply.Tokens;
        if (match.End >= sentence.EndToken || tokens[match.End - 1].Text is not ("to" or "with"))
        {
            return false;
        }

        // Not a possessive ("Jayden's family", "Thursday's meeting"), and not a day or month ("to Monday's huddle").
        var next = tokens[match.End];
        var source = input.Reply.Source;
        if (source.AsSpan(next.Start, next.End - next.Start).IndexOfAny('\'', '\u2019') >= 0
            || (next.End < source.Length && source[next.End] is '\'' or '\u2019'))
        {
            return false;
        }

        return PersonNames.Titles.Contains(next.Text) || PersonNames.LooksLikeAName(input.Reply, match.End);
    }

    private static bool Mentions(Token[] tokens, CueMatch match, Lexicon words)
    {
        for (var k = match.Start; k < match.End; k++)
        {
            if (words.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    // Escalating to the other side's manager with a reason or courtesy is a proper escalation; bare, it is a threat.
    private static readonly HashSet<string> ReasonOrCourtesy = new(StringComparer.Ordinal)
    {
        "please", "like", "because", "so", "as", "since", "given", "reason", "due", "agreed", "agreement", "contract", "review",
    };

    private static readonly HashSet<string> ReportWords = new(StringComparer.Ordinal) { "report", "reporting", "reported" };

    /// <summary>
    /// "your manager", "your account manager" in the sentence, with no reason or courtesy anywhere in the reply; or the person
    /// themselves being reported ("I'm reporting you to the DPO"): a case is handed over, a person reported is threatened.
    /// </summary>
    private static bool Threatens(Token[] tokens, SentenceInfo sentence, Lexicon senior)
    {
        for (var k = sentence.FirstToken; k + 1 < sentence.EndToken; k++)
        {
            if (ReportWords.Contains(tokens[k].Text) && tokens[k + 1].Text == "you" && !tokens[k].Negated)
            {
                return true;
            }
        }

        if (tokens.Any(t => ReasonOrCourtesy.Contains(t.Text)))
        {
            return false;
        }

        for (var k = sentence.FirstToken; k + 1 < sentence.EndToken; k++)
        {
            if (tokens[k].Text != "your")
            {
                continue;
            }

            for (var j = k + 1; j < sentence.EndToken && j <= k + 2; j++)
            {
                if (senior.Contains(tokens[j].Text))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
