namespace RolePlay.TestSupport;

/// <summary>A clock that only moves when told to; every read can optionally step it forward.</summary>
public sealed class ManualClock(DateTimeOffset start, TimeSpan? stepPerRead = null) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        var current = now;
        now += stepPerRead ?? TimeSpan.Zero;
        return current;
    }

    public void Advance(TimeSpan by) => now += by;
}
