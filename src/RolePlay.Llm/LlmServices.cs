using Microsoft.Extensions.AI;

using RolePlay.Engine.Scoring;
using RolePlay.Engine.Voice;
using RolePlay.Scoring;

namespace RolePlay.Llm;

/// <summary>The composition of the optional LLM path: persona voice, scorers by name and the usage meter.
/// With no provider configured it hands out the scripted voice and the built-in scorer.</summary>
public sealed class LlmServices : IDisposable
{
    public const string BuiltinScorerKey = "builtin";

    /// <summary>Names accepted by <see cref="TryCreateScorer"/> (and by <c>roleplay score --scorer</c>).</summary>
    public static IReadOnlyList<string> ScorerNames { get; } = [ScorerSources.Builtin, ScorerSources.Rules, ScorerSources.Llm, ScorerSources.Combined];

    private readonly IReplyScorer _builtin;
    private readonly IChatClient? _chat;
    private readonly HttpClient? _http;
    private readonly LlmPrompt? _judgePrompt;
    private readonly MarkingPointGuide _guide;
    private readonly JudgeOptions _judgeOptions;

    private LlmServices(LlmOptions options, IReplyScorer builtin, IChatClient? chat, HttpClient? http, PromptLibrary? prompts, MarkingPointGuide? guide, IReadOnlyList<string> problems)
    {
        Options = options;
        _builtin = builtin;
        _chat = chat;
        _http = http;
        _guide = guide ?? MarkingPointGuide.Default;
        Usage = new LlmUsageMeter(options.InputPricePer1K, options.OutputPricePer1K, options.Currency);
        var budget = TimeSpan.FromSeconds(options.TotalTimeoutSeconds);
        _judgeOptions = new JudgeOptions { Budget = budget };
        Problems = problems;
        if (chat is not null && prompts is not null)
        {
            Voice = new LlmPersonaVoice(chat, prompts.Load(PromptLibrary.PersonaPromptName), Usage, new PersonaVoiceOptions { Budget = budget });
            _judgePrompt = prompts.Load(PromptLibrary.JudgePromptName);
            Problems = [.. problems, .. prompts.Warnings];
        }
        else
        {
            Voice = new ScriptedVoice();
        }
    }

    public LlmOptions Options { get; }

    /// <summary>True when a provider is configured and usable.</summary>
    public bool IsEnabled => _chat is not null;

    /// <summary>Configuration problems that disabled the LLM path (shown once by the CLI; never contains keys).</summary>
    public IReadOnlyList<string> Problems { get; private set; }

    internal void AddProblems(IEnumerable<string> problems) => Problems = [.. Problems, .. problems];

    /// <summary>The voice to use: <see cref="LlmPersonaVoice"/> when enabled, else <see cref="ScriptedVoice"/>.</summary>
    public IPersonaVoice Voice { get; }

    /// <summary>Token and cost totals for everything these services called.</summary>
    public LlmUsageMeter Usage { get; }

    /// <summary>The scorer for play: <c>combined</c> when enabled, else the built-in one.</summary>
    public IReplyScorer DefaultScorer => IsEnabled ? CreateScorerCore(ScorerSources.Combined) : _builtin;

    /// <summary>Creates the services from options; <paramref name="chatClient"/> overrides the provider's client (tests), <paramref name="httpHandler"/> the transport.</summary>
    public static LlmServices Create(
        LlmOptions options,
        IReplyScorer builtinScorer,
        IChatClient? chatClient = null,
        HttpMessageHandler? httpHandler = null,
        MarkingPointGuide? guide = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builtinScorer);
        var prompts = new PromptLibrary(options.PromptsDirectory);
        if (chatClient is not null)
        {
            return new LlmServices(options, builtinScorer, chatClient, null, prompts, guide, []);
        }

        var problems = options.Validate();
        if (options.Provider == LlmProvider.None || problems.Count > 0)
        {
            return new LlmServices(options with { Provider = LlmProvider.None }, builtinScorer, null, null, null, guide, problems);
        }

        var (chat, http) = LlmChatClientFactory.Create(options, httpHandler);
        return new LlmServices(options, builtinScorer, chat, http, prompts, guide, []);
    }

    /// <summary>A scorer by name: <c>builtin</c>, <c>rules</c> (its cue rules alone), <c>llm</c> (judge; built-in result on failure) or <c>combined</c>.
    /// Returns false with a message for an unknown name or an LLM scorer without a configured provider.</summary>
    public bool TryCreateScorer(string name, out IReplyScorer scorer, out string? error)
    {
        var normalized = (name ?? "").Trim().ToLowerInvariant();
        error = null;
        scorer = _builtin;
        if (!ScorerNames.Contains(normalized))
        {
            error = $"Unknown scorer '{name}'; use one of: {string.Join(", ", ScorerNames)}.";
            return false;
        }

        if (normalized == ScorerSources.Rules)
        {
            if (_builtin is not BuiltInScorer builtin)
            {
                error = "Scorer 'rules' needs the built-in scorer.";
                return false;
            }

            scorer = BuiltInScorer.RulesOnly(builtin.Catalogue);
            return true;
        }

        if (normalized != ScorerSources.Builtin && !IsEnabled)
        {
            error = $"Scorer '{normalized}' needs an LLM provider (set Llm:Provider, or ROLEPLAY_LLM__PROVIDER). {string.Join(" ", Problems)}".Trim();
            return false;
        }

        scorer = CreateScorerCore(normalized);
        return true;
    }

    private IReplyScorer CreateScorerCore(string name) => name switch
    {
        ScorerSources.Llm => new LlmJudgeScorer(_chat!, _judgePrompt!, Usage, _guide, _builtin, _judgeOptions),
        ScorerSources.Combined => new CombinedScorer(
            new LlmJudgeScorer(_chat!, _judgePrompt!, Usage, _guide, fallback: null, _judgeOptions),
            _builtin,
            new CombinedScorerOptions { JudgeOnlyCredits = Options.JudgeOnlyCredits }),
        _ => _builtin,
    };

    public void Dispose()
    {
        (_chat as IDisposable)?.Dispose();
        _http?.Dispose();
    }
}
