using RolePlay.Reporting.Reports;
using RolePlay.Storage;
using RolePlay.TestSupport;

namespace RolePlay.Reporting.Tests;

public sealed class RendererTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)> | **bold** [link](http://evil.example)";

    private readonly ReportingStore store = new();

    [Fact]
    public async Task Html_is_self_contained_and_shows_the_criteria_with_highlighted_evidence()
    {
        var html = HtmlReportRenderer.Render(EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync()));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Evidence report: Alex Learner - Late delivery complaint</title>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>I&#x27;m really sorry</mark> your parcel is late.", html, StringComparison.Ordinal);
        Assert.Contains("data-criterion=\"empathy\"", html, StringComparison.Ordinal);
        Assert.Contains("Promised a replacement without checking authority.", html, StringComparison.Ordinal);
        Assert.Contains("opening &rarr; details &rarr; still_cross &rarr; resolved", html, StringComparison.Ordinal);
        Assert.Contains("Own the problem instead of blaming the courier.", html, StringComparison.Ordinal);
        Assert.Contains("Competent by Jo Assessor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learner_text_is_encoded_everywhere_in_html()
    {
        var session = new SessionBuilder("hostile", learner: "<b>Mallory</b>", startedAt: ReportingStore.Day);
        session.AddTurn("opening", "Well?", Hostile, "details", 3, [("apology", "<script>"), ("empathy", null)], tips: ["Tip with <i>markup</i>"]);
        var transcript = await store.SaveAsync(
            session,
            reviews: ReviewRequest.Credit("hostile", 1, "empathy", "<u>Eve</u>", "</td><script>bad()</script>"));

        var html = HtmlReportRenderer.Render(EvidenceReportBuilder.Build(transcript));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Mallory", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>Eve", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>markup", html, StringComparison.Ordinal);
        Assert.Contains("<mark>&lt;script&gt;</mark>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Mallory&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_has_the_same_content_and_escapes_learner_text()
    {
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync());

        var md = MarkdownReportRenderer.Render(report);

        Assert.StartsWith("# Evidence report: Late delivery complaint", md, StringComparison.Ordinal);
        Assert.Contains("| Criterion | Turn | Evidence in the reply | Automated | Assessor |", md, StringComparison.Ordinal);
        Assert.Contains("**I'm really sorry** your parcel is late.", md, StringComparison.Ordinal);
        Assert.Contains("Not credited by Jo Assessor", md, StringComparison.Ordinal);
        Assert.Contains("opening -> details -> still\\_cross -> resolved", md, StringComparison.Ordinal);
        Assert.Contains("Own the problem instead of blaming the courier.", md, StringComparison.Ordinal);
        Assert.Contains("| Band | Competent |", md, StringComparison.Ordinal);
        Assert.Contains("Competent by Jo Assessor", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Credited: asked them to tell you more: \"Could you\"", "| Credited: asked them to tell you more: \"Could you\" |", "<span class=\"comment\">asked them to tell you more:", "Credited: asked")]
    [InlineData(
        "Credited by the learned model (0.87): replies with words like \"rotten\" were labelled empathy.",
        "| Credited: by the learned model \\(0.87\\): replies with words like",
        "<span class=\"comment\">by the learned model (0.87)",
        "Credited by the learned")]
    public async Task The_scorers_verdict_prefix_is_not_repeated_after_the_reports_own_verdict(string rationale, string inMarkdown, string inHtml, string notInHtml)
    {
        // A learned result keeps who decided it ("by the learned model"), but not a second "Credited".
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync());
        var apology = report.Criteria[0];
        var turn = apology.Turns[0] with { Rationale = rationale };
        report = report with { Criteria = [apology with { Turns = [turn] }] };

        var md = MarkdownReportRenderer.Render(report);
        var html = HtmlReportRenderer.Render(report);

        Assert.Contains(inMarkdown, md, StringComparison.Ordinal);
        Assert.DoesNotContain("Credited: Credited", md, StringComparison.Ordinal);
        Assert.Contains(inHtml, html, StringComparison.Ordinal);
        Assert.DoesNotContain(notInHtml, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escaping_neutralises_html_markdown_and_table_breaks()
    {
        var escaped = MarkdownReportRenderer.Escape(Hostile + "\nnext | cell");

        Assert.DoesNotContain("<", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("](", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain(" | ", escaped.Replace("\\|", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\\*\\*bold\\*\\*", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_rendering_is_the_report_model()
    {
        var service = new ReportService(store.Store);
        var transcript = await store.ReviewedLateDeliveryAsync();

        var rendered = await service.RenderAsync(transcript.Summary.SessionId, ReportFormat.Json);

        Assert.True(rendered.Succeeded);
        var back = ReportJson.Deserialize(rendered.Content!);
        Assert.Equal(transcript.Summary.SessionId, back!.SessionId);
        Assert.Equal(6, back.Criteria.Count);
    }

    public void Dispose() => store.Dispose();
}
