using System.Text.Json;

using RolePlay.Engine.Model;
using RolePlay.Scoring.Batch;

namespace RolePlay.Scoring.Tests;

/// <summary>Guessing the context of unlabelled batch lines, measured on the labelled sets' own context_kind.</summary>
public class ContextGuessTests
{
    /// <summary>Share of replies whose context is guessed right on the first dev set and the held-out set (the level reached).</summary>
    public const double AccuracyFloor = 0.78;

    /// <summary>
    /// The level reached on the second dev set, measured after the word lists were written: its colleague lines come from
    /// other workplaces (volunteer centres, GP surgeries, service desks) whose words the lists do not know.
    /// </summary>
    public const double SecondSetAccuracyFloor = 0.60;

    /// <summary>The level reached on the second held-out set, measured once when it was added.</summary>
    public const double SecondHoldoutAccuracyFloor = 0.69;

    [Theory]
    [InlineData("devset.jsonl", AccuracyFloor)]
    [InlineData("devset2.jsonl", SecondSetAccuracyFloor)]
    [InlineData("holdout.jsonl", AccuracyFloor)]
    [InlineData("holdout2.jsonl", SecondHoldoutAccuracyFloor)]
    public void Context_is_guessed_from_the_words_for_most_labelled_replies(string file, double floor)
    {
        var total = 0;
        var right = 0;
        var confusion = new Dictionary<(ContextKind, ContextKind), int>();
        foreach (var line in File.ReadLines(Score.DataFile(file)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var actual = Enum.Parse<ContextKind>(root.GetProperty("context_kind").GetString()!, ignoreCase: true);
            var guessed = ContextGuess.Guess(root.GetProperty("persona_line").GetString(), root.GetProperty("text").GetString());
            total++;
            right += guessed == actual ? 1 : 0;
            confusion[(actual, guessed)] = confusion.GetValueOrDefault((actual, guessed)) + 1;
        }

        var accuracy = (double)right / total;
        var table = string.Join(", ", confusion.OrderBy(c => c.Key).Select(c => $"{c.Key.Item1}->{c.Key.Item2}: {c.Value}"));
        Assert.True(accuracy >= floor, $"{file}: accuracy {accuracy:0.000} ({table})");
    }

    [Theory]
    [InlineData("Can you cover my Sunday shift? My kid's got a party.", "", ContextKind.Colleague)]
    [InlineData("The customer wasn't home so our driver took it back to the depot.", "", ContextKind.Partner)]
    [InlineData("My order still hasn't arrived and I've paid for next day.", "", ContextKind.Customer)]
    [InlineData("", "", ContextKind.Customer)]
    [InlineData("Mr Okafor has rung three times about his repair. What do I tell him?", "", ContextKind.Colleague)]
    [InlineData("I'm Mrs Lewis and I've rung three times about my repair.", "", ContextKind.Customer)]
    [InlineData("Hello, this is Mr Grant. Nobody has called me back.", "", ContextKind.Customer)]
    public void Typical_lines_are_guessed(string otherPerson, string reply, ContextKind expected)
    {
        Assert.Equal(expected, ContextGuess.Guess(otherPerson, reply));
    }

    [Fact]
    public async Task A_batch_line_without_context_kind_is_scored_in_the_guessed_context()
    {
        const string line = """{"id": "rota", "text": "I can't this time, I've done the last two. Shall we look at the rota together and find someone?", "context": "Can you cover my Saturday shift? Something's come up."}""";
        var output = new StringWriter();

        await BatchScoring.RunAsync(new StringReader(line), output, Score.Scorer);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Contains("collaboration", json.RootElement.GetProperty("credited").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_run_default_context_wins_over_the_guess_and_a_line_context_kind_wins_over_both()
    {
        const string unlabelled = """{"id": "u", "text": "Shall we look at the rota together?", "context": "Can you cover my Saturday shift?"}""";
        const string labelled = """{"id": "l", "text": "Shall we look at the rota together?", "context": "Can you cover my Saturday shift?", "context_kind": "colleague"}""";
        var output = new StringWriter();

        await BatchScoring.RunAsync(new StringReader(unlabelled + "\n" + labelled), output, Score.Scorer, ContextKind.Customer);

        var credited = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("credited").EnumerateArray().Select(e => e.GetString()).ToList())
            .ToList();
        Assert.DoesNotContain("collaboration", credited[0]);
        Assert.Contains("collaboration", credited[1]);
    }
}
