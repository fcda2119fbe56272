using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>
/// Follow-up from the entry's cues, when the learner is the one who comes back. A cue whose verb someone else does ("someone
/// will be in touch", "I'll ask the room leader to ring you", "could you check in with her") passes the case on, which is
/// next steps at most; a cue read across a comma ("no reason to ring, you…") or used as a noun ("our check-in photos", "at
/// the catch-up") is no promise at all.
/// </summary>
internal sealed class FollowUpRule : IMarkingPointRule
{
    private const string SomeoneElse =
        "Not credited: someone else would come back to them - say how you will follow it up yourself (\"I'll ring you Friday to check\").";

    // Words that may stand between a subject and the follow-up verb ("I'll also personally ring you", "we can then email you").
    private static readonly HashSet<string> Between = new(StringComparer.Ordinal)
    {
        "will", "would", "can", "could", "shall", "should", "may", "might", "must", "to", "be", "going", "gonna", "then", "also",
        "just", "personally", "directly", "definitely", "certainly", "happily", "myself", "ourselves", "back", "soon", "later", "am",
        "are", "is", "able", "try", "and", "all", "both",
    };

    private static readonly HashSet<string> Learner = new(StringComparer.Ordinal) { "i", "we", "me", "us", "myself", "ill", "im" };

    // "ask/get/have/tell her to ring you": the learner arranges it, someone else does it.
    private static readonly HashSet<string> Arrangers = new(StringComparer.Ordinal) { "ask", "asking", "get", "getting", "have", "tell", "telling", "make" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "our", "your", "their", "his", "her", "my", "this", "that", "its", "next", "weekly", "daily", "monthly",
    };

    private static readonly CueRule Cues = new();

    public MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input)
    {
        if (!point.AppliesIn(input.Context))
        {
            return Verdict.NotAssessedIn(point, input.Context);
        }

        var matches = input.Effective(point.Id);
        if (matches.Count == 0)
        {
            // No cue at all: the generic rule says which cue was negated or read otherwise.
            return Cues.Assess(point, input);
        }

        var kept = new List<Finding>();
        var passedOn = false;
        foreach (var match in matches)
        {
            if (SpansClauses(input.Reply.Tokens, match) || UsedAsNoun(input, match))
            {
                continue;
            }

            if (SomeoneElseActs(input, match))
            {
                passedOn = true;
                continue;
            }

            kept.Add(new Finding(match.Cue.BaseStrength, input.Span(match), "follow-up in"));
        }

        if (kept.Count > 0)
        {
            return Verdict.From(point, kept);
        }

        return passedOn ? Verdict.None(point, SomeoneElse) : Verdict.None(point);
    }

    private static bool SpansClauses(Token[] tokens, CueMatch match) =>
        match.End - match.Start > 1 && tokens[match.Start].Clause != tokens[match.End - 1].Clause;

    /// <summary>A hyphenated compound ("check-in photos", "a follow-up email") or a cue verb after a determiner ("the catch up").</summary>
    private static bool UsedAsNoun(RuleInput input, CueMatch match)
    {
        var tokens = input.Reply.Tokens;
        var first = tokens[match.Start];
        if (first.Text is not ("check" or "catch" or "follow" or "touch"))
        {
            return false;
        }

        var source = input.Reply.Source;
        if (match.End - match.Start > 1 && first.End < source.Length && source[first.End] == '-')
        {
            return true;
        }

        return match.Start > 0 && Determiners.Contains(tokens[match.Start - 1].Text) && tokens[match.Start - 1].Sentence == first.Sentence;
    }

    /// <summary>
    /// The subject of the cue's verb, found by stepping back over modals and adverbs, is not the learner: a third party,
    /// "you" (a request), or someone the learner asks to do it ("ask him to update you"). No subject (an imperative, a
    /// clipped "will ring you back") counts as the learner's own.
    /// </summary>
    private static bool SomeoneElseActs(RuleInput input, CueMatch match)
    {
        var tokens = input.Reply.Tokens;
        if (Learner.Contains(tokens[match.Start].Text))
        {
            return false;
        }

        var sentence = input.Reply.SentenceOf(match.Start);
        var k = match.Start - 1;
        while (k >= sentence.FirstToken && Between.Contains(tokens[k].Text) && tokens[k].Clause == tokens[match.Start].Clause)
        {
            if (tokens[k].Text == "to" && ArrangedFor(tokens, sentence, k))
            {
                return true;
            }

            k--;
        }

        if (k < sentence.FirstToken || tokens[k].Clause != tokens[match.Start].Clause)
        {
            return false;
        }

        var subject = tokens[k].Text;
        return !Learner.Contains(subject) && tokens[k].Kind == TokenKind.Word && IsSubjectLike(tokens, k);
    }

    /// <summary>"ask the room leader to", "get Mrs Ford to": an arranging verb up to four words before "to", naming someone else.</summary>
    private static bool ArrangedFor(Token[] tokens, SentenceInfo sentence, int to)
    {
        for (var j = to - 2; j >= sentence.FirstToken && j >= to - 5; j--)
        {
            if (Learner.Contains(tokens[j + 1].Text))
            {
                return false;
            }

            if (Arrangers.Contains(tokens[j].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSubjectLike(Token[] tokens, int k) => tokens[k].Text switch
    {
        "you" or "u" or "he" or "she" or "they" or "someone" or "somebody" or "nobody" or "everyone" or "team" or "who" => true,
        "it" or "that" or "this" or "there" or "which" => false,
        _ => k + 1 < tokens.Length && tokens[k + 1].Text is "will" or "would" or "can" or "could" or "should" or "shall" or "may" or "might" or "to",
    };
}
