using System.Text.Json.Nodes;

using RolePlay.Reporting.Xapi;
using RolePlay.Storage;
using RolePlay.TestSupport;

namespace RolePlay.Reporting.Tests;

public sealed class XapiExporterTests : IDisposable
{
    private readonly ReportingStore store = new();
    private readonly XapiExporter exporter = new(XapiOptions.Default);

    [Fact]
    public async Task Every_statement_follows_the_xapi_statement_rules()
    {
        var statements = exporter.Export(await store.ReviewedLateDeliveryAsync());

        Assert.Equal(3 + 2 + 3, statements.Count);
        Assert.All(statements, statement => Assert.Empty(XapiRules.Validate(statement)));
        Assert.Equal(statements.Count, statements.Select(s => s["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Each_turn_is_an_answered_long_fill_in_interaction_with_the_reply_and_marking_points()
    {
        var transcript = await store.ReviewedLateDeliveryAsync();

        var answered = exporter.Export(transcript).Where(s => Verb(s) == XapiVocabulary.Answered).ToList();

        Assert.Equal(3, answered.Count);
        var first = answered[0];
        Assert.Equal(XapiVocabulary.Interaction, first["object"]!["definition"]!["type"]!.GetValue<string>());
        Assert.Equal("long-fill-in", first["object"]!["definition"]!["interactionType"]!.GetValue<string>());
        Assert.Equal("https://roleplay.example.org/xapi/scenarios/late-delivery/nodes/opening", first["object"]!["id"]!.GetValue<string>());
        Assert.Equal(transcript.Turns[0].Reply, first["result"]!["response"]!.GetValue<string>());
        var points = first["result"]!["extensions"]!["https://roleplay.example.org/xapi/extensions/marking-points"]!.AsArray();
        Assert.Equal(["apology", "active_listening", "empathy"], points.Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("I'm really sorry", points[0]!["evidence"]![0]!.GetValue<string>());
        Assert.False(points[2]!["credited"]!.GetValue<bool>());
        Assert.True(points[2]!["assessorCredited"]!.GetValue<bool>());
        Assert.Equal(0.7, first["result"]!["score"]!["scaled"]!.GetValue<double>());
        Assert.Equal(transcript.Turns[0].Timestamp, DateTimeOffset.Parse(first["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_attempt_is_completed_and_passed_on_a_simulation_under_one_registration()
    {
        var transcript = await store.ReviewedLateDeliveryAsync();

        var statements = exporter.Export(transcript);

        var registrations = statements.Select(s => s["context"]!["registration"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(["3f2b8c1e-6a4d-4e8b-9c1a-2b3c4d5e6f70"], registrations);
        var completed = statements.Single(s => Verb(s) == XapiVocabulary.Completed);
        Assert.Equal(XapiVocabulary.Simulation, completed["object"]!["definition"]!["type"]!.GetValue<string>());
        Assert.True(completed["result"]!["completion"]!.GetValue<bool>());
        Assert.Equal("PT9M", completed["result"]!["duration"]!.GetValue<string>());
        var passed = statements.Single(s => Verb(s) == XapiVocabulary.Passed);
        Assert.True(passed["result"]!["success"]!.GetValue<bool>());
        Assert.Equal("assessor", passed["result"]!["extensions"]!["https://roleplay.example.org/xapi/extensions/decided-by"]!.GetValue<string>());
        Assert.Equal("Jo Assessor", passed["context"]!["instructor"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assessor_reviews_are_scored_statements_by_the_assessor()
    {
        var transcript = await store.ReviewedLateDeliveryAsync();

        var statements = exporter.Export(transcript);
        var reviews = statements.Where(s => Verb(s) == XapiVocabulary.Scored).ToList();

        Assert.Equal(3, reviews.Count);
        Assert.All(reviews, r => Assert.Equal("Jo Assessor", r["actor"]!["account"]!["name"]!.GetValue<string>()));
        var credit = reviews[0];
        Assert.Equal("StatementRef", credit["object"]!["objectType"]!.GetValue<string>());
        Assert.Equal(statements[0]["id"]!.GetValue<string>(), credit["object"]!["id"]!.GetValue<string>());
        Assert.Contains("recognises the feeling", credit["result"]!["response"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(reviews[1]["result"]!["success"]!.GetValue<bool>());
        Assert.Equal("Activity", reviews[2]["object"]!["objectType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_assessor_a_not_yet_competent_band_fails_and_unfinished_attempts_have_no_completion()
    {
        var failing = await store.SaveAsync(
            SampleSessions.LateDelivery("weak", "Sam", ReportingStore.Day),
            new SessionCompletion("escalated", "escalated", "Not yet competent", 2.5, ReportingStore.Day.AddMinutes(5)));
        var unfinishedSession = new SessionBuilder("open", learner: "Sam", startedAt: ReportingStore.Day);
        unfinishedSession.AddTurn("opening", "Well?", "Sorry.", "details", 5, [("apology", "Sorry")]);
        var unfinished = await store.SaveAsync(unfinishedSession);

        var failed = exporter.Export(failing);
        var open = exporter.Export(unfinished);

        Assert.Contains(failed, s => Verb(s) == XapiVocabulary.Failed);
        Assert.DoesNotContain(failed, s => Verb(s) == XapiVocabulary.Passed);
        Assert.All(failed, s => Assert.Empty(XapiRules.Validate(s)));
        Assert.Equal([XapiVocabulary.Answered], open.Select(Verb));
        Assert.All(open, s => Assert.Empty(XapiRules.Validate(s)));
    }

    [Fact]
    public async Task Exporting_twice_gives_the_same_statement_ids_and_non_uuid_sessions_get_a_valid_registration()
    {
        var transcript = await store.SaveAsync(SampleSessions.LateDelivery("not-a-guid", "Sam", ReportingStore.Day));

        var first = exporter.Export(transcript).Select(s => s["id"]!.GetValue<string>());
        var second = exporter.Export(transcript).Select(s => s["id"]!.GetValue<string>());

        Assert.Equal(first, second);
        Assert.All(exporter.Export(transcript), s => Assert.Empty(XapiRules.Validate(s)));
        Assert.Equal(DeterministicUuid.Create("session/not-a-guid"), XapiExporter.Registration("not-a-guid"));
    }

    [Fact]
    public void Name_based_uuids_match_rfc_9562_version_5()
    {
        // RFC 9562 / Python uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), DeterministicUuid.Create(dns, "python.org"));
    }

    [Fact]
    public async Task Odd_learner_text_and_ids_still_give_valid_statements()
    {
        var session = new SessionBuilder("odd", scenarioId: "late delivery/2", learner: "Zoë O'Brien <zoe@example.com>", startedAt: ReportingStore.Day);
        session.AddTurn("node with spaces", "Well?", "Entschuldigung! 🙏 \"quoted\"\nnew line", "end", 12, [("apology", "Entschuldigung")]);

        var statements = exporter.Export(await store.SaveAsync(session));

        Assert.All(statements, s => Assert.Empty(XapiRules.Validate(s)));
        Assert.Equal(1, statements[0]["result"]!["score"]!["scaled"]!.GetValue<double>());
    }

    [Fact]
    public void The_validator_rejects_broken_statements()
    {
        var broken = new JsonObject
        {
            ["id"] = "not-a-uuid",
            ["actor"] = new JsonObject { ["name"] = "x" },
            ["verb"] = new JsonObject { ["id"] = "answered", ["display"] = new JsonObject { ["en-GB"] = "answered" } },
            ["object"] = new JsonObject { ["id"] = "relative/path" },
            ["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 1.5, ["raw"] = 11, ["min"] = 0, ["max"] = 10 } },
            ["timestamp"] = "yesterday",
        };

        var errors = XapiRules.Validate(broken);

        Assert.Contains(errors, e => e.StartsWith("id ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("actor must have exactly one", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("verb.id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("object.id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("scaled", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("raw", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("timestamp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_json_is_an_array_and_unknown_sessions_give_null()
    {
        var transcript = await store.ReviewedLateDeliveryAsync();

        var json = await exporter.ExportJsonAsync(store.Store, transcript.Summary.SessionId);

        Assert.Equal(8, JsonNode.Parse(json!)!.AsArray().Count);
        Assert.Null(await exporter.ExportJsonAsync(store.Store, "missing"));
    }

    public void Dispose() => store.Dispose();

    private static string Verb(JsonObject statement) => statement["verb"]!["id"]!.GetValue<string>();
}
