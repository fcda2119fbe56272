using System.Text.RegularExpressions;
using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Catalogue;

namespace RolePlay.Scoring.Tests;

public class CatalogueTests
{
    private static readonly string[] RequiredPositives =
    [
        "active_listening", "empathy", "apology", "ownership", "de_escalation", "explanation", "solution", "next_steps",
        "follow_up", "check_understanding", "boundaries", "confidentiality", "escalation", "collaboration", "assertiveness",
        "respect", "information_sharing", "sla_awareness",
    ];

    private static readonly string[] RequiredNegatives =
    [
        "blame", "dismissive", "aggression", "over_promising", "confidentiality_breach", "non_apology", "jargon", "passing_the_buck",
    ];

    [Fact]
    public void Embedded_catalogue_loads_with_every_required_point()
    {
        var result = MarkingPointCatalogue.LoadEmbedded();

        Assert.True(result.Success, string.Join("\n", result.Errors));
        var catalogue = result.Catalogue!;
        Assert.Equal(RequiredPositives.Order(), catalogue.MarkingPoints.Order());
        Assert.Equal(RequiredNegatives.Order(), catalogue.Negatives.Order());
    }

    [Fact]
    public void Every_entry_quotes_examiner_wording_and_has_feedback()
    {
        foreach (var point in MarkingPointCatalogue.Default.Points)
        {
            Assert.False(string.IsNullOrWhiteSpace(point.ExaminerWording), point.Id);
            Assert.False(string.IsNullOrWhiteSpace(point.Earns), point.Id);
            var feedback = point.Kind == MarkingPointKind.Positive ? point.Feedback.Missed : point.Feedback.Badly;
            Assert.False(string.IsNullOrWhiteSpace(feedback), point.Id);
            if (point.Kind == MarkingPointKind.Negative)
            {
                Assert.True(point.Penalty > 0, point.Id);
            }
        }
    }

    [Fact]
    public void File_on_disk_loads_to_the_same_catalogue_as_the_embedded_copy()
    {
        var fromFile = MarkingPointCatalogue.LoadFile(Score.DataFile("marking-points.yaml"));

        Assert.True(fromFile.Success, string.Join("\n", fromFile.Errors));
        Assert.Equal(
            MarkingPointCatalogue.Default.Points.Select(p => (p.Id, p.Title, p.Cues.Strong.Count)),
            fromFile.Catalogue!.Points.Select(p => (p.Id, p.Title, p.Cues.Strong.Count)));
    }

    [Fact]
    public void An_override_without_a_lexicon_the_rules_read_loads_with_a_warning_naming_it()
    {
        var shipped = File.ReadAllLines(Score.DataFile("marking-points.yaml"));
        var path = Path.Combine(Path.GetTempPath(), $"catalogue-{Guid.NewGuid():N}.yaml");
        File.WriteAllLines(path, shipped.Where(line => !line.StartsWith("  senior_roles:", StringComparison.Ordinal)));
        try
        {
            var result = MarkingPointCatalogue.LoadFile(path);

            Assert.True(result.Success, string.Join("\n", result.Errors));
            var warning = Assert.Single(result.Warnings, w => w.Message.Contains("senior_roles", StringComparison.Ordinal));
            Assert.Equal(Array.IndexOf(shipped, "lexicons:") + 1, warning.Line);
            Assert.DoesNotContain("support_services", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_file_misses_no_lexicon()
    {
        var result = MarkingPointCatalogue.LoadFile(Score.DataFile("marking-points.yaml"));

        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("lexicons missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_is_reported_with_line_and_column()
    {
        var result = MarkingPointCatalogue.Parse("marking_points:\n  - id: apology\n    title: [unclosed\n", "bad.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Catalogue);
        Assert.Equal("bad.yaml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
        Assert.True(error.Column > 0, error.ToString());
        Assert.StartsWith("bad.yaml:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Semantic_mistakes_are_reported_at_their_position()
    {
        const string yaml = """
            marking_points:
              - id: apology
                title: Apology
                kind: positive
                colour: red
                feedback: { missed: "Say sorry." }
                cues:
                  strong: ["sorry", "@no_such_lexicon"]
              - id: apology
                title: Again
                kind: positive
                feedback: { missed: "x" }
              - id: blame
                title: Blame
                kind: sideways
            """;

        var result = MarkingPointCatalogue.Parse(yaml, "cat.yaml");

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Message.Contains("unknown key 'colour'", StringComparison.Ordinal) && e.Line == 5 && e.Column == 5);
        Assert.Contains(result.Errors, e => e.Message.Contains("@no_such_lexicon", StringComparison.Ordinal) && e.Line == 8);
        Assert.Contains(result.Errors, e => e.Message.Contains("duplicate id 'apology'", StringComparison.Ordinal) && e.Line == 9);
        Assert.Contains(result.Errors, e => e.Message.Contains("kind must be", StringComparison.Ordinal) && e.Line == 15);
    }

    [Fact]
    public void Shipped_catalogue_has_no_duplicate_or_dead_cues()
    {
        var result = MarkingPointCatalogue.LoadFile(Score.DataFile("marking-points.yaml"));

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_cue_listed_twice_is_a_warning_at_the_second_copy()
    {
        const string yaml = """
            marking_points:
              - id: apology
                title: Apology
                kind: positive
                feedback: { missed: "Say sorry." }
                cues:
                  strong: ["I apologise", "so sorry"]
                  weak: ["sorry", "I apologize"]
            """;

        var result = MarkingPointCatalogue.Parse(yaml, "cat.yaml");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((8, 23), (warning.Line, warning.Column));
        Assert.Contains("already listed at line 7 (strong)", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith("cat.yaml:8:23: warning: apology:", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cue_its_own_exception_always_cancels_is_a_warning_and_a_narrower_exception_is_not()
    {
        const string yaml = """
            marking_points:
              - id: over_promising
                title: Over-promising
                kind: negative
                penalty: 2
                feedback: { badly: "Only promise what you control." }
                cues:
                  strong: ["you will be fine|okay", "will definitely"]
                  not_when: ["be fine|okay", "I will definitely call|ring"]
            """;

        var result = MarkingPointCatalogue.Parse(yaml, "cat.yaml");

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(8, warning.Line);
        Assert.Contains("'you will be fine|okay' can never count for \"you will be fine\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'be fine|okay' (line 9)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_in_brackets_offers_whole_phrases_and_a_bare_bar_offers_single_words()
    {
        const string yaml = """
            lexicons:
              negators: [not]
              stopwords: [go, on, do, worry, she, they, are, is, your, mine, will, find, out]
            marking_points:
              - id: secrecy
                title: Secrecy
                kind: negative
                penalty: 2
                feedback: { badly: "Do not promise secrecy." }
                cues: { strong: ["nobody will (find out|notice)", "(he is|she is) your customer"] }
              - id: bar
                title: Bar
                kind: negative
                penalty: 1
                feedback: { badly: "x" }
                cues: { strong: ["nobody will find out|notice"] }
            """;
        var result = MarkingPointCatalogue.Parse(yaml, "groups.yaml");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var scorer = new BuiltInScorer(result.Catalogue!);
        bool Detected(string reply, string id) =>
            scorer.Score(new ReplyContext(reply, "", [], [], ContextKind.Colleague)).Negatives.Single(n => n.Id == id).Credited;

        Assert.True(Detected("Go on, nobody will notice.", "secrecy"));
        Assert.True(Detected("Don't worry, nobody will find out.", "secrecy"));
        Assert.True(Detected("She's your customer, not mine.", "secrecy"));
        Assert.False(Detected("They are your customer.", "secrecy"));
        Assert.True(Detected("nobody will find notice", "bar"));
        Assert.False(Detected("Go on, nobody will notice.", "bar"));
    }

    [Theory]
    [InlineData("get why you are|you would|you feel", "you")]
    [InlineData("(he is|she is|they are) your customer", null)]
    [InlineData("so what is|are|do|did|we|you", null)]
    [InlineData("signed off the|on|by", null)]
    public void A_word_repeated_around_a_bar_is_flagged_as_meant_for_whole_phrases(string cue, string? repeated)
    {
        var warnings = MarkingPointCatalogue.Parse(CatalogueWithOneCue(cue), "bars.yaml").Warnings;

        if (repeated is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Contains($"repeats '{repeated}' around a '|'", Assert.Single(warnings).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nobody will (find out|notice")]
    [InlineData("nobody will find out)")]
    [InlineData("nobody will (find (out)|notice)")]
    public void An_unbalanced_group_is_reported_at_the_cue(string cue)
    {
        var error = Assert.Single(MarkingPointCatalogue.Parse(CatalogueWithOneCue(cue), "groups.yaml").Errors);

        Assert.Equal(8, error.Line);
        Assert.Contains("unclosed '(' or a stray ')'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_override_file_is_an_error_not_an_exception()
    {
        var result = MarkingPointCatalogue.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml"));

        Assert.False(result.Success);
        Assert.Contains("cannot read catalogue", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_catalogue_drives_the_scorer()
    {
        const string yaml = """
            lexicons:
              negators: [not]
            marking_points:
              - id: greeting
                title: Greeting
                kind: positive
                feedback: { missed: "Say hello." }
                cues: { strong: ["good morning"] }
              - id: rudeness
                title: Rudeness
                kind: negative
                penalty: 3
                contexts: [colleague]
                feedback: { badly: "Be polite." }
                cues: { strong: ["go away"] }
            """;
        var catalogue = MarkingPointCatalogue.Parse(yaml, "override.yaml").Catalogue!;
        var scorer = new BuiltInScorer(catalogue);

        var customer = scorer.Score(new Engine.Scoring.ReplyContext("Good morning! Go away.", "", [], ["greeting"], ContextKind.Customer));
        var colleague = scorer.Score(new Engine.Scoring.ReplyContext("Good morning! Go away.", "", [], ["greeting"], ContextKind.Colleague));

        Assert.True(customer.IsCredited("greeting"));
        Assert.False(customer.IsDetected("rudeness"));
        Assert.Equal(10, customer.Score);
        Assert.True(colleague.IsDetected("rudeness"));
        Assert.Equal(7, colleague.Score);
    }

    [Theory]
    [InlineData("reply", false)]
    [InlineData("sentence", true)]
    public void A_negatives_weakening_reaches_the_whole_reply_or_only_its_own_sentence(string scope, bool creditedElsewhere)
    {
        var yaml = $$"""
            lexicons:
              stopwords: [her, today, she, is, well]
            marking_points:
              - id: ownership
                title: Ownership
                kind: positive
                weakened_by: [gossip]
                feedback: { missed: "Own it." }
                cues: { strong: ["I will ring"] }
              - id: gossip
                title: Gossip
                kind: negative
                penalty: 2
                weakens_within: {{scope}}
                feedback: { badly: "Keep it private." }
                cues: { strong: ["between us"] }
            """;
        var scorer = new BuiltInScorer(MarkingPointCatalogue.Parse(yaml, "scope.yaml").Catalogue!);

        var elsewhere = scorer.Score(new Engine.Scoring.ReplyContext("I will ring her today. Between us, she is not well.", "", [], ["ownership"], ContextKind.Colleague));
        var together = scorer.Score(new Engine.Scoring.ReplyContext("I will ring her today, between us she is not well.", "", [], ["ownership"], ContextKind.Colleague));

        Assert.True(elsewhere.IsDetected("gossip"));
        Assert.Equal(creditedElsewhere, elsewhere.IsCredited("ownership"));
        Assert.False(together.IsCredited("ownership"));
    }

    [Theory]
    [InlineData("negative", "everywhere", "weakens_within must be 'reply' or 'sentence'")]
    [InlineData("positive", "sentence", "weakens_within is only for negative behaviours")]
    public void A_wrong_weakening_scope_is_reported_at_its_position(string kind, string scope, string message)
    {
        var yaml = "marking_points:\n  - id: thing\n    title: Thing\n    kind: " + kind + "\n    penalty: 1\n"
            + "    weakens_within: " + scope + "\n    feedback: { missed: \"x\", badly: \"x\" }\n";

        var result = MarkingPointCatalogue.Parse(yaml, "scope.yaml");

        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Line == 6 && e.Column == 21);
    }

    /// <summary>A one-entry catalogue whose only cue is <paramref name="cue"/>, written on line 8.</summary>
    private static string CatalogueWithOneCue(string cue) =>
        "marking_points:\n  - id: secrecy\n    title: Secrecy\n    kind: negative\n    penalty: 2\n    feedback: { badly: \"x\" }\n"
        + "    cues:\n      strong: [\"" + cue + "\"]\n";

    [Fact]
    public void Every_lexicon_the_rules_read_is_defined_in_the_shipped_catalogue()
    {
        // A lexicon missing from the catalogue reads as empty, so a renamed or deleted one would silently switch a shape off.
        var source = Path.Combine(RolePlay.TestSupport.RepositoryRoot.Find(), "src", "RolePlay.Scoring");
        var named = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"Lexicon\(""([a-z_]+)""\)").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("no_act_participles", named);
        Assert.True(named.Count > 30, $"only {named.Count} lexicon names found in the rule code");
        var missing = named.Where(name => !MarkingPointCatalogue.Default.Lexicons.ContainsKey(name)).Order().ToList();
        Assert.True(missing.Count == 0, "lexicons read by rules but not defined: " + string.Join(", ", missing));
    }
}
