using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Learned;

namespace RolePlay.Scoring.Tests;

/// <summary>The reply's shape as the learned layer reads it: whose problem the reply makes it, and how it is built.</summary>
public class CreditFeaturesTests
{
    private static IReadOnlyList<string> Shape(string reply) =>
        [.. BuiltInScorer.RulesOnly().CreditFeaturesOf(new ReplyContext(reply, "", [], [], ContextKind.Customer))!
            .Where(f => f.StartsWith("X:", StringComparison.Ordinal))];

    [Fact]
    public void Shape_feature_names_are_distinct()
    {
        Assert.Equal(CreditFeatures.ShapeFeatures.Length, CreditFeatures.ShapeFeatures.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("🙂")]
    [InlineData("Sorry! Well, I'll ring HIM and THEM. You? Your? They? He never. She won't. Nobody. No. Not. Nothing. Cannot.")]
    [InlineData("Look, you said you'd come. You didn't. They didn't either. We waited and I rang, and I rang again!!! WHY???")]
    public void A_reply_has_one_feature_of_each_counted_kind_and_never_more_than_the_most(string reply)
    {
        var shape = Shape(reply);

        Assert.All(shape, feature => Assert.Contains(feature, CreditFeatures.ShapeFeatures));
        Assert.Equal(shape.Count, shape.Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(shape.Count, 1, CreditFeatures.MaxShapeFeatures);
        foreach (var kind in new[] { "X:i", "X:we", "X:you", "X:they", "X:sent", "X:q", "X:neg" })
        {
            Assert.Single(shape, feature => feature.StartsWith(kind, StringComparison.Ordinal) && char.IsDigit(feature[kind.Length]));
        }
    }

    [Fact]
    public void A_reply_that_puts_it_on_the_other_person_reads_as_about_them()
    {
        var shape = Shape("You never told us the code. You should have rung.");

        Assert.Contains("X:youfirst", shape);
        Assert.Contains("X:youmore", shape);
        Assert.Contains("X:you2", shape);
        Assert.Contains("X:sent2", shape);
    }

    [Fact]
    public void A_reply_that_owns_it_reads_as_about_the_learner()
    {
        var shape = Shape("Sorry, I'll ring the depot myself and I'll call you back by three.");

        Assert.Contains("X:sorryfirst", shape);
        Assert.Contains("X:i2", shape); // two to three
        Assert.Contains("X:i3", Shape("I'm sorry, I'll ring the depot myself and I'll call you back.")); // four or more
        Assert.DoesNotContain("X:noself", shape);
        Assert.DoesNotContain("X:youmore", shape);
    }

    [Fact]
    public void A_reply_about_a_third_party_reads_as_about_them()
    {
        var shape = Shape("They lost it. The driver never checks the address!");

        Assert.Contains("X:thirdfirst", shape);
        Assert.Contains("X:theymore", shape);
        Assert.Contains("X:noself", shape);
        Assert.Contains("X:excl", shape);
        Assert.Contains("X:neg1", shape);
    }

    [Fact]
    public void Shouting_questions_and_a_blunt_opening_are_read()
    {
        var shape = Shape("Look, WHERE is it? When is it coming? Why?");

        Assert.Contains("X:bluntfirst", shape);
        Assert.Contains("X:caps", shape);
        Assert.Contains("X:q2", shape);
    }

    [Fact]
    public void Quoted_words_are_someone_elses_and_do_not_count()
    {
        var shape = Shape("Maybe say \"you should have told us\" next time.");

        Assert.Contains("X:you0", shape);
        Assert.Contains("X:we0", shape);
    }
}
