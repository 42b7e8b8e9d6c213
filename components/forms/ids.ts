import type { FormField } from "@/lib/forms/types";

/** The id of an answer's input: prefixed so a field named e.g. "email" never clashes with the page. */
export function answerId(name: string): string {
  return `answer-${name}`;
}

/** Field name and id of a required document's file input (also the key of its issues). */
export function documentField(key: string): string {
  return `doc_${key}`;
}

/** The interpolation values of a field's messages ("at least {{minLength}} characters"). */
export function fieldMessageParams(field: FormField | undefined): Record<string, unknown> {
  if (!field) return {};
  return { minLength: field.minLength, maxLength: field.maxLength, min: field.min, max: field.max };
}
