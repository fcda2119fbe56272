using RolePlay.Engine.Voice;

namespace RolePlay.Llm;

/// <summary>Token totals and an estimated cost for one session (or one scoring run); thread-safe.</summary>
public sealed class LlmUsageMeter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PurposeTotals> _byPurpose = new(StringComparer.Ordinal);

    public LlmUsageMeter(decimal inputPricePer1K = 0, decimal outputPricePer1K = 0, string currency = "USD")
    {
        InputPricePer1K = inputPricePer1K;
        OutputPricePer1K = outputPricePer1K;
        Currency = currency;
    }

    public decimal InputPricePer1K { get; }

    public decimal OutputPricePer1K { get; }

    public string Currency { get; }

    /// <summary>Records one LLM call (successful or not: tokens spent on a rejected answer still cost money).</summary>
    public void Record(string purpose, TokenUsage? usage, bool fellBack)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        lock (_gate)
        {
            var current = _byPurpose.GetValueOrDefault(purpose) ?? PurposeTotals.Zero;
            _byPurpose[purpose] = current with
            {
                Calls = current.Calls + 1,
                Fallbacks = current.Fallbacks + (fellBack ? 1 : 0),
                Usage = current.Usage.Add(usage),
            };
        }
    }

    /// <summary>A snapshot of the totals so far.</summary>
    public LlmUsageSummary Summary()
    {
        lock (_gate)
        {
            var byPurpose = _byPurpose.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var total = byPurpose.Values.Aggregate(PurposeTotals.Zero, (a, b) => new PurposeTotals(a.Calls + b.Calls, a.Fallbacks + b.Fallbacks, a.Usage.Add(b.Usage)));
            var cost = (total.Usage.InputTokens * InputPricePer1K / 1000m) + (total.Usage.OutputTokens * OutputPricePer1K / 1000m);
            return new LlmUsageSummary(total.Calls, total.Fallbacks, total.Usage, Math.Round(cost, 6), Currency, byPurpose);
        }
    }
}

/// <summary>Calls, fallbacks and tokens for one purpose (<c>persona</c> or <c>judge</c>).</summary>
public sealed record PurposeTotals(int Calls, int Fallbacks, TokenUsage Usage)
{
    public static PurposeTotals Zero { get; } = new(0, 0, TokenUsage.None);
}

/// <summary>What the CLI shows in a session summary: tokens, calls, fallbacks and the estimated cost.</summary>
public sealed record LlmUsageSummary(
    int Calls,
    int Fallbacks,
    TokenUsage Usage,
    decimal EstimatedCost,
    string Currency,
    IReadOnlyDictionary<string, PurposeTotals> ByPurpose)
{
    public override string ToString() =>
        $"LLM: {Calls} call(s), {Fallbacks} fallback(s), {Usage.InputTokens} input + {Usage.OutputTokens} output tokens, estimated cost {EstimatedCost:0.####} {Currency}";
}
