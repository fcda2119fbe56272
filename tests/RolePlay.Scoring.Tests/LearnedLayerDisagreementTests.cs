using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Learned;

namespace RolePlay.Scoring.Tests;

/// <summary>
/// Invented behaviour examples on which the learned layer, retrained in stop 26 on 11,940 replies, disagrees with the
/// example's author: pinned here rather than hidden. In each the rules agree with the example and the scorer marks what the
/// layer changed as the layer's own, so an assessor can see it and override it. Each row names the test it came from. A
/// retrain that settles a row makes it fail here: move it back to that test.
/// </summary>
public class LearnedLayerDisagreementTests
{
    private const string LateParcel = "My parcel was meant to arrive on Monday and it still hasn't come. I'm really frustrated.";

    [Theory]
    [MemberData(nameof(Withdrawn))]
    public void The_rules_find_it_and_the_layer_withdraws_it_saying_so(string reply, string persona, ContextKind context, string id, string from)
    {
        var conversation = new ReplyContext(reply, persona, [], [], context);
        var point = Score.Scorer.Score(conversation).Point(id);

        Assert.True(BuiltInScorer.RulesOnly().Score(conversation).Has(id), $"the rules no longer find {id}; see {from}");
        Assert.True(point.Withdrawn, $"the layer no longer withdraws {id}: move this row back to {from}");
        Assert.StartsWith(CreditModel.WithdrawnPrefix, point.Rationale, StringComparison.Ordinal);
        Assert.NotEmpty(point.Evidence);
    }

    [Theory]
    [MemberData(nameof(Added))]
    public void The_rules_do_not_find_it_and_what_the_layer_adds_shows_as_its_own(string reply, string persona, ContextKind context, string id, string from)
    {
        var conversation = new ReplyContext(reply, persona, [], [], context);
        var point = Score.Scorer.Score(conversation).Point(id);

        Assert.False(BuiltInScorer.RulesOnly().Score(conversation).Has(id), $"the rules find {id}; see {from}");
        Assert.True(point.Credited, $"the layer no longer adds {id}: move this row back to {from}");
        Assert.Matches("^(Credited|Detected) by the learned model", point.Rationale);
    }

    /// <summary>Reply, persona line, context, id the rules find and the layer withdraws, and the test the example came from.</summary>
    public static TheoryData<string, string, ContextKind, string, string> Withdrawn => new()
    {
        // A closed question about their situation; the later writers count a question that asks for a detail as none.
        { "Is there someone at home who could take it in for you?", LateParcel, ContextKind.Customer, "active_listening", "ScorerBehaviourTests.A_closed_question_about_their_situation_stays_active_listening" },
        { "It's best we don't mention her diagnosis to the other volunteers.", "", ContextKind.Colleague, "assertiveness", "ActRulesBehaviourTests.Constructive_next_time_a_stated_limit_and_a_firm_preference_are_assertive" },
        { "We need the signed form back before Friday.", "", ContextKind.Partner, "assertiveness", "ActRulesBehaviourTests.A_doubting_view_a_contrasted_view_and_a_stated_need_are_assertive" },
        { "With respect, I don't agree - the stockroom was tidy when I left.", "", ContextKind.Colleague, "assertiveness", "ActRulesBehaviourTests.A_view_or_need_stated_with_those_words_stays_assertive" },

        // Fault pushed elsewhere: the later writers often label these passing the buck or dismissive, not blame.
        { "The bookings come from the agency not us, so ring them.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Habits_held_against_someone_and_rebutting_questions_are_blame" },
        { "Coats are left at your own risk.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Circumstances_machines_and_other_people_named_as_the_cause_are_blame" },
        { "Wasn't me, ask the morning shift.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Fault_put_on_someone_else_is_blame" },
        { "The website does say the deposit is non-refundable.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Pinning_it_on_others_by_generalising_speculating_or_distancing_is_blame" },
    };

    /// <summary>Reply, persona line, context, id the layer adds and the rules do not find, and the test the example came from.</summary>
    public static TheoryData<string, string, ContextKind, string, string> Added => new()
    {
        { "The key safe code is on the booking, round the back by the bins.", "", ContextKind.Partner, "information_sharing", "ActRulesBehaviourTests.Asking_for_facts_negations_other_peoples_acts_own_paperwork_and_informing_without_saying_what_are_not_information_sharing" },

        // Not private, but "dad", "blind" and a house number go with a breach in the data; the layer cannot tell which family
        // detail is private, and a later writers' decision counts a named condition told to a partner as a breach.
        { "Go easy on Kieran today, his dad is collecting him at 3.", "Kieran was in a foul mood all morning.", ContextKind.Colleague, "confidentiality_breach", "NegativeBehaviourTests.A_third_persons_family_troubles_are_a_breach" },
        { "Mrs Osei at number 12 is registered blind, so knock loudly and give her time.", "", ContextKind.Partner, "confidentiality_breach", "NegativeBehaviourTests.Giving_a_courier_the_customers_number_for_the_delivery_is_not_a_breach" },

        // Several later writers record the weather and busy days as blame; the example's author did not.
        { "The courier was delayed by the snow. I'll chase them for you.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Running_someone_down_stays_blame_next_to_a_commitment" },

        // A reason ("a big ask") and a handover today: the later writers' rule for escalation; the rules want a stated limit.
        { "Waiving the fee is a big ask. I'll put it to my manager today.", "", ContextKind.Partner, "escalation", "RelationshipPointTests.Near_misses_of_the_new_handover_shapes_are_not_escalation" },
    };
}
