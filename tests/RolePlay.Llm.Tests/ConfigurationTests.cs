using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;
using RolePlay.Llm.Tests.Fakes;
using RolePlay.Scoring;

namespace RolePlay.Llm.Tests;

public sealed class ConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void Nothing_configured_means_no_llm_and_no_error()
    {
        var result = LlmOptions.FromConfiguration(Config(), NoEnvironment);

        Assert.False(result.IsEnabled);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Azure_reads_endpoint_and_key_from_the_conventional_environment_variables_when_unset()
    {
        var env = new Dictionary<string, string> { ["AZURE_OPENAI_ENDPOINT"] = "https://example.openai.azure.com", ["AZURE_OPENAI_API_KEY"] = "az-placeholder" };

        var result = LlmOptions.FromConfiguration(Config(("Llm:Provider", "azure"), ("Llm:Deployment", "gpt-4o-mini")), env.GetValueOrDefault);

        Assert.True(result.IsEnabled);
        Assert.Equal("az-placeholder", result.Options.ApiKey);
        Assert.Equal(new Uri("https://example.openai.azure.com/openai/v1/"), LlmChatClientFactory.ResolveEndpoint(result.Options));
    }

    [Fact]
    public void A_configured_key_wins_over_the_environment()
    {
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "from-env" };

        var result = LlmOptions.FromConfiguration(Config(("Llm:Provider", "OpenAI"), ("Llm:Model", "gpt-4o-mini"), ("Llm:ApiKey", "from-config")), env.GetValueOrDefault);

        Assert.Equal("from-config", result.Options.ApiKey);
    }

    [Fact]
    public void An_environment_key_alone_does_not_switch_the_llm_on()
    {
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "from-env" };

        Assert.False(LlmOptions.FromConfiguration(Config(), env.GetValueOrDefault).IsEnabled);
    }

    [Theory]
    [InlineData("bogus", null)]
    [InlineData("openai", null)]
    [InlineData("azure", "not a url")]
    public void Unusable_settings_are_reported_and_disable_the_llm(string provider, string? endpoint)
    {
        var values = new List<(string, string)> { ("Llm:Provider", provider), ("Llm:Model", "m") };
        if (endpoint is not null)
        {
            values.Add(("Llm:Endpoint", endpoint));
        }

        var result = LlmOptions.FromConfiguration(Config([.. values]), NoEnvironment);

        Assert.False(result.IsEnabled);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Timeouts_retries_and_prices_are_bound()
    {
        var result = LlmOptions.FromConfiguration(
            Config(("Llm:Provider", "local"), ("Llm:Endpoint", "http://127.0.0.1:11434/v1"), ("Llm:Model", "llama3"),
                ("Llm:TimeoutSeconds", "12.5"), ("Llm:MaxRetries", "4"), ("Llm:InputPricePer1K", "0.15"), ("Llm:OutputPricePer1K", "0.6")),
            NoEnvironment);

        Assert.Equal(12.5, result.Options.TimeoutSeconds);
        Assert.Equal(4, result.Options.MaxRetries);
        Assert.Equal(0.15m, result.Options.InputPricePer1K);
        Assert.Equal(0.6m, result.Options.OutputPricePer1K);
    }

    [Fact]
    public void The_key_never_appears_in_the_options_text()
    {
        var options = new LlmOptions { Provider = LlmProvider.OpenAI, Model = "m", ApiKey = "sk-secret-value" };

        Assert.DoesNotContain("sk-secret-value", options.ToString());
    }

    [Fact]
    public void The_rules_scorer_is_the_builtin_scorer_without_its_learned_layer()
    {
        using var llm = LlmServices.Create(new LlmOptions(), new BuiltInScorer());

        Assert.True(llm.TryCreateScorer("rules", out var scorer, out _));
        var rules = Assert.IsType<BuiltInScorer>(scorer);
        Assert.Null(rules.CreditModel);
        Assert.NotNull(Assert.IsType<BuiltInScorer>(llm.DefaultScorer).CreditModel);
    }

    [Fact]
    public void The_rules_scorer_needs_the_builtin_scorer()
    {
        using var llm = LlmServices.Create(new LlmOptions(), new KeywordStandInScorer());

        Assert.False(llm.TryCreateScorer("rules", out _, out var error));
        Assert.Contains("built-in", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_provider_the_services_hand_out_the_scripted_voice_and_the_builtin_scorer()
    {
        var builtin = new KeywordStandInScorer();
        using var llm = LlmServices.Create(new LlmOptions(), builtin);

        Assert.False(llm.IsEnabled);
        Assert.IsType<ScriptedVoice>(llm.Voice);
        Assert.Same(builtin, llm.DefaultScorer);
        Assert.True(llm.TryCreateScorer("builtin", out var scorer, out _));
        Assert.Same(builtin, scorer);
        Assert.False(llm.TryCreateScorer("combined", out _, out var error));
        Assert.Contains("needs an LLM provider", error);
    }

    [Fact]
    public void Scorers_are_created_by_name()
    {
        using var llm = LlmServices.Create(new LlmOptions(), new KeywordStandInScorer(), chatClient: TestData.ChatReturning("{}"));

        Assert.True(llm.TryCreateScorer("LLM", out var judge, out _));
        Assert.IsType<LlmJudgeScorer>(judge);
        Assert.True(llm.TryCreateScorer("combined", out var combined, out _));
        Assert.IsType<CombinedScorer>(combined);
        Assert.IsType<LlmPersonaVoice>(llm.Voice);
        Assert.False(llm.TryCreateScorer("magic", out _, out var error));
        Assert.Contains("builtin, rules, llm, combined", error);
    }

    [Fact]
    public void AddRolePlayLlm_registers_the_voice_scorer_and_meter()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IReplyScorer, KeywordStandInScorer>(LlmServices.BuiltinScorerKey);
        services.AddRolePlayLlm(Config(("Llm:Provider", "none")));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ScriptedVoice>(provider.GetRequiredService<IPersonaVoice>());
        Assert.IsType<KeywordStandInScorer>(provider.GetRequiredService<IReplyScorer>());
        Assert.Same(provider.GetRequiredService<LlmServices>().Usage, provider.GetRequiredService<LlmUsageMeter>());
    }

    [Fact]
    public void AddRolePlayLlm_with_a_provider_registers_the_llm_voice_and_combined_scorer()
    {
        var services = new ServiceCollection();
        services.AddRolePlayLlm(
            Config(("Llm:Provider", "openai"), ("Llm:Model", "gpt-4o-mini"), ("Llm:ApiKey", "sk-placeholder")),
            _ => new KeywordStandInScorer());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<LlmPersonaVoice>(provider.GetRequiredService<IPersonaVoice>());
        Assert.IsType<CombinedScorer>(provider.GetRequiredService<IReplyScorer>());
    }

    [Fact]
    public void The_usage_meter_adds_up_calls_tokens_and_cost_per_purpose()
    {
        var meter = new LlmUsageMeter(inputPricePer1K: 0.5m, outputPricePer1K: 1.5m, currency: "GBP");
        meter.Record("persona", new TokenUsage(1000, 200), fellBack: false);
        meter.Record("judge", new TokenUsage(3000, 400), fellBack: true);
        meter.Record("judge", null, fellBack: true);

        var summary = meter.Summary();

        Assert.Equal(3, summary.Calls);
        Assert.Equal(2, summary.Fallbacks);
        Assert.Equal(new TokenUsage(4000, 600), summary.Usage);
        Assert.Equal(2.9m, summary.EstimatedCost);
        Assert.Equal(2, summary.ByPurpose["judge"].Calls);
        Assert.Contains("GBP", summary.ToString());
    }
}
