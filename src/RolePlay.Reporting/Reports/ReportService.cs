using RolePlay.Storage;

namespace RolePlay.Reporting.Reports;

/// <summary>The result of rendering a report: the text, or why there is none.</summary>
public sealed record RenderedReport(string? Content, ReportFormat Format, string? Error)
{
    public bool Succeeded => Content is not null;
}

/// <summary>Entry point for <c>roleplay report ID --format html|md|json</c> and <c>transcripts show</c>.</summary>
public sealed class ReportService(ITranscriptQueries queries, ReportOptions? options = null)
{
    /// <summary>Builds the report model for a session; null when the id is unknown.</summary>
    public async Task<EvidenceReport?> BuildAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var transcript = await queries.GetTranscriptAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return transcript is null ? null : EvidenceReportBuilder.Build(transcript, options);
    }

    public async Task<RenderedReport> RenderAsync(string sessionId, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var report = await BuildAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return report is null
            ? new RenderedReport(null, format, $"No session '{sessionId}'. List sessions with 'roleplay transcripts list'.")
            : new RenderedReport(Render(report, format), format, null);
    }

    public static string Render(EvidenceReport report, ReportFormat format) => format switch
    {
        ReportFormat.Html => HtmlReportRenderer.Render(report),
        ReportFormat.Markdown => MarkdownReportRenderer.Render(report),
        _ => ReportJson.Serialize(report),
    };
}
