/** Every variable a reply template may use, with what it means (shown to editors). */
export const TEMPLATE_VARIABLES = {
  sender_name: 'The name of the person being written to',
  councillor_name: 'The councillor the message was sent to',
  council_name: 'The council',
  contact_name: 'The single council contact the person should write to instead',
  contact_email: "That contact's email address",
  colleague_name: 'A ward colleague taking over the correspondence',
  monitoring_officer_name: "The council's monitoring officer",
  reference: 'The council reference for this correspondence',
  date: 'Today, written out (23 November 2026)',
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export const isTemplateVariable = (v: string): v is TemplateVariable => Object.hasOwn(TEMPLATE_VARIABLES, v);
