using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Scoring.Tests;

/// <summary>Information sharing, explanation, next steps, solution, assertiveness, boundaries and de-escalation on invented replies from several domains.</summary>
public class ActRulesBehaviourTests
{
    [Theory]
    [InlineData("I've forwarded you the ticket number and a screenshot of the error.", ContextKind.Colleague)]
    [InlineData("I'll let the pharmacy know the prescription is ready on Thursday.", ContextKind.Partner)]
    [InlineData("The guest in room 12 checked out on Sunday but was charged for two nights.", ContextKind.Colleague)]
    [InlineData("I'll text you the reference number once the claim is logged.", ContextKind.Partner)]
    [InlineData("I'll update the tenant this afternoon that the plumber comes at 9.", ContextKind.Partner)]
    [InlineData("I told him the replacement would ship by the 9th.", ContextKind.Colleague)]
    [InlineData("The lift on floor 3 stopped at 10:20 and hasn't moved since.", ContextKind.Partner)]
    [InlineData("Guest is Ms Varga, booking ref Q4T8ZW, arriving on the late train.", ContextKind.Partner)]
    [InlineData("The key safe code is 4471, round the back by the bins.", ContextKind.Partner)]
    [InlineData("He's in bed 7B and needs a hoist to transfer.", ContextKind.Colleague)]
    [InlineData("I'll pass it on to the night manager with the booking number.", ContextKind.Customer)]
    [InlineData("I'll note the details on the file for the night shift.", ContextKind.Colleague)]
    [InlineData("I'll tell her it's booked for the 14th, so she can plan around it.", ContextKind.Colleague)]
    [InlineData("I'll fill her in on the refund and the two missed calls.", ContextKind.Colleague)]
    public void Passing_specific_facts_along_the_chain_is_information_sharing(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Recognises("information_sharing"));
    }

    [Theory]
    [InlineData("Our contract says two visits a week on Mondays and Thursdays.", ContextKind.Partner, false)]
    [InlineData("We agreed five working days for repairs.", ContextKind.Partner, false)]
    [InlineData("Our contract says 48 hours for callbacks, but the customer has waited since the 3rd.", ContextKind.Partner, true)]
    public void The_figures_of_an_agreement_are_its_terms_not_a_report_of_the_case(string reply, ContextKind context, bool shared)
    {
        Assert.Equal(shared, Score.Reply(reply, "", context).Has("information_sharing"));
    }

    [Theory]
    [InlineData("What is a B4 on the job sheet?", false)]
    [InlineData("Anything I should know about this job?", true)]
    public void A_code_they_asked_about_is_the_term_under_discussion_not_a_case_fact(string asked, bool shared)
    {
        Assert.Equal(shared, Score.Reply("B4 is the form the customer signs when they collect.", asked, ContextKind.Colleague).Has("information_sharing"));
    }

    [Fact]
    public void Someones_private_details_in_the_sentence_are_a_breach_not_information_sharing()
    {
        var breach = Score.Reply("Room 5 is Mr Ellis, he is diabetic and on insulin.", "", ContextKind.Colleague);
        Assert.False(breach.Has("information_sharing"));
        Assert.True(breach.Has("confidentiality_breach"));
        Assert.True(Score.Reply("Room 5 is Mr Ellis, he checks out on Friday.", "", ContextKind.Colleague).Has("information_sharing"));
    }

    [Theory]
    [InlineData("Can you send me a photo of the damage?", ContextKind.Customer)]
    [InlineData("Could you send a couple of photos of the tear to this email?", ContextKind.Customer)]
    [InlineData("I didn't pass on the message.", ContextKind.Colleague)]
    [InlineData("You told him the wrong date.", ContextKind.Colleague)]
    [InlineData("I'll send you a replacement.", ContextKind.Customer)]
    [InlineData("I'll email you the confirmation once the refund is done.", ContextKind.Customer)]
    [InlineData("The lift stopped this morning and hasn't moved since.", ContextKind.Partner)]
    [InlineData("I should have forwarded the email.", ContextKind.Partner)]
    [InlineData("I'll update the tenant this afternoon so she isn't left wondering.", ContextKind.Partner)]
    [InlineData("Guest is Ms Varga, arriving on the late train.", ContextKind.Partner)]
    [InlineData("Just tell her to come back on Tuesday.", ContextKind.Colleague)]
    [InlineData("Remind the driver to knock loudly tomorrow.", ContextKind.Partner)]
    [InlineData("Sorry about that, I'll pass it on.", ContextKind.Customer)]
    [InlineData("The note on the file has the details, if you need them.", ContextKind.Colleague)]
    [InlineData("I'll message the tenant, and if I hear nothing by Friday I'll chase it up.", ContextKind.Colleague)]
    [InlineData("Can you fill in the form before you go?", ContextKind.Colleague)]
    [InlineData("P2 means an urgent repair within 3 working days.", ContextKind.Colleague)]
    [InlineData("The key safe code is on the booking, round the back by the bins.", ContextKind.Partner)]
    public void Asking_for_facts_negations_other_peoples_acts_own_paperwork_and_informing_without_saying_what_are_not_information_sharing(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("information_sharing"));
    }

    [Theory]
    [InlineData("Your appointment was cancelled because the doctor is off sick.")]
    [InlineData("The payment was declined by your bank's fraud check.")]
    [InlineData("Refunds are processed within five working days.")]
    [InlineData("The order has been held at the depot overnight.")]
    [InlineData("The lift was out of service all morning, so the porters are behind with deliveries.")]
    [InlineData("I can't move your appointment as the clinic is fully booked until Friday.")]
    [InlineData("DOA means the item was broken when it arrived, so it skips the repair queue.")]
    [InlineData("You're entitled to a full refund under the Consumer Rights Act.")]
    [InlineData("The slow speed is down to the old copper line into your street.")]
    [InlineData("I can't tell you who reported it - that's to protect everyone who calls us.")]
    [InlineData("Our policy is to hold lost property for 28 days.")]
    [InlineData("The driver's photo shows it by your back gate.")]
    [InlineData("As he's named on the policy, he has to make the claim himself.")]
    [InlineData("The fee comes from the late payment on the 3rd.")]
    [InlineData("That's outside the 28 day return window for sale items.")]
    [InlineData("The main cause was a burst pipe under the car park.")]
    [InlineData("We had an outage at the data centre last night.")]
    [InlineData("The side door stays locked at night for patient safety.")]
    [InlineData("Data protection law says we need her consent first.")]
    [InlineData("Tickets close automatically after 72 hours, you should have replied to the email.")]
    public void Saying_what_happened_or_how_it_works_is_an_explanation(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("I was worried about you.")]
    [InlineData("If it was damaged, send it back.")]
    [InlineData("It's arrived.")]
    [InlineData("Were you charged twice?")]
    [InlineData("You were charged twice.")]
    [InlineData("I'll put a note on the file so the night team knows.")]
    [InlineData("I'm so sorry, so please bear with me.")]
    [InlineData("Because those are the rules.")]
    [InlineData("Mr Patel has got cancer and he's on chemo so he can't get to the door quickly.")]
    [InlineData("We'll refit it unless there's a safety issue.")]
    [InlineData("The main thing is that you're safe now.")]
    [InlineData("We had a lovely time at the party.")]
    [InlineData("It's your own fault for not reading the email.")]
    public void Feelings_conditions_questions_paraphrases_purposes_retorts_and_breaches_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("A cooling-off period is the 14 days after you sign when you can cancel without paying anything.", "What is a cooling-off period?")]
    [InlineData("PAYG stands for pay as you go, so you top up credit before you use it.", "What does PAYG mean on my bill?")]
    public void Answering_what_a_term_is_is_an_explanation(string reply, string asked)
    {
        Assert.True(Score.Reply(reply, asked).Has("explanation"));
    }

    [Theory]
    [InlineData("I can't read her file out to you - those notes are only for the clinical team.")]
    [InlineData("Sorry, we can't lend the keys out, insurance only covers staff.")]
    [InlineData("I'm not able to swap your seat - that's the same for every ticket on this train.")]
    public void The_rule_behind_a_refusal_is_an_explanation(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("I can't do Thursday, I've got my own shift to cover.")]
    [InlineData("I can't approve that, that's one for my manager.")]
    [InlineData("I can't move it today, but you can ring back tomorrow.")]
    public void A_personal_limit_a_referral_or_an_alternative_after_a_refusal_is_not_an_explanation(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("I can't share that with you - her address is covered by data protection.")]
    [InlineData("Sorry, I can't pass it on - her address isn't ours to hand out.")]
    [InlineData("Data protection means we can't confirm who is registered with us.")]
    [InlineData("The pharmacy shuts at six on Saturdays, so we can't collect it for you today.")]
    [InlineData("Entry closes at four, so a late arrival will miss the talk.")]
    [InlineData("The tickets are printed with your name, so nobody else can use them.")]
    [InlineData("The lab sent the results to the wrong clinic on Tuesday.")]
    [InlineData("Sorry about that - a new volunteer locked the hall before your group arrived.")]
    public void The_private_reason_for_a_refusal_a_consequence_and_what_someone_else_did_are_explanations(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("I'm not a tutor so I can't mark your essay.")]
    [InlineData("I'll write it on the board so I can check it later.")]
    [InlineData("The tenant asked for a call after five.")]
    [InlineData("A bit of polish will sort that out.")]
    [InlineData("The forms taken at the door go in the blue tray.")]
    [InlineData("Her address is 12 Mill Lane because she moved in May.")]
    public void A_personal_limit_a_purpose_a_passed_on_message_and_a_description_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("The warranty runs for two years from purchase, so legally it is still covered.")]
    [InlineData("The first van broke down on the motorway, so it arrived at six instead of two.")]
    [InlineData("PIN = the four-digit number you chose when the card came.")]
    public void A_consequence_after_an_adverb_or_in_the_past_and_a_term_equals_its_meaning_are_explanations(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("The library never renews a book unless nobody else has reserved it.")]
    [InlineData("We only release the keys once the deposit has cleared.")]
    [InlineData("Counsellors can only speak to your family with your permission.")]
    [InlineData("Sorry, I can't discuss her care plan without the resident's consent.")]
    [InlineData("You'll need a DBS check - Disclosure and Barring Service - before your first shift.")]
    [InlineData("At that address your line is FTTP, fibre to the premises.")]
    public void A_rule_with_its_condition_and_an_acronym_spelled_out_are_explanations(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("You don't have to join in unless you want to.")]
    [InlineData("I'll only ring you if something changes.")]
    [InlineData("Don't open the door unless you know who it is.")]
    [InlineData("Bring the DBS form to the desk by Friday.")]
    public void A_choice_a_promise_an_instruction_and_a_bare_acronym_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("The tenant was told on Monday that the boiler part is on order.")]
    [InlineData("We were given a Thursday slot for the inspection.")]
    [InlineData("The nurse has already been informed about the new rota.")]
    [InlineData("Because of you the whole team missed lunch.")]
    [InlineData("I know it's been hard because of our delay with the forms.")]
    public void Someone_being_told_something_and_a_cause_that_is_a_party_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("The boiler part was ordered on Monday from the supplier.")]
    [InlineData("Those seats were promised to the choir last month.")]
    [InlineData("The match was called off because of a waterlogged pitch.")]
    public void What_was_done_to_a_thing_a_thing_promised_and_a_cause_that_is_an_event_are_explanations(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("I'm so incredibly sorry about the mix-up with your booking.")]
    [InlineData("Thanks so much, it arrived this morning.")]
    [InlineData("Ticket = done.")]
    public void Degree_words_and_bare_labels_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("The printer's probably a loose cable at the back, try reseating it.")]
    [InlineData("Your membership renews automatically on the first of the month.")]
    public void A_likely_cause_and_an_automatic_process_are_explanations(string reply)
    {
        Assert.True(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("That's probably a good idea, go for it.")]
    [InlineData("Does it renew automatically?")]
    public void A_hedged_opinion_and_a_question_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Theory]
    [InlineData("The door alarm sounds after ten seconds, to stop anyone wandering out at night.")]
    [InlineData("Reading the messages aloud would break our privacy policy.")]
    [InlineData("Filming other patients is not allowed under our privacy rules.")]
    [InlineData("It's in our terms that deposits are held for fourteen days.")]
    [InlineData("Pension Credit is a top-up payment from the government for people who are over pension age.")]
    [InlineData("It's probably a scam text, which tries to get your bank login.")]
    public void Purposes_the_rule_broken_the_terms_and_what_a_thing_is_for_are_explanations(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("explanation"));
    }

    [Theory]
    [InlineData("I'll stop anyone else booking that slot.")]
    [InlineData("Don't break the seal on the box before the engineer arrives.")]
    [InlineData("It's for people who booked online.")]
    [InlineData("It's probably nothing.")]
    public void Stopping_breaking_and_guessing_without_a_rule_or_a_definition_are_not_explanations(string reply)
    {
        Assert.False(Score.Reply(reply).Has("explanation"));
    }

    [Fact]
    public void A_description_of_someone_is_not_an_answer_to_what_it_is()
    {
        Assert.False(Score.Reply("There's a woman at the front kicking off about her refund.", "What is the problem at the front?").Has("explanation"));
    }

    [Theory]
    [InlineData("The generator failed overnight, so the kitchen opened late.", true)]
    [InlineData("The festival starts at noon on Saturday, so we'll need the marquee up by ten.", false)]
    [InlineData("Our stock count is on Friday, so we would expect the order before then.", false)]
    [InlineData("The meter reading was missing from the form, so the bill is an estimate.", true)]
    [InlineData("Could you put the meter reading on the form, so the billing team has it?", false)]
    [InlineData("Please leave the key with the porter so the cleaner can get in.", false)]
    public void What_the_learner_needs_or_asks_for_with_its_ground_is_not_a_reason_given(string reply, bool explained)
    {
        Assert.True(Score.Reply(reply, "", ContextKind.Partner).Shows("explanation", explained), $"expected explanation: {explained}");
    }

    [Fact]
    public void Giving_back_the_words_they_asked_about_is_not_an_explanation()
    {
        Assert.False(Score.Reply("It means it's pending approval.", "What does 'pending approval' mean?").Has("explanation"));
        Assert.True(Score.Reply("It means the bank has the money but hasn't released it yet.", "What does 'pending approval' mean?").Has("explanation"));
    }

    [Theory]
    [InlineData("I'll ring the surgery before 4 and confirm your slot.", ContextKind.Customer)]
    [InlineData("Could you send me the signed form by Friday?", ContextKind.Colleague)]
    [InlineData("The engineer will visit within 48 hours.", ContextKind.Customer)]
    [InlineData("I'll have it ready by four.", ContextKind.Customer)]
    [InlineData("Please can you finish the handover notes by the end of today?", ContextKind.Colleague)]
    [InlineData("Your new card should reach you within 3 working days.", ContextKind.Customer)]
    [InlineData("Priya will take the Saturday shift and I'll cover her Tuesday.", ContextKind.Colleague)]
    [InlineData("Sorry about that. I'll reship it this afternoon at no cost to you.", ContextKind.Customer)]
    [InlineData("Can you ship the missing pallet tonight?", ContextKind.Partner)]
    [InlineData("I'll get the broken lock replaced this afternoon.", ContextKind.Customer)]
    [InlineData("There's a lunch club on Fridays - I could walk you there on Wednesday.", ContextKind.Customer)]
    [InlineData("If you're behind I can go through it with you tomorrow morning.", ContextKind.Colleague)]
    public void An_action_with_a_definite_time_is_a_next_step(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("next_steps"));
    }

    [Theory]
    [InlineData("I'll look into it - you first contacted us two weeks ago.")]
    [InlineData("Let me just recap: the tracking says delivered Tuesday.")]
    [InlineData("I'll ring you on Monday to make sure it arrived.")]
    [InlineData("I'll sort it out soon.")]
    [InlineData("I'll take a look now. I'll update you later.")]
    [InlineData("Let's have a chat for two minutes.")]
    [InlineData("I'll fix it and we'll do things differently from now on.")]
    [InlineData("It can take up to 10 days to clear.")]
    [InlineData("You can return it within 30 days.")]
    [InlineData("The parcel was delivered this morning, according to the driver.")]
    public void Past_times_check_backs_and_loose_times_are_not_next_steps(string reply)
    {
        Assert.False(Score.Reply(reply).Has("next_steps"));
    }

    [Theory]
    [InlineData("I can book you a taxi to our sister hotel.", ContextKind.Customer)]
    [InlineData("I'll give you a full refund.", ContextKind.Customer)]
    [InlineData("Just restart the router and wait two minutes.", ContextKind.Customer)]
    [InlineData("Could you leave the parcel with the concierge?", ContextKind.Partner)]
    [InlineData("I'll take that one away and bring you a fresh one.", ContextKind.Customer)]
    [InlineData("I can take some of your calls after lunch.", ContextKind.Colleague)]
    [InlineData("I've reset your password, so you can log in now.", ContextKind.Customer)]
    [InlineData("i'll get an electrician out to look at the socket", ContextKind.Customer)]
    [InlineData("Press the reset button on the back for ten seconds.", ContextKind.Customer)]
    [InlineData("I'll open a second till and get you served.", ContextKind.Customer)]
    [InlineData("Could you amend the order to 40 boxes?", ContextKind.Partner)]
    [InlineData("I can take your last hour so you can get home by 10.", ContextKind.Colleague)]
    [InlineData("It's tucked away, I'll walk you there now.", ContextKind.Customer)]
    [InlineData("Would you like me to sit with you for a bit?", ContextKind.Customer)]
    [InlineData("You can claim it back through Delay Repay.", ContextKind.Customer)]
    [InlineData("I'll have your locks changed this afternoon.", ContextKind.Customer)]
    [InlineData("We can get the bins emptied before Friday.", ContextKind.Customer)]
    [InlineData("I'll get a spare key cut for you today.", ContextKind.Customer)]
    [InlineData("I've knocked the delivery charge off your invoice.", ContextKind.Customer)]
    [InlineData("We've moved you to the Thursday morning slot.", ContextKind.Customer)]
    [InlineData("I'm swapping your seat to the aisle now.", ContextKind.Customer)]
    [InlineData("Can you deliver the rest of the pallets on Tuesday?", ContextKind.Partner)]
    [InlineData("Could you cut the batch down to fifty this week?", ContextKind.Colleague)]
    [InlineData("I'll put a fan in the back office for you this afternoon.", ContextKind.Colleague)]
    [InlineData("We can put an extra volunteer on the door on Saturdays.", ContextKind.Partner)]
    [InlineData("I'll give you a loan laptop while yours is away.", ContextKind.Customer)]
    [InlineData("We can give your group the quiet room on Wednesdays.", ContextKind.Customer)]
    [InlineData("Can we agree a weekly check-in until the backlog clears?", ContextKind.Partner)]
    [InlineData("I'll have someone round to look at the boiler by noon.", ContextKind.Customer)]
    [InlineData("Could you do my Sunday early if I take your Friday close?", ContextKind.Colleague)]
    [InlineData("Can you do just the two urgent jobs today?", ContextKind.Partner)]
    public void Offers_fixes_and_concrete_suggestions_are_solutions(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("solution"));
    }

    [Theory]
    [InlineData("The refund was rejected last week.")]
    [InlineData("I'll send you the order number.")]
    [InlineData("Leave it with me.")]
    [InlineData("I can't offer a refund.")]
    [InlineData("I'll take your comments to the team meeting.")]
    [InlineData("I'll find out what happened and ring you back.")]
    [InlineData("I'll pass this to my supervisor with the details.")]
    [InlineData("I'll chase the courier and let you know.")]
    [InlineData("I can't promise anything.")]
    [InlineData("Let me check with the warehouse.")]
    [InlineData("I'll have it looked at by the team.")]
    [InlineData("I'll get the case reviewed and let you know.")]
    [InlineData("I'll have it seen to by someone.")]
    [InlineData("I'll put you through to the bookings desk.")]
    [InlineData("I'll put it in writing for you.")]
    [InlineData("I'll give you a call later on.")]
    [InlineData("I'll give her a ring about it.")]
    [InlineData("We agree that the wait was too long.")]
    public void Mentioned_remedies_information_and_ownership_are_not_solutions(string reply)
    {
        Assert.False(Score.Reply(reply).Has("solution"));
    }

    [Theory]
    [InlineData("I'll try to rebook you on the early train.")]
    [InlineData("We'll try a different courier for the next parcel.")]
    [InlineData("We can give you a replacement kettle today.")]
    public void An_offer_frame_with_a_task_after_try_or_a_remedy_is_a_solution(string reply)
    {
        Assert.True(Score.Reply(reply).Has("solution"));
    }

    [Theory]
    [InlineData("We won't be able to give you a replacement kettle, I'm afraid.")]
    [InlineData("I will never get you a replacement for that.")]
    [InlineData("Okay, we'll try our best.")]
    [InlineData("Fair point, I'll try harder.")]
    [InlineData("ok i'll try")]
    public void A_negated_offer_frame_or_a_promise_of_effort_is_not_a_solution(string reply)
    {
        Assert.False(Score.Reply(reply).Has("solution"));
    }

    [Theory]
    [InlineData("I've checked the system and it's still showing as pending.", ContextKind.Customer)]
    [InlineData("I've missed the deadline on your claim, I'm afraid.", ContextKind.Customer)]
    [InlineData("I'm calling the depot about it now.", ContextKind.Customer)]
    [InlineData("We're looking at the figures this afternoon.", ContextKind.Customer)]
    [InlineData("Could you send me the delivery reference?", ContextKind.Partner)]
    [InlineData("Can you quickly tell me what happened?", ContextKind.Colleague)]
    [InlineData("Can you do it sometime?", ContextKind.Colleague)]
    public void Acts_already_done_or_asked_for_that_only_find_out_or_inform_are_not_solutions(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("solution"));
    }

    [Theory]
    [InlineData("With respect, the stockroom was left in a state again.", ContextKind.Colleague)]
    [InlineData("Totally unacceptable.", ContextKind.Partner)]
    [InlineData("That's not good enough.", ContextKind.Partner)]
    [InlineData("I won't discuss what she told me with anyone else.", ContextKind.Colleague)]
    [InlineData("I won't be able to share his new address, sorry.", ContextKind.Colleague)]
    [InlineData("I've noticed it too, the printer jams every morning.", ContextKind.Colleague)]
    public void A_bare_verdict_a_promise_of_discretion_or_agreeing_is_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("Two weeks late isn't acceptable, we need the parts by Friday.", ContextKind.Partner)]
    [InlineData("I won't be able to take the Sunday shift, it's my dad's birthday.", ContextKind.Colleague)]
    [InlineData("I've noticed you leave the till open at lunch and I need it locked.", ContextKind.Colleague)]
    public void A_view_or_need_stated_with_those_words_stays_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("Can you show me the new till screen when you're free?")]
    [InlineData("Ring me when you get there and I'll come down.")]
    public void A_plain_when_you_is_not_assertiveness(string reply)
    {
        Assert.False(Score.Reply(reply, "", ContextKind.Colleague).Has("assertiveness"));
    }

    [Theory]
    [InlineData("I still think the late shift needs two people.")]
    [InlineData("I can do Saturday morning but not the whole day.")]
    [InlineData("I'd expect the invoice to match the quote.")]
    public void Own_view_need_or_limit_stated_plainly_is_assertive(string reply)
    {
        Assert.True(Score.Reply(reply, "", ContextKind.Colleague).Has("assertiveness"));
    }

    [Theory]
    [InlineData("We really need the keys back by Friday.", ContextKind.Partner)]
    [InlineData("I can't this weekend, I'm at my sister's.", ContextKind.Colleague)]
    [InlineData("Our service agreement says callouts are within four hours.", ContextKind.Partner)]
    [InlineData("Under the rental agreement, the deposit comes back within ten days.", ContextKind.Partner)]
    [InlineData("I have to push back on moving the deadline again.", ContextKind.Colleague)]
    [InlineData("I'd ask you to let me finish before you reply.", ContextKind.Colleague)]
    [InlineData("I'm not okay with being left to close on my own.", ContextKind.Colleague)]
    [InlineData("It's not for us to guess why she's off.", ContextKind.Colleague)]
    public void Stated_needs_limits_and_agreed_terms_are_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("We really enjoyed the training day.", ContextKind.Partner)]
    [InlineData("I can't find the spare keys.", ContextKind.Colleague)]
    [InlineData("The agreement was signed in May.", ContextKind.Partner)]
    [InlineData("Under the desk there's a spare charger.", ContextKind.Colleague)]
    [InlineData("Push the back door hard, it sticks.", ContextKind.Colleague)]
    [InlineData("Would you ask him to call me?", ContextKind.Colleague)]
    [InlineData("Is this parcel ours or next door's?", ContextKind.Colleague)]
    public void Near_misses_of_needs_limits_and_agreed_terms_are_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Fact]
    public void Saying_you_are_not_okay_is_no_stated_limit_for_the_rules_and_a_learned_credit_of_it_says_so()
    {
        // A known error of the layer retrained in stop 23: it credits this at about even odds from "talk", "later" and
        // "today". The rules must not; whatever the layer does must show as the learned model's, for an assessor to override.
        Score.AssertOnlyTheLearnedModelFinds("I'm not okay today, can we talk later?", "assertiveness", ContextKind.Colleague);
    }

    [Theory]
    [InlineData("Half past four won't work for me, I collect my son at five.", ContextKind.Colleague)]
    [InlineData("I don't think that's for us to decide on his behalf.", ContextKind.Colleague)]
    [InlineData("Not something I'd want to guess at - it's her business.", ContextKind.Colleague)]
    [InlineData("I'd hold off on sending that until legal has seen it.", ContextKind.Colleague)]
    [InlineData("Calling the night staff lazy isn't okay.", ContextKind.Colleague)]
    [InlineData("Monday is too late for us, the event is on Sunday.", ContextKind.Partner)]
    [InlineData("It's a generous offer but no, I'll stick with my own shift.", ContextKind.Colleague)]
    [InlineData("A call like that needs to come from you as her key worker.", ContextKind.Partner)]
    public void New_shapes_of_a_firm_view_or_limit_are_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Recognises("assertiveness"));
    }

    [Theory]
    [InlineData("The heater won't work for long without a new fuse.", ContextKind.Colleague)]
    [InlineData("I tried the door but no one answered.", ContextKind.Colleague)]
    [InlineData("I'll need to check the rota first.", ContextKind.Colleague)]
    [InlineData("I want to check I've got the right address.", ContextKind.Partner)]
    [InlineData("It's something I would do again.", ContextKind.Colleague)]
    public void Near_misses_of_the_new_assertive_shapes_are_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("I get why, but the parcels can't stay in the van overnight.", ContextKind.Partner)]
    [InlineData("I understand that, though the audit still has to be in by Friday.", ContextKind.Colleague)]
    [InlineData("Thanks for the invite, but I'll give it a miss this time.", ContextKind.Colleague)]
    [InlineData("Not this Sunday I'm afraid, I'm away at my sister's.", ContextKind.Colleague)]
    public void Concessions_polite_declines_and_a_reasoned_no_are_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("I get it, thanks for the heads up.", ContextKind.Colleague)]
    [InlineData("No, I'm in the office all day if you need me.", ContextKind.Colleague)]
    [InlineData("I missed the bus so I'll be ten minutes late.", ContextKind.Colleague)]
    [InlineData("No problem, I'll bring it over after lunch.", ContextKind.Colleague)]
    public void Near_misses_of_concessions_declines_and_a_reasoned_no_are_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("Wednesday noon is the latest we can take the delivery without missing the service.", ContextKind.Partner)]
    [InlineData("Moving the desks again isn't going to fix the noise, we need a quieter room.", ContextKind.Colleague)]
    [InlineData("I'm not saying it's wrong, but the fire exit has to stay clear.", ContextKind.Colleague)]
    public void Stating_a_limit_or_a_reasoned_objection_is_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Recognises("assertiveness"));
    }

    [Theory]
    [InlineData("What's the latest we can order for Friday?", ContextKind.Partner)]
    [InlineData("The engineer is going to fix the boiler on Monday.", ContextKind.Partner)]
    [InlineData("I'm not saying much on the call today.", ContextKind.Colleague)]
    public void Near_misses_of_stating_a_limit_or_an_objection_are_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("I'd disagree with moving the stock check to Monday, we're always short that day.", ContextKind.Colleague)]
    [InlineData("I don't entirely agree with closing the side door, the deliveries come in that way.", ContextKind.Partner)]
    [InlineData("I don't think we should skip the handover notes, even on a quiet night.", ContextKind.Colleague)]
    [InlineData("I can't do that, sorry - the keys have to stay with the site manager.", ContextKind.Colleague)]
    public void Hedged_disagreement_and_a_reasoned_refusal_are_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Recognises("assertiveness"));
    }

    [Theory]
    [InlineData("Good effort on the till. Next time could you count the float before opening?", ContextKind.Colleague)]
    [InlineData("You did fine overall, though next time I'd check the booking sheet first.", ContextKind.Colleague)]
    [InlineData("I know you wanted to cheer him up, but we can't promise him a place on the course.", ContextKind.Colleague)]
    [InlineData("I don't really want to swap my Sunday again this month.", ContextKind.Colleague)]
    public void Constructive_next_time_a_stated_limit_and_a_firm_preference_are_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("Next time I'll bring the spare forms with me.", ContextKind.Colleague)]
    [InlineData("It isn't possible to say when the engineer will arrive yet.", ContextKind.Partner)]
    [InlineData("Can we not offer him a place on the later course?", ContextKind.Colleague)]
    [InlineData("We did our best, we don't know why the upload failed.", ContextKind.Colleague)]
    [InlineData("I don't want to hold you up, the van's outside.", ContextKind.Colleague)]
    public void Own_promises_uncertainty_questions_and_a_plain_want_are_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("The spare key is in the top drawer I think.", ContextKind.Colleague)]
    [InlineData("I think she's on a late shift today.", ContextKind.Colleague)]
    [InlineData("Sorry, that's not fair on you, I'll swap with you on Friday.", ContextKind.Colleague)]
    public void A_hedging_I_think_a_concession_or_an_aggressive_demand_is_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("I don't think we can take on another client this month, the team is full.", ContextKind.Colleague)]
    [InlineData("Fair enough, but I think the training should come before the launch.", ContextKind.Colleague)]
    [InlineData("I'm not sure I agree that the form is the problem.", ContextKind.Partner)]
    [InlineData("I'd rather we kept the old layout until the audit.", ContextKind.Colleague)]
    [InlineData("We need the signed form back before Friday.", ContextKind.Partner)]
    public void A_doubting_view_a_contrasted_view_and_a_stated_need_are_assertive(string reply, ContextKind context)
    {
        Assert.True(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("I'm not sure it has arrived yet.", ContextKind.Partner)]
    [InlineData("Thanks for telling me, I'd rather know.", ContextKind.Colleague)]
    [InlineData("I'll have a word with him and I won't mention your name.", ContextKind.Colleague)]
    [InlineData("If we need more chairs, the hall has spares.", ContextKind.Colleague)]
    public void Uncertainty_wanting_to_hear_a_discretion_promise_and_a_conditional_need_are_not_assertive(string reply, ContextKind context)
    {
        Assert.False(Score.Reply(reply, "", context).Has("assertiveness"));
    }

    [Theory]
    [InlineData("Honestly who cares.")]
    [InlineData("To be honest, I don't mind.")]
    public void Bare_honesty_markers_are_not_assertiveness(string reply)
    {
        Assert.False(Score.Reply(reply, "", ContextKind.Colleague).Has("assertiveness"));
    }

    [Theory]
    [InlineData("That's above my limit, so I'll ask my manager to approve it.")]
    [InlineData("I'm not able to share another guest's room number.")]
    [InlineData("I won't be spoken to like that.")]
    [InlineData("Sorry, I can't tell you who hired the hall before you, those bookings are private.")]
    [InlineData("I can't waive the fee myself, but I can ask the duty manager.")]
    [InlineData("I'm not able to reset passwords myself.")]
    [InlineData("A £400 credit is over my £100 limit.")]
    [InlineData("Sorry, data protection.")]
    [InlineData("no can do on her address")]
    [InlineData("Refunds over fifty pounds - that needs the store manager.")]
    [InlineData("Only our lettings team can agree to a pet.")]
    [InlineData("I'll help you as soon as I can, but not while you're swearing at me.")]
    [InlineData("I can't promise it'll arrive tomorrow, but I'll chase it.")]
    [InlineData("We can't pass on another customer's details.")]
    [InlineData("I can't decide team selection, that's the coach.")]
    [InlineData("A goodwill credit that size is above what we're allowed to sign off.")]
    [InlineData("Any discount over ten percent needs the store manager to approve it.")]
    [InlineData("Changing a booking date isn't something I'm allowed to do from the front desk.")]
    [InlineData("I don't think we're allowed to take tips from members.")]
    [InlineData("Whether the match goes ahead is not for me to decide.")]
    [InlineData("The supervisor can override the charge and I can't.")]
    [InlineData("I'm not trained on the forklift yet, so I'll fetch Tom.")]
    [InlineData("I'm only a volunteer, so I don't see medical notes.")]
    [InlineData("We can't keep that promise if someone's at risk.")]
    [InlineData("Lending your own car to residents goes against our lone working policy.")]
    [InlineData("I'll check with our data lead before I share anything.")]
    [InlineData("We can never share what a member tells us in group.")]
    [InlineData("I'm happy to help, but not while I'm being sworn at.")]
    [InlineData("I'd ask you not to speak to my colleague like that.")]
    public void Stating_the_limits_of_the_role_is_a_boundary(string reply)
    {
        Assert.True(Score.Reply(reply).Has("boundaries"));
    }

    [Theory]
    [InlineData("To be honest, I'm not sure.")]
    [InlineData("I can't this Saturday, I've covered the last two.")]
    [InlineData("I can't believe it's taken this long.")]
    [InlineData("I'm not able to find your booking.")]
    [InlineData("That's our policy.")]
    [InlineData("The replacement part has to come from the depot in Leeds.")]
    [InlineData("We're allowed to park at the back after six.")]
    [InlineData("She can approve the order as soon as it lands.")]
    public void Inability_honesty_and_policy_alone_are_not_boundaries(string reply)
    {
        Assert.False(Score.Reply(reply).Has("boundaries"));
    }

    [Theory]
    [InlineData("Don't worry, we'll go through it one step at a time.")]
    [InlineData("Nobody is blaming you - let's just work out what happens next.")]
    [InlineData("I can see you're upset, and I'm going to help you get this sorted.")]
    [InlineData("Take a breath, you're safe here and the ambulance is on its way.")]
    public void Slowing_down_reassuring_and_steering_from_blame_is_de_escalation(string reply)
    {
        Assert.True(Score.Reply(reply).Has("de_escalation"));
    }

    [Theory]
    [InlineData("Calm down.")]
    [InlineData("Don't worry, it happens all the time.")]
    [InlineData("Thanks for your patience.")]
    [InlineData("Don't worry, your case will definitely be approved, I guarantee it.")]
    public void Calm_down_brush_offs_false_reassurance_and_politeness_are_not_de_escalation(string reply)
    {
        Assert.False(Score.Reply(reply).Has("de_escalation"));
    }

    [Theory]
    [InlineData("You don't need to deal with it on your own.")]
    [InlineData("You don't have to face the panel alone.")]
    [InlineData("Let's get that sorted now.")]
    [InlineData("We'll get it sorted before your trip.")]
    [InlineData("Don't beat yourself up, everyone misreads that form.")]
    [InlineData("I do want to sort this for you.")]
    [InlineData("I'm not trying to take your shifts.")]
    [InlineData("We'll put it right at no cost.")]
    [InlineData("No pressure at all, have a think and let me know.")]
    [InlineData("You're safe with us.")]
    [InlineData("We'll look after you until your lift arrives.")]
    [InlineData("I'm not going to leave you waiting on hold again.")]
    [InlineData("You don't need to go through everything again.")]
    [InlineData("Come and sit in the quiet room for a minute.")]
    [InlineData("Take a break from the phones for ten minutes.")]
    [InlineData("Step away from the counter and get some air.")]
    [InlineData("We'll fill the form in slowly, one box each.")]
    public void Company_unhurried_help_and_disclaimed_hostility_are_de_escalation(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("de_escalation"));
    }

    [Theory]
    [InlineData("Please don't walk to the car park alone at night.")]
    [InlineData("Let's get the rota printed.")]
    [InlineData("Don't beat the eggs too hard.")]
    [InlineData("Do you want to sort the post?")]
    [InlineData("Put it on the right-hand shelf.")]
    [InlineData("The water pressure is low on your street.")]
    [InlineData("Are you safe to drive?")]
    [InlineData("Who will look after the dog?")]
    [InlineData("I'm not going to refund it.")]
    [InlineData("You'll have to go through security again.")]
    [InlineData("Come and collect it from the counter.")]
    [InlineData("The break room is on the left.")]
    [InlineData("Step up to the desk when your number is called.")]
    [InlineData("The booking site is running slowly today.")]
    [InlineData("I'm not trying to be awkward, the system won't allow it.")]
    public void Near_misses_of_company_and_unhurried_help_are_not_de_escalation(string reply)
    {
        Assert.False(Score.Reply(reply).Has("de_escalation"));
    }

    [Theory]
    [InlineData("I really want to get this fixed for you today.")]
    [InlineData("I'm going to get this put right before the weekend.")]
    [InlineData("I'll make sure we get it right this time round.")]
    [InlineData("It's fixable - we can redo the booking this afternoon.")]
    [InlineData("We'll take it one thing at a time, starting with the rent.")]
    [InlineData("Never mind whose fault it was, let's get the van reloaded.")]
    [InlineData("You're not in any trouble for asking.")]
    public void Reassurance_that_it_will_be_put_right_is_de_escalation(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("de_escalation"));
    }

    [Theory]
    [InlineData("I can hear you're annoyed. The refund went out on Monday.")]
    [InlineData("I hear you, but the rota is already fixed.")]
    [InlineData("I can see you've used the old form.")]
    [InlineData("I want to get the fixed-price option on the order.")]
    [InlineData("Whose fault was it that the van was late?")]
    [InlineData("The fault is fixed in the new version.")]
    [InlineData("It's not the end of the world, it's one complaint.")]
    [InlineData("Don't panic, it happens all the time.")]
    public void Bare_acknowledgement_and_near_misses_of_reassurance_are_not_de_escalation(string reply)
    {
        Assert.False(Score.Reply(reply).Has("de_escalation"));
    }

    [Theory]
    [InlineData("I hear you. The invoice went out on the 3rd.")]
    [InlineData("You did the right thing bringing the form in. I'll file it today.")]
    [InlineData("If he is struggling to breathe, ring 999 straight away.")]
    [InlineData("Can you send me step-by-step instructions for the reset?")]
    [InlineData("Take your time, it's not a big deal, everyone gets these wrong.")]
    [InlineData("I'm not bothered, that's not my job.")]
    public void Hearing_praise_a_breathing_problem_a_how_to_guide_or_calm_words_with_a_brush_off_are_not_de_escalation(string reply)
    {
        Assert.False(Score.Reply(reply).Has("de_escalation"));
    }

    [Theory]
    [InlineData("I hear you, and I'm not having a go at you.")]
    [InlineData("Just breathe, and we'll sort the form out together.")]
    [InlineData("We'll go through the reset step by step, there's no hurry.")]
    [InlineData("Take your time, there's no rush.")]
    [InlineData("Honestly, I'm not bothered about whose fault it was - let's just fix the rota.")]
    public void Their_near_misses_that_do_lower_the_temperature_are_de_escalation(string reply)
    {
        Assert.True(Score.Reply(reply).Has("de_escalation"));
    }
}
