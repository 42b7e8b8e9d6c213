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

/** Digits only once spaces are taken out ("0011 0012 34567"); "" becomes null. */
const optionalDigits = (pattern: RegExp, message: string) =>
  z.optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((value) => value.replace(/[\s.-]/g, "")),
      ),
      z.union([
        z.pipe(
          z.literal(""),
          z.transform(() => null),
        ),
        z.string().check(z.regex(pattern, message)),
      ]),
    ),
  );

/** The account holder as the bank shows it: capitals, trimmed; "" becomes null. */
const accountName = z.optional(
  z.pipe(
    z.string().check(z.trim(), z.maxLength(100, "errors.tooLong")),
    z.transform((value) => (value === "" ? null : value.toLocaleUpperCase("vi"))),
  ),
);

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
    // The account fees are paid into (VietQR): the bank's NAPAS BIN, the number, the holder's name.
    bankBin: optionalDigits(/^\d{6}$/, "admin:fieldErrors.bankBin"),
    bankAccountNumber: optionalDigits(/^\d{6,19}$/, "admin:fieldErrors.bankAccountNumber"),
    bankAccountName: accountName,
  })
  .check(
    z.refine((value) => !value.validFrom || !value.validTo || value.validFrom <= value.validTo, {
      path: ["validTo"],
      message: "admin:fieldErrors.validToBeforeFrom",
    }),
    // An account is all three or none: a code cannot be drawn from part of one.
    z.superRefine((value, ctx) => {
      const bank = [value.bankBin, value.bankAccountNumber, value.bankAccountName];
      if (bank.every((part) => !part) || bank.every(Boolean)) return;
      for (const field of ["bankBin", "bankAccountNumber", "bankAccountName"] as const) {
        if (!value[field]) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "admin:fieldErrors.bankIncomplete",
            input: value[field],
          });
        }
      }
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
  "bankBin",
  "bankAccountNumber",
  "bankAccountName",
] as const;
export type AgencyField = (typeof agencyFields)[number];
