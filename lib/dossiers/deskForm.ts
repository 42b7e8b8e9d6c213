/**
 * The applicant's details on the desk intake form, as form fields (lib/forms), so the browser and the
 * server check them with the same machinery as the procedure's own questions. Their names carry a
 * prefix that no procedure field uses. Pure: the page gives the labels in its language.
 */
import type { FormDefinition, FormField, FormPage, LocalisedText } from "@/lib/forms/types";

export const deskApplicantNames = {
  idNumber: "applicant_idNumber",
  fullName: "applicant_fullName",
  email: "applicant_email",
  phone: "applicant_phone",
} as const;

export type DeskApplicantKey = keyof typeof deskApplicantNames;

/** Each optional for the form: which ones are needed depends on whether the person is found (desk.ts). */
export function deskApplicantFields(
  text: (key: DeskApplicantKey) => { label: LocalisedText; hint?: LocalisedText },
): FormField[] {
  const field = (
    key: DeskApplicantKey,
    type: FormField["type"],
    extra: Partial<FormField> = {},
  ): FormField => ({
    name: deskApplicantNames[key],
    type,
    required: false,
    ...text(key),
    ...extra,
  });
  return [
    field("idNumber", "idNumber"),
    field("fullName", "text", { minLength: 2, maxLength: 120, personal: "name" }),
    field("email", "email"),
    field("phone", "tel"),
  ];
}

/**
 * The procedure's form as the desk fills it in, on one page from a paper declaration: every page
 * and question, whatever the conditions (the officer copies what the paper says; the server drops
 * what the conditions do not ask), without the uploads (the desk's documents section takes the scans).
 */
export function deskFormPages(form: FormDefinition): FormPage[] {
  return form.pages
    .map((page) => ({
      ...page,
      showIf: undefined,
      fields: page.fields
        .filter((field) => field.type !== "document")
        .map((field) => ({ ...field, showIf: undefined })),
    }))
    .filter((page) => page.fields.length > 0);
}

/** The state key that carries the procedure's answers (structured) back to the desk form. */
export const deskAnswersKey = "$answers";
