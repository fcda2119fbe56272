using System.Collections.Frozen;

namespace RolePlay.Scoring.Rules;

/// <summary>Closed-class linking words that several rules read the same way.</summary>
internal static class Connectives
{
    /// <summary>Words that turn a clause against the one before it: what follows "sorry, but" undoes the apology.</summary>
    public static readonly FrozenSet<string> Contrasts = new[] { "but", "however", "though", "although", "except" }.ToFrozenSet(StringComparer.Ordinal);
}
