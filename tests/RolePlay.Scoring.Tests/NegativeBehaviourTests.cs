using RolePlay.Engine.Model;
using RolePlay.Engine.Scoring;

namespace RolePlay.Scoring.Tests;

/// <summary>Negative behaviours on sentences written for these tests (helpdesk, reception, peer support, suppliers).</summary>
public class NegativeBehaviourTests
{
    private const string Gossip = "Did you see the new tenant in flat 3? Apparently she's on benefits and her husband left her for someone at work.";

    [Theory]
    [InlineData("The engineer forgot to bring the part, that's why it's still broken.")]
    [InlineData("Your drivers keep losing our pallets.")]
    [InlineData("Reception never passes messages on, so nobody knew.")]
    [InlineData("Well maybe if you'd read the confirmation email you'd know.")]
    [InlineData("You typed the wrong postcode on the booking.")]
    [InlineData("Nobody told us the meeting had moved.")]
    [InlineData("We're short staffed today, that's why the phones weren't answered.")]
    [InlineData("Are you sure you entered the right PIN?")]
    [InlineData("The form was ready on Monday but Dave forgot to send it.")]
    [InlineData("you should of read the booking terms")]
    [InlineData("The scaffolders have let us down again.")]
    [InlineData("Not my problem if you missed the deadline.")]
    [InlineData("Maybe if the printers actually worked we'd be on time.")]
    [InlineData("You must have typed your email wrong.")]
    [InlineData("you could have told us sooner")]
    [InlineData("We definitely sent it, look in your spam.")]
    [InlineData("The signs are clear, people just don't read them.")]
    [InlineData("Marcus is always late on a Monday, that's the problem.")]
    [InlineData("it's because Priya keeps forgetting to lock up")]
    [InlineData("Head office? They never tell us anything about price changes.")]
    [InlineData("honestly nobody ever tells us when the rota changes")]
    [InlineData("Probably forgot to top up the meter, happens a lot.")]
    [InlineData("The scanners are fine, usually it's the customer scanning twice.")]
    [InlineData("Delays are caused by the landlord not us.")]
    [InlineData("Wasn't me, ask the morning shift.")]
    public void Fault_put_on_someone_else_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("I'm so sorry, the engineer forgot to bring the part. I'll book him back for 9am tomorrow.")]
    [InlineData("So you got the wrong jacket in the box - that must be annoying.")]
    [InlineData("You didn't receive the reminder text, is that right?")]
    [InlineData("It's down to you whether you'd like a refund or a swap.")]
    [InlineData("The parcel should have arrived on Monday.")]
    [InlineData("You should have a spare key in the welcome pack.")]
    [InlineData("You must have been so worried when it didn't arrive.")]
    [InlineData("You must have been terrified when the alarm went off.")]
    [InlineData("you must have had a horrible evening")]
    [InlineData("Can you read me what it says on the screen?")]
    [InlineData("Thanks, Dave sent it over this morning.")]
    [InlineData("I've dropped the forms into the office for you.")]
    [InlineData("I probably missed your email, sorry - I'll look now.")]
    [InlineData("She keeps asking about you, it's lovely.")]
    [InlineData("Should have arrived by now - I'll chase it.")]
    [InlineData("I should have checked it, that's on me.")]
    public void Explaining_a_cause_while_owning_it_or_restating_their_problem_is_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("Wasn't us, our van was at the depot all day.")]
    [InlineData("The rota system auto-assigns the shifts, not me.")]
    [InlineData("Well you did say you wanted it cut short.")]
    [InlineData("The tenant never mentioned the boiler was leaking.")]
    public void Denials_a_systems_choice_their_own_words_or_an_unmentioned_fact_are_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"), Score.Reply(reply).Point("blame").Rationale);
    }

    [Theory]
    [InlineData("It was us who rang you this morning about the refund.")]
    [InlineData("The rota system is new, so I'll walk you through it.")]
    [InlineData("Did the tenant mention anything about the boiler?")]
    public void Near_misses_of_denials_systems_their_words_and_unmentioned_facts_are_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"), Score.Reply(reply).Point("blame").Rationale);
    }

    [Fact]
    public void Checking_what_they_asked_for_is_not_blame()
    {
        // A known error of the layer retrained in stop 25: it detects blame here (0.79, from "you wanted", "said", "cut"),
        // as the guide's "you said you wanted…" pointed back at a customer often is. The rules must not; what the layer
        // adds must show as the learned model's.
        Score.AssertOnlyTheLearnedModelFinds("You said you wanted it cut short, is that still right?", "blame", ContextKind.Customer);
    }

    [Theory]
    [InlineData("If the surveyor had replied to my emails we wouldn't be three weeks behind.")]
    [InlineData("Perhaps if you topped the meter up now and then, the heating would not keep cutting out.")]
    public void A_conditional_saying_their_doing_caused_the_trouble_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("If you hadn't called us, we would never have found the leak.")]
    [InlineData("If I'd known about the move, I wouldn't have booked the van for Friday.")]
    [InlineData("If you would like a callback, I could ring you on Thursday morning.")]
    public void Conditionals_about_oneself_thanks_or_offers_are_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("the late fees are down to the letting agent not us")]
    public void Putting_it_down_to_someone_else_instead_of_oneself_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("Keys are handed out by the caretaker not me, so I'll ring him now.")]
    [InlineData("That form is for the tenant to sign, not us.")]
    [InlineData("My sister is always helping out at the food bank on Saturdays.")]
    [InlineData("The volunteers are always cheerful when they arrive.")]
    public void Saying_who_does_a_task_or_praising_a_habit_is_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Fact]
    public void Naming_whose_fault_it_is_stays_blame_next_to_an_apology()
    {
        var assessment = Score.Reply("Sorry about that. It's really the locksmith's fault.");

        Assert.True(assessment.Has("blame"));
    }

    [Fact]
    public void Echoing_what_the_customer_told_you_is_not_a_breach_but_echoing_gossip_to_a_colleague_is()
    {
        const string persona = "My dad's prescription was in that bag - his insulin is in there!";
        const string reply = "That's really worrying with his insulin in there. I'll find the bag now.";

        Assert.False(Score.Reply(reply, persona, ContextKind.Customer).Has("confidentiality_breach"));
        Assert.True(Score.Reply("Blimey, his insulin? I'll tell the others.", "Guess what, Mr Hart from flat 2 is on insulin now.", ContextKind.Colleague).Has("confidentiality_breach"));
    }

    [Fact]
    public void Asking_a_colleague_who_it_was_invites_gossip_but_asking_a_customer_whose_account_it_is_does_not()
    {
        Assert.True(Score.Reply("oh no, what was her name? I might know the family", "A lady rang in tears, her son has been arrested.", ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.False(Score.Reply("Let me check for you, what's his name?", "Is my dad alright? He was admitted yesterday.", ContextKind.Customer).Has("confidentiality_breach"));
    }

    [Theory]
    [InlineData("Go easy on Kieran today, his dad left last month.", true)]
    [InlineData("Go easy on Kieran today, his mum is in prison.", true)]
    public void A_third_persons_family_troubles_are_a_breach(string reply, bool breach)
    {
        Assert.Equal(breach, Score.Reply(reply, "Kieran was in a foul mood all morning.", ContextKind.Colleague).Has("confidentiality_breach"));
    }

    [Fact]
    public void Giving_your_own_number_when_asked_for_it_is_not_someone_elses_data()
    {
        Assert.False(Score.Reply("sure it's 07700 900461, ring whenever", "Can I have your mobile so I can ring you?").Has("confidentiality_breach"));
        Assert.True(Score.Reply("sure it's 07700 900461, ring whenever", "Can I have Sam's mobile so I can ring him?").Has("confidentiality_breach"));
    }

    [Theory]
    [InlineData("I'm not meant to say, but he was in this morning.", true)]
    [InlineData("I think he dropped it off on Monday.", true)]
    [InlineData("I know he's your husband, but he has to ask us himself.", false)]
    [InlineData("I think you'd better ask him yourself.", false)]
    public void Answering_about_someone_else_after_a_hedge_or_an_admitted_rule_break_is_a_breach(string reply, bool breach)
    {
        Assert.True(Score.Reply(reply, "Can you tell me if my husband has been in today?").Shows("confidentiality_breach", breach));
    }

    [Theory]
    [InlineData("Her dad's out of work again - she told me in confidence, mind.", true)]
    [InlineData("It was the lad in the flat upstairs, but don't say I told you.", true)]
    [InlineData("Sure, I'll send over the whole tenant database tonight.", true)]
    [InlineData("Her full file is attached, everything's on there.", true)]
    [InlineData("Go on then, what's her postcode?", true)]
    [InlineData("Ooh, what's wrong with him then?", true)]
    [InlineData("Anything you tell me stays in confidence.", false)]
    [InlineData("Don't say anything you're not comfortable with.", false)]
    [InlineData("The full price list is attached.", false)]
    [InlineData("What's your postcode?", false)]
    [InlineData("What's wrong with the printer?", false)]
    public void Passing_on_secrets_whole_records_and_prying_questions_are_a_breach(string reply, bool breach)
    {
        Assert.Equal(breach, Score.Reply(reply, context: ContextKind.Colleague).Has("confidentiality_breach"));
    }

    [Fact]
    public void Giving_a_courier_the_customers_number_for_the_delivery_is_not_a_breach()
    {
        const string reply = "She's at 14 Mill Lane and she's on 07700 900123 - please ring her 30 minutes before you arrive.";

        // A known error of the layer retrained in stop 24: it detects a breach here from "please ring" and "minutes before",
        // not knowing who the reply is to. The rules must not; what the layer adds must show as the learned model's.
        Score.AssertOnlyTheLearnedModelFinds(reply, "confidentiality_breach", ContextKind.Partner);
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.True(Score.Reply("She's on dialysis so she's out a lot - leave it with the neighbour.", context: ContextKind.Partner).Has("confidentiality_breach"));
    }

    [Fact]
    public void Naming_a_protected_detail_while_giving_it_out_protects_nothing()
    {
        var assessment = Score.Reply("Sure, her date of birth is 3 March 1988 and she works from home most days.", context: ContextKind.Partner);

        Assert.True(assessment.Has("confidentiality_breach"));
        Assert.False(Score.Reply("I can't give out her date of birth, sorry - that's protected.", context: ContextKind.Partner).Has("confidentiality_breach"));
    }

    [Fact]
    public void Denying_it_was_me_and_naming_who_did_is_blame()
    {
        Assert.True(Score.Reply("It wasn't me who lost it, the courier did.").Has("blame"));
    }

    [Fact]
    public void Whatever_opening_an_inclusive_clause_is_not_a_brush_off()
    {
        var inclusive = Score.Reply("Whatever you share here stays between us.");
        var brushOff = Score.Reply("Whatever. Ring back tomorrow.");

        Assert.False(inclusive.Has("dismissive"));
        Assert.True(inclusive.Has("confidentiality"));
        Assert.True(brushOff.Has("dismissive"));
    }

    [Theory]
    [InlineData("OTP means the one-time code we text to your phone, so enter that when it asks.")]
    [InlineData("Your complaint is logged as CMP-88213 and I'll call you on Friday.")]
    public void Explained_abbreviations_and_reference_numbers_are_not_jargon(string reply)
    {
        Assert.False(Score.Reply(reply).Has("jargon"));
    }

    [Fact]
    public void An_abbreviation_explained_by_itself_stays_jargon()
    {
        Assert.True(Score.Reply("Pending QRX means the order is pending QRX processing.").Has("jargon"));
    }

    [Fact]
    public void A_cue_cancelled_by_an_exception_names_the_exception()
    {
        // The rules' own judgement: the learned layer detects dismissive here, as writers who count normalising as dismissive taught it.
        var point = BuiltInScorer.RulesOnly().Score(new ReplyContext("honestly that's pretty normal for dogs", "", [], [], ContextKind.Customer)).Point("dismissive");

        Assert.False(point.Credited);
        Assert.Contains("\"pretty normal\" is read as \"normal for\"", point.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Everyday_abbreviations_are_not_jargon()
    {
        Assert.False(Score.Reply("I'm not your PA, but I can forward it to your MP's office or send a new SIM.").Has("jargon"));
        Assert.True(Score.Reply("The RMA is pending until the SKU is receipted.").Has("jargon"));
    }

    [Theory]
    [InlineData("Are you sure you're not overfilling it?")]
    [InlineData("Maybe if you read the instructions it would work.")]
    [InlineData("Should've backed it up. Once a drive's gone it's gone.")]
    [InlineData("Did you drop it? Most of these come back cracked.")]
    [InlineData("That looks like wear from how you've been walking in them.")]
    public void Insinuating_it_is_their_own_doing_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("The colour was printed from the sample you approved last month.")]
    [InlineData("It went to the address on the booking form you filled in.")]
    [InlineData("Did you register before the cut-off? If not that's why.")]
    public void Pointing_at_the_persons_own_document_or_omission_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"), Score.Reply(reply).Point("blame").Rationale);
    }

    [Theory]
    [InlineData("I'm so sorry, the address on the form you filled in was right and we misread it. I'll resend it today.")]
    [InlineData("If not, that's fine, I can post the form to you instead.")]
    public void Near_misses_of_the_persons_own_document_are_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"), Score.Reply(reply).Point("blame").Rationale);
    }

    [Theory]
    [InlineData("You dropped it on the stairs, that's why the lid is cracked.")]
    public void Saying_they_dropped_it_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"), Score.Reply(reply).Point("blame").Rationale);
    }

    [Theory]
    [InlineData("Let's look at the photos from when you dropped it off and compare them with the lid now.")]
    [InlineData("The keys you left with us are in the safe, shall I bring them round at six?")]
    public void Handing_something_over_is_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"), Score.Reply(reply).Point("blame").Rationale);
    }

    [Theory]
    [InlineData("Honestly, you're always leaving the dishes for me to do.")]
    [InlineData("He's forever changing the spec at the last minute.")]
    [InlineData("Have you read the handout though?")]
    [InlineData("That dent could have been there before, tbh.")]
    [InlineData("The printer jams all the time, someone else mustve loaded it wrong.")]
    [InlineData("Did she lose the card? They don't just vanish.")]
    [InlineData("Did you actually submit the form on the portal?")]
    [InlineData("She's probably mistaken, we never charge for that.")]
    [InlineData("The bookings come from the agency not us, so ring them.")]
    [InlineData("u shud of told me sooner")]
    public void Habits_held_against_someone_and_rebutting_questions_are_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("You're always helping the new starters, thank you.")]
    [InlineData("I'm always forgetting my badge, so I get it.")]
    [InlineData("Have you had a chance to read the handout?")]
    [InlineData("I'd love to come though, can we do another day?")]
    [InlineData("It's been there since Monday, I'll sort it now.")]
    [InlineData("She's probably worried, so I'll ring her this afternoon.")]
    public void Near_misses_of_habits_and_rebutting_questions_are_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Fact]
    public void Running_someone_down_stays_blame_next_to_a_commitment()
    {
        Assert.True(Score.Reply("Ugh, the couriers are so lazy. I'll chase them for you.").Has("blame"));
    }

    [Theory]
    [InlineData("You'll need to ring your landlord about that.")]
    [InlineData("That's the printer company, just email them.")]
    [InlineData("Not my department. Ask Priya on the second floor.")]
    [InlineData("You'd be better off contacting the billing department.")]
    [InlineData("It's all in the staff handbook.")]
    [InlineData("The manager is on lunch, try again later.")]
    [InlineData("Payroll deals with that, they're only in on Tuesdays.")]
    [InlineData("It's on the intranet, look it up.")]
    [InlineData("We don't deal with lost property, that's the station.")]
    [InlineData("Parking fines aren't really our department, try the council.")]
    [InlineData("Not my patient, sorry, I'm covering reception.")]
    [InlineData("she's your client, you deal with the complaint")]
    [InlineData("Not our problem, the gym next door runs that class.")]
    [InlineData("Lost cards can be reported online through the members area.")]
    [InlineData("its all in the welcome folder")]
    [InlineData("Parking permits? They deal with those, not us.")]
    [InlineData("It's the landlord's responsibility, sorry.")]
    [InlineData("dunno, ring your branch")]
    [InlineData("It's all in the user guide, have a read.")]
    [InlineData("Look on the website for the opening times.")]
    [InlineData("no idea, tell the warden")]
    [InlineData("You'll have to inform the caretaker about the broken lock.")]
    [InlineData("ask the nurses, they know the ward")]
    [InlineData("you can always write to the area coordinator")]
    [InlineData("youd have to phone Northgate yourself")]
    [InlineData("you'd need to arrange cover yourself")]
    [InlineData("It's all explained in the induction pack.")]
    [InlineData("honestly ask Marcus")]
    [InlineData("idk, ask the boss")]
    [InlineData("You'll have to chase the surgery for that letter.")]
    [InlineData("You'd have to sort that out with them directly.")]
    [InlineData("We've no beds tonight, try somewhere else.")]
    [InlineData("you'd need to speak to your solicitor about that")]
    public void Sending_the_person_elsewhere_is_passing_the_buck(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Recognises("passing_the_buck"));
    }

    [Theory]
    [InlineData("I'll stay on the line while you ring the council.")]
    [InlineData("Want me to sit beside you while you do it?")]
    [InlineData("I'll keep your seat free until you speak to the ticket office.")]
    public void A_time_clause_with_you_as_subject_sends_nobody_away(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Customer).Has("passing_the_buck"));
    }

    [Theory]
    [InlineData("Once you're home, just ring the council yourself.")]
    [InlineData("When it breaks again, you'll need to ring the landlord.")]
    public void An_instruction_after_a_time_clause_is_still_passing_the_buck(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Customer).Has("passing_the_buck"));
    }

    [Theory]
    [InlineData("I'll ring your landlord myself and call you back by 4.")]
    [InlineData("Could you ask the billing team to send me the invoice?")]
    [InlineData("You'll need to ring the bank to cancel the card, and I'll send you a letter confirming what happened today.")]
    [InlineData("Don't ring them, I'll sort it.")]
    [InlineData("It's in our terms that we can reschedule once for free.")]
    [InlineData("That's not a problem, I'll sort the form for you now.")]
    [InlineData("Your card can be reported as lost by me right now if you like - I'll do it while you wait.")]
    [InlineData("Let's go and talk to the site manager together after lunch.")]
    [InlineData("It's my responsibility, so I'll put it right today.")]
    [InlineData("You signed for it, it's all in the terms and the fee applies after 14 days.")]
    [InlineData("It's in the contract that the deposit is kept if you cancel late.")]
    [InlineData("The new opening hours have been on the website since May.")]
    [InlineData("Just tell her the parcel is on its way.")]
    [InlineData("Tell them I said it's fine.")]
    [InlineData("I'll tell the caretaker about the broken lock this morning.")]
    [InlineData("I'll arrange cover myself so you can go.")]
    [InlineData("It's a quick form - I'll fill it in with you now.")]
    [InlineData("Honestly, I'll ask Marcus and text you back by 3.")]
    [InlineData("I'll chase the surgery for that letter this afternoon.")]
    [InlineData("We're full here, but I'll ring round the other shelters for you now.")]
    public void Handing_over_or_offering_an_option_is_not_passing_the_buck(string reply)
    {
        Assert.False(Score.Reply(reply).Has("passing_the_buck"));
    }

    [Theory]
    [InlineData("His mobile is 07123 456789 if you want to ring him.")]
    [InlineData("She lives at 12 Elm Grove, the one with the blue door.")]
    [InlineData("Mr Hart is diabetic so don't leave it outside.")]
    [InlineData("I'll export the member list and email it to you tonight.")]
    [InlineData("I can look him up on the system for you.")]
    [InlineData("The tenant's got dementia, so knock loudly and wait.")]
    [InlineData("Her husband is bipolar, that's why she's stressed.")]
    [InlineData("He's on antidepressants, so go easy on him.")]
    [InlineData("Her son has ADHD and the dad was violent.")]
    [InlineData("Give me your personal gmail and I'll send the whole list over.")]
    [InlineData("ha stick it on the group chat")]
    [InlineData("She's on meds for it, her dad told me.")]
    [InlineData("His court case is next week, that's why he's been off.")]
    [InlineData("she's been homeless since the spring apparently")]
    [InlineData("He was in A&E on Saturday night.")]
    public void Giving_out_someone_elses_details_is_a_confidentiality_breach(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Partner).Has("confidentiality_breach"));
    }

    [Theory]
    [InlineData("You can reach me on 07123 456789 if anything changes.")]
    [InlineData("Our office is at 12 Elm Grove, next to the library.")]
    [InlineData("I can't share her medical details, but the delivery is time-critical.")]
    [InlineData("I won't look him up, that's his private data.")]
    [InlineData("I'm so sorry to hear your mum is in hospital.")]
    [InlineData("Ring me if it hasn't arrived by Friday - 07700 900123.")]
    [InlineData("Our kitchen can do the dish without sesame if anyone is allergic.")]
    [InlineData("The court case against the landlord was settled, so the hall is ours again.")]
    [InlineData("Allergy info is on the menu board by the till.")]
    public void Own_details_and_refusals_are_not_a_breach(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Partner).Has("confidentiality_breach"));
    }

    [Fact]
    public void Agreeing_to_hand_over_someones_records_is_a_breach_but_agreeing_to_other_requests_is_not()
    {
        Assert.True(Score.Reply("yep, I'll forward the spreadsheet after lunch", "Could you send me the list of tenants with their phone numbers for our newsletter?", ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.True(Score.Reply("sure thing, pdf ok?", "Can you email me the case notes on the Morgan family before the visit?", ContextKind.Partner).Has("confidentiality_breach"));
        Assert.False(Score.Reply("Sure, I'll send the rota over this afternoon.", "Can you send me next week's rota?", ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.False(Score.Reply("No, I can't send that list - it has people's phone numbers on it.", "Could you send me the list of tenants with their phone numbers?", ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.False(Score.Reply("Yes, it's on the label for the driver.", "What's the customer's phone number so the driver can ring her?", ContextKind.Partner).Has("confidentiality_breach"));
    }

    [Fact]
    public void Naming_what_kind_of_data_something_is_protects_it_rather_than_leaking_it()
    {
        var named = Score.Reply("Please take that post down - it's her medical information and the whole office can see it.", "I put Leanne's test results on the team noticeboard.", ContextKind.Colleague);
        Assert.False(named.Has("confidentiality_breach"));
        Assert.True(named.Has("confidentiality"));
        Assert.True(Score.Reply("Her medical history shows two falls this year.", context: ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.True(Score.Reply("Let's not mention it to the team, that news is his to share.", context: ContextKind.Colleague).Has("confidentiality"));
        Assert.False(Score.Reply("The spare desk is his to use while you're away.", context: ContextKind.Colleague).Has("confidentiality"));
    }

    [Fact]
    public void Promising_to_report_back_what_someone_says_or_advising_what_not_to_instruct_is_not_a_breach()
    {
        Assert.False(Score.Reply("I'll ring the supplier and tell you what she says by lunchtime.", context: ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.False(Score.Reply("Don't tell him to wait another week, offer the refund now.", context: ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.True(Score.Reply("Don't tell him I said this, but his wife has left him.", context: ContextKind.Colleague).Has("confidentiality_breach"));
    }

    [Fact]
    public void Joining_in_with_gossip_about_someones_private_life_is_a_breach_but_the_same_words_elsewhere_are_not()
    {
        Assert.True(Score.Reply("No way! Show me, which flat?", Gossip, ContextKind.Colleague).Has("confidentiality_breach"));
        Assert.False(Score.Reply("Show me the error message and we'll go from there.", "My laptop won't connect.").Has("confidentiality_breach"));
    }

    [Theory]
    [InlineData("You can't talk to residents like that!")]
    [InlineData("You need to apologise to her right now!")]
    [InlineData("I am NOT doing your rota AGAIN.")]
    [InlineData("Oh wow, thanks for the warning. Really helpful.")]
    [InlineData("Late again? Heard that one before.")]
    [InlineData("Clean it up or we'll find another cleaner.")]
    [InlineData("Don't be ridiculous.")]
    [InlineData("Why is it always me who has to fix your mistakes?")]
    [InlineData("Do I look like I work in accounts?")]
    [InlineData("Oh boo hoo, cry me a river.")]
    [InlineData("Three weeks for a boiler part? That's unacceptable!")]
    [InlineData("Honestly? You were useless on that call.")]
    [InlineData("Fantastic. Really fantastic. Cheers for that.")]
    [InlineData("Well that's just great. Great.")]
    [InlineData("The printer's jammed again. Sort it out please.")]
    [InlineData("just fix it, I haven't got time")]
    [InlineData("Oh so it's my fault now is it")]
    [InlineData("You want it by tonight? We're a bakery not a charity.")]
    public void Telling_off_sarcasm_shouting_and_threats_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("Well I can't fix what I haven't been told about, can I?")]
    [InlineData("Yes, that's literally what the checklist is for.")]
    [InlineData("Every time I ask there's some new excuse.")]
    [InlineData("Complain to whoever you like.")]
    [InlineData("Ask the supervisor, she'll tell you exactly the same.")]
    [InlineData("Fix the boiler by Friday or I'm going straight to your boss.")]
    [InlineData("You might want to watch your tone with me.")]
    public void Retorts_dares_and_threats_over_their_head_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Recognises("aggression"));
    }

    [Theory]
    [InlineData("I can't make Friday, but could I do Monday instead?")]
    [InlineData("I don't know the answer yet, so can I ring you back?")]
    [InlineData("There's no excuse for that wait, I'm sorry.")]
    [InlineData("If the part isn't here by Friday I'll need to speak to your account manager about the terms.")]
    [InlineData("You could talk to your manager about reducing your hours.")]
    [InlineData("Your tone in the meeting was spot on, well done.")]
    public void Near_misses_of_retorts_and_threats_are_not_aggression(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("You should be really proud of yourself!")]
    [InlineData("Wow, that sounds like a lot to deal with at once.")]
    [InlineData("Seriously, thank you for being so patient.")]
    [InlineData("Please check the NHS number and the GP surgery on the form.")]
    [InlineData("I'm sure it's sorted now, but I'll check.")]
    [InlineData("That's appalling, I'm so sorry you were spoken to like that!")]
    [InlineData("You were not useless at all on that call.")]
    [InlineData("The new till is a bit fiddly. Got it? Shout if not, happy to show you again.")]
    [InlineData("He wants to change his booking, could you deal with it when you're back?")]
    [InlineData("Would a morning or an afternoon slot suit you better?")]
    [InlineData("Take your time, you don't have to say anything unless you want to talk.")]
    [InlineData("Great. I'll book the engineer for Friday then.")]
    [InlineData("Fix it by holding the power button for ten seconds, then wait for the green light.")]
    [InlineData("Paying twice for one coffee must feel ridiculous, I'm sorry.")]
    [InlineData("I'll stay on the line, but not while you're shouting at me.")]
    [InlineData("Can you sort it out by Friday?")]
    public void Encouragement_and_emphasis_are_not_aggression(string reply)
    {
        Assert.False(Score.Reply(reply).Has("aggression"));
    }

    [Theory]
    [InlineData("Honestly it's not worth getting worked up over.")]
    [InlineData("Everyone's in the same position, you're not special.")]
    [InlineData("I wouldn't lose sleep over it.")]
    [InlineData("It'll sort itself out, these things take time.")]
    [InlineData("You worry too much.")]
    [InlineData("Welcome to the real world.")]
    [InlineData("Your claim will be looked at in due course.")]
    [InlineData("If you don't like the price you can shop around.")]
    [InlineData("Just bin it, nobody will notice.")]
    [InlineData("I'm sure she didn't mean it like that.")]
    [InlineData("A bit of a rash is pretty normal tbh")]
    [InlineData("ok what do you want me to do about it")]
    [InlineData("No refunds on sale items, it's policy.")]
    [InlineData("It's in the terms and conditions.")]
    [InlineData("no exchanges, read the T&Cs")]
    [InlineData("Nope. It says so on the website.")]
    [InlineData("Don't worry, I promise it'll be back on within half an hour.")]
    public void Minimising_the_problem_is_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("empathy"));
        Assert.True(Score.Reply(reply).Has("dismissive"));
    }

    [Theory]
    [InlineData("At least you reached out today - that took courage.")]
    [InlineData("It's just a quick form, I'll go through it with you.")]
    [InlineData("It's up to you whether we call or email.")]
    [InlineData("It's completely normal to feel like this after a loss.")]
    [InlineData("It's pretty normal to feel nervous before your first shift.")]
    [InlineData("Our policy is a full refund within 30 days, so I'll refund it now.")]
    [InlineData("I can't give you his number - that's our policy - but I'll pass your message on today.")]
    [InlineData("The policy changed in May; let me explain what that means for your booking.")]
    [InlineData("Don't worry, I'll ring the engineer now and call you back by 3.")]
    public void Reassurance_and_choices_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"));
    }

    [Theory]
    [InlineData("Honestly we all get like that sometimes.")]
    [InlineData("Not sure what we can do, the order has gone out.")]
    [InlineData("You'll get used to it after a few shifts.")]
    [InlineData("Give it a week, it usually settles.")]
    [InlineData("Time's a great healer.")]
    [InlineData("Everything happens for a reason hun.")]
    [InlineData("The lifeguards can't be everywhere.")]
    public void Platitudes_and_waving_it_off_are_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("We all felt so proud of you on Saturday.")]
    [InlineData("I'm not sure what time we can do, let me check the diary.")]
    [InlineData("Give it a go and tell me how it feels.")]
    [InlineData("It takes time to grieve, there's no right way to do it.")]
    public void Near_misses_of_platitudes_and_waving_it_off_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("We have no record of the cancellation, so the late fee stands.")]
    [InlineData("I'm afraid the parking charge stands.")]
    [InlineData("You have to show ID to collect, it's the law.")]
    [InlineData("Sorry, those are the rules.")]
    [InlineData("I don't make the rules, I just follow them.")]
    [InlineData("It's a tiny scuff, you'll hardly notice it.")]
    [InlineData("Teething is just a phase, he'll be fine.")]
    [InlineData("Tenants always say that.")]
    [InlineData("Honestly it's not that hard, just press save first.")]
    [InlineData("Nobody's forcing you to shop here.")]
    [InlineData("There are two sides to every story.")]
    [InlineData("Not a lot we can do once the form has gone in.")]
    [InlineData("The fee renews every year, it's in the conditions you agreed to.")]
    [InlineData("You signed the agreement, so the cancellation charge applies.")]
    [InlineData("You should know this by now, it was covered in week one.")]
    [InlineData("Honestly, you of all people should know better.")]
    public void Rules_closing_the_matter_and_minimised_damage_are_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("RTS stands for return to sender, so it's on its way back to the shop.")]
    [InlineData("So the offer still stands: a full refund or a swap, whichever you prefer.")]
    [InlineData("She'll be fine to travel once the cast is off, the consultant said.")]
    [InlineData("It's not hard to see why you're upset after three missed visits.")]
    [InlineData("Our returns rules changed in March, so let me explain what that means for you.")]
    [InlineData("You agreed a payment plan with us in May, so I'll set up the next date with you now.")]
    [InlineData("You should know by Friday whether the claim has been approved.")]
    [InlineData("Before you sign anything, I'll go through the contract with you line by line.")]
    public void Near_misses_of_rules_and_minimising_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("A deadline is a deadline.")]
    [InlineData("Well what's done is done.")]
    [InlineData("Rules are rules, mate.")]
    [InlineData("The refund will come when it comes.")]
    [InlineData("It'll be sorted when it's sorted, we're busy.")]
    [InlineData("Hmm. No idea.")]
    [InlineData("Nope.")]
    [InlineData("Can't say, sorry.")]
    [InlineData("dunno mate")]
    [InlineData("We don't hold those. Next.")]
    public void Tautologies_and_non_answers_are_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("I'll call you when it arrives.")]
    [InlineData("Ring me when you're home and we'll go through it.")]
    [InlineData("The form is the green one, that one is the old version.")]
    [InlineData("No problem.")]
    [InlineData("Sure.")]
    [InlineData("Sorry mate.")]
    [InlineData("I can't say sorry")]
    [InlineData("ok")]
    [InlineData("Next week I'll ring you with the result.")]
    [InlineData("That's booked for Tuesday. Next, let's look at the invoice.")]
    public void Near_misses_of_tautologies_and_non_answers_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("Aw, it gets easier, honestly.")]
    [InlineData("Toddlers bite, she'll grow out of it.")]
    [InlineData("The signs are clear, people just don't read them.")]
    [InlineData("Parking fines are nothing to do with us.")]
    [InlineData("The surveyor is out all week. He'll ring back when he can.")]
    public void Throwaway_reassurance_disowning_and_vague_whenever_are_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("I'll show you a shortcut that makes the form easier to fill in.")]
    [InlineData("She's grown so much this term, shall we try the next size up?")]
    [InlineData("The delay has nothing to do with your payment, it's on our side and I'll fix it today.")]
    [InlineData("The surveyor will ring you back by four, I'll make sure of it.")]
    public void Near_misses_of_reassurance_disowning_and_whenever_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("Prices are the same everywhere at Christmas.")]
    [InlineData("Teenagers slam doors, some people are like that.")]
    [InlineData("A bit of rust on the hinges, it's common with older sheds.")]
    [InlineData("You wait your turn on the list, that's how the scheme works.")]
    [InlineData("The new boiler takes a while to settle, give it time.")]
    [InlineData("Just swap the blue ones in, the guests won't notice.")]
    [InlineData("Bake the plain sponge instead, she won't know the difference.")]
    [InlineData("Missed appointments? Happens a lot round here.")]
    [InlineData("Everybody gets lost at first on that estate.")]
    public void Normalising_the_problem_and_saying_no_one_will_notice_are_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("It's normal to feel wobbly after a fall, shall we go through what happened?")]
    [InlineData("The guests will notice the new rooms straight away, I'll show you round them on Friday.")]
    [InlineData("I'll ring the depot now and ring you back by four with a new slot.")]
    public void Near_misses_of_normalising_and_no_one_will_notice_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("Whatever, do what you like.")]
    [InlineData("lol no, the rota's up on the wall.")]
    public void A_bare_whatever_or_laughing_it_off_is_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("Haha go on then, I'll swap your Tuesday for Thursday.")]
    [InlineData("I'll refund whatever was charged after you cancelled.")]
    [InlineData("Whatever happens at the panel, I'll be there with you.")]
    [InlineData("Whatever they said at the desk, the room is yours until Sunday.")]
    [InlineData("Your call was passed to the repairs team this morning.")]
    public void Granting_with_a_laugh_a_free_relative_whatever_and_a_phone_call_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("I'm sorry you feel the wait was too long, appointments are given out in date order.")]
    [InlineData("Apologies if you were disappointed with the class. The tutors follow the published syllabus.")]
    [InlineData("Sorry if you think the price is steep, but our rates are set by head office.")]
    public void A_feelings_apology_then_a_defence_is_dismissive(string reply)
    {
        var assessment = Score.Reply(reply);
        Assert.True(assessment.Has("non_apology"));
        Assert.True(assessment.Recognises("dismissive"), assessment.Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("I'm sorry you feel that way.")]
    [InlineData("I'm sorry you feel let down, I'll ring the depot now and call you back by four.")]
    [InlineData("Sorry if you think the price is steep - what were you expecting to pay, so I can see what fits?")]
    public void A_feelings_apology_alone_or_with_help_is_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"), Score.Reply(reply).Point("dismissive").Rationale);
    }

    [Theory]
    [InlineData("Trust me, your visa will definitely be approved.")]
    [InlineData("Everything will be fixed by Monday, it's a done deal.")]
    [InlineData("That will never happen again, you have my word.")]
    [InlineData("You'll pass, no question - I guarantee it.")]
    [InlineData("The engineer will be there by Tuesday, promise.")]
    [InlineData("She won't ever do that again, I promise.")]
    [InlineData("I'll get the whole fine cancelled, I'll make sure of it.")]
    [InlineData("Don't worry, you definitely won't lose your place.")]
    [InlineData("The Wi-Fi will be back up soon I'm sure.")]
    [InlineData("You'll never be billed twice again.")]
    [InlineData("Everyone feels like that sometimes, you'll be fine.")]
    [InlineData("Don't worry, he'll be absolutely fine, they do these ops every day.")]
    [InlineData("You'll feel better in the morning.")]
    public void Guaranteeing_outcomes_is_over_promising(string reply)
    {
        Assert.True(Score.Reply(reply).Has("over_promising"));
    }

    [Theory]
    [InlineData("I'll definitely call you back tomorrow at 10.")]
    [InlineData("I can't promise it'll be Monday, but I'll chase it today.")]
    [InlineData("We can replace it for free under the warranty.")]
    [InlineData("I'll email the quote within the hour.")]
    [InlineData("We never want that to happen again, so I'll call you each Friday.")]
    [InlineData("Will you be okay getting home?")]
    public void Commitments_the_learner_controls_are_not_over_promising(string reply)
    {
        Assert.False(Score.Reply(reply).Has("over_promising"));
    }

    [Theory]
    [InlineData("I've told you three times already.")]
    [InlineData("Nobody cares, just do it.")]
    [InlineData("Wow. Just wow.")]
    [InlineData("If you'd bothered to read the handbook you'd know.")]
    [InlineData("Fantastic, another week of no van.")]
    [InlineData("ignore him, he's such a nightmare")]
    [InlineData("The form really isn't difficult.")]
    [InlineData("Maybe if your staff actually answered emails we'd get somewhere.")]
    [InlineData("Fixing that is what we pay you for.")]
    [InlineData("The rota is on the wall. Read the rota. Understood?")]
    [InlineData("seriously, grow up")]
    public void Put_downs_and_exasperation_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("Right. Because the lift has never broken down before.")]
    [InlineData("Because your inbox clearly never fills up.")]
    [InlineData("no cos you never cover anyone's lates")]
    [InlineData("Sorry if the minutes aren't up to your standards.")]
    public void Stand_alone_because_retorts_and_mock_deference_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("Because the form was never signed, the claim was paused.")]
    [InlineData("Because I never got the email, I rang instead.")]
    [InlineData("We kept it because it never rains on the terrace.")]
    [InlineData("The food meets the standards we set last year.")]
    public void Reasons_with_never_and_plain_standards_are_not_aggression(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("With respect, you've been told about the parking twice already.")]
    [InlineData("With all due respect, we know how to fit a boiler.")]
    [InlineData("Fine, you're the one with the van, sort it out.")]
    [InlineData("No. Sort your paperwork out.")]
    [InlineData("Well we can't invent more rooms, can we")]
    public void Polite_surface_hostility_bare_orders_and_group_retorts_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("With respect to your question about the deposit, it comes back within ten days.")]
    [InlineData("With respect I disagree, I think the Tuesday slot works better for the team.")]
    [InlineData("Everyone here will treat you with respect, I promise.")]
    [InlineData("Give me ten minutes and I'll sort it out, then ring you back.")]
    [InlineData("We can't get a van there today, can we book Thursday instead?")]
    public void Near_misses_of_polite_surface_hostility_bare_orders_and_group_retorts_are_not_aggression(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("Another late invoice 🙄")]
    [InlineData("Oh dear, a whole hour, however did you survive.")]
    [InlineData("Thanks for assuming I'd forget.")]
    [InlineData("Mind your own desk, I'll handle mine.")]
    [InlineData("Honestly, get over it.")]
    [InlineData("Pressing save is basic stuff.")]
    [InlineData("I've a good mind to tell your manager.")]
    [InlineData("Did they not teach you that at college?")]
    [InlineData("You'd have finished on time then, wouldn't you.")]
    [InlineData("You lot are hopeless.")]
    [InlineData("ur joking, it's been a week")]
    public void Eye_rolls_mock_questions_idioms_and_talking_down_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("Not interested in excuses, the floor needed mopping by six.")]
    [InlineData("Don't give me that nonsense, the form was on your desk.")]
    [InlineData("I'll just rewrite the whole report myself then, shall I.")]
    [InlineData("Brilliant, so now the printer's broken too.")]
    [InlineData("If the van's late again I'll be raising it with your manager.")]
    [InlineData("Perhaps if the night shift actually logged the calls we'd know.")]
    [InlineData("Honestly, you were a disaster on that call.")]
    public void Brush_offs_sarcastic_offers_and_threats_over_their_head_are_aggression(string reply)
    {
        Assert.True(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("I'm not interested in the upgrade, thanks, the old plan suits me.")]
    [InlineData("Don't give me that form yet, I still need to sign page two.")]
    [InlineData("If that suits you, then shall I book the room for Tuesday?")]
    [InlineData("I'll raise it with our contracts manager and come back to you.")]
    [InlineData("Brilliant, so the printer's working again.")]
    [InlineData("The last audit was a disaster for the whole sector, so they changed the form.")]
    public void Near_misses_of_brush_offs_sarcastic_offers_and_threats_are_not_aggression(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Theory]
    [InlineData("Tuesday?! Lovely. Really organised as ever.")]
    [InlineData("Again? Fantastic.")]
    [InlineData("Oh great. Fab. Just what the morning needed.")]
    [InlineData("Marvellous. Another burst pipe in the same flat.")]
    [InlineData("So the whole choir waits in the rain because your driver got lost. Nice.")]
    [InlineData("I'm escalating this to your account manager today.")]
    [InlineData("Keep reading people's files and you'll be sacked.")]
    [InlineData("To be fair you didn't know what you were doing in that meeting.")]
    public void Praise_where_nothing_went_well_and_threats_over_their_head_are_aggression(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Partner);

        Assert.True(assessment.Has("aggression"), assessment.Point("aggression").Rationale);
    }

    [Theory]
    [InlineData("Lovely. I'll see you on Tuesday at ten.")]
    [InlineData("Tuesday? Lovely, thanks, that works for us.")]
    [InlineData("I've booked the van for nine. Perfect.")]
    [InlineData("Great! I'll send the forms over tonight.")]
    [InlineData("Thanks for sorting the keys so quickly. Brilliant.")]
    [InlineData("I'd like to escalate this to your account manager, please.")]
    [InlineData("I'll raise it with our account manager and call you back.")]
    public void Praise_that_goes_with_something_done_and_a_polite_escalation_are_not_aggression(string reply)
    {
        var assessment = Score.Reply(reply, context: ContextKind.Partner);

        Assert.False(assessment.Has("aggression"), assessment.Point("aggression").Rationale);
    }

    [Theory]
    [InlineData("That's a relief 🙂")]
    [InlineData("However, we can rebook you for Monday.")]
    [InlineData("However, would you like us to rebook it?")]
    [InlineData("Thanks for reminding me about the form.")]
    [InlineData("Mind the step on your way out.")]
    [InlineData("We'll get over there by noon.")]
    [InlineData("The basic plan is ten pounds a month.")]
    [InlineData("You have a good memory for dates.")]
    [InlineData("Did they tell you when it would be ready?")]
    [InlineData("If it's ready then, would you like me to drop it round?")]
    [InlineData("Thanks, you lot were brilliant today.")]
    public void Near_misses_of_eye_rolls_mock_questions_and_idioms_are_not_aggression(string reply)
    {
        Assert.False(Score.Reply(reply, context: ContextKind.Colleague).Has("aggression"));
    }

    [Fact]
    public void Dont_worry_these_things_happen_is_a_brush_off_not_de_escalation()
    {
        var assessment = Score.Reply("Don't worry, these things happen.");

        Assert.True(assessment.Has("dismissive"));
        Assert.False(assessment.Has("de_escalation"));
    }

    [Theory]
    [InlineData("I'll make sure nobody from sales ever rings you again.")]
    [InlineData("Your daughter will be absolutely fine, honestly.")]
    [InlineData("You'll have the keys by Friday for sure.")]
    public void Guarantees_about_what_others_do_or_what_happens_are_over_promising(string reply)
    {
        Assert.True(Score.Reply(reply).Has("over_promising"));
    }

    [Fact]
    public void A_guarantee_the_learned_layer_doubts_is_still_found_by_the_rules()
    {
        // A known error of the layer retrained in stop 25: it gives this 0.19 and withdraws it. The rules find it, and the
        // withdrawal says so with the rules' evidence kept, so an assessor can see and override it.
        var point = Score.Reply("There's no way the boiler will break again.").Point("over_promising");

        Assert.True(point.Withdrawn, point.Rationale);
        Assert.StartsWith(Learned.CreditModel.WithdrawnPrefix, point.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_whether_something_is_certain_is_not_over_promising()
    {
        Assert.False(Score.Reply("Do you know for sure which flat it was?").Has("over_promising"));
    }

    [Theory]
    [InlineData("If you'd rung us sooner we could have stopped the order.")]
    [InlineData("You were told about the admin fee when you booked.")]
    [InlineData("The previous tenant should have reported the leak.")]
    [InlineData("IT changed the printer settings without telling us.")]
    [InlineData("The log shows the van arrived at ten, so you must have been out.")]
    [InlineData("you must've been looking at the old timetable")]
    [InlineData("The lettings team are swamped, it's been like that all month.")]
    public void Counterfactuals_reminders_and_third_party_failures_are_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Recognises("blame"));
    }

    [Theory]
    [InlineData("Nothing is ever their fault in that department.")]
    [InlineData("You're costing us money every time you cancel late.")]
    [InlineData("A lot of people type the code wrong.")]
    [InlineData("It's usually down to how the filter is cleaned.")]
    [InlineData("Must be the engineer who left it open.")]
    [InlineData("That'll be the contractor again.")]
    [InlineData("Your cleaners don't always lock the side door.")]
    [InlineData("Your engineers clearly can't read a map.")]
    [InlineData("The gate staff work for a separate company, so that's not us.")]
    [InlineData("The fitters are agency, so I can't vouch for them.")]
    [InlineData("Honestly, I'm only the messenger here.")]
    [InlineData("We're just a marketplace, take it up with the seller.")]
    [InlineData("You lot never send the forms back on time.")]
    [InlineData("She should've checked the dates then, shouldn't she.")]
    public void Pinning_it_on_others_by_generalising_speculating_or_distancing_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("Has the fault ever happened before?")]
    [InlineData("The repair is costing us more than we planned.")]
    [InlineData("Most people find the new app easier.")]
    [InlineData("We're down to two spaces on Friday.")]
    [InlineData("It must be the best option for you.")]
    [InlineData("That'll be the last payment on the plan.")]
    [InlineData("Your cleaners always do a great job.")]
    [InlineData("Your engineer clearly explained the fix.")]
    [InlineData("We'll send the charger in a separate parcel.")]
    [InlineData("The agency sent two fitters today.")]
    [InlineData("What does the booking page say about deposits?")]
    [InlineData("I'll pass the message on to the office.")]
    [InlineData("We're just about to close, can I call you at nine?")]
    [InlineData("If it's ready then, would you like me to drop it round?")]
    public void Near_misses_of_generalising_speculating_or_distancing_are_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Fact]
    public void Owning_a_mistake_is_not_blame()
    {
        Assert.False(Score.Reply("I'm sorry, I should have told you about the admin fee when you booked - that's on me.").Has("blame"));
    }

    [Theory]
    [InlineData("yeah she came in on Friday and took the blue folder", "Has my wife been in to collect the paperwork?", ContextKind.Customer)]
    [InlineData("Sure, he's in most Wednesdays for his physio.", "Can you tell me if your patient Mr Patel still comes to the clinic?", ContextKind.Partner)]
    [InlineData("yep she's been off with her nerves again", "Is Marta coming back to the choir this term?", ContextKind.Customer)]
    [InlineData("she's got early dementia, her son does the shopping", "Could you tell me about Ellie's nan before I visit?", ContextKind.Colleague)]
    [InlineData("ah yes, he checked in on Saturday", "Has my uncle arrived yet?", ContextKind.Customer)]
    [InlineData("yeah she's on the second floor, by the lift", "My sister's staying with you this week. Which floor is she on?", ContextKind.Customer)]
    public void Answering_a_question_about_someone_else_with_their_doings_is_a_breach(string reply, string persona, ContextKind context)
    {
        Assert.True(Score.Reply(reply, persona, context).Has("confidentiality_breach"));
    }

    [Theory]
    [InlineData("I'm sorry, I can't say whether anyone has been in. She'll need to ring us herself.", "Has my wife been in to collect the paperwork?", ContextKind.Customer)]
    [InlineData("He's probably on his break, try again in ten minutes.", "Can you tell me if Mr Patel is free to talk?", ContextKind.Partner)]
    [InlineData("She said she wanted extra hours, ask her.", "Can you cover my shift? My daughter's in a play.", ContextKind.Colleague)]
    [InlineData("She's in the main entrance at 2pm.", "We've a pickup for Mrs Khan today. What do we need to know?", ContextKind.Partner)]
    [InlineData("Do you know when she last came in?", "Has my wife been in to collect the paperwork?", ContextKind.Customer)]
    [InlineData("Yes she's in, flat 6 on the second floor.", "Is Mrs Achebe home? Our driver's outside with her wardrobe.", ContextKind.Partner)]
    [InlineData("Oh she's lovely! We open at nine.", "My aunt recommended you. Can you tell me your opening hours?", ContextKind.Customer)]
    public void Refusing_guessing_or_talking_past_a_question_about_someone_is_not_that_breach(string reply, string persona, ContextKind context)
    {
        Assert.False(Score.Reply(reply, persona, context).Has("confidentiality_breach"));
    }

    [Theory]
    [InlineData("ha go on, send me her number")]
    [InlineData("what's his address then? I'll pop round")]
    public void Asking_a_colleague_for_someone_elses_contact_details_is_a_breach(string reply)
    {
        Assert.True(Score.Reply(reply, "That lad from the viewing this morning was well fit, I kept his form.", ContextKind.Colleague).Has("confidentiality_breach"));
    }

    [Fact]
    public void A_breach_spoils_only_what_is_said_in_its_own_sentence()
    {
        const string persona = "Any news on the Patel complaint?";
        var separate = Score.Reply("I'll ring the customer today and update her. Between us, she's just finished chemo so she's all over the place.", persona, ContextKind.Colleague);
        var same = Score.Reply("I'll ring her today, she's just finished chemo so she's all over the place.", persona, ContextKind.Colleague);

        Assert.True(separate.Has("confidentiality_breach"));
        Assert.True(separate.Has("ownership"));
        Assert.True(same.Has("confidentiality_breach"));
        Assert.False(same.Has("ownership"));
    }

    [Fact]
    public void An_abbreviation_the_other_person_used_is_not_jargon_unless_they_asked_what_it_means()
    {
        const string reply = "Thanks, I'll book an engineer to look at the ONT today.";

        Assert.False(Score.Reply(reply, "The light on my ONT box has gone red.").Has("jargon"));
        Assert.True(Score.Reply(reply, "The letter says my ONT is faulty. What does ONT mean?").Has("jargon"));
        Assert.True(Score.Reply(reply, "My internet's been off since this morning.").Has("jargon"));
        Assert.False(Score.Reply("I'll ask the depot to check the CCTV from the bus.", "The driver drove straight past me.").Has("jargon"));
    }

    [Theory]
    [InlineData("Tell her she'll get the full £200 by Friday.")]
    [InlineData("It's totally harmless, don't worry about it.")]
    [InlineData("it'll be with you tomorrow deffo")]
    [InlineData("You'll get another place in no time.")]
    public void Promising_for_others_certainty_slang_and_instant_fixes_are_over_promising(string reply)
    {
        Assert.True(Score.Reply(reply).Has("over_promising"));
    }

    [Theory]
    [InlineData("Stop worrying about the audition, you'll smash it.")]
    [InlineData("Honestly you'll sail through the assessment.")]
    [InlineData("I've told her you'll replace the fridge this week.")]
    public void Certain_success_for_someone_else_and_promising_on_a_colleague_s_behalf_are_over_promising(string reply)
    {
        Assert.True(Score.Reply(reply).Has("over_promising"));
    }

    [Theory]
    [InlineData("If you keep practising the scales you could nail it.")]
    [InlineData("I've told her you'll ring her once the part is in.")]
    public void Hedged_success_and_passing_on_a_callback_are_not_over_promising(string reply)
    {
        Assert.False(Score.Reply(reply).Has("over_promising"));
    }

    [Theory]
    [InlineData("I'll ask finance whether she can get the £200 by Friday and ring you back.")]
    [InlineData("The test results say it's harmless, but I'll book you in to be sure.")]
    public void Checking_before_promising_is_not_over_promising(string reply)
    {
        Assert.False(Score.Reply(reply).Has("over_promising"));
    }

    [Theory]
    [InlineData("The ferry times are outside our control, so the trip is off.")]
    [InlineData("It's not something we can control, the council sets the bin days.")]
    [InlineData("The system assigns the desks, don't ask me.")]
    [InlineData("Don't look at me, the night crew packed it.")]
    [InlineData("No one ever showed us how to use the new till.")]
    [InlineData("The bike was fine when it left the workshop.")]
    [InlineData("So why didn't you mention it at the start?")]
    [InlineData("The caterers let us down at the last minute.")]
    [InlineData("The till doesn't lie, you paid for one coffee.")]
    [InlineData("The managers never think these rotas through.")]
    [InlineData("The engineers are flat out this week.")]
    [InlineData("It's a system glitch, that's all.")]
    [InlineData("Coats are left at your own risk.")]
    [InlineData("That one's on finance not me.")]
    public void Circumstances_machines_and_other_people_named_as_the_cause_are_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("Don't look at me like that, I'm only trying to help.")]
    [InlineData("Why didn't you get a reply? Let me look into it.")]
    [InlineData("I know you won't let us down on Saturday.")]
    public void An_owned_cause_a_process_step_or_trust_in_someone_is_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("Sorry, it's first come first served.")]
    [InlineData("We can't be held responsible for lost property.")]
    [InlineData("Ring the bank yourself, I'm not your secretary.")]
    [InlineData("I'm not a mind reader.")]
    [InlineData("We're a library, not the noise police.")]
    [InlineData("We can't babysit every volunteer.")]
    [InlineData("It says so on the poster by the till.")]
    [InlineData("Planning always takes ages, it's normal.")]
    [InlineData("Kids say that all the time.")]
    [InlineData("Honestly I've got better things to do than chase this.")]
    [InlineData("I've done my bit, the rest is up to you.")]
    [InlineData("We're full tonight, try somewhere else.")]
    [InlineData("Nobody is going to notice a tiny mark like that.")]
    [InlineData("The gym is always busy on a Monday.")]
    public void Rules_pointed_at_role_disclaimers_and_generalised_habits_are_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"));
    }

    [Theory]
    [InlineData("Can you read me what it says on the letter?")]
    [InlineData("I know you're busy, so I've done the form for you.")]
    [InlineData("I'm not your enemy here, I want to help.")]
    [InlineData("I think about my mum all the time too, it's completely understandable.")]
    public void Reading_a_notice_together_reassurance_and_shared_feelings_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"));
    }

    [Theory]
    [InlineData("You probably clicked the old link in the newsletter.")]
    [InlineData("the router probably switched itself off when you moved it")]
    [InlineData("Our porters are careful, so it wasn't broken on our side.")]
    [InlineData("our tutor did nothing wrong, he followed the plan")]
    [InlineData("It's not the portal, it's your browser.")]
    [InlineData("the booking system is useless, it never saves anything")]
    [InlineData("You sure it wasn't your flatmate who moved it?")]
    [InlineData("The delay was the landlord not us.")]
    [InlineData("did you fit the filter properly?")]
    public void A_guessed_act_a_defended_side_or_a_reassigned_cause_is_blame(string reply)
    {
        Assert.True(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("You're probably exhausted after a week like that.")]
    [InlineData("I probably mixed up the dates, I'm sorry.")]
    [InlineData("Our porters are coming round on Thursday to collect it.")]
    [InlineData("That's awful, the week you've had sounds rubbish.")]
    public void Guesses_about_feelings_or_oneself_and_plain_news_about_our_side_are_not_blame(string reply)
    {
        Assert.False(Score.Reply(reply).Has("blame"));
    }

    [Theory]
    [InlineData("Stop being so precious about the rota.")]
    [InlineData("stop making such a fuss, it's one late bus")]
    [InlineData("every new starter feels like that, you'll get used to it")]
    [InlineData("Everyone does weekends, no point whinging.")]
    public void Telling_them_off_for_complaining_or_making_it_universal_is_dismissive(string reply)
    {
        Assert.True(Score.Reply(reply).Has("dismissive"));
    }

    [Theory]
    [InlineData("Please stop taking the tablets until the GP has called you.")]
    [InlineData("You're not making a fuss at all, I'm glad you told me.")]
    [InlineData("Every plan feels like a lot at first, so let's go through it together.")]
    public void Advice_reassurance_and_a_shared_plan_are_not_dismissive(string reply)
    {
        Assert.False(Score.Reply(reply).Has("dismissive"));
    }
}
