/**
 * Personal data in a dossier's answers (pure: no I/O). Which answers are personal is read from the
 * form definition, never guessed from the values: an identity number is a field of type
 * "idNumber", a phone number one of type "tel", an e-mail one of type "email", an address one of
 * type "address" (its street), and a text field says it holds a person's name or home address with
 * `personal`. A group's items are read the same way, child by child.
 */
import { formFields } from "./definition";
import type { FormDefinition, FormField } from "./types";

export type PersonalKind = "name" | "idNumber" | "phone" | "email" | "address";

export type PersonalDatum = { kind: PersonalKind; value: string };

/** What kind of personal data a field holds, or null when it holds none. */
export function personalKindOf(field: FormField): PersonalKind | null {
  switch (field.type) {
    case "idNumber":
      return "idNumber";
    case "tel":
      return "phone";
    case "email":
      return "email";
    case "address":
      return "address";
    case "text":
    case "textarea":
      return field.personal ?? null;
    default:
      return null;
  }
}

/** Whether the field's answers are identity numbers, to be masked where the whole number is not needed. */
export function isIdNumberField(field: FormField): boolean {
  return personalKindOf(field) === "idNumber";
}

/**
 * The dossier's own personal data: the applicant's name and every personal answer, as typed.
 * Blank answers are left out.
 */
export function personalDataOf(
  form: FormDefinition,
  formData: Record<string, unknown>,
  applicantName: string | null,
): PersonalDatum[] {
  const data: PersonalDatum[] = [];
  if (applicantName && applicantName.trim()) data.push({ kind: "name", value: applicantName.trim() });
  const gather = (fields: FormField[], values: Record<string, unknown>) => {
    for (const field of fields) {
      const value = values[field.name];
      // A group's items: their personal answers too (each co-owner's ID number, each member's name).
      if (field.type === "group" && Array.isArray(value)) {
        for (const item of value)
          if (item && typeof item === "object" && !Array.isArray(item))
            gather(field.fields ?? [], item as Record<string, unknown>);
        continue;
      }
      const kind = personalKindOf(field);
      if (!kind) continue;
      // An address's codes name places, not a person: its street and house number do.
      const text =
        field.type === "address" && value && typeof value === "object"
          ? String((value as Record<string, unknown>).street ?? "").trim()
          : typeof value === "string" || typeof value === "number"
            ? String(value).trim()
            : "";
      if (text) data.push({ kind, value: text });
    }
  };
  gather(formFields(form), formData);
  return data;
}

const bullet = "•";

/**
 * An identity number with all but its last four characters hidden, in groups of four:
 * "033090012345" -> "•••• •••• 2345". Separators typed by the applicant are ignored; a number of
 * four characters or fewer is hidden whole.
 */
export function maskIdNumber(value: string): string {
  const chars = value.replace(/[^0-9A-Za-z]/g, "");
  if (chars.length <= 4) return bullet.repeat(4);
  const hidden = chars.length - 4;
  const groups: string[] = [];
  for (let left = hidden; left > 0; left -= 4) groups.unshift(bullet.repeat(Math.min(4, left)));
  return [...groups, chars.slice(-4)].join(" ");
}
