using System.Globalization;
using System.Text.Json;

using Microsoft.Extensions.AI;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;

namespace RolePlay.Llm;

/// <summary>Limits and scoring constants for the LLM judge.</summary>
public sealed record JudgeOptions
{
    /// <summary>Time budget for one judgement, retries included.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>Skip the model (and fall back) on replies the <see cref="InjectionScreen"/> flags.</summary>
    public bool ScreenReplies { get; init; } = true;

    /// <summary>How many earlier conversation lines the judge sees.</summary>
    public int MaxHistoryLines { get; init; } = 8;

    /// <summary>Untrusted lines are cut to this length before they reach the model.</summary>
    public int MaxLineInputChars { get; init; } = 1200;

    /// <summary>Points off the 0-10 score per detected negative (judge-only scoring).</summary>
    public double NegativePenalty { get; init; } = 2.0;

    /// <summary>Longest model answer accepted; anything longer is treated as garbage.</summary>
    public int MaxOutputChars { get; init; } = 20_000;
}

/// <summary>The judge's checked verdict, or why there is none.</summary>
/// <param name="ReplySuspicious">The reply was held back by the <see cref="InjectionScreen"/>; an assessor should look.</param>
public sealed record JudgeVerdict(TurnAssessment? Assessment, string? Failure, TokenUsage? Usage, bool ReplySuspicious = false)
{
    public bool Succeeded => Assessment is not null;
}

/// <summary>Assesses a reply against the node's marking points with an LLM rubric and JSON-schema output; every credit must
/// quote the reply verbatim (see <see cref="EvidenceLocator"/>) or it is dropped, and unknown ids are dropped.</summary>
/// <remarks>On timeout, error, garbage or injection-shaped input/output it returns the fallback scorer's result with a note
/// (or, without a fallback, an empty assessment whose Source is <see cref="ScorerSources.LlmUnavailable"/>).</remarks>
public sealed class LlmJudgeScorer : IReplyScorer
{
    public const string Purpose = "judge";

    private readonly IChatClient _client;
    private readonly LlmPrompt _prompt;
    private readonly LlmUsageMeter _meter;
    private readonly MarkingPointGuide _guide;
    private readonly IReplyScorer? _fallback;
    private readonly JudgeOptions _options;

    public LlmJudgeScorer(IChatClient client, LlmPrompt prompt, LlmUsageMeter meter, MarkingPointGuide? guide = null, IReplyScorer? fallback = null, JudgeOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        _guide = guide ?? MarkingPointGuide.Default;
        _fallback = fallback;
        _options = options ?? new JudgeOptions();
    }

    public async Task<TurnAssessment> ScoreAsync(ReplyContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verdict = await JudgeAsync(context, cancellationToken).ConfigureAwait(false);
        if (verdict.Assessment is { } assessment)
        {
            return assessment with { Usage = verdict.Usage };
        }

        var note = $"LLM judge unavailable ({verdict.Failure}); built-in scorer used.";
        if (_fallback is null)
        {
            return TurnAssessment.Empty with { Source = ScorerSources.LlmUnavailable, Notes = [note], FlaggedForReview = verdict.ReplySuspicious, Usage = verdict.Usage };
        }

        var builtin = await _fallback.ScoreAsync(context, cancellationToken).ConfigureAwait(false);
        return builtin with { Notes = [.. builtin.Notes, note], FlaggedForReview = builtin.FlaggedForReview || verdict.ReplySuspicious, Usage = verdict.Usage };
    }

    /// <summary>Asks the model and checks its answer; never throws for anything the model or the learner did.</summary>
    public async Task<JudgeVerdict> JudgeAsync(ReplyContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(context.Reply))
        {
            return new JudgeVerdict(null, "empty reply", null);
        }

        if (_options.ScreenReplies && InjectionScreen.Check(context.Reply) is { Suspicious: true } screen)
        {
            return new JudgeVerdict(null, "reply not sent to the judge: " + string.Join("; ", screen.Reasons), null, ReplySuspicious: true);
        }

        var assessed = context.Assessed.Count > 0 ? context.Assessed : MarkingPointGuide.DefaultMarkingPoints(context.Context);
        var negatives = _guide.Negatives;
        var messages = await _prompt.RenderAsync(Variables(context, assessed, negatives), cancellationToken).ConfigureAwait(false);
        var call = await LlmCall.RunAsync(_client, messages, _prompt.CreateChatOptions(), _options.Budget, null, cancellationToken).ConfigureAwait(false);

        JudgeVerdict verdict;
        if (!call.Succeeded)
        {
            verdict = new JudgeVerdict(null, call.Failure, call.Usage);
        }
        else
        {
            var (assessment, failure) = Interpret(call.Text, context.Reply, assessed, negatives, _options);
            verdict = new JudgeVerdict(assessment, failure, call.Usage);
        }

        _meter.Record(Purpose, call.Usage, fellBack: !verdict.Succeeded);
        return verdict;
    }

    /// <summary>Parses and checks the model's JSON: verified evidence only, known ids only.</summary>
    internal static (TurnAssessment? Assessment, string? Failure) Interpret(
        string? output, string reply, IReadOnlyList<string> assessed, IReadOnlyList<string> negatives, JudgeOptions options)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return (null, "empty output");
        }

        if (output.Length > options.MaxOutputChars)
        {
            return (null, "output too long");
        }

        if (output.Contains("<|", StringComparison.Ordinal))
        {
            return (null, "injection-shaped output (role tags)");
        }

        List<JudgeItem> points, flagged;
        try
        {
            using var document = JsonDocument.Parse(StripFence(output), new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("marking_points", out var pointsElement)
                || pointsElement.ValueKind != JsonValueKind.Array)
            {
                return (null, "output does not match the schema");
            }

            points = ReadItems(pointsElement);
            flagged = document.RootElement.TryGetProperty("negatives", out var negativesElement) && negativesElement.ValueKind == JsonValueKind.Array
                ? ReadItems(negativesElement)
                : [];
        }
        catch (JsonException)
        {
            return (null, "malformed JSON");
        }
        catch (InvalidOperationException)
        {
            return (null, "output does not match the schema");
        }

        if (points.Count + flagged.Count > 3 * (assessed.Count + negatives.Count) + 3)
        {
            return (null, "injection-shaped output (too many entries)");
        }

        var notes = new List<string>();
        var markingPoints = Resolve(points, assessed, reply, notes, "marking point");
        var negativeResults = Resolve(flagged, negatives, reply, notes, "negative");
        var credited = markingPoints.Count(m => m.Credited);
        var detected = negativeResults.Count(m => m.Credited);
        var score = Math.Clamp((10.0 * credited / Math.Max(1, assessed.Count)) - (options.NegativePenalty * detected), 0, 10);
        var tips = markingPoints.Where(m => !m.Credited).Take(2)
            .Select(m => $"Next time, make sure you show {m.Id.Replace('_', ' ')}.")
            .Concat(negativeResults.Where(n => n.Credited).Take(1).Select(n => $"Avoid {n.Id.Replace('_', ' ')}: \"{n.Evidence[0].Quote}\"."))
            .ToList();
        return (new TurnAssessment
        {
            MarkingPoints = markingPoints,
            Negatives = negativeResults,
            Score = Math.Round(score, 2),
            Tips = tips,
            Notes = notes,
            Source = ScorerSources.Llm,
        }, null);
    }

    private static List<MarkingPointResult> Resolve(List<JudgeItem> items, IReadOnlyList<string> ids, string reply, List<string> notes, string kind)
    {
        var known = new HashSet<string>(ids, StringComparer.Ordinal);
        var unknown = items.Count(i => !known.Contains(i.Id));
        if (unknown > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Judge returned {unknown} unknown {kind} id(s); dropped."));
        }

        var results = new List<MarkingPointResult>();
        foreach (var id in ids)
        {
            var item = items.FirstOrDefault(i => i.Id == id);
            var rationale = UntrustedText.Truncate(UntrustedText.Sanitize(item?.Rationale ?? "not assessed by the judge"), 300);
            if (item is null || !item.Credited)
            {
                results.Add(new MarkingPointResult(id, false, 0, [], rationale, ScorerSources.Llm));
                continue;
            }

            var span = EvidenceLocator.Locate(reply, item.Evidence);
            if (span is null)
            {
                notes.Add($"Judge credited {kind} '{id}' without evidence found in the reply; dropped.");
                results.Add(new MarkingPointResult(id, false, 0, [], "judge's evidence was not found in the reply", ScorerSources.Llm));
                continue;
            }

            results.Add(new MarkingPointResult(id, true, 1.0, [span], rationale, ScorerSources.Llm));
        }

        return results;
    }

    private static List<JudgeItem> ReadItems(JsonElement array)
    {
        var items = new List<JudgeItem>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new InvalidOperationException("entry without an id");
            }

            var credited = element.TryGetProperty("credited", out var c) && c.ValueKind == JsonValueKind.True;
            var evidence = element.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var rationale = element.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            items.Add(new JudgeItem(id.GetString() ?? "", credited, evidence, rationale));
        }

        return items;
    }

    /// <summary>Some local models wrap JSON in a markdown fence even with a schema; unwrap it.</summary>
    private static string StripFence(string output)
    {
        var text = output.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        var body = firstNewline < 0 ? "" : text[(firstNewline + 1)..];
        var close = body.LastIndexOf("```", StringComparison.Ordinal);
        return (close < 0 ? body : body[..close]).Trim();
    }

    private Dictionary<string, string> Variables(ReplyContext context, IReadOnlyList<string> assessed, IReadOnlyList<string> negatives) =>
        new(StringComparer.Ordinal)
        {
            ["context"] = context.Context.ToString().ToLowerInvariant(),
            ["marking_points"] = string.Join("\n", assessed.Select(id => $"- {id}: {_guide.Describe(id)}")),
            ["negatives"] = negatives.Count == 0 ? "(none)" : string.Join("\n", negatives.Select(id => $"- {id}: {_guide.Describe(id)}")),
            ["conversation"] = context.History.Count == 0
                ? "(start of the conversation)"
                : LlmPersonaVoice.FormatHistory(context.History.TakeLast(_options.MaxHistoryLines), _options.MaxLineInputChars),
            ["persona_line"] = string.IsNullOrWhiteSpace(context.PersonaLine) ? "(nothing)" : UntrustedText.Truncate(context.PersonaLine, _options.MaxLineInputChars),
            ["reply"] = UntrustedText.Truncate(context.Reply, 2 * InjectionScreen.MaxReplyChars),
        };

    private sealed record JudgeItem(string Id, bool Credited, string? Evidence, string? Rationale);
}
