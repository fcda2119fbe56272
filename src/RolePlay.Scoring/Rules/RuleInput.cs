using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring.Rules;

/// <summary>One reply prepared for the rules: tokens, every cue match, and what the other person said.</summary>
internal sealed class RuleInput
{
    private static readonly List<CueMatch> NoMatches = [];

    private readonly List<CueMatch>?[] _raw;
    private readonly IReadOnlyList<CueMatch>?[] _effective;

    public RuleInput(CompiledCatalogue catalogue, ReplyText reply, ReplyText other, ContextKind context)
    {
        Catalogue = catalogue;
        Reply = reply;
        Other = other;
        Context = context;
        _raw = catalogue.Cues.FindAll(reply);
        _effective = new IReadOnlyList<CueMatch>?[_raw.Length];
        OtherStems = ContentStems(other.Tokens, 0, other.Tokens.Length);
    }

    public CompiledCatalogue Catalogue { get; }

    public ReplyText Reply { get; }

    /// <summary>What the other person said (persona line and their recent lines); may be empty.</summary>
    public ReplyText Other { get; }

    public bool HasOther => Other.Tokens.Length > 0;

    public ContextKind Context { get; }

    /// <summary>Stems of the other person's content words, for paraphrase overlap.</summary>
    public HashSet<string> OtherStems { get; }

    /// <summary>Notes about the assessment the rules want shown (e.g. capitals).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Per-reply scratch space for rules that assess two entries from one analysis (apology / non-apology).</summary>
    public Dictionary<string, object> Cache { get; } = new(StringComparer.Ordinal);

    public int Index(string id) => Catalogue.IndexById.TryGetValue(id, out var index) ? index : -1;

    /// <summary>Strong and weak matches of an entry that are neither negated nor cancelled by one of its not-when cues.</summary>
    public IReadOnlyList<CueMatch> Effective(string id)
    {
        var index = Index(id);
        if (index < 0)
        {
            return [];
        }

        return _effective[index] ??= Compute(_raw[index]);

        static IReadOnlyList<CueMatch> Compute(List<CueMatch>? raw)
        {
            if (raw is null || raw.Count == 0)
            {
                return [];
            }

            var result = new List<CueMatch>(raw.Count);
            foreach (var match in raw)
            {
                if (match.Cue.Tier == CueTier.NotWhen || match.Negated)
                {
                    continue;
                }

                var cancelled = false;
                foreach (var other in raw)
                {
                    cancelled |= other.Cue.Tier == CueTier.NotWhen && other.Overlaps(match.Start, match.End);
                }

                if (!cancelled)
                {
                    result.Add(match);
                }
            }

            return result;
        }
    }

    /// <summary>One finding per effective cue match of an entry, at the cue's base strength.</summary>
    public List<Finding> CueFindings(string id, string what)
    {
        var matches = Effective(id);
        var findings = new List<Finding>(matches.Count);
        foreach (var match in matches)
        {
            findings.Add(new Finding(match.Cue.BaseStrength, Span(match), what));
        }

        return findings;
    }

    /// <summary>The first match of an entry dropped because a negation reaches it, if any.</summary>
    public CueMatch? FirstNegatedMatch(string id)
    {
        var index = Index(id);
        if (index < 0)
        {
            return null;
        }

        foreach (var match in _raw[index] ?? NoMatches)
        {
            if (match.Negated && match.Cue.Tier != CueTier.NotWhen)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The first strong match of an entry cancelled by one of its not-when cues, with the cue that cancelled it, if any.</summary>
    public (CueMatch Match, CueMatch CancelledBy)? FirstCancelledMatch(string id)
    {
        var index = Index(id);
        if (index < 0)
        {
            return null;
        }

        var raw = _raw[index] ?? NoMatches;
        foreach (var match in raw)
        {
            if (match.Cue.Tier != CueTier.Strong || match.Negated)
            {
                continue;
            }

            foreach (var other in raw)
            {
                if (other.Cue.Tier == CueTier.NotWhen && other.Overlaps(match.Start, match.End))
                {
                    return (match, other);
                }
            }
        }

        return null;
    }

    public EvidenceSpan Span(int firstToken, int endToken)
    {
        var tokens = Reply.Tokens;
        var start = tokens[firstToken].Start;
        var end = tokens[endToken - 1].End;
        return new EvidenceSpan(start, end, Reply.Source[start..end]);
    }

    public EvidenceSpan Span(CueMatch match) => Span(match.Start, match.End);

    private string?[]? _replyStems;

    /// <summary>Per reply token: its stem when it is a content word, else null (computed once, shared by the rules).</summary>
    public string?[] ReplyStems
    {
        get
        {
            if (_replyStems is null)
            {
                var tokens = Reply.Tokens;
                _replyStems = new string?[tokens.Length];
                for (var i = 0; i < tokens.Length; i++)
                {
                    _replyStems[i] = IsContent(tokens[i]) ? Stem(tokens[i].Text) : null;
                }
            }

            return _replyStems;
        }
    }

    /// <summary>Every one of these content stems was already in what the other person said (a paraphrase or an echo).</summary>
    public bool TheySaid(HashSet<string> stems) => HasOther && stems.IsSubsetOf(OtherStems);

    /// <summary>Stems of content words (not function words, at least three letters) of tokens [from, to).</summary>
    public HashSet<string> ContentStems(Token[] tokens, int from, int to)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        for (var i = from; i < to; i++)
        {
            if (IsContent(tokens[i]))
            {
                stems.Add(Stem(tokens[i].Text));
            }
        }

        return stems;
    }

    public bool IsContent(Token token) =>
        (token.Kind == TokenKind.Number && token.Text.Length >= 2) ||
        (token.Kind == TokenKind.Word && token.Text.Length >= 3 && !Catalogue.Stopwords.Contains(token.Text));

    /// <summary>A crude stem: the first five letters, enough to match "deliver/delivery/delivered".</summary>
    public static string Stem(string word) => word.Length <= 5 ? word.TrimEnd('s') : word[..5];
}

/// <summary>Assesses one catalogue entry on a prepared reply.</summary>
internal interface IMarkingPointRule
{
    MarkingPointResult Assess(MarkingPointDefinition point, RuleInput input);
}

/// <summary>The built-in rules by the name the catalogue uses.</summary>
internal static class RuleSet
{
    public static readonly IReadOnlyDictionary<string, IMarkingPointRule> Rules = new Dictionary<string, IMarkingPointRule>(StringComparer.Ordinal)
    {
        ["cues"] = new CueRule(),
        ["apology"] = new ApologyRule(),
        ["active_listening"] = new ActiveListeningRule(),
        ["next_steps"] = new NextStepsRule(),
        ["aggression"] = new AggressionRule(),
        ["jargon"] = new JargonRule(),
        ["blame"] = new BlameRule(),
        ["passing_the_buck"] = new PassingTheBuckRule(),
        ["confidentiality_breach"] = new ConfidentialityBreachRule(),
        ["information_sharing"] = new InformationSharingRule(),
        ["explanation"] = new ExplanationRule(),
        ["solution"] = new SolutionRule(),
        ["escalation"] = new EscalationRule(),
        ["dismissive"] = new DismissiveRule(),
        ["follow_up"] = new FollowUpRule(),
    };

    public static IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)Rules.Keys;
}
