using RolePlay.Engine.Model;

namespace RolePlay.Scoring.Tests;

/// <summary>Listening, empathy, escalation, courtesy and confidentiality: look-alikes that must not earn credit, and plain forms that must.</summary>
public class RelationshipPointTests
{
    [Theory]
    [InlineData("ill ring the surgery this afternoon and book you in")]
    [InlineData("Ok ill sort the refund now")]
    public void Ill_typed_for_I_will_is_ownership(string reply)
    {
        Assert.True(Score.Reply(reply).Has("ownership"));
    }

    [Theory]
    [InlineData("I'm feeling ill today so I can't cover.")]
    [InlineData("She fell ill last week.")]
    public void Ill_as_an_adjective_is_not_ownership(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("ownership"));
    }

    [Fact]
    public void What_the_learner_needs_from_someone_else_is_not_ownership()
    {
        // A known error of the layer retrained in stop 24: it credits this at about even odds from "reference" and "before
        // anything". The rules must not; whatever the layer does must show as the learned model's, for an assessor to override.
        Score.AssertOnlyTheLearnedModelFinds("I'll need the booking reference before anything else.", "ownership", ContextKind.Customer);
    }

    [Fact]
    public void An_action_already_taken_is_ownership()
    {
        Assert.True(Score.Reply("I've booked a plumber for Thursday morning.").Has("ownership"));
    }

    [Theory]
    [InlineData("Ask my manager, she deals with that.")]
    [InlineData("You'll have to speak to a supervisor about that.")]
    [InlineData("I'm escalating this to your manager.")]
    [InlineData("Samaritans are there all night on 116 123 if you need someone.")]
    [InlineData("Our records are kept separate from your GP.")]
    [InlineData("I'm not going to speak to my manager about it.")]
    public void Sending_them_elsewhere_or_threatening_is_not_escalation(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.False(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("I'll pass the photos to our safety officer today, who'll review the footage.")]
    [InlineData("I'm sending the file to the practice manager now, and she'll call you by Thursday.")]
    [InlineData("I'm raising the broken lock with my supervisor because it has failed twice this week.")]
    [InlineData("A refund that size has to be approved by the branch manager, so I've sent it over with your receipt.")]
    [InlineData("The customer wants a full refund, which is over my limit, so I need you to decide.")]
    [InlineData("That is beyond what I can approve, so I'll take it to the finance director today.")]
    [InlineData("Can you hold it until noon? If not I'll speak to my manager so she can approve the refund.")]
    [InlineData("Waiving the fee is above what I can agree. I'll put it to my manager today.")]
    public void New_handover_shapes_are_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Partner);

        Assert.True(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("I'll pass the photos to the courier today.")]
    [InlineData("I'll mention it to my supervisor, she won't mind.")]
    [InlineData("The plans were approved by the council last year.")]
    [InlineData("Waiving the fee is a big ask. I'll put it to my manager today.")]
    [InlineData("I need you to sign here.")]
    public void Near_misses_of_the_new_handover_shapes_are_not_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Partner);

        Assert.False(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("He is asking for a second replacement, which I can't authorise. Can you call him before five?")]
    [InlineData("Extending the deadline needs the head of department to approve it, so I'll send her your request today.")]
    public void A_limit_stated_in_a_handover_is_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Colleague);

        Assert.True(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("I can't authorise a refund on a sale item, sorry.")]
    [InlineData("The new plan needs the whole team to agree before it starts.")]
    public void A_bare_refusal_or_a_shared_decision_is_not_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Colleague);

        Assert.False(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("That's more than I can sign off, so I'll speak to my team leader and ring you back within the hour.")]
    [InlineData("Let me get my supervisor - I'll explain everything so you don't have to repeat it.")]
    [InlineData("I'd like to escalate this to your account manager, please, as the repair is now two weeks overdue.")]
    public void Referring_the_case_yourself_is_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Partner);

        Assert.True(assessment.Recognises("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("I'm reporting this to the data protection officer today so she can check what was shared.")]
    [InlineData("I'll send the form to the duty manager before Friday.")]
    [InlineData("I'm passing this to the safeguarding lead today because she needs to know.")]
    public void Handing_over_to_a_role_yourself_is_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.True(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("That's twice now. I'm reporting you to the data protection officer.")]
    [InlineData("Could you send the form to the duty manager before Friday?")]
    [InlineData("We follow our safeguarding policy on every home visit.")]
    public void Bare_handovers_reporting_the_person_and_roles_others_write_to_are_not_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.False(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("The grant decision isn't mine to make, but I'll brief the panel so you won't need to go through your story again.")]
    [InlineData("I'll set up the call with the tenancy adviser and you do not have to explain it all from the start.")]
    [InlineData("Sharing his records with the school isn't something I can decide, so I'll check with our data protection officer this morning.")]
    [InlineData("That's beyond what I'm allowed to approve, so I'm handing your complaint to our quality lead with the full timeline.")]
    [InlineData("I can't waive the fee myself, so I'll flag it to Hannah with your booking reference and she'll call you.")]
    public void Handing_over_with_a_summary_or_to_a_named_person_is_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.True(assessment.Recognises("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("You won't need to go through the checklist, it was done this morning.")]
    [InlineData("I can't come on Saturday, so I'll mention it to Wednesday's group instead.")]
    [InlineData("I can't make it, so I'll pass it to Rowan's sister to drop off.")]
    public void Near_misses_of_handing_over_are_not_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.False(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Theory]
    [InlineData("I'm not sure, my manager told me to ask.")]
    [InlineData("Sorry, I can't tell you that - complaint details are only for the manager handling it.")]
    public void Naming_a_manager_who_acts_or_owns_something_is_not_a_referral(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.False(assessment.Has("escalation"), assessment.Point("escalation").Rationale);
    }

    [Fact]
    public void Telling_someone_to_calm_down_is_not_listening()
    {
        var assessment = Score.Reply("Can you just calm down", "I'm so upset, this is the third time!");

        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void An_opening_summary_matches_their_words_across_inflections()
    {
        var assessment = Score.Reply("A week with no call back about the boiler - that's poor.", "Nobody has called me back about my boiler for a week.");

        Assert.True(assessment.Recognises("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void An_opening_remark_in_other_words_is_not_a_summary()
    {
        var assessment = Score.Reply("Engineers are stretched this month - that's how it goes.", "Nobody has called me back about my boiler for a week.");

        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void A_paraphrase_counts_when_a_dismissive_phrase_is_in_another_sentence()
    {
        var assessment = Score.Reply("So you cancelled in March and you've still been charged. I'll refund whatever we took.", "I cancelled in March and I'm still being charged.");

        Assert.True(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void A_paraphrase_in_a_dismissive_sentence_is_not_listening()
    {
        var assessment = Score.Reply("So you cancelled in March and you've still been charged, whatever.", "I cancelled in March and I'm still being charged.");

        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void A_summing_up_so_opens_the_sentence()
    {
        const string persona = "My bike came back from the service with the brakes still squeaking.";
        var summary = Score.Reply("Right, so the brakes are still squeaking after the service.", persona);
        var result = Score.Reply("I'll book the bike in again on Monday, so the brakes get looked at properly.", persona);

        Assert.True(summary.Has("active_listening"), summary.Point("active_listening").Rationale);
        Assert.False(result.Has("active_listening"), result.Point("active_listening").Rationale);
    }

    [Fact]
    public void A_lost_item_is_not_a_reflected_feeling()
    {
        Assert.False(Score.Reply("Your suitcase is lost somewhere between Madrid and here.").Has("active_listening"));
    }

    [Theory]
    [InlineData("I can swap with you this week if you take my Thursday late?")]
    [InlineData("The engineer's due at ten - could you leave the side gate open?")]
    [InlineData("Are you sure it was posted?")]
    [InlineData("If you're worried, ask the duty nurse.")]
    [InlineData("Because those are the rules. Got it?")]
    public void Proposals_requests_challenges_and_supposed_feelings_are_not_listening(string reply)
    {
        var assessment = Score.Reply(reply, "I'm worried about the delivery.");

        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void Hostile_replies_do_not_earn_reflection_credit()
    {
        Assert.False(Score.Reply("You're always so annoyed about something, it's pathetic.", "I'm annoyed, nobody called me back.").Has("active_listening"));
    }

    [Theory]
    [InlineData("That sounds exhausting, on top of everything else.")]
    [InlineData("Is everything okay? You don't seem yourself.")]
    [InlineData("It sounds like you've found this week really hard.")]
    public void Naming_the_hardship_or_asking_after_them_is_empathy(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("empathy"));
    }

    [Theory]
    [InlineData("It sounds like the bills have been piling up and you're feeling completely overwhelmed.")]
    [InlineData("I can hear you're really worried about her.")]
    [InlineData("You sound really upset.")]
    [InlineData("A week without hot water with two small children is really stressful.")]
    [InlineData("I can see you're anxious about the move.")]
    [InlineData("Go and grab a tea, you've had a rough morning.")]
    [InlineData("That's a tough position to be in on your own.")]
    [InlineData("I'm so sorry about your dad.")]
    [InlineData("It's completely normal to feel nervous before an interview.")]
    [InlineData("It sounds like you're feeling a bit forgotten by the service.")]
    [InlineData("I'm so sorry, an hour not knowing where he was must have been frightening.")]
    [InlineData("That must have felt humiliating, being followed round like that.")]
    [InlineData("That's a heavy thing to carry on your own.")]
    public void Reflecting_their_feeling_or_calling_the_situation_hard_is_empathy(string reply)
    {
        Assert.True(Score.Reply(reply).Has("empathy"));
    }

    [Theory]
    [InlineData("If you feel worried at any point, ring the team.")]
    [InlineData("The form is really long, so set aside ten minutes.")]
    public void A_supposed_feeling_or_a_plain_description_is_not_empathy(string reply)
    {
        Assert.False(Score.Reply(reply).Has("empathy"));
    }

    [Fact]
    public void That_sounds_like_a_thing_is_not_empathy()
    {
        Assert.False(Score.Reply("That sounds like a billing error on our side.").Has("empathy"));
    }

    [Fact]
    public void A_choice_question_is_not_a_check_of_understanding()
    {
        Assert.False(Score.Reply("I can refund it or send a new one. Which would you prefer?").Has("check_understanding"));
    }

    [Theory]
    [InlineData("I'll move your visit to the morning. Does that seem fair?")]
    [InlineData("I can fit you in at half ten. Does Thursday work for you?")]
    [InlineData("That's the gist of how the rota runs. Clear enough?")]
    [InlineData("I've swapped you onto the later train. Is that all right?")]
    public void Asking_whether_a_plan_suits_or_was_clear_is_a_check(string reply)
    {
        Assert.True(Score.Reply(reply).Has("check_understanding"));
    }

    [Theory]
    [InlineData("The price doesn't seem fair to me either.")]
    [InlineData("The new lock doesn't work for you because of the old key.")]
    public void A_statement_about_fairness_or_working_is_not_a_check(string reply)
    {
        Assert.False(Score.Reply(reply).Has("check_understanding"));
    }

    [Theory]
    [InlineData("So if I'm understanding right, the boiler stopped on Sunday?")]
    [InlineData("Could you confirm that by email today?")]
    public void Confirming_the_understanding_is_credited(string reply)
    {
        Assert.True(Score.Reply(reply).Has("check_understanding"));
    }

    [Theory]
    [InlineData("Can you confirm the delivery address for me?")]
    [InlineData("Please confirm your date of birth.")]
    [InlineData("Could you confirm the new date by Friday?")]
    public void Asking_them_to_confirm_a_fact_is_not_a_check_of_understanding(string reply)
    {
        Assert.False(Score.Reply(reply).Has("check_understanding"));
    }

    [Fact]
    public void Chasing_a_third_party_is_not_following_up_with_the_person()
    {
        Assert.False(Score.Reply("I can chase it with the supplier.").Has("follow_up"));
    }

    [Theory]
    [InlineData("I'll ring you back on Thursday once the part is in.")]
    [InlineData("We will then email you by Friday with where it's got to.")]
    [InlineData("Will call you back after lunch.")]
    [InlineData("I'm going to text you tonight to check the heating's on.")]
    public void The_learner_coming_back_is_follow_up(string reply)
    {
        Assert.True(Score.Reply(reply).Has("follow_up"));
    }

    [Theory]
    [InlineData("Someone from the office will be in touch.")]
    [InlineData("I'll ask the duty nurse to ring you before four.")]
    [InlineData("My supervisor Dev will call you back tomorrow.")]
    [InlineData("Could you check in with the new starter after her shift?")]
    public void Someone_else_coming_back_is_not_the_learners_follow_up(string reply)
    {
        var point = Score.Reply(reply, context: ContextKind.Colleague).Point("follow_up");

        Assert.False(point.Credited);
        Assert.Contains("someone else", point.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The photos from our check-in show the scratch was already there.")]
    [InlineData("We'll raise it at the catch up on Monday.")]
    [InlineData("There's no wrong reason to ring, you can talk about anything here.")]
    public void A_follow_up_word_used_as_a_noun_or_across_a_comma_is_no_promise(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("follow_up"));
    }

    [Fact]
    public void Checking_back_with_the_person_is_follow_up()
    {
        Assert.True(Score.Reply("I'll check with you on Friday that the new rota is working.", context: ContextKind.Colleague).Has("follow_up"));
    }

    [Theory]
    [InlineData("Let's leave who pays aside for a minute and get the van rebooked.")]
    [InlineData("This isn't about pointing fingers, I just want it fixed for her.")]
    [InlineData("No hard feelings - let's start again.")]
    [InlineData("Let's take it a bit at a time.")]
    public void Steering_away_from_fault_or_slowing_down_is_de_escalation(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Partner).Has("de_escalation"));
    }

    [Theory]
    [InlineData("I'm not going to rush you, tell me what happened at the bus stop.")]
    [InlineData("I'm not going to argue about whose form it was, let's get it sent.")]
    [InlineData("Rather than point fingers, can we both look at the rota?")]
    [InlineData("The check is routine, it's not an accusation.")]
    [InlineData("I'll stay on the line with you while the ambulance comes.")]
    public void Declining_to_rush_argue_or_accuse_and_staying_with_them_is_de_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.True(assessment.Recognises("de_escalation"), assessment.Point("de_escalation").Rationale);
    }

    [Theory]
    [InlineData("I'm not worried about whose fault the leak was, let's get it dried out.")]
    [InlineData("Rather than argue over whose fault it is, can we get the van rebooked?")]
    [InlineData("You don't have to decide anything today.")]
    [InlineData("I do care, and I want to find your bag.")]
    public void Setting_fault_aside_reassuring_and_offering_a_breather_is_de_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.True(assessment.Has("de_escalation"), assessment.Point("de_escalation").Rationale);
    }

    [Theory]
    [InlineData("Whose fault was it, do you know?")]
    [InlineData("You'll need to decide by Friday which room you want.")]
    public void Near_misses_of_setting_fault_aside_and_breathers_are_not_de_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.False(assessment.Has("de_escalation"), assessment.Point("de_escalation").Rationale);
    }

    [Theory]
    [InlineData("You weren't to know the lift was out, it wasn't on the board.")]
    [InlineData("You couldn't have known the door code had changed.")]
    public void Clearing_them_of_blame_is_de_escalation(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Customer);

        Assert.True(assessment.Recognises("de_escalation"), assessment.Point("de_escalation").Rationale);
    }

    [Theory]
    [InlineData("You were not in on Monday, so here is what we agreed.")]
    [InlineData("You could have known the code if you had read the email.")]
    public void Near_misses_of_clearing_them_of_blame_are_not_de_escalation(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Customer).Has("de_escalation"));
    }

    [Theory]
    [InlineData("I'm not going to refund the delivery charge.")]
    [InlineData("She keeps pointing fingers at the night team.")]
    [InlineData("I can hear how frustrating that is.")]
    [InlineData("Want me to sit with you when you fill in the form?")]
    public void Refusals_finger_pointing_and_plain_empathy_are_not_de_escalation(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Customer).Has("de_escalation"));
    }

    [Fact]
    public void Sarcastic_praise_is_not_respect()
    {
        Assert.False(Score.Reply("Brilliant plan, genius, let's just give everyone a free holiday.", context: ContextKind.Colleague).Has("respect"));
    }

    [Theory]
    [InlineData("I'm really glad you rang. Take your time.")]
    [InlineData("That's really kind of you to ask after her.")]
    [InlineData("We really value the hours you give us.")]
    [InlineData("That sounds frightening, and you've done the right thing ringing us.")]
    [InlineData("It's good you rang when you did.")]
    [InlineData("Honestly it says a lot about you that you're asking.")]
    [InlineData("I'm really glad you brought it to me.")]
    public void Valuing_the_person_or_their_contact_is_respect(string reply)
    {
        Assert.True(Score.Reply(reply).Has("respect"));
    }

    [Fact]
    public void Abbreviated_time_units_count_as_times()
    {
        Assert.True(Score.Reply("I'll ring you back in 20 mins with the answer.").Has("next_steps"));
    }

    [Fact]
    public void Praise_in_feedback_is_respect()
    {
        Assert.True(Score.Reply("You did really well with that caller - the way you summed up her problem calmed her down.", context: ContextKind.Colleague).Has("respect"));
    }

    [Theory]
    [InlineData("Looking up her address for that isn't allowed under data protection.")]
    [InlineData("Her health is not ours to talk about.")]
    public void Topic_words_and_not_ours_to_share_are_confidentiality_even_when_negated(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("confidentiality"));
    }

    [Theory]
    [InlineData("It sounds like you're feeling really anxious about the move.")]
    [InlineData("So you're feeling anxious about the move?")]
    public void Handing_their_feeling_back_is_a_reflection(string reply)
    {
        Assert.True(Score.Reply(reply, "I'm so anxious about the move, I can't sleep.").Has("active_listening"));
    }

    [Theory]
    [InlineData("I understand you're anxious about the move.")]
    [InlineData("That must be really worrying.")]
    public void Acknowledging_a_feeling_is_empathy_not_a_reflection(string reply)
    {
        var assessment = Score.Reply(reply, "I'm so anxious about the move, I can't sleep.");

        Assert.True(assessment.Has("empathy"));
        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Theory]
    [InlineData("You need to apologise to her before the end of the day.")]
    [InlineData("Well done for apologising so quickly.")]
    [InlineData("I've already apologised to the customer twice.")]
    [InlineData("We're sorry for any inconvenience caused.")]
    public void Talking_about_an_apology_or_the_hedged_corporate_form_is_not_an_apology(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Colleague);

        Assert.False(assessment.Has("apology"), assessment.Point("apology").Rationale);
    }

    [Theory]
    [InlineData("I apologise, that was my mistake.")]
    [InlineData("I'd like to apologise for the wait you've had.")]
    [InlineData("Sorry for the inconvenience.")]
    public void Apologising_now_is_an_apology(string reply)
    {
        Assert.True(Score.Reply(reply).Has("apology"));
    }

    [Fact]
    public void Wording_suggested_in_quotes_is_not_the_writers_own_act()
    {
        var assessment = Score.Reply("Next time maybe say 'I'm sorry, I'll ring you back by five' instead of going quiet.", context: ContextKind.Colleague);

        Assert.False(assessment.Has("apology"));
        Assert.False(assessment.Has("ownership"));
        Assert.True(assessment.Has("solution"));
    }

    [Fact]
    public void Quoting_a_phrase_to_reject_it_is_not_using_it()
    {
        var assessment = Score.Reply("For us \"it happens\" isn't an answer I can give a patient.", context: ContextKind.Partner);

        Assert.False(assessment.Has("dismissive"), assessment.Point("dismissive").Rationale);
    }

    [Fact]
    public void A_stray_quotation_mark_does_not_hide_the_rest_of_the_reply()
    {
        Assert.True(Score.Reply("Ok \"so sorry about this, I will fix it today and text you when it's done, I promise you won't have to chase me for this one again").Has("apology"));
    }

    [Theory]
    [InlineData("I can only discuss the account with the account holder, so he'd need to call us himself.")]
    [InlineData("We really shouldn't be talking about her health on the shop floor.")]
    [InlineData("The locksmith only needs the door code, no more than that.")]
    [InlineData("I'd rather not talk about Priya while she's off - if she wants people to know, she'll say.")]
    [InlineData("We're only supposed to look at records for the cases we're working on.")]
    [InlineData("Thanks for raising it - I won't say it came from you.")]
    [InlineData("I'll upload the tenant's documents through the secure portal.")]
    [InlineData("I'll only share it for the residents who've consented.")]
    public void Keeping_someone_elses_details_to_those_who_need_them_is_confidentiality(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("confidentiality"));
    }

    [Theory]
    [InlineData("Sorry, we can't give that out over the phone.")]
    [InlineData("We never confirm or deny who is booked into the shelter.")]
    [InlineData("I'm not able to confirm whether she's a member here.")]
    [InlineData("Looking him up for no work reason would be a data breach.")]
    [InlineData("Your name isn't shared with anyone outside the group.")]
    public void Refusing_to_give_out_or_confirm_someone_elses_details_is_confidentiality(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Customer).Has("confidentiality"));
    }

    [Theory]
    [InlineData("We can't give refunds out on sale items.")]
    [InlineData("I can confirm your booking for Friday at ten.")]
    [InlineData("We'll give the new leaflets out at the door.")]
    public void Refusing_a_remedy_or_confirming_a_booking_is_not_confidentiality(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Customer).Has("confidentiality"));
    }

    [Theory]
    [InlineData("We're not a medical service, so please ring 111 about the rash.")]
    [InlineData("We're not counsellors, but we can sit and have a cuppa with you.")]
    [InlineData("We're only volunteers, so we can't investigate it ourselves.")]
    [InlineData("We're not the right place for nursing care overnight.")]
    public void Naming_what_the_service_is_not_is_a_boundary(string reply)
    {
        Assert.True(Score.Reply(reply).Has("boundaries"));
    }

    [Theory]
    [InlineData("I can't sign for a delivery I haven't checked.")]
    [InlineData("I won't be able to give out other members' numbers, sorry.")]
    [InlineData("We aren't able to authorise a refund at the desk.")]
    public void Refusing_an_act_outside_the_role_in_any_form_is_a_boundary(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.True(assessment.Has("boundaries"), assessment.Point("boundaries").Rationale);
    }

    [Theory]
    [InlineData("I can't wait to see the new kitchen.")]
    [InlineData("I won't be able to find it without the reference.")]
    public void Refusals_that_are_not_about_the_role_are_not_a_boundary(string reply)
    {
        Assert.False(Score.Reply(reply).Has("boundaries"));
    }

    [Theory]
    [InlineData("We're not a big chain, so every order matters to us.")]
    [InlineData("The volunteers are lovely, you'll like them.")]
    public void Describing_the_service_is_not_a_boundary(string reply)
    {
        Assert.False(Score.Reply(reply).Has("boundaries"));
    }

    [Theory]
    [InlineData("Have I answered your question about the deposit?")]
    [InlineData("Would that be alright with you and your partner?")]
    [InlineData("Just to check you've got it, can you say that back to me?")]
    public void Closing_checks_are_checks_of_understanding(string reply)
    {
        Assert.True(Score.Reply(reply).Has("check_understanding"));
    }

    [Theory]
    [InlineData("A boiler going on the coldest week is the last thing you need.")]
    [InlineData("That can't have been easy to hear from the consultant.")]
    public void Acknowledging_the_impact_is_empathy(string reply)
    {
        Assert.True(Score.Reply(reply).Has("empathy"));
    }

    [Fact]
    public void I_can_tell_you_a_fact_is_not_empathy()
    {
        Assert.False(Score.Reply("I can tell you the refund went through on Monday.").Has("empathy"));
    }

    [Fact]
    public void A_shift_handover_to_a_peer_is_not_escalation()
    {
        Assert.False(Score.Reply("I'll hand over the open tickets to Sam at two.", context: ContextKind.Colleague).Has("escalation"));
    }

    [Fact]
    public void Handing_over_to_someone_with_authority_is_escalation()
    {
        Assert.True(Score.Reply("I'll hand this over to our complaints manager with the full history.", context: ContextKind.Customer).Has("escalation"));
    }

    [Theory]
    [InlineData("That's over my limit, so I'll take it to my team leader with your receipt.")]
    [InlineData("I can't authorise a goodwill payment myself. I'll speak to the duty manager this afternoon.")]
    [InlineData("I'll raise it with our office manager so she can approve the extra hours.")]
    public void Naming_someone_senior_with_a_limit_or_reason_is_escalation(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Partner).Has("escalation"));
    }

    [Theory]
    [InlineData("I'll tell the manager.")]
    [InlineData("I'm so sorry, I'll get my supervisor.")]
    public void Naming_someone_senior_without_saying_why_is_not_a_handover(string reply)
    {
        var escalation = Score.Reply(reply).Point("escalation");

        Assert.False(escalation.Credited);
        Assert.Contains("not why it goes to them", escalation.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sure, I'll check with my supervisor.")]
    [InlineData("Hmm, I'll have to speak to my manager and get back to you.")]
    public void Asking_their_own_manager_with_no_reason_is_not_a_handover(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Partner).Has("escalation"));
    }

    [Theory]
    [InlineData("Moving your appointment isn't something I can do myself, so I'll check with my supervisor today.")]
    [InlineData("That's over what I'm allowed to refund, so I'll speak to my manager this morning.")]
    public void Asking_their_own_manager_with_a_limit_is_escalation(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Customer).Has("escalation"));
    }

    [Theory]
    [InlineData("We can't sit on this - if a child might be hurt, it has to go to our welfare lead today.")]
    [InlineData("Anything about a missed dose needs to be checked properly, so this needs to go to the duty nurse.")]
    public void A_case_that_has_to_go_to_someone_with_authority_is_escalation(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("escalation"));
    }

    [Theory]
    [InlineData("It has to go to the post office before five.")]
    [InlineData("The parcel needs to go to the depot on Monday.")]
    public void Something_that_has_to_go_somewhere_without_authority_is_not_escalation(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("escalation"));
    }

    [Fact]
    public void Fetching_the_manager_they_asked_for_is_escalation()
    {
        Assert.True(Score.Reply("Of course - I'll get my supervisor for you now.", "I want to speak to a manager, now.").Has("escalation"));
    }

    [Theory]
    [InlineData("We aim to reply to every repair request within two working days.")]
    [InlineData("You're still inside the 14 day cooling off period, so you can cancel.")]
    [InlineData("Your tenancy agreement says two months' notice.")]
    [InlineData("Jobs with no reply are closed after a week per the SLA.")]
    [InlineData("We ask for at least 48 hours notice to change a booking.")]
    public void Stated_service_commitments_are_service_level_awareness(string reply)
    {
        Assert.True(Score.Reply(reply).Has("sla_awareness"));
    }

    [Theory]
    [InlineData("That's covered by our data sharing agreement with the council.")]
    [InlineData("Under our maintenance agreement you're due on site within a day.")]
    [InlineData("As per our contract, faults are fixed the next working day.")]
    [InlineData("The wifi is supplied on a best endeavours basis.")]
    [InlineData("There's a one month notice period on the membership.")]
    [InlineData("The code runs out after our 48 hour collection window.")]
    [InlineData("That's well past your 15-day target for a repair.")]
    public void Named_agreements_windows_and_targets_are_service_level_awareness(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Partner).Has("sla_awareness"));
    }

    [Theory]
    [InlineData("Our group agreement is that we listen without interrupting.")]
    [InlineData("Please shut the window when you leave the room.")]
    public void A_group_rule_or_a_plain_window_is_not_a_service_level(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("sla_awareness"));
    }

    [Fact]
    public void A_data_breach_is_not_a_service_level()
    {
        Assert.False(Score.Reply("Reading her file for gossip is a data breach.", context: ContextKind.Colleague).Has("sla_awareness"));
    }

    [Fact]
    public void What_has_happened_is_an_explanation_not_a_question()
    {
        var assessment = Score.Reply("What's happened is the engineer's van broke down, so he couldn't get to you.");

        Assert.True(assessment.Has("explanation"));
        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Fact]
    public void What_has_happened_without_a_question_mark_is_a_question_not_an_explanation()
    {
        var assessment = Score.Reply("what's happened to your booking then", "My booking has vanished from the app.");

        Assert.True(assessment.Has("active_listening"));
        Assert.False(assessment.Has("explanation"));
    }

    [Fact]
    public void Mentioning_what_happened_inside_a_statement_is_not_a_question()
    {
        var assessment = Score.Reply("I'll send the duty manager a note with your reference, what's happened and what you'd like.", "Nobody has sorted my heating.");

        Assert.False(assessment.Has("active_listening"), assessment.Point("active_listening").Rationale);
    }

    [Theory]
    [InlineData("I'm sorry you're unhappy with our decision.")]
    [InlineData("Sorry, we're just really busy at the moment.")]
    [InlineData("Sorry not sorry.")]
    [InlineData("Sorry mate, that's just how it is.")]
    public void Apologies_that_only_excuse_or_brush_off_are_non_apologies(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.True(assessment.Has("non_apology"), assessment.Point("non_apology").Rationale);
        Assert.False(assessment.Has("apology"));
    }

    [Theory]
    [InlineData("Sorry, I can't share that - it's our policy to protect customers' details.")]
    [InlineData("Sorry about the wait, the courier lost it, so I've ordered a new one for tomorrow.")]
    public void An_apology_for_a_refusal_or_with_a_named_cause_and_a_fix_stays_an_apology(string reply)
    {
        var assessment = Score.Reply(reply);

        Assert.True(assessment.Has("apology"));
        Assert.False(assessment.Has("non_apology"));
    }

    [Fact]
    public void Asking_what_would_help_is_an_open_question()
    {
        Assert.True(Score.Reply("What would help most right now, do you think?", "I can't cope with the move on my own.").Has("active_listening"));
    }
}
