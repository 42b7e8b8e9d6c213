// First: no eval probe in the browser (see zodConfig).
import "@/lib/forms/zodConfig";
// zod/mini: supplementSchema also runs in the browser (react-hook-form); classic zod weighs ~30 KB there.
import * as z from "zod/mini";
import { returnMethods } from "./types";

/** Messages are keys in the "forms" namespace, rendered per language by the form. */
const comment = z.string().check(z.trim(), z.maxLength(2000, "errors.tooLong"));
const requiredComment = comment.check(z.minLength(1, "errors.commentRequired"));
const version = z.coerce.number().check(z.int(), z.positive());
const base = { code: z.string().check(z.trim(), z.minLength(1)), version };

/** A staff action on a dossier: the form posts one of these; the server parses it again. */
export const staffActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), ...base, comment: z.optional(comment) }),
  z.object({
    action: z.literal("request_supplement"),
    ...base,
    comment: requiredComment,
    /** documents of the procedure's list, by key */
    documentKeys: z.optional(z.array(z.string().check(z.maxLength(100)))),
    /** documents the list lacks, one name per line */
    otherDocuments: z.optional(z.string().check(z.trim(), z.maxLength(4000, "errors.tooLong"))),
  }),
  z.object({ action: z.literal("refuse"), ...base, comment: requiredComment }),
  z.object({
    action: z.literal("assign"),
    ...base,
    assigneeId: z.uuid("errors.assigneeRequired"),
    comment: z.optional(comment),
  }),
  z.object({
    action: z.literal("propose"),
    ...base,
    proposal: z.enum(["approve", "deny"], "errors.proposalRequired"),
    comment: requiredComment,
  }),
  z.object({ action: z.literal("approve"), ...base, comment: z.optional(comment) }),
  z.object({ action: z.literal("deny"), ...base, comment: requiredComment }),
  z.object({
    action: z.literal("return_result"),
    ...base,
    // Optional for the API (the desk when not said); the form always sends one.
    method: z.optional(z.enum(returnMethods, "errors.returnMethodRequired")),
    trackingNumber: z.optional(z.string().check(z.trim(), z.maxLength(100, "errors.tooLong"))),
    comment: z.optional(comment),
  }),
  z.object({ action: z.literal("stop"), ...base, comment: requiredComment }),
  z.object({
    action: z.literal("consult"),
    ...base,
    toAgencyId: z.uuid("errors.agencyRequired"),
    comment: requiredComment,
  }),
  z.object({
    action: z.literal("answer_consultation"),
    ...base,
    consultationId: z.uuid(),
    comment: requiredComment,
  }),
  z.object({ action: z.literal("transfer"), ...base, comment: z.optional(comment) }),
  z.object({
    action: z.literal("propose_delay"),
    ...base,
    newDueDate: z.string().check(z.trim(), z.regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateRequired")),
    comment: requiredComment,
  }),
  z.object({ action: z.literal("approve_delay"), ...base, comment: z.optional(comment) }),
  z.object({ action: z.literal("reject_delay"), ...base, comment: requiredComment }),
  z.object({ action: z.literal("release"), ...base, comment: z.optional(comment) }),
]);
export type StaffActionCommand = z.infer<typeof staffActionSchema>;

export const supplementSchema = z.object({
  dossierId: z.uuid(),
  version,
  comment: requiredComment,
});
export type SupplementCommand = z.infer<typeof supplementSchema>;

export const withdrawSchema = z.object({
  dossierId: z.uuid(),
  version,
  comment: z.optional(comment),
});
export type WithdrawCommand = z.infer<typeof withdrawSchema>;

export const startDraftSchema = z.object({
  procedureCode: z.string().check(z.trim(), z.minLength(1)),
  /** Required when the procedure is done by more than one agency (e.g. each commune). */
  competentAgencyId: z.optional(z.uuid("errors.agencyRequired")),
  /** Filing in an organisation's name (its owner or filer only): absent for the applicant's own. */
  organisationId: z.optional(z.uuid("organisations:errors.forWhomRequired")),
});
export type StartDraftCommand = z.infer<typeof startDraftSchema>;

export const lookupSchema = z.object({
  code: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "errors.codeRequired"),
      z.maxLength(40, "errors.codeFormat"),
      z.regex(/^[0-9A-Za-z.]+-\d{6}-\d{4}$/, "errors.codeFormat"),
    ),
});
