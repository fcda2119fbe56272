using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Llm;

/// <summary>DI registration of the optional LLM path.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LlmServices"/>, <see cref="LlmUsageMeter"/>, <see cref="IPersonaVoice"/> and <see cref="IReplyScorer"/>
    /// (combined when an LLM is configured, else the built-in scorer). The built-in scorer must be registered as a keyed
    /// <see cref="IReplyScorer"/> under <see cref="LlmServices.BuiltinScorerKey"/>.</summary>
    public static IServiceCollection AddRolePlayLlm(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRolePlayLlm(configuration, sp => sp.GetRequiredKeyedService<IReplyScorer>(LlmServices.BuiltinScorerKey));

    /// <summary>As above, with the built-in scorer supplied by a factory.</summary>
    public static IServiceCollection AddRolePlayLlm(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IReplyScorer> builtinScorer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(builtinScorer);
        services.AddSingleton(_ => LlmOptions.FromConfiguration(configuration));
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<LlmConfigurationResult>();
            var catalogue = sp.GetService<MarkingPointCatalogue>();
            var guide = catalogue is null ? null : MarkingPointGuide.FromCatalogue(catalogue);
            var llm = LlmServices.Create(configured.Options, builtinScorer(sp), guide: guide);
            return configured.Errors.Count == 0 ? llm : WithProblems(llm, configured);
        });
        services.AddSingleton(sp => sp.GetRequiredService<LlmServices>().Usage);
        services.AddSingleton(sp => sp.GetRequiredService<LlmServices>().Voice);
        services.AddSingleton(sp => sp.GetRequiredService<LlmServices>().DefaultScorer);
        return services;
    }

    private static LlmServices WithProblems(LlmServices llm, LlmConfigurationResult configured)
    {
        llm.AddProblems(configured.Errors);
        return llm;
    }
}
