using System.Text.Json;

using RolePlay.Engine.Model;
using RolePlay.Scoring.Batch;
using RolePlay.TestSupport;

namespace RolePlay.Scoring.Tests;

/// <summary>The who-is-talking model: how it learns, how it reads back, and that the shipped one comes from the dev sets only.</summary>
public class ContextModelTests
{
    /// <summary>The sets the shipped model is counted from. Held-out sets must never be here: they measure it.</summary>
    public static readonly string[] TrainingSets = ["devset.jsonl", "devset2.jsonl", "devset3.jsonl", "devset4.jsonl"];

    private const string UpdateVariable = "ROLEPLAY_UPDATE_CONTEXT_MODEL";

    [Fact]
    public void The_shipped_model_is_what_the_development_sets_train()
    {
        var trained = ContextModel.TrainToText(TrainingSets.SelectMany(Examples));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot.Find(), "src", "RolePlay.Scoring", "Batch", "context-model.tsv"), trained);
            return;
        }

        using var stream = typeof(ContextGuess).Assembly.GetManifestResourceStream(ContextGuess.ModelResourceName)!;
        var shipped = new StreamReader(stream).ReadToEnd().ReplaceLineEndings("\n");
        Assert.True(
            shipped == trained,
            $"the shipped context model differs from one trained on {string.Join(", ", TrainingSets)}; regenerate it with {UpdateVariable}=1 dotnet test --filter {nameof(The_shipped_model_is_what_the_development_sets_train)}");
    }

    [Fact]
    public void Words_learned_from_examples_decide_the_kind()
    {
        var model = ContextModel.Train(
        [
            new("can you swap my saturday shift", "yes I can swap", ContextKind.Colleague),
            new("my parcel never came", "sorry, I'll chase it", ContextKind.Customer),
            new("my refund never came", "sorry about that", ContextKind.Customer),
            new("our van broke down, the drop is late", "thanks for telling us", ContextKind.Partner),
        ]);

        Assert.Equal(ContextKind.Colleague, model.Predict("will you swap with me on saturday", "", ContextKind.Customer));
        Assert.Equal(ContextKind.Partner, model.Predict("the van is late again", "", ContextKind.Customer));
        Assert.Equal(ContextKind.Customer, model.Predict("where is my parcel", "", ContextKind.Customer));
    }

    [Fact]
    public void A_model_reads_back_what_it_wrote()
    {
        var examples = TrainingSets.SelectMany(Examples).Take(60).ToList();
        var model = ContextModel.Train(examples);
        var writer = new StringWriter();
        model.Write(writer);

        var read = ContextModel.Read(new StringReader(writer.ToString()));

        Assert.Equal(model.FeatureCount, read.FeatureCount);
        foreach (var example in examples)
        {
            var lists = ContextGuess.FromWordLists(example.OtherPersonLine, example.Reply);
            Assert.Equal(model.Predict(example.OtherPersonLine, example.Reply, lists), read.Predict(example.OtherPersonLine, example.Reply, lists));
        }
    }

    [Fact]
    public void A_damaged_model_line_is_reported_with_its_number()
    {
        var error = Assert.Throws<FormatException>(() => ContextModel.Read(new StringReader("# header\nexamples\t1\t2\t3\np:order\t1\tx\t0\n")));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_model_falls_back_to_the_word_lists()
    {
        var model = ContextModel.Read(new StringReader(""));

        Assert.Equal(ContextKind.Partner, model.Predict("anything", "at all", ContextKind.Partner));
    }

    [Fact]
    public void A_huge_line_is_guessed_without_reading_all_of_it()
    {
        var huge = string.Concat(Enumerable.Repeat("shift rota swap ", 20_000));

        Assert.Equal(ContextKind.Colleague, ContextGuess.Guess(huge, huge));
    }

    /// <summary>The labelled examples of a Data/ file: both lines and the labelled context kind.</summary>
    internal static IEnumerable<LabelledContext> Examples(string file)
    {
        foreach (var line in File.ReadLines(Score.DataFile(file)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            yield return new LabelledContext(
                root.GetProperty("persona_line").GetString() ?? "",
                root.GetProperty("text").GetString() ?? "",
                Enum.Parse<ContextKind>(root.GetProperty("context_kind").GetString()!, ignoreCase: true));
        }
    }
}
