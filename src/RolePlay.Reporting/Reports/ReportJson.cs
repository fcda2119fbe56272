using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Reporting.Reports;

/// <summary>The JSON form of an <see cref="EvidenceReport"/> (camelCase, indented); it round-trips.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(EvidenceReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report written by <see cref="Serialize"/>; null when the text is not a report.</summary>
    public static EvidenceReport? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EvidenceReport>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
