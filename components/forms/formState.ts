import { formTexts } from "@/lib/forms/formText";

/** What a server action hands back to its form: the values to show again and message keys per field. */
export type FormState = {
  /** Which of several forms on one page this state belongs to (e.g. the staff action); absent for a page's only form. */
  form?: string;
  /** What was typed, never a password. */
  values: Record<string, string>;
  /** Message keys per field name ("errors.required", or "ns:key" for another namespace). */
  issues: Record<string, string[]>;
  /** A problem with the whole form (message key), linked to `formErrorField` in the summary. */
  formError?: string | null;
  formErrorField?: string;
  /** Values for the form error's message ("try again in {{count}} minutes"). */
  formErrorParams?: Record<string, string | number>;
};

export const emptyFormState: FormState = { values: {}, issues: {} };

export function hasErrors(state: Pick<FormState, "issues" | "formError">): boolean {
  return Boolean(state.formError) || Object.values(state.issues).some((list) => list.length > 0);
}

/**
 * Text values from FormData, only the named fields (files and passwords are never echoed),
 * cleaned of NUL and other control characters by lib/forms/formText (PostgreSQL refuses NUL).
 */
export function textValues(data: FormData, names: readonly string[]): Record<string, string> {
  return formTexts(data, names);
}
