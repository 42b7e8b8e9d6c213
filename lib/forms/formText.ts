/**
 * The one way server actions read text from a FormData.
 *
 * PostgreSQL cannot store NUL (U+0000) in a text column: a NUL in any field would reach the
 * database and answer 500. Other C0 control characters (U+0001–U+001F) have no business in typed
 * text either and only make trouble in logs, CSV and PDFs. So every text read from a form drops
 * them all, except tab, line feed and carriage return, which people do type (textareas).
 *
 * - `formText(data, name)`  one field: its text cleaned, "" when absent or when it is a file.
 * - `formTexts(data, names)` several fields at once, as a record (what forms echo back).
 * - `cleanText(text)`        the cleaning alone, for text that did not come from a FormData.
 *
 * Passwords go through it too: a NUL cannot be part of a password anyone can type again.
 */

// C0 controls except \t (09), \n (0A) and \r (0D).
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** The text without NUL and the other C0 control characters but tab, CR and LF. */
export function cleanText(text: string): string {
  return text.replace(controlCharacters, "");
}

/** One text field of a form, cleaned; "" when it is missing or is a file. */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? cleanText(value) : "";
}

/** The named text fields of a form, cleaned (see formText); only those names, nothing else. */
export function formTexts<Name extends string>(data: FormData, names: readonly Name[]): Record<Name, string> {
  const values = {} as Record<Name, string>;
  for (const name of names) values[name] = formText(data, name);
  return values;
}
