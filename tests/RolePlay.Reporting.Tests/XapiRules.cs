using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;

namespace RolePlay.Reporting.Tests;

/// <summary>
/// The xAPI 1.0.3 statement rules the export must satisfy (Data 2.4): required actor, verb and object; IRIs absolute;
/// UUIDs well formed; ISO 8601 timestamps and durations; score.scaled in [-1, 1] and raw within [min, max];
/// extension keys IRIs; context.platform only with an Activity object; one identifier per Agent.
/// </summary>
public static partial class XapiRules
{
    public static IReadOnlyList<string> Validate(JsonObject built)
    {
        // Validate what an LRS would receive: the serialised text, parsed back.
        var statement = JsonNode.Parse(built.ToJsonString())!.AsObject();
        var errors = new List<string>();
        Uuid(statement["id"], "id", errors, required: true);
        Agent(statement["actor"] as JsonObject, "actor", errors);

        if (statement["verb"] is not JsonObject verb)
        {
            errors.Add("verb is required");
        }
        else
        {
            Iri(verb["id"], "verb.id", errors);
            LanguageMap(verb["display"], "verb.display", errors);
        }

        var objectType = "Activity";
        if (statement["object"] is not JsonObject target)
        {
            errors.Add("object is required");
        }
        else
        {
            objectType = target["objectType"]?.GetValue<string>() ?? "Activity";
            switch (objectType)
            {
                case "Activity":
                    Iri(target["id"], "object.id", errors);
                    if (target["definition"] is JsonObject definition)
                    {
                        if (definition["type"] is not null)
                        {
                            Iri(definition["type"], "object.definition.type", errors);
                        }

                        LanguageMap(definition["name"], "object.definition.name", errors, required: false);
                        LanguageMap(definition["description"], "object.definition.description", errors, required: false);
                        if (definition["interactionType"] is not null
                            && definition["type"]?.GetValue<string>() != "http://adlnet.gov/expapi/activities/cmi.interaction")
                        {
                            errors.Add("object.definition.interactionType needs type cmi.interaction");
                        }
                    }

                    break;
                case "StatementRef":
                    Uuid(target["id"], "object.id", errors, required: true);
                    break;
                default:
                    errors.Add($"object.objectType '{objectType}' not expected");
                    break;
            }
        }

        if (statement["result"] is JsonObject result)
        {
            if (result["score"] is JsonObject score)
            {
                var scaled = score["scaled"]?.GetValue<double>();
                var raw = score["raw"]?.GetValue<double>();
                var min = score["min"]?.GetValue<double>();
                var max = score["max"]?.GetValue<double>();
                if (scaled is < -1 or > 1)
                {
                    errors.Add($"result.score.scaled {scaled} outside [-1, 1]");
                }

                if (min is not null && max is not null && min >= max)
                {
                    errors.Add("result.score.min must be below max");
                }

                if (raw is not null && ((min is not null && raw < min) || (max is not null && raw > max)))
                {
                    errors.Add($"result.score.raw {raw} outside [{min}, {max}]");
                }
            }

            if (result["duration"] is JsonNode duration)
            {
                try
                {
                    XmlConvert.ToTimeSpan(duration.GetValue<string>());
                }
                catch (FormatException)
                {
                    errors.Add("result.duration is not an ISO 8601 duration");
                }
            }

            Extensions(result["extensions"], "result.extensions", errors);
        }

        if (statement["context"] is JsonObject context)
        {
            Uuid(context["registration"], "context.registration", errors, required: false);
            if (context["platform"] is not null && objectType != "Activity")
            {
                errors.Add("context.platform is only allowed when the object is an Activity");
            }

            if (context["instructor"] is JsonObject instructor)
            {
                Agent(instructor, "context.instructor", errors);
            }

            if (context["contextActivities"] is JsonObject activities)
            {
                foreach (var (key, value) in activities)
                {
                    if (key is not ("parent" or "grouping" or "category" or "other"))
                    {
                        errors.Add($"context.contextActivities.{key} not allowed");
                    }

                    foreach (var activity in value as JsonArray ?? [])
                    {
                        Iri(activity?["id"], $"context.contextActivities.{key}[].id", errors);
                    }
                }
            }

            Extensions(context["extensions"], "context.extensions", errors);
        }

        if (statement["timestamp"] is JsonNode timestamp)
        {
            var text = timestamp.GetValue<string>();
            if (!Iso8601().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add($"timestamp '{text}' is not ISO 8601 with a time zone");
            }
        }

        return errors;
    }

    public static bool IsAbsoluteIri(string? value) =>
        value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme) && !value.Any(char.IsWhiteSpace);

    private static void Agent(JsonObject? agent, string where, List<string> errors)
    {
        if (agent is null)
        {
            errors.Add($"{where} is required");
            return;
        }

        var identifiers = new[] { "mbox", "mbox_sha1sum", "openid", "account" }.Count(key => agent[key] is not null);
        if (identifiers != 1)
        {
            errors.Add($"{where} must have exactly one inverse functional identifier, has {identifiers}");
        }

        if (agent["mbox"] is JsonNode mbox && !mbox.GetValue<string>().StartsWith("mailto:", StringComparison.Ordinal))
        {
            errors.Add($"{where}.mbox must be a mailto IRI");
        }

        if (agent["account"] is JsonObject account)
        {
            Iri(account["homePage"], $"{where}.account.homePage", errors);
            if (string.IsNullOrWhiteSpace(account["name"]?.GetValue<string>()))
            {
                errors.Add($"{where}.account.name is required");
            }
        }
    }

    private static void Iri(JsonNode? node, string where, List<string> errors)
    {
        if (!IsAbsoluteIri(node?.GetValue<string>()))
        {
            errors.Add($"{where} '{node}' is not an absolute IRI");
        }
    }

    private static void Uuid(JsonNode? node, string where, List<string> errors, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                errors.Add($"{where} is required");
            }

            return;
        }

        if (!UuidPattern().IsMatch(node.GetValue<string>()))
        {
            errors.Add($"{where} '{node}' is not a UUID");
        }
    }

    private static void LanguageMap(JsonNode? node, string where, List<string> errors, bool required = true)
    {
        if (node is null)
        {
            if (required)
            {
                errors.Add($"{where} is required");
            }

            return;
        }

        if (node is not JsonObject map || map.Count == 0 || map.Any(pair => !LanguageTag().IsMatch(pair.Key)))
        {
            errors.Add($"{where} is not a language map");
        }
    }

    private static void Extensions(JsonNode? node, string where, List<string> errors)
    {
        if (node is JsonObject extensions)
        {
            foreach (var (key, _) in extensions)
            {
                if (!IsAbsoluteIri(key))
                {
                    errors.Add($"{where} key '{key}' is not an absolute IRI");
                }
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Iso8601();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
