// First: no eval probe in the browser (see zodConfig).
import "@/lib/forms/zodConfig";
// zod/mini: the agency form validates in the browser too (react-hook-form).
import * as z from "zod/mini";
import { agencyCodePattern, agencyKinds, agencyLevels } from "./rules";

/** A trimmed text field; "" becomes null (an optional column left empty). */
const optionalText = (max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.maxLength(max, "errors.tooLong")),
    z.transform((value) => (value === "" ? null : value)),
  );

const optionalDate = z.union([
  z.pipe(
    z.literal(""),
    z.transform(() => null),
  ),
  z.iso.date("errors.date"),
]);

const optionalId = (message: string) =>
  z.union([
    z.pipe(
      z.literal(""),
      z.transform(() => null),
    ),
    z.uuid(message),
  ]);

/** The agency form (create and edit). Message keys are in the "admin" namespace unless "errors.". */
export const agencySchema = z
  .object({
    code: z.pipe(
      z.pipe(
        z.string(),
        z.transform((value) => value.trim().toUpperCase()),
      ),
      z.string().check(z.regex(agencyCodePattern, "admin:fieldErrors.code")),
    ),
    nameVi: z
      .string()
      .check(z.trim(), z.minLength(3, "admin:fieldErrors.nameVi"), z.maxLength(200, "errors.tooLong")),
    nameEn: z
      .string()
      .check(z.trim(), z.minLength(3, "admin:fieldErrors.nameEn"), z.maxLength(200, "errors.tooLong")),
    parentId: optionalId("admin:fieldErrors.parentId"),
    kind: z.enum(agencyKinds, "admin:fieldErrors.kind"),
    level: z.enum(agencyLevels, "admin:fieldErrors.level"),
    address: optionalText(300),
    validFrom: optionalDate,
    validTo: optionalDate,
    successorId: optionalId("admin:fieldErrors.successorId"),
  })
  .check(
    z.refine((value) => !value.validFrom || !value.validTo || value.validFrom <= value.validTo, {
      path: ["validTo"],
      message: "admin:fieldErrors.validToBeforeFrom",
    }),
  );
export type AgencyInput = z.input<typeof agencySchema>;
export type AgencyCommand = z.output<typeof agencySchema>;

export const agencyFields = [
  "code",
  "nameVi",
  "nameEn",
  "parentId",
  "kind",
  "level",
  "address",
  "validFrom",
  "validTo",
  "successorId",
] as const;
export type AgencyField = (typeof agencyFields)[number];
