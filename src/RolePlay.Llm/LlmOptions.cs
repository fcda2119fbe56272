using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace RolePlay.Llm;

/// <summary>Which LLM service to talk to; <see cref="None"/> keeps the scripted voice and built-in scorer.</summary>
public enum LlmProvider
{
    None,
    Azure,
    OpenAI,
    Local,
}

/// <summary>LLM settings, bound from the <c>Llm</c> configuration section. Keys come only from configuration or the environment.</summary>
public sealed record LlmOptions
{
    public const string SectionName = "Llm";

    public LlmProvider Provider { get; init; } = LlmProvider.None;

    /// <summary>Base address: the Azure resource (<c>https://name.openai.azure.com</c>), an OpenAI-compatible base URL, or a local server's <c>/v1</c> URL.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Model name (OpenAI, local).</summary>
    public string? Model { get; init; }

    /// <summary>Azure deployment name; used as the model name on Azure's <c>/openai/v1/</c> endpoint.</summary>
    public string? Deployment { get; init; }

    /// <summary>Secret; never logged, never shown by <see cref="ToString"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Per-attempt HTTP timeout.</summary>
    public double TimeoutSeconds { get; init; } = 30;

    /// <summary>Budget for one LLM call including retries and streaming; after it the turn falls back.</summary>
    public double TotalTimeoutSeconds { get; init; } = 75;

    /// <summary>Retries after the first attempt for 408/429/5xx and transport errors.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Base delay of the exponential backoff between retries.</summary>
    public double RetryBaseDelaySeconds { get; init; } = 1;

    /// <summary>Longest Retry-After the client honours; a longer one is capped to this.</summary>
    public double MaxRetryAfterSeconds { get; init; } = 10;

    /// <summary>Price per 1,000 input tokens, for cost estimates (currency as configured in <see cref="Currency"/>).</summary>
    public decimal InputPricePer1K { get; init; }

    /// <summary>Price per 1,000 output tokens.</summary>
    public decimal OutputPricePer1K { get; init; }

    public string Currency { get; init; } = "USD";

    /// <summary>Whether the combined scorer may count a marking point only the judge credited (<c>never</c> by default; see docs/llm.md).</summary>
    public JudgeOnlyCreditPolicy JudgeOnlyCredits { get; init; } = JudgeOnlyCreditPolicy.Never;

    /// <summary>Folder holding persona.yaml and judge.yaml; null means <c>prompts/</c> next to the app, then the embedded copies.</summary>
    public string? PromptsDirectory { get; init; }

    /// <summary>The model name sent on requests: the deployment on Azure, else the model.</summary>
    public string? EffectiveModel => Provider == LlmProvider.Azure ? Deployment ?? Model : Model ?? Deployment;

    public override string ToString() =>
        $"Provider={Provider}, Endpoint={Endpoint}, Model={EffectiveModel}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}";

    /// <summary>Reads the <c>Llm</c> section (keys Provider, Endpoint, Model, Deployment, ApiKey, TimeoutSeconds, ...), then fills unset
    /// endpoint/key from AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY or OPENAI_API_KEY. The provider is never inferred from those.</summary>
    public static LlmConfigurationResult FromConfiguration(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var errors = new List<string>();
        var defaults = new LlmOptions();

        var providerText = section["Provider"];
        var provider = LlmProvider.None;
        if (!string.IsNullOrWhiteSpace(providerText) && (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            errors.Add($"Llm:Provider '{providerText}' is not one of none, azure, openai, local.");
            provider = LlmProvider.None;
        }

        var policyText = Blank(section["JudgeOnlyCredits"]);
        var policy = JudgeOnlyCreditPolicy.Never;
        if (policyText is not null && (!Enum.TryParse(policyText, ignoreCase: true, out policy) || !Enum.IsDefined(policy)))
        {
            errors.Add($"Llm:JudgeOnlyCredits '{policyText}' is not one of never, verified.");
            policy = JudgeOnlyCreditPolicy.Never;
        }

        var options = new LlmOptions
        {
            JudgeOnlyCredits = policy,
            Provider = provider,
            Endpoint = ReadUri(section, "Endpoint", errors),
            Model = Blank(section["Model"]),
            Deployment = Blank(section["Deployment"]),
            ApiKey = Blank(section["ApiKey"]),
            TimeoutSeconds = ReadDouble(section, "TimeoutSeconds", defaults.TimeoutSeconds, errors),
            TotalTimeoutSeconds = ReadDouble(section, "TotalTimeoutSeconds", defaults.TotalTimeoutSeconds, errors),
            MaxRetries = (int)ReadDouble(section, "MaxRetries", defaults.MaxRetries, errors),
            RetryBaseDelaySeconds = ReadDouble(section, "RetryBaseDelaySeconds", defaults.RetryBaseDelaySeconds, errors),
            MaxRetryAfterSeconds = ReadDouble(section, "MaxRetryAfterSeconds", defaults.MaxRetryAfterSeconds, errors),
            InputPricePer1K = (decimal)ReadDouble(section, "InputPricePer1K", 0, errors),
            OutputPricePer1K = (decimal)ReadDouble(section, "OutputPricePer1K", 0, errors),
            Currency = Blank(section["Currency"]) ?? defaults.Currency,
            PromptsDirectory = Blank(section["PromptsDirectory"]),
        };
        options = options.WithEnvironmentFallbacks(environment ?? Environment.GetEnvironmentVariable);
        errors.AddRange(options.Validate());
        return new LlmConfigurationResult(errors.Count == 0 ? options : options with { Provider = LlmProvider.None }, errors);
    }

    /// <summary>Fills an unset endpoint or key from the conventional environment variables of the chosen provider.</summary>
    public LlmOptions WithEnvironmentFallbacks(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Provider switch
        {
            LlmProvider.Azure => this with
            {
                Endpoint = Endpoint ?? TryUri(environment("AZURE_OPENAI_ENDPOINT")),
                ApiKey = ApiKey ?? Blank(environment("AZURE_OPENAI_API_KEY")),
            },
            LlmProvider.OpenAI => this with { ApiKey = ApiKey ?? Blank(environment("OPENAI_API_KEY")) },
            _ => this,
        };
    }

    /// <summary>Problems that stop the provider being used; empty when usable (always empty for <see cref="LlmProvider.None"/>).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Provider == LlmProvider.None)
        {
            return errors;
        }

        if (TimeoutSeconds <= 0 || TotalTimeoutSeconds <= 0 || MaxRetries < 0 || MaxRetries > 10)
        {
            errors.Add("Llm:TimeoutSeconds and Llm:TotalTimeoutSeconds must be positive and Llm:MaxRetries between 0 and 10.");
        }

        if (string.IsNullOrEmpty(EffectiveModel))
        {
            errors.Add(Provider == LlmProvider.Azure ? "Llm:Deployment is required for azure." : "Llm:Model is required.");
        }

        switch (Provider)
        {
            case LlmProvider.Azure when Endpoint is null:
                errors.Add("Llm:Endpoint (or AZURE_OPENAI_ENDPOINT) is required for azure.");
                break;
            case LlmProvider.Azure or LlmProvider.OpenAI when string.IsNullOrEmpty(ApiKey):
                errors.Add($"Llm:ApiKey (or {(Provider == LlmProvider.Azure ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY")}) is required for {Provider.ToString().ToLowerInvariant()}.");
                break;
            case LlmProvider.Local when Endpoint is null:
                errors.Add("Llm:Endpoint is required for local (e.g. http://127.0.0.1:11434/v1).");
                break;
        }

        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? TryUri(string? value) =>
        Uri.TryCreate(Blank(value), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static Uri? ReadUri(IConfigurationSection section, string key, List<string> errors)
    {
        var text = Blank(section[key]);
        if (text is null)
        {
            return null;
        }

        var uri = TryUri(text);
        if (uri is null)
        {
            errors.Add($"Llm:{key} must be an absolute http(s) URL.");
        }

        return uri;
    }

    private static double ReadDouble(IConfigurationSection section, string key, double fallback, List<string> errors)
    {
        var text = Blank(section[key]);
        if (text is null)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"Llm:{key} '{text}' is not a number.");
        return fallback;
    }
}

/// <summary>Options read from configuration, with the reasons they cannot be used (then the provider is <c>None</c>).</summary>
public sealed record LlmConfigurationResult(LlmOptions Options, IReadOnlyList<string> Errors)
{
    public bool IsEnabled => Options.Provider != LlmProvider.None;
}
