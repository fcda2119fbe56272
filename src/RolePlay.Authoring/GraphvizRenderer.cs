using System.ComponentModel;
using System.Diagnostics;

namespace RolePlay.Authoring;

/// <summary>The result of rendering a graph: the text (SVG, DOT or Mermaid), or a message saying why not.</summary>
public sealed record SvgRenderResult(string? Svg, string? Error)
{
    public bool Succeeded => Svg is not null;

    /// <summary>The rendered text, whatever the format (same as <see cref="Svg"/>).</summary>
    public string? Text => Svg;
}

/// <summary>Turns DOT source into SVG by running Graphviz <c>dot -Tsvg</c>; reports (never throws) when Graphviz is missing or fails.</summary>
public static class GraphvizRenderer
{
    /// <summary>The message given when <c>dot</c> is not installed.</summary>
    public const string MissingDotMessage =
        "Graphviz 'dot' was not found on PATH. Install Graphviz (e.g. 'apt-get install graphviz') or use --format dot or --format mermaid.";

    /// <summary>True when an executable called <c>dot</c> is on PATH.</summary>
    public static bool IsDotAvailable(string executable = "dot") => FindOnPath(executable) is not null;

    public static async Task<SvgRenderResult> RenderSvgAsync(string dotSource, string executable = "dot", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dotSource);
        var path = Path.IsPathRooted(executable) ? executable : FindOnPath(executable);
        if (path is null || !File.Exists(path))
        {
            return new(null, MissingDotMessage);
        }

        var start = new ProcessStartInfo(path, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return new(null, MissingDotMessage);
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(dotSource.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var svg = await output.ConfigureAwait(false);
            var stderr = await error.ConfigureAwait(false);
            return process.ExitCode == 0
                ? new(svg, null)
                : new(null, $"Graphviz 'dot' failed (exit code {process.ExitCode}): {stderr.Trim()}");
        }
        catch (Win32Exception ex)
        {
            return new(null, $"{MissingDotMessage} ({ex.Message})");
        }
        catch (IOException ex)
        {
            return new(null, $"Graphviz 'dot' failed: {ex.Message}");
        }
    }

    private static string? FindOnPath(string executable)
    {
        var names = OperatingSystem.IsWindows() ? [executable + ".exe", executable] : new[] { executable };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
