using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Learned;
using RolePlay.Scoring.Rules;
using RolePlay.Scoring.Text;

namespace RolePlay.Scoring;

/// <summary>
/// The default scorer: deterministic cue rules over a tokenised reply, then a learned model that adds credits the rules
/// missed, no LLM. Assesses every catalogue entry and reports, for each, credited or not, a strength, evidence spans and
/// a one-line rationale.
/// </summary>
public sealed class BuiltInScorer : IReplyScorer
{
    /// <summary>Replies longer than this (UTF-16 characters) are refused with a note, not scored.</summary>
    public const int MaxReplyLength = 20_000;

    /// <summary>Only this many characters of each line of context (persona line, history) are read.</summary>
    public const int MaxContextLineLength = 2_000;

    /// <summary>How many of the other person's earlier lines (besides the persona line) count for paraphrase overlap.</summary>
    public const int ContextLines = 2;

    public const string NotEnglishNote = "The reply does not appear to be in English, so nothing was credited. Please reply in English.";
    public const string EmptyNote = "The reply is empty, so nothing was credited.";

    public BuiltInScorer()
        : this(MarkingPointCatalogue.Default)
    {
    }

    public BuiltInScorer(MarkingPointCatalogue catalogue)
        : this(catalogue, CreditModel.Default)
    {
    }

    /// <summary>A scorer whose rules' results pass through <paramref name="creditModel"/>; null leaves the rules alone.</summary>
    public BuiltInScorer(MarkingPointCatalogue catalogue, CreditModel? creditModel)
        : this(catalogue, RuleSet.Rules, creditModel)
    {
    }

    /// <summary>For tests: the same scorer with its rules looked up in <paramref name="rules"/>.</summary>
    internal BuiltInScorer(MarkingPointCatalogue catalogue, IReadOnlyDictionary<string, IMarkingPointRule> rules, CreditModel? creditModel = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rules);
        Catalogue = catalogue;
        _rules = rules;
        CreditModel = creditModel;
        _creditPlan = creditModel is null ? null : new CreditPlan(creditModel, catalogue.Compiled.Points);
    }

    /// <summary>The cue rules alone, without the learned model (what the model is trained on).</summary>
    public static BuiltInScorer RulesOnly(MarkingPointCatalogue? catalogue = null) => new(catalogue ?? MarkingPointCatalogue.Default, creditModel: null);

    private readonly IReadOnlyDictionary<string, IMarkingPointRule> _rules;
    private readonly CreditPlan? _creditPlan;

    /// <summary>The learned model that adds credits after the rules, or null for the rules alone.</summary>
    public CreditModel? CreditModel { get; }

    public MarkingPointCatalogue Catalogue { get; }

    public Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Score(context));
    }

    /// <summary>Scores one reply synchronously (the scorer does no I/O).</summary>
    public TurnAssessment Score(ReplyContext context) => Assess(context, features: null, probabilities: null);

    /// <summary>
    /// The learned model's features for <paramref name="context"/> from the rules alone (what <see cref="CreditModel"/>
    /// is trained on), or null when the reply is not scored at all (empty, too long, not English).
    /// </summary>
    public IReadOnlyList<string>? CreditFeaturesOf(ReplyContext context)
    {
        var features = new List<string>();
        Assess(context, features, probabilities: null);
        return features.Count == 0 ? null : features;
    }

    /// <summary>
    /// The learned model's probability of each of its ids for <paramref name="context"/>, as the scorer computes them when
    /// it scores (null without a model, or for a reply it does not score): what tests compare with the training features.
    /// </summary>
    internal double[]? LearnedProbabilities(ReplyContext context)
    {
        var probabilities = new List<double[]>(1);
        Assess(context, features: null, probabilities);
        return probabilities.Count == 0 ? null : probabilities[0];
    }

    // With features or probabilities to collect, the rules' results are the answer: the learned layer is what they train.
    private TurnAssessment Assess(ReplyContext context, List<string>? features, List<double[]>? probabilities)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = context.Reply ?? "";
        var notes = new List<string>();
        var assessed = AssessedPositives(context, notes);

        if (reply.Length > MaxReplyLength)
        {
            notes.Add($"The reply is {reply.Length:N0} characters long; the limit is {MaxReplyLength:N0}, so it was not scored.");
            return NothingCredited(notes, "Keep replies short and focused - a few sentences is plenty.");
        }

        if (string.IsNullOrWhiteSpace(reply))
        {
            notes.Add(EmptyNote);
            return NothingCredited(notes, "Reply to what they said - acknowledge it and say what you will do.");
        }

        var compiled = Catalogue.Compiled;
        var tokens = compiled.Pipeline.Tokeniser.Tokenise(reply);
        if (LooksNotEnglish(tokens, compiled))
        {
            notes.Add(NotEnglishNote);
            return NothingCredited(notes, "Reply in English so your reply can be assessed against the marking points.");
        }

        var other = compiled.Pipeline.Tokeniser.Tokenise(OtherPersonText(context));
        var input = new RuleInput(compiled, tokens, other, context.Context);
        var results = compiled.Points.Select(p => AssessSafely(_rules[p.Rule], p, input)).ToArray();
        ApplyWeakening(compiled, results, tokens);
        if (features is not null)
        {
            features.AddRange(CreditFeatures.Of(results, tokens));
        }
        else if (probabilities is not null)
        {
            if (_creditPlan is not null)
            {
                probabilities.Add(_creditPlan.Probabilities(results, tokens));
            }
        }
        else
        {
            _creditPlan?.Revise(compiled.Points, results, tokens, context.Context);
        }

        var positives = new List<MarkingPointResult>(results.Length);
        var negatives = new List<MarkingPointResult>(results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            (compiled.Points[i].Kind == MarkingPointKind.Positive ? positives : negatives).Add(results[i]);
        }

        notes.AddRange(input.Notes);
        if (tokens.WordCount <= 2)
        {
            notes.Add("Very short reply: there is little to assess.");
        }

        return new TurnAssessment
        {
            MarkingPoints = positives,
            Negatives = negatives,
            Score = TurnScoring.Score(positives, negatives, assessed, Catalogue),
            Tips = TipWriter.Write(Catalogue, positives, negatives, assessed),
            Notes = notes,
            Source = "builtin",
        };
    }

    /// <summary>
    /// Runs one rule. A rule that fails on some unforeseen reply is a scorer bug, but it must not cost the learner the
    /// turn or the session: that one point is left uncredited and the turn's notes say so.
    /// </summary>
    private static MarkingPointResult AssessSafely(IMarkingPointRule rule, MarkingPointDefinition point, RuleInput input)
    {
        try
        {
            return rule.Assess(point, input);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException
                                       or NullReferenceException or KeyNotFoundException or FormatException or OverflowException)
        {
            input.Notes.Add($"'{point.Id}' could not be assessed on this reply (internal scorer error: {ex.GetType().Name}), so it was not credited.");
            return Verdict.None(point, "Not assessed: the scorer hit an internal error on this reply.");
        }
    }

    private List<string> AssessedPositives(ReplyContext context, List<string> notes)
    {
        var result = new List<string>();
        foreach (var id in context.Assessed ?? [])
        {
            if (Catalogue.MarkingPoints.Contains(id))
            {
                if (!result.Contains(id))
                {
                    result.Add(id);
                }
            }
            else if (!Catalogue.Negatives.Contains(id))
            {
                notes.Add($"Unknown marking point '{id}' was ignored.");
            }
        }

        return result;
    }

    private TurnAssessment NothingCredited(List<string> notes, string tip) => new()
    {
        MarkingPoints = Catalogue.Positives.Select(p => Verdict.None(p, "Not assessed: " + notes[^1])).ToList(),
        Negatives = Catalogue.NegativeBehaviours.Select(p => Verdict.None(p, "Not assessed: " + notes[^1])).ToList(),
        Score = 0,
        Tips = [tip],
        Notes = notes,
        Source = "builtin",
    };

    private static string OtherPersonText(ReplyContext context)
    {
        static string Clip(string? text) => text is null ? "" : text.Length <= MaxContextLineLength ? text : text[^MaxContextLineLength..];

        var lines = (context.History ?? [])
            .Where(l => l is not null && !l.IsLearner)
            .Select(l => Clip(l.Text))
            .TakeLast(ContextLines)
            .Append(Clip(context.PersonaLine));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Non-Latin script; or (with four or more words of two letters or more) fewer than a quarter known to be English; or
    /// at least two lower-case words, a fifth of them, spelt with letters English does not use.
    /// </summary>
    private static bool LooksNotEnglish(ReplyText text, CompiledCatalogue catalogue)
    {
        if (text.Letters >= 4 && text.LatinLetters * 2 < text.Letters)
        {
            return true;
        }

        // One-letter words ("u", "w", "a") are shared by too many languages to tell anything.
        var words = 0;
        var known = 0;
        var foreign = 0;
        foreach (var token in text.Tokens)
        {
            if (token.Kind != TokenKind.Word || token.Text.Length < 2)
            {
                continue;
            }

            words++;
            known += catalogue.EnglishWords.Contains(token.Text) ? 1 : 0;

            // Letters English never writes (ę, ł, ñ, ř...), in words not written with a capital (names such as Łukasz).
            foreign += !char.IsUpper(text.Source[token.Start]) && token.Text.AsSpan().IndexOfAny(ForeignLetters) >= 0 ? 1 : 0;
        }

        return (words >= 4 && known * 4 < words) || (foreign >= 2 && foreign * 5 >= words);
    }

    private static readonly System.Buffers.SearchValues<char> ForeignLetters =
        System.Buffers.SearchValues.Create("ąćęłńśźżőűřěůčšžďťňğışñõãâêôœßøåæŵŷ");

    /// <summary>Whether negative <paramref name="id"/> was detected where it reaches <paramref name="point"/> (see <see cref="WeakeningScope"/>).</summary>
    private static bool Spoils(CompiledCatalogue catalogue, MarkingPointResult[] results, string id, ReplyText reply, MarkingPointResult point) =>
        catalogue.IndexById.TryGetValue(id, out var index) && results[index].Credited
            && (catalogue.Points[index].WeakensWithin == WeakeningScope.Reply || SharesASentence(reply, results[index], point));

    // Evidence lists hold at most a few spans, so a nested loop beats building a set of sentences per check.
    private static bool SharesASentence(ReplyText reply, MarkingPointResult spoiler, MarkingPointResult point)
    {
        if (point.Evidence.Count == 0)
        {
            return true;
        }

        foreach (var spoiled in spoiler.Evidence)
        {
            var sentence = SentenceAt(reply, spoiled.Start);
            foreach (var evidence in point.Evidence)
            {
                if (SentenceAt(reply, evidence.Start) == sentence)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int SentenceAt(ReplyText reply, int offset)
    {
        foreach (var token in reply.Tokens)
        {
            if (token.End > offset)
            {
                return token.Sentence;
            }
        }

        return reply.Tokens.Length == 0 ? 0 : reply.Tokens[^1].Sentence;
    }

    /// <summary>What a point "weakened by" a detected negative keeps of its strength: less than half, so one clear cue no longer earns credit.</summary>
    public const double WeakenedFactor = 0.45;

    /// <summary>A point "weakened by" a detected negative keeps <see cref="WeakenedFactor"/> of its strength (e.g. ownership while insulting).</summary>
    private static void ApplyWeakening(CompiledCatalogue catalogue, MarkingPointResult[] results, ReplyText reply)
    {
        var points = catalogue.Points;
        for (var i = 0; i < points.Length; i++)
        {
            if (!results[i].Credited || points[i].WeakenedBy.Count == 0)
            {
                continue;
            }

            List<string>? spoilers = null;
            foreach (var id in points[i].WeakenedBy)
            {
                if (Spoils(catalogue, results, id, reply, results[i]))
                {
                    (spoilers ??= []).Add(id);
                }
            }

            if (spoilers is null)
            {
                continue;
            }

            var strength = Math.Round(results[i].Strength * WeakenedFactor, 2);
            var credited = strength >= Verdict.Threshold;
            results[i] = results[i] with
            {
                Strength = strength,
                Credited = credited,
                Evidence = credited ? results[i].Evidence : [],
                Rationale = results[i].Rationale + $" Weakened by {string.Join(", ", spoilers)}.",
            };
        }
    }
}
