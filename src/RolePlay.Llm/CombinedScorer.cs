using System.Globalization;

using RolePlay.Engine.Scoring;

namespace RolePlay.Llm;

/// <summary>Whether a marking point only the judge credited may count in the combined result.</summary>
public enum JudgeOnlyCreditPolicy
{
    /// <summary>Never: it is recorded (Source <c>llm</c>, not credited, quote in the rationale) and the turn is flagged for an assessor. The safe default.</summary>
    Never,

    /// <summary>Counted when its evidence is verified, the reply passed the injection screen, it overlaps no built-in negative
    /// and the judge adds no more than <see cref="CombinedScorerOptions.MaxJudgeOnlyCredits"/> such points this turn.
    /// Higher recall; a cleverly worded injection that slips past the screen can gain up to that many points.</summary>
    Verified,
}

/// <summary>Constants of the combination rule.</summary>
public sealed record CombinedScorerOptions
{
    public JudgeOnlyCreditPolicy JudgeOnlyCredits { get; init; } = JudgeOnlyCreditPolicy.Never;

    /// <summary>At most this many marking points may be credited on the judge's word alone per turn; above it none are, and the turn is flagged.</summary>
    public int MaxJudgeOnlyCredits { get; init; } = 1;

    /// <summary>Flag for review when judge and built-in scorer disagree on at least this many ids.</summary>
    public int ReviewDisagreements { get; init; } = 2;

    /// <summary>Points off the 0-10 score for a negative only the judge detected.</summary>
    public double JudgeOnlyNegativePenalty { get; init; } = 1.0;
}

/// <summary>Combines the LLM judge with the built-in scorer; the built-in result is the floor of what the learner is held to
/// and the judge can add at most what verified evidence supports. See docs/llm.md, "Combination rule".</summary>
/// <remarks>
/// Marking points: both credit → credited (<c>combined</c>). Built-in only → credited (<c>builtin</c>) unless a negative the
/// judge detected with verified evidence overlaps the built-in evidence (then not credited, <c>combined</c>). Judge only →
/// by default not counted but recorded and flagged (<see cref="JudgeOnlyCreditPolicy.Never"/>); with
/// <see cref="JudgeOnlyCreditPolicy.Verified"/> credited (<c>llm</c>) if its evidence is genuinely in the reply, does not
/// overlap a negative the built-in scorer detected, and the judge adds no more than
/// <see cref="CombinedScorerOptions.MaxJudgeOnlyCredits"/> such points this turn.
/// Negatives: built-in detections always stand; a judge-only detection with verified evidence is added (<c>llm</c>) with a
/// smaller penalty and flags the turn. Score: built-in score adjusted by 10/N per marking point gained or lost and the
/// judge-only negative penalty, clamped to 0-10. A judge failure yields the built-in result with a note.
/// </remarks>
public sealed class CombinedScorer : IReplyScorer
{
    private readonly IReplyScorer _judge;
    private readonly IReplyScorer _builtin;
    private readonly CombinedScorerOptions _options;

    /// <param name="judge">Usually an <see cref="LlmJudgeScorer"/> without a fallback; its results count only when Source is <c>llm</c>.</param>
    /// <param name="builtin">The built-in scorer.</param>
    public CombinedScorer(IReplyScorer judge, IReplyScorer builtin, CombinedScorerOptions? options = null)
    {
        _judge = judge ?? throw new ArgumentNullException(nameof(judge));
        _builtin = builtin ?? throw new ArgumentNullException(nameof(builtin));
        _options = options ?? new CombinedScorerOptions();
    }

    public async Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builtinTask = _builtin.ScoreAsync(context, cancellationToken);
        var judgeTask = _judge.ScoreAsync(context, cancellationToken);
        var builtin = await builtinTask.ConfigureAwait(false);
        TurnAssessment judge;
        try
        {
            judge = await judgeTask.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            judge = TurnAssessment.Empty with { Source = ScorerSources.LlmUnavailable, Notes = [$"LLM judge failed ({ex.GetType().Name})."] };
        }

        return Combine(context, builtin, judge, _options);
    }

    /// <summary>The combination rule, on two finished assessments.</summary>
    public static TurnAssessment Combine(ReplyContext context, TurnAssessment builtin, TurnAssessment judge, CombinedScorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(builtin);
        ArgumentNullException.ThrowIfNull(judge);
        options ??= new CombinedScorerOptions();
        if (judge.Source != ScorerSources.Llm)
        {
            IReadOnlyList<string> judgeNotes = judge.Notes.Count > 0 ? judge.Notes : ["LLM judge unavailable; built-in scorer used."];
            return builtin with
            {
                Notes = [.. builtin.Notes, .. judgeNotes.Where(n => !builtin.Notes.Contains(n))],
                FlaggedForReview = builtin.FlaggedForReview || judge.FlaggedForReview,
                Usage = judge.Usage,
            };
        }

        var reply = context.Reply;
        var judgeNegatives = Verified(judge.Negatives, reply);
        var builtinNegativeSpans = builtin.Negatives.Where(n => n.Credited).SelectMany(n => n.Evidence).ToList();
        var judgeNegativeSpans = judgeNegatives.Where(n => n.Credited).SelectMany(n => n.Evidence).ToList();

        var ids = builtin.MarkingPoints.Select(m => m.Id)
            .Concat(context.Assessed)
            .Concat(judge.MarkingPoints.Select(m => m.Id))
            .Distinct(StringComparer.Ordinal)
            .Where(id => builtin.MarkingPoints.Any(m => m.Id == id) || context.Assessed.Contains(id))
            .ToList();

        var judgeOnlyCandidates = new List<MarkingPointResult>();
        var results = new Dictionary<string, MarkingPointResult>(StringComparer.Ordinal);
        var disagreements = 0;
        var lost = 0;
        foreach (var id in ids)
        {
            var b = builtin.MarkingPoints.FirstOrDefault(m => m.Id == id);
            var j = Verified(judge.MarkingPoints.Where(m => m.Id == id), reply).FirstOrDefault();
            var bCredited = b?.Credited == true;
            var jCredited = j?.Credited == true;
            if (bCredited != jCredited)
            {
                disagreements++;
            }

            if (bCredited && jCredited)
            {
                results[id] = b! with { Evidence = Merge(b.Evidence, j!.Evidence), Source = ScorerSources.Combined, Rationale = $"{b.Rationale} | judge: {j.Rationale}" };
            }
            else if (bCredited)
            {
                var contradicted = b!.Evidence.Any(span => judgeNegativeSpans.Any(neg => EvidenceLocator.Overlaps(span, neg)));
                if (contradicted)
                {
                    lost++;
                    results[id] = b with { Credited = false, Strength = 0, Source = ScorerSources.Combined, Rationale = "built-in credit withdrawn: the judge found a negative behaviour in the same words", Withdrawn = true };
                }
                else
                {
                    results[id] = b with { Source = ScorerSources.Builtin };
                }
            }
            else if (jCredited && !j!.Evidence.Any(span => builtinNegativeSpans.Any(neg => EvidenceLocator.Overlaps(span, neg))))
            {
                judgeOnlyCandidates.Add(j);
                results[id] = NotCredited(id, b, "credited by the judge only");
            }
            else
            {
                results[id] = b is null ? NotCredited(id, null, j?.Rationale ?? "not credited") : b with { Source = ScorerSources.Builtin };
            }
        }

        var notes = new List<string>(builtin.Notes);
        notes.AddRange(judge.Notes);
        var flagged = builtin.FlaggedForReview;
        var gained = 0;
        if (judgeOnlyCandidates.Count > 0 && options.JudgeOnlyCredits == JudgeOnlyCreditPolicy.Never)
        {
            flagged = true;
            foreach (var candidate in judgeOnlyCandidates)
            {
                results[candidate.Id] = results[candidate.Id] with
                {
                    Source = ScorerSources.Llm,
                    Rationale = $"the judge alone credited this (\"{UntrustedText.Truncate(candidate.Evidence[0].Quote, 120)}\"); not counted, for an assessor to confirm",
                };
            }

            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The judge alone credited {string.Join(", ", judgeOnlyCandidates.Select(c => c.Id))}; not counted. Flagged for review."));
        }
        else if (judgeOnlyCandidates.Count > options.MaxJudgeOnlyCredits)
        {
            flagged = true;
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The judge alone credited {judgeOnlyCandidates.Count} marking points; none of them counted (at most {options.MaxJudgeOnlyCredits} per turn). Flagged for review."));
        }
        else
        {
            foreach (var candidate in judgeOnlyCandidates)
            {
                results[candidate.Id] = candidate with { Source = ScorerSources.Llm };
                gained++;
            }
        }

        var negatives = builtin.Negatives.Select(n =>
        {
            var j = judgeNegatives.FirstOrDefault(x => x.Id == n.Id);
            return n.Credited && j?.Credited == true
                ? n with { Evidence = Merge(n.Evidence, j.Evidence), Source = ScorerSources.Combined }
                : n with { Source = ScorerSources.Builtin };
        }).ToList();
        var judgeOnlyNegatives = judgeNegatives.Where(j => j.Credited && !builtin.IsDetected(j.Id)).ToList();
        foreach (var extra in judgeOnlyNegatives)
        {
            negatives.RemoveAll(n => n.Id == extra.Id);
            negatives.Add(extra with { Source = ScorerSources.Llm });
        }

        disagreements += judgeOnlyNegatives.Count;
        if (judgeOnlyNegatives.Count > 0)
        {
            flagged = true;
        }

        if (disagreements >= options.ReviewDisagreements)
        {
            flagged = true;
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Judge and built-in scorer disagreed on {disagreements} item(s)."));
        }

        var perPoint = 10.0 / Math.Max(1, context.Assessed.Count > 0 ? context.Assessed.Count : ids.Count);
        var score = Math.Clamp(builtin.Score + (perPoint * (gained - lost)) - (options.JudgeOnlyNegativePenalty * judgeOnlyNegatives.Count), 0, 10);
        return builtin with
        {
            MarkingPoints = ids.Select(id => results[id]).ToList(),
            Negatives = negatives,
            Score = Math.Round(score, 2),
            Notes = notes,
            Source = ScorerSources.Combined,
            FlaggedForReview = flagged,
            Usage = judge.Usage,
        };
    }

    /// <summary>Keeps credits only when every evidence span is genuinely in the reply (defence in depth: the judge may be any scorer).</summary>
    private static List<MarkingPointResult> Verified(IEnumerable<MarkingPointResult> results, string reply) =>
        results.Select(r => r.Credited && (r.Evidence.Count == 0 || !r.Evidence.All(span => EvidenceLocator.IsGenuine(reply, span)))
            ? r with { Credited = false, Strength = 0, Evidence = [], Rationale = "evidence not verified in the reply" }
            : r).ToList();

    private static MarkingPointResult NotCredited(string id, MarkingPointResult? builtin, string rationale) =>
        builtin is null
            ? new MarkingPointResult(id, false, 0, [], rationale, ScorerSources.Combined)
            : builtin with { Credited = false, Source = ScorerSources.Builtin };

    private static List<EvidenceSpan> Merge(IReadOnlyList<EvidenceSpan> a, IReadOnlyList<EvidenceSpan> b) =>
        a.Concat(b).DistinctBy(s => (s.Start, s.End)).OrderBy(s => s.Start).ToList();
}
