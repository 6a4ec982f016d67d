import type { ReplyTemplateText } from './render.ts';

export const TEMPLATE_KEYS = ['rules_of_engagement', 'warning', 'cessation', 'redirect', 'monitoring_officer', 'colleague_takeover'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface BuiltInTemplate extends ReplyTemplateText {
  key: TemplateKey;
  name: string;
  /** When in the escalation the step fits, for the officer choosing. */
  purpose: string;
}

/**
 * Wardguard's own wording for the steps councils use to disengage abusive correspondents:
 * set expectations, warn, stop engaging, redirect to one contact, a monitoring officer's
 * request to desist, and a ward colleague taking over. Councils edit these in the
 * dashboard; every edit is a new version.
 */
export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    key: 'rules_of_engagement',
    name: 'How we will correspond with you',
    purpose: 'First step: sets out how councillors handle correspondence, before any warning.',
    subject: 'Your correspondence with {{councillor_name}} ({{reference}})',
    body: `Dear {{sender_name}},

Thank you for contacting {{councillor_name}}. Councillors at {{council_name}} are glad to hear from residents, including when you disagree strongly with a decision.

To keep correspondence useful for everyone, councillors will reply to messages that are courteous, and will not reply to messages that are abusive, threatening, or that contain personal insults. Messages of that kind are recorded by the council.

If you would like to raise a matter with the council, {{contact_name}} ({{contact_email}}) can help.

Yours sincerely,
On behalf of {{councillor_name}}
{{council_name}}
{{date}}`,
  },
  {
    key: 'warning',
    name: 'Warning about abusive messages',
    purpose: 'After abusive messages: says what was unacceptable and what will happen next.',
    subject: 'Your recent messages to {{councillor_name}} ({{reference}})',
    body: `Dear {{sender_name}},

We are writing about recent messages you sent to {{councillor_name}}. They contained language that was abusive, and the council does not accept that kind of correspondence towards its councillors or staff.

The council has kept a record of these messages. If further messages of this kind are sent, the councillor will stop replying to you, and the council may take further steps, including reporting the messages to the police where they may be an offence.

You are welcome to raise any concern about council services in a respectful way with {{contact_name}} ({{contact_email}}).

Yours sincerely,
{{council_name}}
{{date}}`,
  },
  {
    key: 'cessation',
    name: 'No further replies',
    purpose: 'When abuse continues after a warning: the councillor stops replying.',
    subject: 'Correspondence with {{councillor_name}} ({{reference}})',
    body: `Dear {{sender_name}},

Because of the abusive content of your messages, {{councillor_name}} will no longer reply to correspondence from you. Your messages will still be received and kept on record by the council.

This does not stop you using council services. For any council matter, please write to {{contact_name}} at {{contact_email}}, who will respond on the council's behalf.

Yours sincerely,
{{council_name}}
{{date}}`,
  },
  {
    key: 'redirect',
    name: 'Single point of contact',
    purpose: 'Routes all future correspondence through one named officer.',
    subject: 'Who to contact about your enquiries ({{reference}})',
    body: `Dear {{sender_name}},

From today, please send any correspondence about council matters to {{contact_name}} at {{contact_email}}, rather than to {{councillor_name}} or other councillors. {{contact_name}} will make sure your enquiries reach the right service and will reply to you.

Messages sent elsewhere will be passed to {{contact_name}} and may take longer to answer.

Yours sincerely,
{{council_name}}
{{date}}`,
  },
  {
    key: 'monitoring_officer',
    name: "Monitoring officer's request to stop",
    purpose: 'Formal letter asking the person to stop contacting the councillor.',
    subject: 'Request to stop contacting {{councillor_name}} ({{reference}})',
    body: `Dear {{sender_name}},

I am the Monitoring Officer of {{council_name}}. I am writing because of the messages you have sent to {{councillor_name}}, which the council considers abusive and distressing.

I ask you to stop contacting {{councillor_name}} directly, by any means, with immediate effect. The council has kept a record of your messages and may share it with the police. Sending messages that are threatening or grossly offensive, or that amount to harassment, can be a criminal offence.

If you need to contact the council, please write to {{contact_name}} at {{contact_email}}, quoting reference {{reference}}.

Yours sincerely,
{{monitoring_officer_name}}
Monitoring Officer, {{council_name}}
{{date}}`,
  },
  {
    key: 'colleague_takeover',
    name: 'A ward colleague will reply',
    purpose: 'In multi-member wards: another councillor takes over the correspondence.',
    subject: 'Your correspondence about ward matters ({{reference}})',
    body: `Dear {{sender_name}},

Your ward is represented by more than one councillor. From today, {{colleague_name}} will handle your correspondence about ward matters instead of {{councillor_name}}. Please write to {{colleague_name}} through {{contact_name}} at {{contact_email}}.

Yours sincerely,
{{council_name}}
{{date}}`,
  },
];
