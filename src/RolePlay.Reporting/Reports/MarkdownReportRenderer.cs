using System.Globalization;
using System.Text;

namespace RolePlay.Reporting.Reports;

/// <summary>
/// The same content as the HTML report as Markdown. Learner text is escaped so it cannot inject Markdown or raw HTML
/// (Markdown viewers pass HTML through) and cannot break a table.
/// </summary>
public static class MarkdownReportRenderer
{
    public static string Render(EvidenceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder(8 * 1024);
        md.Append("# Evidence report: ").Append(Escape(report.ScenarioTitle)).Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        Row(md, "Learner", Escape(report.Learner));
        Row(md, "Scenario", $"{Escape(report.ScenarioTitle)} ({Escape(report.ScenarioId)})");
        Row(md, "Attempt", report.Attempt.ToString(CultureInfo.InvariantCulture));
        Row(md, "Date", TextFormat.Date(report.StartedAt));
        Row(md, "Status", TextFormat.Status(report.Status));
        Row(md, "Outcome", Escape(report.Outcome ?? "-") + (report.EndingId is null ? "" : $" (ending {Escape(report.EndingId)})"));
        Row(md, "Band", Escape(report.Band ?? "-"));
        Row(md, "Score", report.Score is { } score ? TextFormat.Number(score) + " / 10" : "-");
        Row(md, "Assessor decision", report.AssessorDecision is { } decision
            ? $"{TextFormat.Decision(decision.Decision)} by {Escape(decision.Assessor)}, {TextFormat.Date(decision.At)}: \"{Escape(decision.Comment)}\""
            : "Not yet reviewed");
        if (report.LlmUsage is { } usage)
        {
            Row(md, "LLM use", TextFormat.Tokens(usage));
        }

        md.Append("\n## Criteria\n\n");
        if (report.Criteria.Count == 0)
        {
            md.Append("No marking points were assessed.\n");
        }
        else
        {
            md.Append("| Criterion | Turn | Evidence in the reply | Automated | Assessor |\n|---|---|---|---|---|\n");
            foreach (var criterion in report.Criteria)
            {
                var name = $"**{Escape(criterion.Label)}** ({(criterion.Demonstrated ? "demonstrated" : "not demonstrated")})";
                if (criterion.Turns.Count == 0)
                {
                    md.Append("| ").Append(name).Append(" | - | No turn credited it | - | - |\n");
                }

                foreach (var turn in criterion.Turns)
                {
                    var assessor = turn.Assessor is { } review
                        ? $"{TextFormat.Override(review.Action)} by {Escape(review.Assessor)}: \"{Escape(review.Comment)}\""
                        : "-";
                    var reason = TextFormat.Reason(turn.Rationale);
                    md.Append("| ").Append(name)
                        .Append(" | ").Append(turn.Turn.ToString(CultureInfo.InvariantCulture))
                        .Append(turn.MissedOpportunity ? " (missed opportunity)" : "")
                        .Append(" | ").Append(turn.Evidence.Count == 0 ? Escape(turn.Reply) : Highlight(turn.Reply, turn.Evidence))
                        .Append(" | ").Append(TextFormat.Automated(turn.AutomatedCredited)).Append(reason.Length == 0 ? "" : ": " + Escape(reason))
                        .Append(" | ").Append(assessor).Append(" |\n");
                }
            }
        }

        if (report.Concerns.Count > 0)
        {
            md.Append("\n## Behaviours to avoid\n\n");
            foreach (var concern in report.Concerns)
            {
                md.Append("- Turn ").Append(concern.Turn.ToString(CultureInfo.InvariantCulture)).Append(": **").Append(Escape(concern.Id.Replace('_', ' '))).Append("**");
                foreach (var quote in concern.Quotes)
                {
                    md.Append(" \"").Append(Escape(quote)).Append('"');
                }

                md.Append(" - ").Append(Escape(concern.Rationale)).Append('\n');
            }
        }

        md.Append("\n## Feedback given\n\n");
        if (report.Tips.Count == 0)
        {
            md.Append("No tips were given.\n");
        }

        foreach (var tip in report.Tips)
        {
            md.Append("- Turn ").Append(tip.Turn.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(Escape(tip.Text)).Append('\n');
        }

        md.Append("\n## Path through the scenario\n\n").Append(string.Join(" -> ", report.Path.Select(Escape))).Append('\n');

        md.Append("\n## Conversation\n\n");
        foreach (var turn in report.Conversation)
        {
            md.Append("**Turn ").Append(turn.Number.ToString(CultureInfo.InvariantCulture)).Append("** (score ").Append(TextFormat.Number(turn.Score))
                .Append("; credited: ").Append(turn.Credited.Count == 0 ? "none" : Escape(string.Join(", ", turn.Credited)))
                .Append(turn.FlaggedForReview ? "; flagged for review" : "").Append(")\n\n")
                .Append("> **").Append(Escape(turn.Speaker)).Append(":** ").Append(Escape(turn.PersonaLine)).Append("\n>\n")
                .Append(turn.PersonaLineNote is { } note ? "> _" + Escape(note) + "_\n>\n" : "")
                .Append("> **").Append(Escape(report.Learner)).Append(":** ").Append(Escape(turn.Reply)).Append("\n\n");
        }

        if (report.Reviews.Count > 0)
        {
            md.Append("## Assessor trail\n\n| When | Assessor | Action | Comment |\n|---|---|---|---|\n");
            foreach (var review in report.Reviews)
            {
                var action = review.Kind == "decision"
                    ? "Decision: " + TextFormat.Decision(review.Decision)
                    : $"{TextFormat.Override(review.Kind)}: {review.MarkingPointId} on turn {review.Turn}";
                md.Append("| ").Append(TextFormat.Date(review.At)).Append(" | ").Append(Escape(review.Assessor)).Append(" | ")
                    .Append(Escape(action)).Append(" | ").Append(Escape(review.Comment)).Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("_Session ").Append(Escape(report.SessionId)).Append(", generated ").Append(TextFormat.Date(report.GeneratedAt)).Append("._\n");
        return md.ToString();
    }

    /// <summary>Escapes Markdown and HTML metacharacters and flattens line breaks so text stays inside its table cell or quote.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '\r':
                    break;
                case '\n':
                    escaped.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '!' or '|' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    private static string Highlight(string reply, IReadOnlyList<RolePlay.Engine.Scoring.EvidenceSpan> spans)
    {
        var md = new StringBuilder();
        foreach (var (text, isEvidence) in TextFormat.Segments(reply, EvidenceReportBuilder.ValidSpans(reply, spans)))
        {
            md.Append(isEvidence ? "**" + Escape(text).Trim() + "**" : Escape(text));
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, string value) => md.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
}
