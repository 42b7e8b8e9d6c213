// First: no eval probe in the browser (see zodConfig).
import "@/lib/forms/zodConfig";
import { z } from "zod";

/** Messages are keys in the "forms" namespace, rendered per language by the form. */
const comment = z.string().trim().max(2000, "errors.tooLong");
const requiredComment = comment.min(1, "errors.commentRequired");
const base = { code: z.string().trim().min(1), version: z.coerce.number().int().positive() };

/** A staff action on a dossier: the form posts one of these; the server parses it again. */
export const staffActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), ...base, comment: comment.optional() }),
  z.object({ action: z.literal("request_supplement"), ...base, comment: requiredComment }),
  z.object({ action: z.literal("refuse"), ...base, comment: requiredComment }),
  z.object({
    action: z.literal("assign"),
    ...base,
    assigneeId: z.uuid("errors.assigneeRequired"),
    comment: comment.optional(),
  }),
  z.object({
    action: z.literal("propose"),
    ...base,
    proposal: z.enum(["approve", "deny"], "errors.proposalRequired"),
    comment: requiredComment,
  }),
  z.object({ action: z.literal("approve"), ...base, comment: comment.optional() }),
  z.object({ action: z.literal("deny"), ...base, comment: requiredComment }),
  z.object({ action: z.literal("return_result"), ...base, comment: comment.optional() }),
  z.object({ action: z.literal("stop"), ...base, comment: requiredComment }),
]);
export type StaffActionCommand = z.infer<typeof staffActionSchema>;

export const supplementSchema = z.object({
  dossierId: z.uuid(),
  version: z.coerce.number().int().positive(),
  comment: requiredComment,
});
export type SupplementCommand = z.infer<typeof supplementSchema>;

export const withdrawSchema = z.object({
  dossierId: z.uuid(),
  version: z.coerce.number().int().positive(),
  comment: comment.optional(),
});
export type WithdrawCommand = z.infer<typeof withdrawSchema>;

export const startDraftSchema = z.object({
  procedureCode: z.string().trim().min(1),
  /** Required when the procedure is done by more than one agency (e.g. each commune). */
  competentAgencyId: z.uuid("errors.agencyRequired").optional(),
});
export type StartDraftCommand = z.infer<typeof startDraftSchema>;

export const lookupSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "errors.codeRequired")
    .max(40, "errors.codeFormat")
    .regex(/^[0-9A-Za-z.]+-\d{6}-\d{4}$/, "errors.codeFormat"),
});
