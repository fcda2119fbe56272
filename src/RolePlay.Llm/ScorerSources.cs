namespace RolePlay.Llm;

/// <summary>Values of <c>Source</c> on assessments and marking-point results produced here.</summary>
public static class ScorerSources
{
    public const string Builtin = "builtin";

    /// <summary>The built-in scorer's cue rules alone, without its learned credit layer (to see what the rules found).</summary>
    public const string Rules = "rules";
    public const string Llm = "llm";
    public const string Combined = "combined";

    /// <summary>An assessment from a judge that could not judge (and had no fallback scorer).</summary>
    public const string LlmUnavailable = "llm-unavailable";
}
