using RolePlay.Engine.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RolePlay.Engine.Loading;

/// <summary>
/// Wraps the YAML parser to remember where the last good event ended (to position errors YamlDotNet reports without
/// a mark) and to refuse absurd nesting, which YamlDotNet's node loader would recurse into until the stack overflows.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    /// <summary>Deepest nesting of lists and mappings accepted; a scenario needs about seven.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    public SourcePosition LastGoodPosition { get; private set; } = new(1, 1);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (!moved || inner.Current is not { } current)
        {
            return moved;
        }

        _depth += current switch
        {
            SequenceStart or MappingStart => 1,
            SequenceEnd or MappingEnd => -1,
            _ => 0,
        };
        if (_depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"lists and mappings are nested too deeply (more than {MaxDepth} levels)");
        }

        LastGoodPosition = new SourcePosition((int)current.End.Line, (int)current.End.Column);
        return moved;
    }
}
