using System.Text.Json;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Scoring.Batch;

/// <summary>A line of batch input that could not be scored, with its 1-based line number.</summary>
public sealed record BatchLineError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>What a batch run did: lines read (blank lines excluded), lines scored, and the lines skipped with why.</summary>
public sealed record BatchSummary(int Lines, int Scored, IReadOnlyList<BatchLineError> Errors);

/// <summary>One parsed line of batch input.</summary>
/// <param name="Id">The caller's id (a string; numbers are accepted and written as strings).</param>
/// <param name="Text">The reply to score.</param>
/// <param name="Context">What the other person said (also read from <c>persona_line</c>).</param>
/// <param name="ContextKind">From <c>context_kind</c>; else the run's default, or a guess from the words when there is none.</param>
/// <param name="Assessed">From <c>assessed</c>: the marking points to focus the score on.</param>
public sealed record BatchInput(string Id, string Text, string Context, ContextKind ContextKind, IReadOnlyList<string> Assessed);

/// <summary>
/// JSONL batch scoring: each input line <c>{"id": "...", "text": "...", "context": "..."}</c> (context optional) becomes
/// one output line in the <see cref="ReplyScoreReport"/> shape. Bad lines are reported with their line number and skipped.
/// </summary>
public static class BatchScoring
{
    /// <summary>Lines longer than this are reported and skipped without being parsed.</summary>
    public const int MaxLineLength = 1_000_000;

    public static async Task<BatchSummary> RunAsync(
        TextReader input,
        TextWriter output,
        IReplyScorer scorer,
        ContextKind? defaultContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scorer);
        var errors = new List<BatchLineError>();
        int lineNumber = 0, lines = 0, scored = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            lines++;
            var parsed = ParseLine(line, defaultContext, out var problem);
            if (parsed is null)
            {
                errors.Add(new BatchLineError(lineNumber, problem));
                continue;
            }

            var assessment = await scorer.ScoreAsync(
                new ReplyContext(parsed.Text, parsed.Context, [], parsed.Assessed, parsed.ContextKind), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(ReplyScoring.ToJson(ReplyScoreReport.From(parsed.Id, assessment)).AsMemory(), cancellationToken).ConfigureAwait(false);
            scored++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new BatchSummary(lines, scored, errors);
    }

    /// <summary>
    /// Parses one input line; null with a reason when it is not a JSON object with a string <c>text</c>. A line without
    /// <c>context_kind</c> gets <paramref name="defaultContext"/>, or when that is null a guess from its words (<see cref="ContextGuess"/>).
    /// </summary>
    public static BatchInput? ParseLine(string line, ContextKind? defaultContext, out string problem)
    {
        ArgumentNullException.ThrowIfNull(line);
        problem = "";
        if (line.Length > MaxLineLength)
        {
            problem = $"line is longer than {MaxLineLength:N0} characters";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object";
                return null;
            }

            var id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind switch
                {
                    JsonValueKind.String => idElement.GetString(),
                    JsonValueKind.Number => idElement.GetRawText(),
                    _ => null,
                }
                : null;
            if (string.IsNullOrEmpty(id))
            {
                problem = "missing \"id\" (a string)";
                return null;
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                problem = $"\"{id}\": missing \"text\" (a string)";
                return null;
            }

            var context = OptionalString(root, "context") ?? OptionalString(root, "persona_line") ?? "";
            var kind = defaultContext ?? ContextGuess.Guess(context, textElement.GetString());
            if (OptionalString(root, "context_kind") is { } kindText)
            {
                if (ReplyScoring.ParseContextKind(kindText) is not { } parsedKind)
                {
                    problem = $"\"{id}\": context_kind must be colleague, customer or partner";
                    return null;
                }

                kind = parsedKind;
            }

            var assessed = new List<string>();
            if (root.TryGetProperty("assessed", out var assessedElement) && assessedElement.ValueKind == JsonValueKind.Array)
            {
                assessed.AddRange(assessedElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }

            return new BatchInput(id, textElement.GetString() ?? "", context, kind, assessed);
        }
        catch (JsonException ex)
        {
            problem = $"invalid JSON: {ex.Message}";
            return null;
        }
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}
