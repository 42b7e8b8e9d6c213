// First: no eval probe in the browser (see zodConfig).
import "@/lib/forms/zodConfig";
// zod/mini: these schemas also run in the browser (react-hook-form), where classic zod weighs ~30 KB.
import * as z from "zod/mini";
import { cleanText } from "@/lib/forms/formText";

/** The languages a person may get their notices in (lib/i18n/settings' languages). */
export const noticeLocales = ["vi", "en"] as const;

/** Messages are translation keys in the "forms" namespace; the form renders them per language. */
export const signUpSchema = z
  .object({
    // Also for callers that did not read it through lib/forms/formText: PostgreSQL cannot store NUL.
    fullName: z.pipe(
      z.pipe(z.string(), z.transform(cleanText)),
      z.string().check(z.trim(), z.minLength(2, "errors.fullName"), z.maxLength(120, "errors.tooLong")),
    ),
    email: z.pipe(z.string().check(z.trim(), z.maxLength(200, "errors.tooLong")), z.email("errors.email")),
    // People write phone numbers with spaces, dots or dashes: keep only what identifies the number.
    phone: z.pipe(
      z.pipe(
        z.string(),
        z.transform((value) => value.replace(/[\s.\-()]/g, "")),
      ),
      z.string().check(z.regex(/^(\+84|0)\d{9,10}$/, "errors.phone")),
    ),
    /**
     * Optional: the 12-digit personal ID number. Given with the details an officer recorded at the
     * desk, it claims the account opened there (lib/identity/desk.ts).
     */
    idNumber: z.optional(
      z.pipe(
        z.pipe(
          z.string(),
          z.transform((value) => value.replace(/[\s.\-]/g, "")),
        ),
        z.union([z.literal(""), z.string().check(z.regex(/^\d{12}$/, "errors.idNumber"))]),
      ),
    ),
    password: z.string().check(z.minLength(10, "errors.passwordLength"), z.maxLength(200, "errors.tooLong")),
    confirmPassword: z.string(),
    /** The language of the person's notices (users.locale); the page's language when not chosen. */
    locale: z.optional(z.enum(noticeLocales, "errors.locale")),
  })
  .check(
    z.refine((value) => value.password === value.confirmPassword, {
      path: ["confirmPassword"],
      message: "errors.passwordMismatch",
    }),
  );
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.pipe(z.string().check(z.trim()), z.email("errors.email")),
  password: z.string().check(z.minLength(1, "errors.required")),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** A password change by its owner (the page comes with account settings; the service is ready). */
export const changePasswordSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, "errors.required")),
  newPassword: z.string().check(z.minLength(10, "errors.passwordLength"), z.maxLength(200, "errors.tooLong")),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** An administrator's new staff account: who, and the first role (every account starts with one). */
export const staffAccountSchema = z.object({
  fullName: z.pipe(
    z.pipe(z.string(), z.transform(cleanText)),
    z.string().check(z.trim(), z.minLength(2, "errors.fullName"), z.maxLength(120, "errors.tooLong")),
  ),
  email: z.pipe(z.string().check(z.trim(), z.maxLength(200, "errors.tooLong")), z.email("errors.email")),
  // Optional for staff: a work phone is not always known when the account is made.
  phone: z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) => value.replace(/[\s.\-()]/g, "")),
    ),
    z.union([
      z.pipe(
        z.literal(""),
        z.transform(() => null),
      ),
      z.string().check(z.regex(/^(\+84|0)\d{9,10}$/, "errors.phone")),
    ]),
  ),
  agencyId: z.uuid("admin:fieldErrors.agencyId"),
  role: z.enum(
    ["receiver", "specialist", "head", "agency_admin", "system_admin"] as const,
    "admin:fieldErrors.role",
  ),
});
export type StaffAccountInput = z.input<typeof staffAccountSchema>;

/** A role to grant (or revoke) at one agency. */
export const roleGrantSchema = z.object({
  agencyId: z.uuid("admin:fieldErrors.agencyId"),
  role: z.enum(
    ["receiver", "specialist", "head", "agency_admin", "system_admin"] as const,
    "admin:fieldErrors.role",
  ),
});
export type RoleGrantInput = z.input<typeof roleGrantSchema>;

/**
 * A person's own settings (lib/identity/preferences.ts, the account page): the language of their
 * notices and the channels they want them on. The form's checkboxes become booleans in its action.
 */
export const preferencesSchema = z.object({
  locale: z.enum(noticeLocales, "errors.locale"),
  notifyByEmail: z.boolean("errors.invalid"),
  notifyInInbox: z.boolean("errors.invalid"),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
