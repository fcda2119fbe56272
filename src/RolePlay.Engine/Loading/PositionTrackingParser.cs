using RolePlay.Engine.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RolePlay.Engine.Loading;

/// <summary>Remembers where the last successfully parsed YAML event ended, to position errors YamlDotNet reports without a mark.</summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public SourcePosition LastGoodPosition { get; private set; } = new(1, 1);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
        {
            LastGoodPosition = new SourcePosition((int)current.End.Line, (int)current.End.Column);
        }

        return moved;
    }
}
