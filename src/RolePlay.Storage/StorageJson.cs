using System.Text.Json;
using System.Text.Json.Serialization;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Sessions;

namespace RolePlay.Storage;

/// <summary>The one JSON shape used for persisted snapshots, turns and assessments (camelCase, enums as strings).</summary>
public static class StorageJson
{
    /// <summary>Options shared by every persisted shape; changing them is a schema change (see docs/storage.md).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a persisted value; a damaged or empty document is reported as a <see cref="StoreException"/>.</summary>
    public static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new StoreException(StoreErrorKind.Corrupt, $"The stored {what} is empty.");
        }
        catch (JsonException exception)
        {
            throw new StoreException(StoreErrorKind.Corrupt, $"The stored {what} is damaged and cannot be read ({exception.Message}).", exception);
        }
    }

    public static string SerializeSnapshot(SessionSnapshot snapshot) => Serialize(snapshot);

    public static SessionSnapshot DeserializeSnapshot(string json) => Deserialize<SessionSnapshot>(json, "session snapshot");

    public static string SerializeAssessment(TurnAssessment assessment) => Serialize(assessment);

    public static TurnAssessment DeserializeAssessment(string json) => Deserialize<TurnAssessment>(json, "turn assessment");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
