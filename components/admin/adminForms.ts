import type { FormState } from "@/components/forms/formState";

/** A field of an administration form, its text already in the page's language. */
export type AdminFieldSpec = {
  name: string;
  kind: "text" | "email" | "tel" | "date" | "select" | "textarea";
  label: string;
  hint?: string;
  /** The value shown first (an edit form's current value). */
  value?: string;
  options?: { value: string; label: string }[];
  /** The empty first option of a select ("None"); absent: no empty option. */
  placeholder?: string;
  lang?: "vi" | "en";
  short?: boolean;
  autoComplete?: string;
};

/**
 * A form's answer: FormState, and on success what to say and, once, a secret to hand over (a
 * generated password, which the portal keeps only as a hash and cannot show again).
 */
export type AdminFormState = FormState & {
  done?: { message: string; secret?: string };
};

/** The zod schemas the browser checks before posting, by name (a schema cannot be sent as a prop). */
export type AdminSchemaName = "agency" | "staffAccount" | "roleGrant" | "none";

/** The pseudo-field a problem with the whole post links to: the form's heading. */
export const formHeading = "form-title";
