using Microsoft.Playwright;

using RolePlay.Reporting.Reports;

namespace RolePlay.Reporting.Tests;

/// <summary>Opens the HTML report in real headless Chromium and takes a screenshot.</summary>
public sealed class BrowserRenderingTests : IDisposable
{
    /// <summary>Debian's chromium; ROLEPLAY_CHROMIUM overrides it (e.g. on other distributions).</summary>
    private static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("ROLEPLAY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly ReportingStore store = new();

    [Fact]
    public async Task Html_report_renders_in_a_headless_browser()
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"Chromium is not installed at {ChromiumPath}; run scripts/install-test-deps.sh (as root) to install the test dependencies.");
        var report = EvidenceReportBuilder.Build(await store.ReviewedLateDeliveryAsync());
        var htmlPath = Path.Combine(store.Folder, "report.html");
        await File.WriteAllTextAsync(htmlPath, HtmlReportRenderer.Render(report));
        var screenshotPath = Environment.GetEnvironmentVariable("ROLEPLAY_SCREENSHOT") is { Length: > 0 } keep
            ? keep
            : Path.Combine(store.Folder, "report.png");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri);

        Assert.Equal("Evidence report: Alex Learner - Late delivery complaint", await page.TitleAsync());
        var empathyRow = page.Locator("#criteria tr[data-criterion='empathy']");
        Assert.True(await empathyRow.IsVisibleAsync());
        Assert.Contains("Jo Assessor", await empathyRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#criteria mark").First.IsVisibleAsync());
        var bytes = await page.ScreenshotAsync(new() { Path = screenshotPath, FullPage = true });

        Assert.True(bytes.Length > 10_000, $"screenshot is only {bytes.Length} bytes");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes.Take(4).ToArray());
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
    }

    public void Dispose() => store.Dispose();
}
