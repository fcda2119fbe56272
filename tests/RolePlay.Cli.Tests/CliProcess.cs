using System.Diagnostics;
using System.Text;
using RolePlay.TestSupport;

namespace RolePlay.Cli.Tests;

/// <summary>Runs the real <c>roleplay</c> program (the built roleplay.dll) in its own process, as a learner's terminal would.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_output) { _output.AppendLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_error) { _error.AppendLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string RepositoryRoot => RolePlay.TestSupport.RepositoryRoot.Find();

    public static string ScenariosFolder => Path.Combine(RepositoryRoot, "scenarios");

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    public static CliProcess Start(string dataFolder, params string[] args) => Start(dataFolder, args, null);

    public static CliProcess Start(string dataFolder, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "roleplay.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ROLEPLAY_DB"] = Path.Combine(dataFolder, "roleplay.db");
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Runs to completion with the given standard input lines.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string dataFolder, IEnumerable<string> inputLines, params string[] args) =>
        RunAsync(dataFolder, inputLines, args, null);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string dataFolder, IEnumerable<string> inputLines, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        using var process = Start(dataFolder, args, environment);
        foreach (var line in inputLines)
        {
            await process.WriteLineAsync(line);
        }

        process.CloseInput();
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(4));
        return (code, process.Output, process.Error);
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>The database file the CLI writes in a test's folder (ROLEPLAY_DB points there).</summary>
internal static class TempFolderDatabase
{
    extension(TempFolder folder)
    {
        public string Database => folder.File("roleplay.db");
    }
}
