using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RolePlay.Reporting.Reports;

/// <summary>
/// A self-contained, print-friendly HTML page (inline CSS, no scripts, no external resources) for a portfolio.
/// Every piece of text is HTML-encoded: replies are typed by learners and are untrusted.
/// </summary>
public static class HtmlReportRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4da; --ok: #17693a; --no: #a1261b; --mark: #fff1a8; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
        .subtitle { color: var(--muted); margin: 0 0 1rem; }
        table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f1f3f5; }
        table.facts th { width: 11rem; }
        mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; }
        .credited { color: var(--ok); font-weight: 600; }
        .not-credited { color: var(--no); font-weight: 600; }
        .comment { color: var(--muted); font-style: italic; }
        .path { font-family: ui-monospace, Consolas, monospace; }
        .turn { border-left: 3px solid var(--line); padding: .25rem .75rem; margin: .5rem 0; }
        .speaker { font-weight: 600; }
        footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11pt; }
          h2 { break-after: avoid; }
          tr, .turn { break-inside: avoid; }
          mark { background: none; text-decoration: underline; font-weight: 600; }
        }
        """;

    public static string Render(EvidenceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Evidence report: ").Append(E(report.Learner)).Append(" - ").Append(E(report.ScenarioTitle)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");

        html.Append("<h1>Evidence report: ").Append(E(report.ScenarioTitle)).Append("</h1>\n")
            .Append("<p class=\"subtitle\">Role-play assessment record for ").Append(E(report.Learner)).Append("</p>\n");

        AppendFacts(html, report);
        AppendCriteria(html, report);
        AppendConcerns(html, report);
        AppendTips(html, report);

        html.Append("<h2>Path through the scenario</h2>\n<p class=\"path\" id=\"path\">")
            .Append(string.Join(" &rarr; ", report.Path.Select(E)))
            .Append("</p>\n");

        AppendConversation(html, report);
        AppendTrail(html, report);

        html.Append("<footer>Session ").Append(E(report.SessionId)).Append(" &middot; generated ").Append(E(TextFormat.Date(report.GeneratedAt)))
            .Append(" &middot; automated results are never changed; assessor decisions are recorded alongside them.</footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The reply with each evidence span wrapped in &lt;mark&gt;, all text encoded.</summary>
    public static string Highlight(string reply, IReadOnlyList<RolePlay.Engine.Scoring.EvidenceSpan> spans)
    {
        var html = new StringBuilder();
        foreach (var (text, isEvidence) in TextFormat.Segments(reply, EvidenceReportBuilder.ValidSpans(reply, spans)))
        {
            html.Append(isEvidence ? "<mark>" + E(text) + "</mark>" : E(text));
        }

        return html.ToString();
    }

    private static void AppendFacts(StringBuilder html, EvidenceReport report)
    {
        html.Append("<table class=\"facts\">\n");
        Fact(html, "Learner", E(report.Learner));
        Fact(html, "Scenario", E(report.ScenarioTitle) + " <span class=\"comment\">(" + E(report.ScenarioId) + ")</span>");
        Fact(html, "Attempt", E(report.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Fact(html, "Date", E(TextFormat.Date(report.StartedAt)));
        Fact(html, "Status", E(TextFormat.Status(report.Status)));
        Fact(html, "Outcome", E(report.Outcome ?? "-") + (report.EndingId is null ? "" : " <span class=\"comment\">(ending " + E(report.EndingId) + ")</span>"));
        Fact(html, "Band", E(report.Band ?? "-"));
        Fact(html, "Score", E(report.Score is { } score ? TextFormat.Number(score) + " / 10" : "-"));
        var decision = report.AssessorDecision;
        Fact(html, "Assessor decision", decision is null
            ? "Not yet reviewed"
            : E(TextFormat.Decision(decision.Decision)) + " by " + E(decision.Assessor) + ", " + E(TextFormat.Date(decision.At))
              + "<br><span class=\"comment\">&ldquo;" + E(decision.Comment) + "&rdquo;</span>");
        if (report.LlmUsage is { } usage)
        {
            Fact(html, "LLM use", E(TextFormat.Tokens(usage)));
        }

        html.Append("</table>\n");
    }

    private static void Fact(StringBuilder html, string name, string valueHtml) =>
        html.Append("<tr><th scope=\"row\">").Append(E(name)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

    private static void AppendCriteria(StringBuilder html, EvidenceReport report)
    {
        html.Append("<h2>Criteria</h2>\n");
        if (report.Criteria.Count == 0)
        {
            html.Append("<p>No marking points were assessed.</p>\n");
            return;
        }

        html.Append("<table class=\"criteria\" id=\"criteria\">\n<thead><tr><th>Criterion</th><th>Turn</th><th>Evidence in the reply</th>")
            .Append("<th>Automated</th><th>Assessor</th></tr></thead>\n<tbody>\n");
        foreach (var criterion in report.Criteria)
        {
            var heading = "<td rowspan=\"" + Math.Max(1, criterion.Turns.Count).ToString(CultureInfo.InvariantCulture) + "\"><strong>" + E(criterion.Label) + "</strong><br>"
                + Verdict(criterion.Demonstrated, "Demonstrated", "Not demonstrated") + "</td>";
            if (criterion.Turns.Count == 0)
            {
                html.Append("<tr data-criterion=\"").Append(E(criterion.MarkingPointId)).Append("\">").Append(heading)
                    .Append("<td>-</td><td>No turn credited it</td><td>-</td><td>-</td></tr>\n");
            }

            for (var i = 0; i < criterion.Turns.Count; i++)
            {
                var turn = criterion.Turns[i];
                var reason = TextFormat.Reason(turn.Rationale);
                html.Append("<tr data-criterion=\"").Append(E(criterion.MarkingPointId)).Append("\" data-turn-role=\"").Append(E(TextFormat.TurnRole(turn))).Append("\">");
                if (i == 0)
                {
                    html.Append(heading);
                }

                html.Append("<td>").Append(turn.Turn);
                if (turn.MissedOpportunity)
                {
                    html.Append("<br><span class=\"comment\">missed opportunity</span>");
                }

                html.Append("</td>")
                    .Append("<td>").Append(Highlight(turn.Reply, turn.Evidence)).Append("</td>")
                    .Append("<td>").Append(Verdict(turn.AutomatedCredited, "Credited", "Not credited"));
                if (reason.Length > 0)
                {
                    html.Append("<br><span class=\"comment\">").Append(E(reason)).Append("</span>");
                }

                html.Append("</td><td>");
                if (turn.Assessor is { } review)
                {
                    html.Append(Verdict(review.Action == "credit", "Credited", "Not credited")).Append(" by ").Append(E(review.Assessor))
                        .Append("<br><span class=\"comment\">&ldquo;").Append(E(review.Comment)).Append("&rdquo;</span>");
                }
                else
                {
                    html.Append('-');
                }

                html.Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendConcerns(StringBuilder html, EvidenceReport report)
    {
        if (report.Concerns.Count == 0)
        {
            return;
        }

        html.Append("<h2>Behaviours to avoid</h2>\n<ul>\n");
        foreach (var concern in report.Concerns)
        {
            html.Append("<li>Turn ").Append(concern.Turn).Append(": <strong>").Append(E(concern.Id.Replace('_', ' '))).Append("</strong>");
            foreach (var quote in concern.Quotes)
            {
                html.Append(" &ldquo;<mark>").Append(E(quote)).Append("</mark>&rdquo;");
            }

            html.Append(" <span class=\"comment\">").Append(E(concern.Rationale)).Append("</span></li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendTips(StringBuilder html, EvidenceReport report)
    {
        html.Append("<h2>Feedback given</h2>\n");
        if (report.Tips.Count == 0)
        {
            html.Append("<p>No tips were given.</p>\n");
            return;
        }

        html.Append("<ul class=\"tips\">\n");
        foreach (var tip in report.Tips)
        {
            html.Append("<li>Turn ").Append(tip.Turn).Append(": ").Append(E(tip.Text)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendConversation(StringBuilder html, EvidenceReport report)
    {
        html.Append("<h2>Conversation</h2>\n");
        foreach (var turn in report.Conversation)
        {
            html.Append("<div class=\"turn\"><p><span class=\"speaker\">").Append(E(turn.Speaker)).Append(":</span> ").Append(E(turn.PersonaLine)).Append("</p>")
                .Append(turn.PersonaLineNote is { } note ? "<p class=\"comment\">" + E(note) + "</p>" : "")
                .Append("<p><span class=\"speaker\">").Append(E(report.Learner)).Append(":</span> ").Append(E(turn.Reply)).Append("</p>")
                .Append("<p class=\"comment\">Turn ").Append(turn.Number).Append(" &middot; score ").Append(E(TextFormat.Number(turn.Score)))
                .Append(" &middot; credited: ").Append(turn.Credited.Count == 0 ? "none" : E(string.Join(", ", turn.Credited)));
            if (turn.FlaggedForReview)
            {
                html.Append(" &middot; <strong>flagged for review</strong>");
            }

            html.Append("</p></div>\n");
        }
    }

    private static void AppendTrail(StringBuilder html, EvidenceReport report)
    {
        if (report.Reviews.Count == 0)
        {
            return;
        }

        html.Append("<h2>Assessor trail</h2>\n<table class=\"trail\">\n<thead><tr><th>When</th><th>Assessor</th><th>Action</th><th>Comment</th></tr></thead>\n<tbody>\n");
        foreach (var review in report.Reviews)
        {
            var action = review.Kind == "decision"
                ? "Decision: " + TextFormat.Decision(review.Decision)
                : $"{TextFormat.Override(review.Kind)}: {review.MarkingPointId} on turn {review.Turn}";
            html.Append("<tr><td>").Append(E(TextFormat.Date(review.At))).Append("</td><td>").Append(E(review.Assessor))
                .Append("</td><td>").Append(E(action)).Append("</td><td>").Append(E(review.Comment)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Verdict(bool yes, string yesText, string noText) =>
        yes ? "<span class=\"credited\">&#10003; " + yesText + "</span>" : "<span class=\"not-credited\">&#10007; " + noText + "</span>";

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
