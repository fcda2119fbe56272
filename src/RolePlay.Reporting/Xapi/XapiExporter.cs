using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;
using RolePlay.Storage;

namespace RolePlay.Reporting.Xapi;

/// <summary>
/// Turns one attempt into xAPI 1.0.3 statements: one <c>answered</c> per turn on a <c>cmi.interaction</c>
/// (<c>long-fill-in</c>), then <c>completed</c> and <c>passed</c>/<c>failed</c> on the scenario (<c>simulation</c>),
/// then one <c>scored</c> statement by the assessor per review. All share one <c>context.registration</c>.
/// Statement ids are name-based UUIDs, so re-exporting gives the same ids.
/// </summary>
public sealed class XapiExporter(XapiOptions? options = null)
{
    private const double MaxTurnScore = 10;

    private readonly XapiOptions options = options ?? XapiOptions.Default;

    /// <summary>Pass rule for the <c>passed</c>/<c>failed</c> statement: the assessor's decision when there is one, else a positive outcome with a band other than "Not yet competent".</summary>
    public static bool IsPass(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.LatestDecision?.Decision is { } decision)
        {
            return decision == AssessorDecisions.Competent;
        }

        var completion = transcript.Summary.Completion;
        return completion is not null
            && Outcomes.IsPositive(completion.Outcome)
            && !completion.Band.StartsWith("not yet", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The registration UUID of an attempt: its session id when that is a UUID, else a name-based UUID of it.</summary>
    public static Guid Registration(string sessionId) =>
        Guid.TryParse(sessionId, out var id) ? id : DeterministicUuid.Create("session/" + sessionId);

    public IReadOnlyList<JsonObject> Export(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var statements = new List<JsonObject>();
        foreach (var turn in transcript.Turns)
        {
            statements.Add(Answered(transcript, turn));
        }

        if (transcript.Summary.Completion is { } completion)
        {
            statements.Add(Completed(transcript, completion));
            statements.Add(PassedOrFailed(transcript, completion));
        }

        foreach (var review in transcript.Reviews)
        {
            statements.Add(Reviewed(transcript, review));
        }

        return statements;
    }

    /// <summary>The statements as a JSON array, ready to POST to an LRS <c>statements</c> endpoint.</summary>
    public string ExportJson(Transcript transcript)
    {
        var array = new JsonArray(Export(transcript).Select(s => (JsonNode)s).ToArray());
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Entry point for <c>roleplay export xapi ID</c>: the JSON array, or null when the session is unknown.</summary>
    public async Task<string?> ExportJsonAsync(ITranscriptQueries queries, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var transcript = await queries.GetTranscriptAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return transcript is null ? null : ExportJson(transcript);
    }

    private JsonObject Answered(Transcript transcript, TurnRecord turn)
    {
        var score = Math.Clamp(double.IsFinite(turn.Assessment.Score) ? turn.Assessment.Score : 0, 0, MaxTurnScore);
        return new JsonObject
        {
            ["id"] = StatementId(transcript, $"turn/{turn.Number}"),
            ["actor"] = Agent(transcript.Summary.Learner),
            ["verb"] = Verb(XapiVocabulary.Answered, "answered"),
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = options.Iri("scenarios", transcript.Summary.ScenarioId, "nodes", turn.NodeId),
                ["definition"] = new JsonObject
                {
                    ["type"] = XapiVocabulary.Interaction,
                    ["interactionType"] = XapiVocabulary.LongFillIn,
                    ["name"] = LanguageMap($"{transcript.Summary.ScenarioTitle}: {turn.NodeId}"),
                    ["description"] = LanguageMap(turn.PersonaLine),
                },
            },
            ["result"] = new JsonObject
            {
                ["response"] = turn.Reply,
                ["score"] = Score(score, MaxTurnScore),
                ["extensions"] = new JsonObject
                {
                    [Extension(XapiVocabulary.Extensions.MarkingPoints)] = MarkingPoints(transcript, turn),
                    [Extension(XapiVocabulary.Extensions.Negatives)] = new JsonArray(turn.Assessment.Negatives.Select(n => (JsonNode)Point(n, n.Credited, null)).ToArray()),
                },
            },
            ["context"] = Context(
                transcript,
                new JsonObject
                {
                    [Extension(XapiVocabulary.Extensions.Turn)] = turn.Number,
                    [Extension(XapiVocabulary.Extensions.NextNode)] = turn.NextId,
                },
                parentIsScenario: true),
            ["timestamp"] = Timestamp(turn.Timestamp),
        };
    }

    private JsonObject Completed(Transcript transcript, SessionCompletion completion) => new()
    {
        ["id"] = StatementId(transcript, "completed"),
        ["actor"] = Agent(transcript.Summary.Learner),
        ["verb"] = Verb(XapiVocabulary.Completed, "completed"),
        ["object"] = Scenario(transcript),
        ["result"] = new JsonObject
        {
            ["completion"] = true,
            ["score"] = Score(Math.Clamp(double.IsFinite(completion.Score) ? completion.Score : 0, 0, MaxTurnScore), MaxTurnScore),
            ["duration"] = XmlConvert.ToString(Max(TimeSpan.Zero, completion.CompletedAt - transcript.Summary.StartedAt)),
            ["extensions"] = new JsonObject
            {
                [Extension(XapiVocabulary.Extensions.Outcome)] = completion.Outcome,
                [Extension(XapiVocabulary.Extensions.Ending)] = completion.EndingId,
                [Extension(XapiVocabulary.Extensions.Band)] = completion.Band,
                [Extension(XapiVocabulary.Extensions.Path)] = new JsonArray(
                    transcript.Turns.Select(t => t.NodeId).Append(completion.EndingId).Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
            },
        },
        ["context"] = Context(transcript, null),
        ["timestamp"] = Timestamp(completion.CompletedAt),
    };

    private JsonObject PassedOrFailed(Transcript transcript, SessionCompletion completion)
    {
        var passed = IsPass(transcript);
        var decision = transcript.LatestDecision;
        return new JsonObject
        {
            ["id"] = StatementId(transcript, "success"),
            ["actor"] = Agent(transcript.Summary.Learner),
            ["verb"] = passed ? Verb(XapiVocabulary.Passed, "passed") : Verb(XapiVocabulary.Failed, "failed"),
            ["object"] = Scenario(transcript),
            ["result"] = new JsonObject
            {
                ["success"] = passed,
                ["completion"] = true,
                ["extensions"] = new JsonObject
                {
                    [Extension(XapiVocabulary.Extensions.Band)] = completion.Band,
                    [Extension(XapiVocabulary.Extensions.DecidedBy)] = decision is null ? "automated" : "assessor",
                },
            },
            ["context"] = Context(transcript, null, decision?.Assessor),
            ["timestamp"] = Timestamp(decision?.CreatedAt ?? completion.CompletedAt),
        };
    }

    private JsonObject Reviewed(Transcript transcript, ReviewRecord review)
    {
        JsonNode target = review.Kind == ReviewKind.Decision
            ? Scenario(transcript)
            : new JsonObject { ["objectType"] = "StatementRef", ["id"] = StatementId(transcript, $"turn/{review.TurnNumber}") };
        var extensions = new JsonObject
        {
            [Extension(XapiVocabulary.Extensions.Review)] = new JsonObject
            {
                ["kind"] = review.Kind.ToString().ToLowerInvariant(),
                ["turn"] = review.TurnNumber,
                ["markingPoint"] = review.MarkingPointId,
                ["decision"] = review.Decision,
            },
            [Extension(XapiVocabulary.Extensions.Learner)] = transcript.Summary.Learner,
        };
        return new JsonObject
        {
            ["id"] = StatementId(transcript, $"review/{review.Id}"),
            ["actor"] = Agent(review.Assessor),
            ["verb"] = Verb(XapiVocabulary.Scored, "scored"),
            ["object"] = target,
            ["result"] = new JsonObject
            {
                ["success"] = review.Kind == ReviewKind.Decision ? review.Decision == AssessorDecisions.Competent : review.Kind == ReviewKind.Credit,
                ["response"] = review.Comment,
                ["extensions"] = extensions,
            },
            ["context"] = Context(transcript, null, objectIsActivity: review.Kind == ReviewKind.Decision, parentIsScenario: review.Kind != ReviewKind.Decision),
            ["timestamp"] = Timestamp(review.CreatedAt),
        };
    }

    private static JsonArray MarkingPoints(Transcript transcript, TurnRecord turn) =>
        new(turn.Assessment.MarkingPoints
            .Select(m => (JsonNode)Point(m, m.Credited, transcript.LatestOverride(turn.Number, m.Id) is { } review ? review.Kind == ReviewKind.Credit : null))
            .ToArray());

    private static JsonObject Point(MarkingPointResult result, bool automated, bool? assessor)
    {
        var point = new JsonObject
        {
            ["id"] = result.Id,
            ["credited"] = automated,
            ["strength"] = double.IsFinite(result.Strength) ? result.Strength : 0,
            ["evidence"] = new JsonArray(result.Evidence.Select(e => (JsonNode)JsonValue.Create(e.Quote)!).ToArray()),
            ["source"] = result.Source,
        };
        if (assessor is { } decided)
        {
            point["assessorCredited"] = decided;
        }

        return point;
    }

    private JsonObject Scenario(Transcript transcript) => new()
    {
        ["objectType"] = "Activity",
        ["id"] = options.Iri("scenarios", transcript.Summary.ScenarioId),
        ["definition"] = new JsonObject
        {
            ["type"] = XapiVocabulary.Simulation,
            ["name"] = LanguageMap(transcript.Summary.ScenarioTitle),
        },
    };

    /// <param name="objectIsActivity">False for a StatementRef object, which may not carry <c>platform</c> (xAPI 1.0.3, 2.4.6).</param>
    /// <param name="parentIsScenario">True when the object is a part of the scenario (a node, or a turn's statement).</param>
    private JsonObject Context(Transcript transcript, JsonObject? extensions, string? instructor = null, bool objectIsActivity = true, bool parentIsScenario = false)
    {
        var context = new JsonObject
        {
            ["registration"] = Registration(transcript.Summary.SessionId).ToString("D"),
            ["language"] = options.Language,
        };
        if (objectIsActivity)
        {
            context["platform"] = "RolePlay";
        }

        if (parentIsScenario)
        {
            context["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(Scenario(transcript)) };
        }

        if (instructor is not null)
        {
            context["instructor"] = Agent(instructor);
        }

        if (extensions is not null)
        {
            context["extensions"] = extensions;
        }

        return context;
    }

    private JsonObject Agent(string name) => new()
    {
        ["objectType"] = "Agent",
        ["name"] = name,
        ["account"] = new JsonObject
        {
            ["homePage"] = options.AccountHomePage.AbsoluteUri,
            ["name"] = name.Trim(),
        },
    };

    private JsonObject Verb(string id, string display) => new()
    {
        ["id"] = id,
        ["display"] = LanguageMap(display),
    };

    private JsonObject LanguageMap(string text) => new() { [options.Language] = text };

    private static JsonObject Score(double raw, double max) => new()
    {
        ["scaled"] = Math.Round(raw / max, 4),
        ["raw"] = raw,
        ["min"] = 0,
        ["max"] = max,
    };

    private string Extension(string name) => options.Iri("extensions", name);

    private static string StatementId(Transcript transcript, string part) =>
        DeterministicUuid.Create($"session/{transcript.Summary.SessionId}/{part}").ToString("D");

    private static string Timestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
