using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Scoring.Tests;

public class ScorerBehaviourTests
{
    private const string LateParcel = "My parcel was meant to arrive on Monday and it still hasn't come. I'm really frustrated.";

    [Theory]
    [InlineData("I'm so sorry about the delay.")]
    [InlineData("I apologise for the mix-up.")]
    [InlineData("I apologize for the mix-up.")]
    [InlineData("sory for the wait")]
    [InlineData("soooo sorry about that")]
    [InlineData("I'M REALLY SORRY ABOUT THIS")]
    [InlineData("My apologies, that should not have happened.")]
    public void Sincere_apologies_are_credited_whatever_the_spelling(string reply)
    {
        Assert.True(Score.Reply(reply).Has("apology"));
    }

    [Theory]
    [InlineData("I'm not sorry at all.")]
    [InlineData("I won't apologise for following the rules.")]
    [InlineData("I'm not going to say sorry.")]
    public void Negated_apologies_are_not_credited(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.False(assessment.Has("apology"));
        Assert.Contains("negated", assessment.Point("apology").Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yeah no problem I'll swap it for a brand new one now")]
    [InlineData("Not a problem I will swap it for a new one")]
    [InlineData("no worries I'll swap it for you")]
    public void A_set_phrase_such_as_no_problem_does_not_negate_what_follows(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.True(assessment.Has("ownership"));
        Assert.True(assessment.Has("solution"));
    }

    [Theory]
    [InlineData("There's no way I'll swap it for a new one.")]
    public void A_real_negation_still_cancels_the_offer(string reply)
    {
        Assert.False(Score.Reply(reply).Has("solution"));
    }

    [Theory]
    [InlineData("If the engineer doesn't turn up by noon I'll ring you with a new slot.")]
    [InlineData("if you don't hear from us today I will call you tomorrow morning")]
    public void A_negation_inside_an_if_clause_does_not_reach_the_main_clause(string reply)
    {
        Assert.True(Score.Reply(reply).Has("ownership"));
    }

    [Theory]
    [InlineData("Sorry, but that's our policy.")]
    [InlineData("I'm sorry but you should have read the terms.")]
    [InlineData("sorry but there's nothing I can do")]
    [InlineData("I'm sorry you feel that way.")]
    [InlineData("Apologies if you were offended.")]
    public void Sorry_but_and_conditional_apologies_are_non_apologies(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.True(assessment.Has("non_apology"), assessment.Point("non_apology").Rationale);
        Assert.False(assessment.Has("apology"));
    }

    [Fact]
    public void Sorry_followed_by_an_action_is_a_real_apology()
    {
        var assessment = Score.Reply("I'm sorry, but I'll sort this out for you right now.");

        Assert.True(assessment.Has("apology"));
        Assert.False(assessment.Has("non_apology"));
    }

    [Fact]
    public void Will_is_ownership_but_wont_be_able_to_is_not()
    {
        Assert.True(Score.Reply("I will look into this personally.").Has("ownership"));
        Assert.True(Score.Reply("I'll ring the depot myself.").Has("ownership"));
        Assert.False(Score.Reply("I won't be able to help you with that.").Has("ownership"));
        Assert.False(Score.Reply("I will not be doing anything about it.").Has("ownership"));
    }

    [Theory]
    [InlineData("could you tell me where you were when it was left")]
    [InlineData("What happened when the driver came")]
    [InlineData("can you talk me through what the engineer said")]
    [InlineData("Is it the blue one or the red one")]
    public void Questions_without_a_question_mark_count_as_active_listening(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Could you tell me your order number?")]
    [InlineData("Sure, what's your postcode?")]
    [InlineData("Have you got the receipt?")]
    [InlineData("What's the best number to reach you on?")]
    public void A_question_that_only_asks_for_a_detail_to_act_on_is_not_active_listening(string reply)
    {
        var assessment = Score.Reply(reply, LateParcel);

        Assert.False(assessment.Has("active_listening"));
        Assert.Contains("asked for a detail", assessment.Point("active_listening").Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_with_a_short_summary_of_their_situation_is_active_listening()
    {
        const string persona = "My son starts college on Monday and his enrolment still hasn't gone through. I'm panicking.";

        Assert.True(Score.Reply("College on Monday and no enrolment yet - let's get this sorted now.", persona).Has("active_listening"));
        Assert.False(Score.Reply("Please check the enrolment page - it updates on Monday.", persona).Has("active_listening"));
    }

    [Theory]
    [InlineData("OK, if I'm understanding right, the parcel was due Monday and nobody has been in touch.")]
    [InlineData("Just so I understand - it was due on Monday and it still hasn't come.")]
    public void Checking_one_has_understood_their_account_is_active_listening(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Recognises("active_listening"));
    }

    [Theory]
    [InlineData("Bad day?")]
    [InlineData("All of it?")]
    public void A_bare_question_with_nothing_else_is_only_a_weak_sign_of_listening(string reply)
    {
        var point = Score.Reply(reply, LateParcel).Point("active_listening");

        Assert.False(point.Credited);
        Assert.True(point.Strength > 0, point.Rationale);
    }

    [Theory]
    [InlineData("The driver's photo shows a red door - is that yours?")]
    [InlineData("Could you tell me which number you were ringing?")]
    [InlineData("Can you tell me what happened when the driver came with the parcel number?")]
    public void A_question_about_their_situation_stays_active_listening_when_it_names_a_detail(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Recognises("active_listening"));
    }

    [Theory]
    [InlineData("Have you tried clearing your browser history?")]
    [InlineData("did you check with the neighbours?")]
    [InlineData("we can send it back to the maker to look at?")]
    [InlineData("Want to grab a coffee and go through it?")]
    [InlineData("Maybe just ring her and say sorry?")]
    [InlineData("Ok, you did the right thing telling me")]
    public void A_fix_or_an_offer_put_as_a_question_is_not_a_listening_question(string reply)
    {
        Assert.False(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Have you spoken to your line manager about it?")]
    [InlineData("have you phoned the depot yet")]
    [InlineData("Why would you say that? It only makes it harder.")]
    public void A_suggestion_or_a_challenge_put_as_a_question_is_not_a_listening_question(string reply)
    {
        Assert.False(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Did you keep the original box?")]
    [InlineData("Have you paid the latest invoice?")]
    [InlineData("have u got the booking reference")]
    [InlineData("Do you want me to walk down to the depot with you?")]
    [InlineData("Is there another address we could send it to?")]
    [InlineData("Is the afternoon slot free instead?")]
    public void Checking_what_they_did_offering_or_seeking_an_alternative_is_not_a_listening_question(string reply)
    {
        Assert.False(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Did you feel anyone at the depot was listening to you?")]
    [InlineData("Have you been waiting in all week for it?")]
    [InlineData("Is there something about the delivery that is worrying you?")]
    public void Asking_what_they_went_through_stays_a_listening_question(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("What did the driver say when you spoke to him?")]
    [InlineData("Why do you think it keeps going to the wrong address?")]
    public void Near_misses_of_suggestion_and_challenge_questions_stay_listening_questions(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Recognises("active_listening"));
    }

    [Fact]
    public void Conceding_their_point_is_not_a_paraphrase_but_restating_it_is()
    {
        Assert.False(Score.Reply("You're right, the parcel was due on Monday and it still hasn't arrived.", LateParcel).Has("active_listening"));
        Assert.True(Score.Reply("So you're saying the parcel was due on Monday and it still hasn't arrived.", LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Let's start from the beginning - what went wrong with the delivery?")]
    [InlineData("Let's take it one bit at a time - did it come to the wrong house, or not at all?")]
    public void A_question_after_a_proposal_in_an_earlier_clause_is_still_a_listening_question(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Let's sort it out - how about a refund?")]
    [InlineData("Let's take it one bit at a time - have you tried ringing the depot, or the driver?")]
    public void A_proposal_or_fix_in_the_question_clause_itself_is_not_a_listening_question(string reply)
    {
        Assert.False(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Fact]
    public void A_blame_cue_in_a_reply_that_owns_the_problem_does_not_cancel_the_paraphrase()
    {
        const string summary = "So the parcel was meant to come Monday and it still hasn't come. Do you remember which day you dropped it in?";

        // The rules' own judgement: the learned layer withdraws this credit (LearnedLayerDisagreementTests).
        static bool Listens(string reply) => BuiltInScorer.RulesOnly().Score(new ReplyContext(reply, LateParcel, [], [], ContextKind.Customer)).Has("active_listening");

        Assert.True(Listens(summary + " I'll check the depot myself."));
        Assert.False(Listens(summary));
    }

    [Fact]
    public void A_request_for_action_is_not_a_listening_question()
    {
        Assert.False(Score.Reply("Could you ship it today please?", "We can't ship until Monday.", ContextKind.Partner).Has("active_listening"));
    }

    [Fact]
    public void Paraphrase_credit_depends_on_what_the_other_person_said()
    {
        const string reply = "So you're saying the parcel was due on Monday and still hasn't arrived?";

        var echoes = Score.Reply(reply, LateParcel);
        var unrelated = Score.Reply("So you're saying the invoice amount is wrong", LateParcel);

        Assert.True(echoes.Has("active_listening"));
        Assert.Contains("paraphrased", echoes.Point("active_listening").Rationale, StringComparison.Ordinal);
        Assert.False(unrelated.Has("active_listening"));
    }

    [Fact]
    public void Reflecting_the_feeling_they_expressed_is_strongest()
    {
        var same = Score.Reply("You sound really frustrated", LateParcel).Point("active_listening");
        var other = Score.Reply("You sound really worried", LateParcel).Point("active_listening");

        Assert.True(same.Credited);
        Assert.True(same.Strength > other.Strength);
    }

    [Theory]
    [InlineData("You mentioned your sister and she was really upset.")]
    [InlineData("Your neighbours, they'd be worried sick.")]
    [InlineData("That sounds frustrating.")]
    public void A_feeling_owned_by_someone_else_or_said_of_the_situation_is_not_reflected_back(string reply)
    {
        Assert.False(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("You must be so frustrated.")]
    public void A_feeling_handed_back_to_them_is_reflected(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Is there a courier you could send round tomorrow?")]
    [InlineData("Are there any spare boxes at the depot, or can you order some in?")]
    public void A_closed_question_that_asks_them_to_do_something_is_not_active_listening(string reply)
    {
        Assert.False(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Theory]
    [InlineData("Is there anything else you're worried about with the parcel?")]
    public void A_closed_question_about_their_situation_stays_active_listening(string reply)
    {
        Assert.True(Score.Reply(reply, LateParcel).Has("active_listening"));
    }

    [Fact]
    public void Calm_down_is_dismissive_not_de_escalation()
    {
        var assessment = Score.Reply("Calm down, it's not a big deal.");

        Assert.True(assessment.Has("dismissive"));
        Assert.False(assessment.Has("de_escalation"));
    }

    [Fact]
    public void Shouting_in_capitals_with_exclamations_is_aggression_but_caps_lock_apology_is_not()
    {
        Assert.True(Score.Reply("THIS IS NOT MY PROBLEM!!!").Has("aggression"));
        var capsApology = Score.Reply("I AM SO SORRY, I WILL SORT IT");
        Assert.False(capsApology.Has("aggression"));
        Assert.True(capsApology.Has("apology"));
    }

    [Fact]
    public void Sarcasm_and_insults_are_aggression()
    {
        Assert.True(Score.Reply("Oh great, well done genius.").Has("aggression"));
        Assert.True(Score.Reply("Are you stupid or something?").Has("aggression"));
        Assert.False(Score.Reply("That's not a stupid question at all.").Has("aggression"));
    }

    [Fact]
    public void Emoji_are_read_as_symbols()
    {
        Assert.True(Score.Reply("🙄 whatever").Has("dismissive"));
        Assert.True(Score.Reply("So sorry about this 😞 I'll fix it today 👍").Has("apology"));
    }

    [Theory]
    [InlineData("Lo siento mucho, voy a revisar su pedido ahora mismo.")]
    [InlineData("Je suis vraiment désolé pour le retard de votre colis.")]
    [InlineData("非常抱歉，我们会尽快处理您的订单。")]
    [InlineData("Przepraszam bardzo, sprawdzę to zamówienie od razu.")]
    [InlineData("Przepraszam! Zaraz wyślę kogoś do rampy 4, będzie u pana w ciągu 10 minut.")]
    [InlineData("Mae'n ddrwg gen i am yr oedi. Mi wna i edrych ar eich cais chi rŵan.")]
    public void Non_english_replies_are_not_credited_and_say_why(string reply)
    {
        var assessment = Score.Reply(reply, LateParcel, ContextKind.Customer, "apology");

        Assert.Empty(assessment.CreditedIds);
        Assert.Equal(0, assessment.Score);
        Assert.Contains(BuiltInScorer.NotEnglishNote, assessment.Notes);
    }

    [Fact]
    public void Names_and_loanwords_with_accents_do_not_make_a_reply_foreign()
    {
        var assessment = Score.Reply("I'm so sorry - I've spoken to Łukasz and José about the café order and I'll ring you at 3.", LateParcel);

        Assert.DoesNotContain(BuiltInScorer.NotEnglishNote, assessment.Notes);
        Assert.True(assessment.Has("apology"));
    }

    [Fact]
    public void Jargon_is_flagged_with_customers_only()
    {
        const string reply = "I've raised an RMA and logged a P1 with the WMS team.";

        Assert.True(Score.Reply(reply).Has("jargon"));
        Assert.False(Score.Reply(reply, "", ContextKind.Partner).Has("jargon"));
    }

    [Fact]
    public void Next_steps_need_who_what_and_when()
    {
        Assert.True(Score.Reply("I'll email you the tracking number by 5pm tomorrow.").Has("next_steps"));
        Assert.False(Score.Reply("I'll email you the tracking number.").Has("next_steps"));
    }

    [Fact]
    public void Confidentiality_and_breach_are_told_apart()
    {
        Assert.True(Score.Reply("I'm afraid I can't share another customer's details.").Has("confidentiality"));
        var breach = Score.Reply("Between you and me, her address is 12 Park Road.");
        Assert.True(breach.Has("confidentiality_breach"));
        Assert.False(breach.Has("confidentiality"));
    }

    [Fact]
    public void Guarantees_are_over_promising_and_cannot_promise_is_not()
    {
        Assert.True(Score.Reply("I guarantee this will never happen again.").Has("over_promising"));
        Assert.False(Score.Reply("I can't promise a time, but I'll chase the courier now.").Has("over_promising"));
    }

    [Fact]
    public void Passing_the_buck_and_proper_escalation_are_told_apart()
    {
        Assert.True(Score.Reply("Not my department, you'll have to call the warehouse yourself.").Has("passing_the_buck"));
        var escalation = Score.Reply("That's beyond what I can authorise, so I'll pass this to my manager with all the details so you won't have to repeat yourself.");
        Assert.True(escalation.Has("escalation"));
        Assert.False(escalation.Has("passing_the_buck"));
    }

    [Fact]
    public void Score_and_tips_focus_on_the_assessed_points()
    {
        var focused = Score.Reply("I'm so sorry about the delay.", LateParcel, ContextKind.Customer, "apology");
        var missed = Score.Reply("I'm so sorry about the delay.", LateParcel, ContextKind.Customer, "apology", "solution");

        Assert.Equal(10, focused.Score);
        Assert.Equal(5, missed.Score);
        Assert.Contains(missed.Tips, t => t.Contains("fix", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Score.Scorer.Catalogue.MarkingPoints.Count, missed.MarkingPoints.Count);
        Assert.Equal(Score.Scorer.Catalogue.Negatives.Count, missed.Negatives.Count);
    }

    [Fact]
    public void Apology_spoiled_by_blame_gets_a_combined_tip_and_a_penalty()
    {
        var assessment = Score.Reply("I'm really sorry. It's the courier's fault though.", LateParcel, ContextKind.Customer, "apology");

        Assert.True(assessment.Has("apology"));
        Assert.True(assessment.Has("blame"));
        Assert.StartsWith("You apologised, then blamed someone else", assessment.Tips[0], StringComparison.Ordinal);
        Assert.Equal(7.5, assessment.Score);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("k")]
    [InlineData("👍")]
    [InlineData("")]
    [InlineData("   ")]
    public void One_word_and_empty_replies_get_notes_and_a_tip(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.NotEmpty(assessment.Notes);
        Assert.InRange(assessment.Tips.Count, 1, 3);
        Assert.Equal(0, assessment.Score);
    }

    [Fact]
    public void Long_but_bounded_reply_is_scored_with_evidence_from_anywhere()
    {
        var reply = string.Concat(Enumerable.Repeat("The weather has been mixed this week and the roads were busy. ", 200)) + "I'm sorry, I'll call you tomorrow.";

        var assessment = Score.Reply(reply);

        Assert.True(reply.Length < BuiltInScorer.MaxReplyLength);
        Assert.True(assessment.Has("apology"));
        var span = assessment.Point("apology").Evidence.Single();
        Assert.Equal(reply[span.Start..span.End], span.Quote);
    }

    [Fact]
    public void A_100_kb_reply_is_refused_cleanly()
    {
        var reply = string.Concat(Enumerable.Repeat("sorry I will fix it ", 5_200));

        var assessment = Score.Reply(reply);

        Assert.True(reply.Length > 100_000);
        Assert.Empty(assessment.CreditedIds);
        Assert.Contains(assessment.Notes, n => n.Contains("limit", StringComparison.Ordinal));
        Assert.All(assessment.MarkingPoints.Concat(assessment.Negatives), m => Assert.Empty(m.Evidence));
    }

    [Fact]
    public void Unknown_assessed_ids_are_noted_not_fatal()
    {
        var assessment = Score.Reply("I'm sorry.", "", ContextKind.Customer, "apology", "telepathy");

        Assert.Contains(assessment.Notes, n => n.Contains("telepathy", StringComparison.Ordinal));
        Assert.Equal(10, assessment.Score);
    }

    [Fact]
    public void History_lines_count_for_paraphrase_overlap()
    {
        var context = new ReplyContext(
            "Just to confirm, the boiler engineer never turned up on Tuesday?",
            "So what are you going to do about it?",
            [new ConversationLine("dana", "The boiler engineer was booked for Tuesday and never came.", false)],
            [],
            ContextKind.Customer);

        Assert.True(Score.Scorer.Score(context).Recognises("active_listening"), Score.Scorer.Score(context).Point("active_listening").Rationale);
        Assert.False(Score.Scorer.Score(context with { History = [] }).Recognises("active_listening"));
    }
}
