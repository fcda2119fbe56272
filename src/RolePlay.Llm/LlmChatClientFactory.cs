using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;

using OpenAI;

using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RolePlay.Llm;

/// <summary>Builds the <see cref="IChatClient"/> for a provider: the OpenAI 2.x client over an HttpClient with bounded retries and timeouts.</summary>
/// <remarks>Azure goes through its OpenAI-compatible <c>/openai/v1/</c> endpoint (Azure.AI.OpenAI 2.1 fails at run time with SK 1.82).</remarks>
public static class LlmChatClientFactory
{
    private static readonly Uri OpenAIDefaultEndpoint = new("https://api.openai.com/v1/");

    /// <summary>The base URL requests go to for these options.</summary>
    public static Uri ResolveEndpoint(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case LlmProvider.Azure:
                var azure = options.Endpoint ?? throw new InvalidOperationException("Azure needs an endpoint.");
                var path = azure.AbsolutePath.TrimEnd('/');
                if (!path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
                {
                    path += "/openai/v1";
                }

                return new UriBuilder(azure) { Path = path + "/", Query = "" }.Uri;
            case LlmProvider.OpenAI:
            case LlmProvider.Local:
                var baseUri = options.Endpoint ?? OpenAIDefaultEndpoint;
                return new UriBuilder(baseUri) { Path = baseUri.AbsolutePath.TrimEnd('/') + "/" }.Uri;
            default:
                throw new InvalidOperationException("No LLM provider configured.");
        }
    }

    /// <summary>Creates the chat client; the returned HttpClient must live as long as the chat client.</summary>
    public static (IChatClient Client, HttpClient Http) Create(LlmOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = CreateHttpClient(options, innerHandler);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = ResolveEndpoint(options),
            Transport = new HttpClientPipelineTransport(http),

            // Retries live in the HttpClient's resilience handler; the pipeline's own would multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TotalTimeoutSeconds),
        };

        // The real credential is applied by ProviderAuthHandler so each provider gets its own header scheme.
        var openAi = new OpenAIClient(new ApiKeyCredential("placeholder"), clientOptions);
        var chat = openAi.GetChatClient(options.EffectiveModel).AsIChatClient();
        return (chat, http);
    }

    /// <summary>HttpClient with auth for the provider, then total timeout → retry (429 Retry-After, 408, 5xx, transport) → attempt timeout.</summary>
    public static HttpClient CreateHttpClient(LlmOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resilience = new ResilienceHandler(BuildPipeline(options))
        {
            InnerHandler = innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var auth = new ProviderAuthHandler(options.Provider, options.ApiKey) { InnerHandler = resilience };
        return new HttpClient(auth) { Timeout = Timeout.InfiniteTimeSpan };
    }

    internal static ResiliencePipeline<HttpResponseMessage> BuildPipeline(LlmOptions options)
    {
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 0),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
            MaxDelay = maxRetryAfter,
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, maxRetryAfter)),
        };
        if (options.MaxRetries <= 0)
        {
            retry.ShouldHandle = _ => ValueTask.FromResult(false);
            retry.MaxRetryAttempts = 1;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds))
            .AddRetry(retry)
            .AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) })
            .Build();
    }

    /// <summary>The server's Retry-After (seconds or date), capped; null lets the exponential backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > cap ? cap : delay.Value;
    }

    /// <summary>Replaces whatever the SDK put in Authorization with the provider's scheme: Azure <c>api-key</c>, else Bearer (none for a keyless local server).</summary>
    private sealed class ProviderAuthHandler(LlmProvider provider, string? apiKey) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = null;
            request.Headers.Remove("api-key");
            if (!string.IsNullOrEmpty(apiKey))
            {
                if (provider == LlmProvider.Azure)
                {
                    request.Headers.TryAddWithoutValidation("api-key", apiKey);
                }
                else
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
