using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RolePlay.Llm.Tests.Fakes;

/// <summary>A request the fake server received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>What the fake server answers to one request.</summary>
public abstract record FakeReply
{
    /// <summary>A normal (non-streamed) chat completion, or an SSE stream when the request asks for one.</summary>
    public static FakeReply Chat(string content, int inputTokens = 11, int outputTokens = 7) => new ChatReply(content, inputTokens, outputTokens);

    public static FakeReply Status(int status, string body = "{\"error\":{\"message\":\"fake\"}}", string? retryAfter = null) => new StatusReply(status, body, retryAfter);

    public static FakeReply Raw(string body) => new RawReply(body);

    public static FakeReply Hang { get; } = new HangReply();
}

public sealed record ChatReply(string Content, int InputTokens, int OutputTokens) : FakeReply;

public sealed record StatusReply(int StatusCode, string Body, string? RetryAfter) : FakeReply;

public sealed record RawReply(string Body) : FakeReply;

public sealed record HangReply : FakeReply;

/// <summary>A minimal OpenAI-compatible chat-completions server on 127.0.0.1 (HttpListener), with scripted replies and faults.</summary>
public sealed class FakeOpenAIServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _arrivals;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeOpenAIServer(Func<RecordedRequest, FakeReply>? responder = null)
    {
        Responder = responder;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Used when the script is empty.</summary>
    public Func<RecordedRequest, FakeReply>? Responder { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>
    /// Requests whose headers reached the server, counted before the body is read: a client that times out and hangs up
    /// while its body is still in flight is counted here but never appears in <see cref="Requests"/>.
    /// </summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    public FakeOpenAIServer Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _arrivals);
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k] ?? "");
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body);
            _requests.Enqueue(request);
            var reply = _script.TryDequeue(out var scripted) ? scripted : Responder?.Invoke(request) ?? FakeReply.Status(500);
            await WriteAsync(context.Response, request, reply).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (timeouts in tests); nothing to do.
        }
    }

    private async Task WriteAsync(HttpListenerResponse response, RecordedRequest request, FakeReply reply)
    {
        var streaming = IsStreaming(request);
        switch (reply)
        {
            case HangReply:
                try
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    response.Abort();
                }

                return;
            case StatusReply status:
                response.StatusCode = status.StatusCode;
                if (status.RetryAfter is not null)
                {
                    response.AddHeader("Retry-After", status.RetryAfter);
                }

                await WriteBodyAsync(response, "application/json", status.Body).ConfigureAwait(false);
                return;
            case RawReply raw:
                response.StatusCode = 200;
                await WriteBodyAsync(response, "application/json", raw.Body).ConfigureAwait(false);
                return;
            case ChatReply chat when streaming:
                response.StatusCode = 200;
                response.ContentType = "text/event-stream";
                response.SendChunked = true;
                foreach (var fragment in Fragments(chat.Content))
                {
                    await WriteEventAsync(response, Chunk(new JsonObject { ["content"] = fragment }, null, null)).ConfigureAwait(false);
                }

                await WriteEventAsync(response, Chunk(new JsonObject(), "stop", null)).ConfigureAwait(false);
                await WriteEventAsync(response, Chunk(null, null, Usage(chat))).ConfigureAwait(false);
                await WriteEventAsync(response, "[DONE]").ConfigureAwait(false);
                response.Close();
                return;
            case ChatReply chat:
                response.StatusCode = 200;
                var completion = new JsonObject
                {
                    ["id"] = "chatcmpl-fake",
                    ["object"] = "chat.completion",
                    ["created"] = 1_700_000_000,
                    ["model"] = request.Json?["model"]?.GetValue<string>() ?? "fake",
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = chat.Content },
                        ["finish_reason"] = "stop",
                    }),
                    ["usage"] = Usage(chat),
                };
                await WriteBodyAsync(response, "application/json", completion.ToJsonString()).ConfigureAwait(false);
                return;
        }
    }

    private static bool IsStreaming(RecordedRequest request)
    {
        var node = request.Json?["stream"];
        return node is not null && node.GetValueKind() == JsonValueKind.True;
    }

    private static IEnumerable<string> Fragments(string content)
    {
        for (var i = 0; i < content.Length; i += 8)
        {
            yield return content.Substring(i, Math.Min(8, content.Length - i));
        }
    }

    private static JsonObject Usage(ChatReply chat) => new()
    {
        ["prompt_tokens"] = chat.InputTokens,
        ["completion_tokens"] = chat.OutputTokens,
        ["total_tokens"] = chat.InputTokens + chat.OutputTokens,
    };

    private static string Chunk(JsonObject? delta, string? finish, JsonObject? usage)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "fake",
            ["choices"] = (delta is null)
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        return chunk.ToJsonString();
    }

    private static async Task WriteEventAsync(HttpListenerResponse response, string data)
    {
        var bytes = Encoding.UTF8.GetBytes($"data: {data}\n\n");
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        await response.OutputStream.FlushAsync().ConfigureAwait(false);
    }

    private static async Task WriteBodyAsync(HttpListenerResponse response, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }
}
