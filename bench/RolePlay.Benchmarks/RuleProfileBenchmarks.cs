using BenchmarkDotNet.Attributes;

using RolePlay.Engine.Model;
using RolePlay.Scoring.Catalogue;
using RolePlay.Scoring.Rules;
using RolePlay.Scoring.Text;

namespace RolePlay.Benchmarks;

/// <summary>
/// Where the 60-word figure goes: tokenising, preparing the reply (every cue match), and each catalogue entry's rule run
/// alone on a freshly prepared reply. A rule's own cost is its stage minus "(prepare)".
/// </summary>
/// <remarks>
/// Each rule runs on a fresh <see cref="RuleInput"/>, so work it shares lazily with other rules in a real turn (an
/// entry's effective matches, the apology analysis that non-apology reuses) is charged to it here in full.
/// Run with <c>--filter '*RuleProfile*'</c>; the stages are compared with each other, not with the 50 µs target.
/// </remarks>
[MemoryDiagnoser]
public class RuleProfileBenchmarks
{
    private const string Tokenise = "(tokenise)";
    private const string Prepare = "(prepare)";

    private CompiledCatalogue _catalogue = null!;
    private ReplyText _reply = null!;
    private ReplyText _other = null!;
    private MarkingPointDefinition? _point;
    private IMarkingPointRule? _rule;

    /// <summary>The stages measured: the two shared steps, then every catalogue entry in catalogue order.</summary>
    public static IEnumerable<string> Stages =>
        [Tokenise, Prepare, .. MarkingPointCatalogue.Default.Compiled.Points.Select(p => p.Id)];

    [ParamsSource(nameof(Stages))]
    public string Stage { get; set; } = Prepare;

    [GlobalSetup]
    public void Setup()
    {
        _catalogue = MarkingPointCatalogue.Default.Compiled;
        _reply = _catalogue.Pipeline.Tokeniser.Tokenise(ScorerBenchmarks.SixtyWordReply);
        _other = _catalogue.Pipeline.Tokeniser.Tokenise(ScorerBenchmarks.PersonaLine);
        _point = _catalogue.Points.FirstOrDefault(p => p.Id == Stage);
        _rule = _point is null ? null : RuleSet.Rules[_point.Rule];
    }

    [Benchmark(Description = "60-word reply, one stage")]
    public object Run()
    {
        if (Stage == Tokenise)
        {
            return (_catalogue.Pipeline.Tokeniser.Tokenise(ScorerBenchmarks.SixtyWordReply),
                _catalogue.Pipeline.Tokeniser.Tokenise(ScorerBenchmarks.PersonaLine));
        }

        var input = new RuleInput(_catalogue, _reply, _other, ContextKind.Customer);
        return _rule is null ? input : _rule.Assess(_point!, input);
    }
}
