import { z } from "zod";

/** Messages are keys in the "forms" namespace. */
const text = (max: number) => z.string().trim().min(1, "errors.required").max(max, "errors.tooLong");

/** A head of unit publishes the decision that closed a dossier. */
export const publishDecisionSchema = z.object({
  dossierCode: text(40),
  /** As written on the decision, e.g. 125/QĐ-UBND. */
  number: text(100),
  issuedOn: z.iso.date("errors.date"),
  summaryVi: text(2000),
  summaryEn: text(2000),
  /** The dossier's version when the form was shown: a change since then is a conflict. */
  version: z.coerce.number().int().positive().optional(),
});

export type PublishDecisionInput = z.input<typeof publishDecisionSchema>;
export type PublishDecisionCommand = z.infer<typeof publishDecisionSchema>;

export const decisionsQuerySchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
