using System.Globalization;

namespace RolePlay.Reporting.Reports;

/// <summary>Formatting shared by the renderers, so HTML and Markdown say the same thing.</summary>
internal static class TextFormat
{
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Tokens(RolePlay.Engine.Voice.TokenUsage usage) =>
        string.Create(CultureInfo.InvariantCulture, $"{usage.InputTokens:N0} input and {usage.OutputTokens:N0} output tokens (persona and judge)");

    public static string Status(string status) => status switch
    {
        "in_progress" => "In progress",
        "quit" => "Paused (learner quit)",
        "ended" => "Ended (not yet completed)",
        "completed" => "Completed",
        _ => status,
    };

    public static string Decision(string? decision) => decision switch
    {
        "competent" => "Competent",
        "not_yet_competent" => "Not yet competent",
        null or "" => "-",
        _ => decision,
    };

    public static string Automated(bool credited) => credited ? "Credited" : "Not credited";

    public static string Override(string action) => action == "credit" ? "Credited" : "Not credited";

    /// <summary>What a turn's row is: earned, a missed opportunity (the node sought the point), or neither.</summary>
    public static string TurnRole(CriterionEvidence turn) =>
        turn.Credited ? "credited" : turn.MissedOpportunity ? "missed opportunity" : "not credited";

    private static readonly string[] VerdictPrefixes = ["Not credited", "Credited", "Not detected", "Detected"];

    /// <summary>
    /// The scorer's rationale without a leading verdict ("Credited: ...", "Not credited: ...", "Credited by the learned
    /// model ..."): reports print the verdict themselves, so keeping it would read "Credited: Credited: ...". A learned
    /// result keeps who decided it ("by the learned model (0.87): ...").
    /// </summary>
    public static string Reason(string? rationale)
    {
        var text = (rationale ?? "").Trim();
        foreach (var prefix in VerdictPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length && text[prefix.Length] is ':' or '.' or '-')
            {
                return text[(prefix.Length + 1)..].TrimStart();
            }

            if (text.StartsWith(prefix + " by ", StringComparison.OrdinalIgnoreCase))
            {
                return text[(prefix.Length + 1)..];
            }
        }

        return text;
    }

    /// <summary>The reply cut into plain and evidence segments, in order.</summary>
    public static IEnumerable<(string Text, bool IsEvidence)> Segments(string reply, IReadOnlyList<RolePlay.Engine.Scoring.EvidenceSpan> spans)
    {
        var position = 0;
        foreach (var span in spans)
        {
            if (span.Start > position)
            {
                yield return (reply[position..span.Start], false);
            }

            yield return (reply[span.Start..span.End], true);
            position = span.End;
        }

        if (position < reply.Length)
        {
            yield return (reply[position..], false);
        }
    }
}
