using BenchmarkDotNet.Attributes;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring;

namespace RolePlay.Benchmarks;

/// <summary>Scoring one reply against the whole catalogue with the built-in scorer (target: median under 50 µs for 60 words), and with its rules alone.</summary>
[MemoryDiagnoser]
public class ScorerBenchmarks
{
    // 60 words: apology, empathy, paraphrase, ownership, a timed next step and a check.
    internal const string SixtyWordReply =
        "I'm really sorry your parcel still hasn't arrived, that must be so frustrating when you needed it for Saturday. " +
        "So you're saying the tracking has just said in transit since Monday? I'll call the courier myself right now, " +
        "and I'll ring you back by 3pm today with a delivery slot or arrange a replacement. Does that sound okay to you?";

    internal const string PersonaLine =
        "My parcel was meant to arrive on Monday and the tracking just says in transit. I needed it for Saturday!";

    private readonly BuiltInScorer _scorer = new();
    private readonly BuiltInScorer _rulesOnly = BuiltInScorer.RulesOnly();
    private ReplyContext _context = null!;
    private ReplyContext _longContext = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = new ReplyContext(SixtyWordReply, PersonaLine, [], ["apology", "active_listening", "next_steps"], ContextKind.Customer);
        var longReply = string.Concat(Enumerable.Repeat(SixtyWordReply + " ", 50));
        _longContext = _context with { Reply = longReply[..Math.Min(longReply.Length, BuiltInScorer.MaxReplyLength)] };
        _ = _scorer.Score(_context);
    }

    [Benchmark(Baseline = true, Description = "60-word reply, whole catalogue")]
    public TurnAssessment SixtyWords() => _scorer.Score(_context);

    [Benchmark(Description = "60-word reply, rules alone (no learned layer)")]
    public TurnAssessment SixtyWordsRulesAlone() => _rulesOnly.Score(_context);

    [Benchmark(Description = "20,000-character reply (the limit)")]
    public TurnAssessment AtTheLimit() => _scorer.Score(_longContext);
}
