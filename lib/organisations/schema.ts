import { z } from "zod";
import { invitableRoles, memberRoles } from "./rules";
import { isValidTaxCode, normaliseTaxCode } from "./taxCode";

/* The inputs of lib/organisations, checked on the server (the pages post plain forms). */

const text = (max: number) => z.string().trim().max(max, "errors.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .optional()
    .transform((value) => (value ? value : null));

export const organisationSchema = z.object({
  name: text(300).min(1, "organisations:errors.nameRequired"),
  taxCode: z
    .string()
    .trim()
    .min(1, "organisations:errors.taxCodeRequired")
    .max(20, "organisations:errors.taxCode")
    .refine((value) => isValidTaxCode(value), "organisations:errors.taxCode")
    .transform((value) => normaliseTaxCode(value)!),
  address: z
    .object({
      province: optionalText(20),
      commune: optionalText(20),
      street: optionalText(300),
    })
    .optional()
    .transform((a) => {
      const kept = Object.fromEntries(Object.entries(a ?? {}).filter(([, v]) => v)) as {
        province?: string;
        commune?: string;
        street?: string;
      };
      return Object.keys(kept).length > 0 ? kept : null;
    }),
  legalRepresentative: text(200).min(1, "organisations:errors.representativeRequired"),
  legalRepresentativeTitle: optionalText(200),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.replace(/[\s.\-()]/g, "") : null))
    .refine((value) => value === null || /^(\+84|0)\d{9,10}$/.test(value), "errors.phone"),
  email: z
    .string()
    .trim()
    .max(200, "errors.tooLong")
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null))
    .refine((value) => value === null || z.email().safeParse(value).success, "errors.email"),
});
export type OrganisationInput = z.input<typeof organisationSchema>;
export type OrganisationParticulars = z.output<typeof organisationSchema>;

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "organisations:errors.emailRequired")
    .max(200, "errors.tooLong")
    .transform((value) => value.toLowerCase())
    .refine((value) => z.email().safeParse(value).success, "errors.email"),
  role: z.enum(invitableRoles, "organisations:errors.roleRequired"),
});
export type InviteInput = z.input<typeof inviteSchema>;

export const roleSchema = z.enum(memberRoles, "organisations:errors.roleRequired");

/** The token of an invitation link: 43 characters of base64url (32 random bytes). */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
