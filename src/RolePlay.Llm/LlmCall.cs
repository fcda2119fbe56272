using System.ClientModel;
using System.Text;

using Microsoft.Extensions.AI;

using Polly.Timeout;

using RolePlay.Engine.Voice;

namespace RolePlay.Llm;

/// <summary>The outcome of one guarded LLM call: the text and usage, or why it failed.</summary>
internal sealed record LlmCallResult(string? Text, TokenUsage? Usage, string? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>Runs one chat call within the turn's time budget and turns every failure into a reason (never an exception, except the caller's own cancellation).</summary>
internal static class LlmCall
{
    public static async Task<LlmCallResult> RunAsync(
        IChatClient client,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions options,
        TimeSpan budget,
        Action<string>? onPartialText,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        TokenUsage? usage = null;
        try
        {
            if (onPartialText is null)
            {
                var response = await client.GetResponseAsync(messages, options, timeout.Token).ConfigureAwait(false);
                return new LlmCallResult(response.Text, ToUsage(response.Usage), null);
            }

            var text = new StringBuilder();
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, timeout.Token).ConfigureAwait(false))
            {
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent u)
                    {
                        usage = (usage ?? TokenUsage.None).Add(ToUsage(u.Details));
                    }
                }

                var fragment = update.Text;
                if (!string.IsNullOrEmpty(fragment))
                {
                    text.Append(fragment);
                    onPartialText(fragment);
                }
            }

            return new LlmCallResult(text.ToString(), usage, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new LlmCallResult(null, usage, $"timed out after {budget.TotalSeconds:0.#}s");
        }
        catch (TimeoutRejectedException)
        {
            return new LlmCallResult(null, usage, "timed out (retries exhausted)");
        }
        catch (ClientResultException ex)
        {
            return new LlmCallResult(null, usage, $"service error HTTP {ex.Status}");
        }
        catch (Exception ex)
        {
            // Any failure of the optional LLM path becomes a fallback for this turn; the session goes on.
            return new LlmCallResult(null, usage, $"call failed ({ex.GetType().Name})");
        }
    }

    public static TokenUsage? ToUsage(UsageDetails? details) =>
        details is null ? null : new TokenUsage(details.InputTokenCount ?? 0, details.OutputTokenCount ?? 0);
}
