using RolePlay.Storage.Sqlite;
using RolePlay.TestSupport;

namespace RolePlay.Cli.Tests;

/// <summary>The play loop driven end to end through standard input of the real process, including a kill and a resume.</summary>
public sealed class PlayProcessTests
{
    private static readonly string[] GoodLateDeliveryReplies =
    [
        "I'm so sorry your parcel is late, that must be really frustrating with the birthday coming up. Could you give me your order number so I can look into it?",
        "Thank you. I can see it's held at our depot because the label was damaged. I will personally arrange a priority redelivery for Friday and I'll call you by 5pm today to confirm the time.",
        "I'll ring you tomorrow afternoon to check it has arrived, and if it hasn't I will arrange a refund of the delivery charge. Is that okay with you?",
        "Thank you for your patience, and again I'm sorry for the trouble. I'll call you on Friday afternoon.",
        "Is there anything else I can help with today?",
        "Thanks, have a good day.",
    ];

    [Fact]
    public async Task A_scripted_learner_plays_late_delivery_to_an_ending_and_every_turn_is_stored()
    {
        using var temp = new TempFolder();
        var (code, output, error) = await CliProcess.RunAsync(temp.Path, GoodLateDeliveryReplies,
            "--scenarios", CliProcess.ScenariosFolder, "play", "late-delivery", "--seed", "7", "--learner", "sam");

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("Dana", output);
        Assert.Contains("Outcome:", output);
        Assert.Contains("Marking point", output);
        using var store = SqliteTranscriptStore.Open(temp.Database);
        var listed = await store.ListTranscriptsAsync(new RolePlay.Storage.TranscriptFilter(Learner: "sam"));
        var summary = Assert.Single(listed);
        Assert.NotNull(summary.Completion);
        var transcript = await store.GetTranscriptAsync(summary.SessionId);
        Assert.Equal(Enumerable.Range(1, transcript!.Turns.Count), transcript.Turns.Select(t => t.Number));
        Assert.Equal(GoodLateDeliveryReplies.Take(transcript.Turns.Count), transcript.Turns.Select(t => t.Reply));
    }

    [Fact]
    public async Task Killing_the_process_mid_session_loses_no_turn_and_resume_continues_without_duplicates()
    {
        using var temp = new TempFolder();
        string sessionId;
        using (var first = CliProcess.Start(temp.Path, "--scenarios", CliProcess.ScenariosFolder, "play", "late-delivery", "--seed", "3", "--learner", "kim"))
        {
            await first.WriteLineAsync(GoodLateDeliveryReplies[0]);
            await first.WriteLineAsync(GoodLateDeliveryReplies[1]);
            sessionId = await WaitForTurnsAsync(temp.Database, 2);
            first.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var (code, output, error) = await CliProcess.RunAsync(temp.Path, GoodLateDeliveryReplies.Skip(2),
            "--scenarios", CliProcess.ScenariosFolder, "resume", sessionId);
        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("Resuming session", output);

        using var store = SqliteTranscriptStore.Open(temp.Database);
        var transcript = await store.GetTranscriptAsync(sessionId);
        Assert.NotNull(transcript);
        var numbers = transcript!.Turns.Select(t => t.Number).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.True(numbers.Count >= 3, "the resumed session should have taken further replies");
        Assert.Equal(GoodLateDeliveryReplies.Take(numbers.Count), transcript.Turns.Select(t => t.Reply));
        Assert.Equal(RolePlay.Engine.Sessions.SessionStatus.Ended, transcript.Snapshot!.Status);
    }

    [Fact]
    public async Task Quit_saves_and_the_latest_unfinished_session_resumes_with_the_same_persona_line()
    {
        using var temp = new TempFolder();
        var (code, output, _) = await CliProcess.RunAsync(temp.Path, [GoodLateDeliveryReplies[0], "/quit"],
            "--scenarios", CliProcess.ScenariosFolder, "play", "late-delivery", "--seed", "5", "--learner", "ali");
        Assert.Equal(0, code);
        Assert.Contains("roleplay resume", output);
        var shownBeforeQuit = output.Split('\n').Last(l => l.StartsWith("Dana Hughes:", StringComparison.Ordinal)).Trim();

        var (resumeCode, resumed, _) = await CliProcess.RunAsync(temp.Path, [], "--scenarios", CliProcess.ScenariosFolder, "--learner", "ali", "resume");
        Assert.Equal(0, resumeCode);
        Assert.Contains(shownBeforeQuit, resumed);
        Assert.Contains("Input closed", resumed);
    }

    [Fact]
    public async Task Two_processes_playing_different_sessions_into_one_database_file_corrupt_nothing()
    {
        using var temp = new TempFolder();
        static string[] Args(string learner, string scenario) => ["--scenarios", CliProcess.ScenariosFolder, "--learner", learner, "play", scenario, "--seed", "11"];
        var first = CliProcess.RunAsync(temp.Path, GoodLateDeliveryReplies, Args("ana", "late-delivery"));
        var second = CliProcess.RunAsync(temp.Path, GoodLateDeliveryReplies, Args("ben", "late-delivery"));
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output + r.Error));
        using var store = SqliteTranscriptStore.Open(temp.Database);
        var all = await store.ListTranscriptsAsync(RolePlay.Storage.TranscriptFilter.All);
        Assert.Equal(["ana", "ben"], all.Select(s => s.Learner).Order());
        foreach (var summary in all)
        {
            var transcript = await store.GetTranscriptAsync(summary.SessionId);
            Assert.Equal(Enumerable.Range(1, transcript!.Turns.Count), transcript.Turns.Select(t => t.Number));
            Assert.NotNull(summary.Completion);
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Database}");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar() as string);
    }

    private static async Task<string> WaitForTurnsAsync(string database, int turns)
    {
        for (var attempt = 0; attempt < 1800; attempt++)
        {
            if (File.Exists(database))
            {
                using var store = SqliteTranscriptStore.Open(database);
                var unfinished = await store.ListUnfinishedAsync();
                if (unfinished.FirstOrDefault(s => s.TurnCount >= turns) is { } found)
                {
                    return found.SessionId;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the CLI did not store {turns} turns within three minutes");
    }
}
