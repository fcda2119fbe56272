using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlay.Llm;

/// <summary>A loaded prompt: the SK template config plus where it came from.</summary>
public sealed record LlmPrompt(PromptTemplateConfig Config, string Origin)
{
    private static readonly KernelPromptTemplateFactory Factory = new();
    private static readonly Kernel EmptyKernel = new();

    // Creating an SK template may add discovered variables to the config, so it is created once, not per call.
    private readonly Lazy<IPromptTemplate> _template = new(() => Factory.Create(Config), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Renders with SK's default content encoding and splits the result into chat messages.</summary>
    public async Task<IReadOnlyList<ChatMessage>> RenderAsync(IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var arguments = new KernelArguments();
        foreach (var (name, value) in variables)
        {
            arguments[name] = UntrustedText.Sanitize(value);
        }

        var rendered = await _template.Value.RenderAsync(EmptyKernel, arguments, cancellationToken).ConfigureAwait(false);
        return ParseMessages(rendered);
    }

    /// <summary>Chat options from the template's default execution settings: temperature, max_tokens, response_format json_schema.</summary>
    public ChatOptions CreateChatOptions()
    {
        var options = new ChatOptions();
        if (!Config.ExecutionSettings.TryGetValue(PromptExecutionSettings.DefaultServiceId, out var settings) || settings.ExtensionData is null)
        {
            return options;
        }

        var data = settings.ExtensionData;
        if (data.TryGetValue("temperature", out var temperature) && ToDouble(temperature) is { } t)
        {
            options.Temperature = (float)t;
        }

        if (data.TryGetValue("max_tokens", out var maxTokens) && ToDouble(maxTokens) is { } m)
        {
            options.MaxOutputTokens = (int)m;
        }

        if (data.TryGetValue("response_format", out var format) && format is not null)
        {
            var element = JsonSerializer.SerializeToElement(format);
            if (element.TryGetProperty("type", out var type) && type.GetString() == "json_schema"
                && element.TryGetProperty("json_schema", out var jsonSchema) && jsonSchema.TryGetProperty("schema", out var schema))
            {
                var name = jsonSchema.TryGetProperty("name", out var n) ? n.GetString() : null;
                options.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.Clone(), name);
            }
            else if (type.ValueKind == JsonValueKind.String && type.GetString() == "json_object")
            {
                options.ResponseFormat = ChatResponseFormat.Json;
            }
        }

        return options;
    }

    /// <summary>The JSON schema of the structured output, if the template declares one.</summary>
    public JsonElement? ResponseSchema => CreateChatOptions().ResponseFormat is ChatResponseFormatJson { Schema: { } schema } ? schema : null;

    internal static IReadOnlyList<ChatMessage> ParseMessages(string rendered)
    {
        // The template is ours; variable values arrive HTML-encoded, so learner text cannot add elements.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = false };
        using var reader = XmlReader.Create(new StringReader("<prompt>" + rendered + "</prompt>"), settings);
        var root = XElement.Load(reader);
        var messages = new List<ChatMessage>();
        foreach (var element in root.Elements("message"))
        {
            var role = (string?)element.Attribute("role") switch
            {
                "system" => ChatRole.System,
                "assistant" => ChatRole.Assistant,
                _ => ChatRole.User,
            };
            messages.Add(new ChatMessage(role, element.Value.Trim()));
        }

        if (messages.Count == 0)
        {
            messages.Add(new ChatMessage(ChatRole.User, root.Value.Trim()));
        }

        return messages;
    }

    private static double? ToDouble(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>Loads prompt templates from a prompts/ folder (next to the app by default), falling back to the copies embedded in this assembly.</summary>
public sealed class PromptLibrary
{
    public const string PersonaPromptName = "persona";
    public const string JudgePromptName = "judge";

    private readonly string? _directory;

    /// <param name="directory">Folder to look in first; null means <c>prompts/</c> under <see cref="AppContext.BaseDirectory"/>.</param>
    public PromptLibrary(string? directory = null)
    {
        _directory = directory ?? Path.Combine(AppContext.BaseDirectory, "prompts");
    }

    /// <summary>Notes about prompts that were found on disk but could not be used (then the embedded copy was used).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    private readonly List<string> _warnings = [];

    public LlmPrompt Load(string name)
    {
        var path = _directory is null ? null : Path.Combine(_directory, name + ".yaml");
        if (path is not null && File.Exists(path))
        {
            try
            {
                return new LlmPrompt(FromYaml(File.ReadAllText(path)), path);
            }
            catch (Exception ex) when (ex is YamlException or JsonException or ArgumentException or InvalidOperationException or KernelException or IOException)
            {
                _warnings.Add($"Prompt file {path} could not be read ({ex.GetType().Name}: {ex.Message}); using the built-in copy.");
            }
        }

        return new LlmPrompt(FromYaml(ReadEmbedded(name)), "embedded:" + name);
    }

    /// <summary>YAML → JSON → <see cref="PromptTemplateConfig.FromJson(string)"/> (Microsoft.SemanticKernel.Yaml is not available here).</summary>
    public static PromptTemplateConfig FromYaml(string yaml)
    {
        var json = YamlToJson(yaml).ToJsonString();
        var config = PromptTemplateConfig.FromJson(json);
        if (config.AllowDangerouslySetContent || config.InputVariables.Any(v => v.AllowDangerouslySetContent))
        {
            throw new InvalidOperationException("Prompt templates must keep Semantic Kernel's content encoding (allow_dangerously_set_content is refused).");
        }

        return config;
    }

    /// <summary>Converts the first YAML document to JSON, typing plain scalars (true/false/null/numbers) as YAML 1.2 core schema does.</summary>
    public static JsonNode YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0)
        {
            throw new InvalidOperationException("Empty YAML document.");
        }

        return Convert(stream.Documents[0].RootNode) ?? throw new InvalidOperationException("Empty YAML document.");
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}."),
    };

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain)
        {
            switch (value)
            {
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
            }

            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return JsonValue.Create(number);
            }
        }

        return JsonValue.Create(value);
    }

    private static string ReadEmbedded(string name)
    {
        var assembly = typeof(PromptLibrary).Assembly;
        using var stream = assembly.GetManifestResourceStream($"RolePlay.Llm.Prompts.{name}.yaml")
            ?? throw new InvalidOperationException($"No embedded prompt '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
