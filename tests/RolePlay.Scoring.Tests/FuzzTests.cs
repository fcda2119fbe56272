using System.Text;

using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Scoring.Tests;

public class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "sorry", "I'll", "won't", "can't", "not", "but", "?", "!", "...", ",", "'", "\u2019", "so you're saying", "you said",
        "by 3pm", "tomorrow", "RMA", "SLA", "🙄", "😡", "👍🏽", "👨‍👩‍👧", "\u200F", "\u200E", "\u202E", "\u0000", "\u0007", "\t", "\r\n",
        "\uFEFF", "\uD800", "\uDC00", "ﬁ", "İ", "ß", "é", "e\u0301", "مرحبا", "שלום", "日本語", "((((", "]]]]", "\"\"\"", "--", " - ",
        "calm down", "between you and me", "I guarantee", "not my department", "@", "*", "..", "|", "100%", "12:30", "3.5", "Mr.",
        "e.g.", "o'clock", "''", "'s", "n't", "I'm not sorry", "sorry, but", "what happened", "could you tell me",
    ];

    public static TheoryData<string> Adversarial() => new()
    {
        new string('!', 5000),
        new string('?', 5000),
        string.Concat(Enumerable.Repeat("sorry but ", 1500)),
        string.Concat(Enumerable.Repeat("not ", 4000)),
        string.Concat(Enumerable.Repeat("I will ", 2500)),
        string.Concat(Enumerable.Repeat("so you're saying ", 1000)),
        string.Concat(Enumerable.Repeat("((((([[[[{{{{", 1000)),
        string.Concat(Enumerable.Repeat("\u200F\u202Esorry\u202C", 2000)),
        string.Concat(Enumerable.Repeat("😡", 9000)),
        new string('a', 19_999),
        "\uD800\uD800\uDC00sorry\uDC00",
        "'''''''sorry'''''''",
        "I'" + new string('\'', 100) + "ll",
        "\0\0\0 I'm sorry \0\0",
        string.Concat(Enumerable.Repeat("e\u0301\u0301\u0301", 3000)),

        // Linking words that each could start or skip a letter of an acronym's expansion: exponential without a memo.
        "The OAOAOAX one " + string.Concat(Enumerable.Repeat("a on an of ", 2000)) + "is it.",
        string.Concat(Enumerable.Repeat("OAOAOAX one a on an of a on an of. ", 500)),
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Adversarial_text_never_throws_and_spans_are_exact(string reply)
    {
        AssertWellFormed(reply, Score.Scorer.Score(new ReplyContext(reply, reply, [], ["apology"], ContextKind.Customer)));
    }

    [Fact]
    public void Random_text_never_throws_and_spans_are_exact()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 400; i++)
        {
            var reply = RandomText(random);
            var persona = RandomText(random);
            var context = new ReplyContext(reply, persona, [new ConversationLine("p", RandomText(random), false)], ["apology", "active_listening"], (ContextKind)(i % 3));
            AssertWellFormed(reply, Score.Scorer.Score(context));
        }
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var parts = random.Next(0, 40);
        for (var p = 0; p < parts; p++)
        {
            if (random.Next(4) == 0)
            {
                for (var c = random.Next(1, 12); c > 0; c--)
                {
                    text.Append((char)random.Next(0, 0xFFFF));
                }
            }
            else
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            text.Append(random.Next(3) == 0 ? "" : " ");
        }

        return text.ToString();
    }

    private static void AssertWellFormed(string reply, TurnAssessment assessment)
    {
        Assert.InRange(assessment.Score, 0, 10);
        Assert.InRange(assessment.Tips.Count, 1, 3);
        foreach (var result in assessment.MarkingPoints.Concat(assessment.Negatives))
        {
            Assert.InRange(result.Strength, 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(result.Rationale));
            foreach (var span in result.Evidence)
            {
                Assert.InRange(span.Start, 0, reply.Length);
                Assert.InRange(span.End, span.Start + 1, reply.Length);
                Assert.Equal(reply[span.Start..span.End], span.Quote);
            }

            // Evidence never quotes the same words twice for one point.
            var spans = result.Evidence.OrderBy(e => e.Start).ToList();
            for (var i = 1; i < spans.Count; i++)
            {
                Assert.True(spans[i].Start >= spans[i - 1].End, $"{result.Id}: overlapping evidence \"{spans[i - 1].Quote}\" and \"{spans[i].Quote}\"");
            }
        }
    }
}
