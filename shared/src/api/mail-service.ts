import { z } from 'zod';

/**
 * Extra calls between the mail filter (service token) and the Worker, beside the filing
 * contract in `mail.ts`.
 *
 * `GET /mail/service/councillors/:id` answers for a councillor of the service token's
 * council (404 otherwise): the filter checks every configured account at start-up, so a
 * wrong token or councillor id fails then, with a clear message, not on the first threat.
 */
export const serviceCouncillorSchema = z.object({
  id: z.string(),
  name: z.string(),
});
export type ServiceCouncillor = z.infer<typeof serviceCouncillorSchema>;
