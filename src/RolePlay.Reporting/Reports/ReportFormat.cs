namespace RolePlay.Reporting.Reports;

/// <summary>Output formats of <c>roleplay report</c>.</summary>
public enum ReportFormat
{
    Html,
    Markdown,
    Json,
}

/// <summary>Parsing and file extensions for <see cref="ReportFormat"/>.</summary>
public static class ReportFormats
{
    /// <summary>Accepts <c>html</c>, <c>md</c>/<c>markdown</c> and <c>json</c>, in any case.</summary>
    public static bool TryParse(string? text, out ReportFormat format)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "HTML" or "HTM":
                format = ReportFormat.Html;
                return true;
            case "MD" or "MARKDOWN":
                format = ReportFormat.Markdown;
                return true;
            case "JSON":
                format = ReportFormat.Json;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => ".html",
        ReportFormat.Markdown => ".md",
        _ => ".json",
    };
}
