// First: no eval probe in the browser (see zodConfig).
import "@/lib/forms/zodConfig";
import { z } from "zod";
import { cleanText } from "@/lib/forms/formText";

/** Messages are translation keys in the "forms" namespace; the form renders them per language. */
export const signUpSchema = z
  .object({
    // Also for callers that did not read it through lib/forms/formText: PostgreSQL cannot store NUL.
    fullName: z
      .string()
      .transform(cleanText)
      .pipe(z.string().trim().min(2, "errors.fullName").max(120, "errors.tooLong")),
    email: z.string().trim().max(200, "errors.tooLong").pipe(z.email("errors.email")),
    // People write phone numbers with spaces, dots or dashes: keep only what identifies the number.
    phone: z
      .string()
      .transform((value) => value.replace(/[\s.\-()]/g, ""))
      .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, "errors.phone")),
    password: z.string().min(10, "errors.passwordLength").max(200, "errors.tooLong"),
    confirmPassword: z.string(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "errors.passwordMismatch",
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.string().trim().pipe(z.email("errors.email")),
  password: z.string().min(1, "errors.required"),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** A password change by its owner (the page comes with account settings; the service is ready). */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "errors.required"),
  newPassword: z.string().min(10, "errors.passwordLength").max(200, "errors.tooLong"),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
