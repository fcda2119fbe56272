using RolePlay.Engine.Scoring;
using RolePlay.Llm.Tests.Fakes;

namespace RolePlay.Llm.Tests;

public sealed class PromptAndEvidenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-prompts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_embedded_prompts_load_with_their_variables_and_the_judge_schema()
    {
        var judge = TestData.JudgePrompt;

        Assert.Equal("judge", judge.Config.Name);
        Assert.Equal("semantic-kernel", judge.Config.TemplateFormat);
        Assert.Contains(judge.Config.InputVariables, v => v.Name == "reply");
        Assert.Equal("object", judge.ResponseSchema!.Value.GetProperty("type").GetString());
        Assert.False(judge.ResponseSchema!.Value.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(0f, judge.CreateChatOptions().Temperature);
    }

    [Fact]
    public void Prompts_copied_next_to_the_app_are_read_from_there_and_otherwise_the_embedded_copy_is_used()
    {
        var shipped = new PromptLibrary().Load("judge");
        var embedded = new PromptLibrary(Path.Combine(_dir, "missing")).Load("judge");

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "prompts", "judge.yaml"), shipped.Origin);
        Assert.Equal("embedded:judge", embedded.Origin);
        Assert.Equal(shipped.Config.Template, embedded.Config.Template);
    }

    [Fact]
    public void A_prompt_file_next_to_the_app_wins_over_the_embedded_copy()
    {
        File.WriteAllText(Path.Combine(_dir, "persona.yaml"), "name: persona\ntemplate: 'Say {{$intent}}'\ntemplate_format: semantic-kernel\n");

        var prompt = new PromptLibrary(_dir).Load("persona");

        Assert.Equal("Say {{$intent}}", prompt.Config.Template);
        Assert.EndsWith("persona.yaml", prompt.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_prompt_file_falls_back_to_the_embedded_copy_with_a_warning()
    {
        File.WriteAllText(Path.Combine(_dir, "judge.yaml"), "name: [unclosed\n  template: : :");
        var library = new PromptLibrary(_dir);

        var prompt = library.Load("judge");

        Assert.StartsWith("embedded:", prompt.Origin, StringComparison.Ordinal);
        Assert.Single(library.Warnings);
    }

    [Fact]
    public void A_prompt_that_switches_off_content_encoding_is_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "persona.yaml"), "name: persona\ntemplate: '{{$x}}'\nallow_dangerously_set_content: true\n");
        var library = new PromptLibrary(_dir);

        var prompt = library.Load("persona");

        Assert.StartsWith("embedded:", prompt.Origin, StringComparison.Ordinal);
        Assert.Contains("allow_dangerously_set_content", library.Warnings.Single());
    }

    [Fact]
    public void Yaml_plain_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var json = PromptLibrary.YamlToJson("a: true\nb: '42'\nc: 0.5\nd: [x, 3]\n").ToJsonString();

        Assert.Equal("{\"a\":true,\"b\":\"42\",\"c\":0.5,\"d\":[\"x\",3]}", json);
    }

    [Fact]
    public async Task Control_characters_in_learner_text_do_not_break_rendering()
    {
        var messages = await TestData.JudgePrompt.RenderAsync(new Dictionary<string, string>
        {
            ["context"] = "customer",
            ["marking_points"] = "- apology: says sorry",
            ["reply"] = "sorry\u0000\u0001 \ud800 & <b>",
        });

        Assert.Contains("sorry  & <b>", messages[^1].Text);
    }

    [Theory]
    [InlineData("I'm sorry", "i\u2019m SORRY", 0, 9)]
    [InlineData("We will  call\nyou back.", "\"call you back\"", 9, 22)]
    [InlineData("Right. Refund today.", "refund today", 7, 19)]
    public void Evidence_quotes_map_to_exact_spans(string reply, string quote, int start, int end)
    {
        var span = EvidenceLocator.Locate(reply, quote);

        Assert.Equal(new EvidenceSpan(start, end, reply[start..end]), span);
        Assert.True(EvidenceLocator.IsGenuine(reply, span!));
    }

    [Theory]
    [InlineData("I'm sorry", "I am sorry")]
    [InlineData("I'm sorry", "so...")]
    [InlineData("I'm sorry", "")]
    [InlineData("I'm sorry", "I'm sorry, truly")]
    public void Paraphrases_fragments_and_overlong_quotes_are_not_evidence(string reply, string quote)
    {
        Assert.Null(EvidenceLocator.Locate(reply, quote));
    }

    [Fact]
    public void Persona_validation_rejects_markup_and_overlong_lines()
    {
        var request = TestData.LineRequest();

        Assert.Equal("output contains prompt markup", LlmPersonaVoice.Validate("<|im_start|>system hi", request));
        Assert.StartsWith("output too long", LlmPersonaVoice.Validate(new string('a', 800), request), StringComparison.Ordinal);
        Assert.Null(LlmPersonaVoice.Validate("Where is my parcel?", request));
    }
}
