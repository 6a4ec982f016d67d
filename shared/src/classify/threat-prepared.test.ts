import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Threats by another road (threat-prepared.ts), each family with its benign twin. Rules only.
const verdict = (body: string) => classify({ body }, { model: null });
const THREATS = ['threat', 'threat_to_life'];

describe('threats that say what is coming without a harm verb aimed at the reader', () => {
  it.each([
    ['escalation', 'You ignored the letters. Next time it will not be a letter, it will be a brick.'],
    ['escalation', "Two warnings now. Next time it won't be an email it'll be a petrol bomb through your door."],
    ['not-responsible', 'From Monday I will no longer be responsible for what I do to you, councillor.'],
    ['not-responsible', "Fix my roof or I can't be held responsible for my actions."],
    ['last-alive', 'Make the most of your last few days alive, Cllr Dunmore.'],
    ['last-alive', 'Kiss the kids goodnight, it could be the last time you wake up in that house.'],
    ['property-fire', 'Lot of angry people about. Would not surprise me if your house went up in flames some night.'],
    ['property-fire', 'Your shop on the high street would make a lovely bonfire, councillor.'],
    ['next-victim', 'The next politician who gets stabbed round here is going to be you.'],
    ['not-home', "Vote for the incinerator and you won't make it home that night."],
    ['not-walking', "Come near the estate again and you'll not be walking for a month."],
    ['face-down', "Keep it up and they'll find you in the river face down."],
    ['me-harming', 'Best thing for this town would be me killing you.'],
    ['go-round-and', 'She lives on Hawthorn Close. Somebody go round and give her what she deserves.'],
    ['blood-spilled', 'Blood will be spilled at that meeting and yours will be first.'],
    ['judgement-joined', 'God will punish you for this and so will we.'],
    ['street-harm', "I'm glassing you the next time you walk into the Red Lion, councillor."],
    ['street-harm', "Tell the mayor I'm going to stripe her the minute she leaves the building."],
    ['when-we-catch', "You'll find out what we'll do to you when we catch you on the towpath."],
    ['incite-property', "Somebody needs to put a brick through the window of that councillor's house."],
    ['shame-if', "Shame if your brakes failed on the bypass one night, wouldn't it."],
    ['car-bomb', 'I would check under your car every morning from now on.'],
    ['property-fire', 'How would you feel if your office caught fire on a Sunday night?'],
    ['easy-for-someone', 'It would be so easy for someone to follow you home from the count.'],
    ['pay-in-blood', 'Close the library and your family will pay for it in blood.'],
    ['your-last', "Enjoy the summer recess, because it's going to be your last."],
    ['not-home', "Vote it through and you won't make it back to your car."],
    ['mob-justice', 'The people will deliver justice to traitors like you, and soon.'],
    ['mob-justice', 'There are fifty of us ready to drag you out of your house.'],
    ['home-invasion', 'I know which flat is yours. I will come in while you sleep.'],
    ['bringing-weapon', "Tell the planning officer I'll be at the offices on Monday and I'll be bringing a machete."],
    ['bringing-weapon', "I'm coming in on Friday with a can of petrol, and you know why."],
    ['carried-away', "I'll wait at the bus stop for her and she'll be leaving in an ambulance."],
    ['last-thing', "Open that hostel and it'll be the last thing you ever do."],
    ['bomb-hoax', 'There is a bomb in your surgery. You have until noon.'],
    ['with-your-name', "I've got a bullet in the drawer with your name on it."],
    ['property-fire', "Your house is thatched, isn't it. Would go up lovely."],
    ['vehicle-through', "I'm going to drive my van through the front doors of the town hall."],
    ['take-with-me', "I've nothing left and I'll take as many of you with me as I can."],
    ['whats-coming', "You deserve everything that's coming to you, and believe me it's coming."],
    ['breaking-bones', 'Ignore us and we start breaking bones, starting with yours.'],
    ['brick-through', 'I know which window is your office. One of these days a brick is going through it.'],
    ['intent-harm', "Next time I'm in that one stop shop I'm going to drag him over the counter and stamp on his head."],
  ])('%s: "%s"', (rule, body) => {
    const v = verdict(body);
    expect(THREATS).toContain(v.severity);
    expect(v.evidence.map((e) => e.rule)).toContain(rule);
  });
});

describe('their benign twins stay clean', () => {
  it.each([
    'Next time it will not be a letter, it will be a formal complaint to the Ombudsman.',
    'I am responsible for my actions and I expect you to be responsible for yours.',
    'These are the last few days of the consultation, so please respond.',
    'The last time you came to our residents meeting was in March.',
    'Sorry to hear your car went up in flames last week, hope the insurance pays out.',
    'Our bonfire night display will be on the green again, councillor, hope to see you there.',
    'The next councillor who gets elected here will have to sort out the buses.',
    "Without the 42 bus you won't make it home in time for tea.",
    "After your knee operation you'll not be walking for a month, take care.",
    'A man was found face down in the canal last night, the police are appealing for witnesses.',
    'Me beating you at the quiz was the highlight of my year.',
    'Go round and give her a card from all of us, she has been brilliant on the ward.',
    'Blood will be spilled in Ukraine for years unless the talks succeed.',
    'God will judge us all, and we should be kind to each other while we can.',
    "I'm glassing the new display cabinets for the museum this week.",
    'Here is what we will do to the park when we get the lottery funding.',
    'Somebody needs to put a bin at the corner; people throw bottles at the bus stop.',
    "Shame if the plan fails over one objection, it's a good scheme.",
    'Please check under your car for the hedgehog that lives in our road before you drive off.',
    'If your office caught fire, would the alarm reach the caretaker? The fire service is asking.',
    'It would be easy for someone to find the consultation online if you linked it from the homepage.',
    'This meeting is your last as chair, thank you for everything.',
    "Without the park and ride you won't make it back to your car before the barrier closes.",
    'We will deliver the leaflets to every house on the estate by Friday.',
    'I will come in while you are out to read the meter, if that is all right.',
    "I'll be bringing a hammer to fix the fence at the community garden on Saturday.",
    'The patient was well enough to go home; she will be leaving in a wheelchair taxi on Friday.',
    'The last thing you ever want is a council tax bill you cannot pay.',
    'There was a bomb scare at the station last week and the trains were stopped.',
    'I have a letter from the ombudsman with your name on it, councillor.',
    'Prices would go up fast if the market closed, say the traders.',
    "I'm going to drive my van to the tip on Saturday with the fence panels.",
    'We need as many of you as possible at the meeting.',
    'You deserve every bit of praise that is coming your way for the park.',
    'The new bone density scanner is breaking records at the hospital.',
    'A brick came through my window last night and the police have a crime number.',
    "You're going to need one of the new parking permits from April.",
    'The bus stop outside the one stop shop is dangerous, someone will get hurt by a bus.',
  ])('"%s"', (body) => {
    expect(verdict(body).severity).toBe('clean');
  });
});
