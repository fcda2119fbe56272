using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;
using RolePlay.Scoring.Learned;

namespace RolePlay.Scoring.Tests;

/// <summary>
/// Invented behaviour examples on which the learned layer, retrained in stop 28 on 16,140 replies with the reply's shape as well as its words, disagrees with the
/// example's author: pinned here rather than hidden. In each the rules agree with the example and the scorer marks what the
/// layer changed as the layer's own, so an assessor can see it and override it. Each row names the test it came from. A
/// retrain that settles a row makes it fail here: move it back to that test.
/// </summary>
public class LearnedLayerDisagreementTests
{
    private const string Overshare = "You'll love this. Mrs Okafor from Elm Road just rang about her walking frame - told me all about her hip op and the \"incident\" in the bath. I'm putting it in the team chat, it's comedy gold.";

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
        { "With respect, I don't agree - the stockroom was tidy when I left.", "", ContextKind.Colleague, "assertiveness", "ActRulesBehaviourTests.A_view_or_need_stated_with_those_words_stays_assertive" },

        // Fault pushed elsewhere: the later writers often label these passing the buck or dismissive, not blame.
        { "The website does say the deposit is non-refundable.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Pinning_it_on_others_by_generalising_speculating_or_distancing_is_blame" },

        // Retrained in stop 27 on 16,140 replies.
        { "No, don't forward that email to the whole team.", "", ContextKind.Colleague, "assertiveness", "ActRulesBehaviourTests.Concessions_polite_declines_and_a_reasoned_no_are_assertive" },
        { "It might really help to talk to a counsellor about this.", "", ContextKind.Customer, "escalation", "RelationshipPointTests.Suggesting_a_support_service_is_escalation" },
        { "We're not magicians, the parts take a week.", "", ContextKind.Colleague, "aggression", "NegativeBehaviourTests.Polite_surface_hostility_bare_orders_and_group_retorts_are_aggression" },
        { "Your sister said you've been really worried.", LateParcel, ContextKind.Customer, "active_listening", "ScorerBehaviourTests.A_feeling_handed_back_to_them_is_reflected" },
        { "So the parcel was meant to come Monday and it still hasn't come. Do you remember which day you dropped it in? I'll check the depot myself.", LateParcel, ContextKind.Customer, "active_listening", "ScorerBehaviourTests.A_blame_cue_in_a_reply_that_owns_the_problem_does_not_cancel_the_paraphrase" },

        // Retrained in stop 28 with the reply's shape (pronouns, sentences, questions, negations) as well as its words.
        { "It's a ten-minute wait, suck it up.", "", ContextKind.Colleague, "aggression", "NegativeBehaviourTests.Eye_rolls_mock_questions_idioms_and_talking_down_are_aggression" },
        { "If the parts aren't here by Friday we're withholding payment.", "", ContextKind.Colleague, "aggression", "NegativeBehaviourTests.Put_downs_and_exasperation_are_aggression" },
        { "You shouldn't have had to ring us three times about it.", "", ContextKind.Customer, "empathy", "RelationshipPointTests.Acknowledging_the_impact_is_empathy" },
        { "Thanks for telling me, that can't be fun on a Saturday.", "", ContextKind.Customer, "empathy", "RelationshipPointTests.Reflecting_their_feeling_or_calling_the_situation_hard_is_empathy" },
        { "It's best we don't mention her diagnosis to the other volunteers.", "", ContextKind.Colleague, "assertiveness", "ActRulesBehaviourTests.Constructive_next_time_a_stated_limit_and_a_firm_preference_are_assertive" },
        { "Moving the whole archive by Monday isn't realistic with three people off.", "", ContextKind.Partner, "assertiveness", "ActRulesBehaviourTests.Constructive_next_time_a_stated_limit_and_a_firm_preference_are_assertive" },
        { "News like that needs to come from you as her caseworker.", "", ContextKind.Customer, "boundaries", "ActRulesBehaviourTests.Stating_the_limits_of_the_role_is_a_boundary" },
        { "Whether the lease can be broken early is one for the lettings team.", "", ContextKind.Customer, "boundaries", "ActRulesBehaviourTests.Stating_the_limits_of_the_role_is_a_boundary" },
        { "The card was blocked by an automatic check - it's nothing you've done.", "", ContextKind.Customer, "de_escalation", "ActRulesBehaviourTests.Slowing_down_reassuring_and_steering_from_blame_is_de_escalation" },
        { "Looks like a flat battery on the card reader.", "", ContextKind.Customer, "explanation", "ActRulesBehaviourTests.A_likely_cause_and_an_automatic_process_are_explanations" },
    };

    /// <summary>Reply, persona line, context, id the layer adds and the rules do not find, and the test the example came from.</summary>
    public static TheoryData<string, string, ContextKind, string, string> Added => new()
    {
        // Not private, but "dad", "blind" and a house number go with a breach in the data; the layer cannot tell which family
        // detail is private, and a later writers' decision counts a named condition told to a partner as a breach.
        { "Go easy on Kieran today, his dad is collecting him at 3.", "Kieran was in a foul mood all morning.", ContextKind.Colleague, "confidentiality_breach", "NegativeBehaviourTests.A_third_persons_family_troubles_are_a_breach" },
        { "Mrs Osei at number 12 is registered blind, so knock loudly and give her time.", "", ContextKind.Partner, "confidentiality_breach", "NegativeBehaviourTests.Giving_a_courier_the_customers_number_for_the_delivery_is_not_a_breach" },

        // Several later writers record the weather and busy days as blame; the example's author did not.
        { "The courier was delayed by the snow. I'll chase them for you.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Running_someone_down_stays_blame_next_to_a_commitment" },

        // A reason ("a big ask") and a handover today: the later writers' rule for escalation; the rules want a stated limit.

        // From stop 27 the layer detects all eight negatives, each at its own threshold, and is retrained on 16,140 replies.
        { "Let me sort that out with them directly and ring you back.", "", ContextKind.Customer, "passing_the_buck", "NegativeBehaviourTests.Handing_over_or_offering_an_option_is_not_passing_the_buck" },
        { "Brilliant, thank you! That's exactly what we needed.", "", ContextKind.Customer, "aggression", "NegativeBehaviourTests.Encouragement_and_emphasis_are_not_aggression" },
        { "It's only natural to feel nervous before a big day.", "", ContextKind.Customer, "dismissive", "NegativeBehaviourTests.Reassurance_and_choices_are_not_dismissive" },
        { "I'm not sure it will be ready today, so I'll ring you at 3 either way.", "", ContextKind.Customer, "over_promising", "NegativeBehaviourTests.Commitments_the_learner_controls_are_not_over_promising" },
        { "No, I won't swap it for a new one.", "", ContextKind.Customer, "solution", "ScorerBehaviourTests.A_real_negation_still_cancels_the_offer" },
        { "Some people don't see the sign by the lift, so I'll put another one at the door.", "", ContextKind.Customer, "dismissive", "NegativeBehaviourTests.Near_misses_of_reassurance_disowning_and_whenever_are_not_dismissive" },
        { "It can take a while to get used to a new routine, and it's okay to find it hard.", "", ContextKind.Customer, "dismissive", "NegativeBehaviourTests.Near_misses_of_platitudes_and_waving_it_off_are_not_dismissive" },
        { "The system sends you a reminder the day before.", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.An_owned_cause_a_process_step_or_trust_in_someone_is_not_blame" },
        { "you probably received a text about it this morning", "", ContextKind.Customer, "blame", "NegativeBehaviourTests.Guesses_about_feelings_or_oneself_and_plain_news_about_our_side_are_not_blame" },

        // Retrained in stop 28 with the reply's shape.
        { "Let me ask Priya, she knows the rota.", "", ContextKind.Customer, "passing_the_buck", "NegativeBehaviourTests.Handing_over_or_offering_an_option_is_not_passing_the_buck" },
        { "She'll know the difference between the two courses once I send her the outline tonight.", "", ContextKind.Customer, "dismissive", "NegativeBehaviourTests.Near_misses_of_normalising_and_no_one_will_notice_are_not_dismissive" },
        // A calm, terse challenge to a colleague: "please don't" with no "I" or "we" reads like a brush-off to the layer.
        { "Please don't - what customers tell us should stay confidential.", Overshare, ContextKind.Colleague, "dismissive", "scenarios/overshared-details.testplan.yaml, \"Says little and leaves it vague\"" },
    };
}
