/**
 * A form is data in the procedure version (a list of pages of fields); lib/forms turns each page into
 * one zod schema for browser and server. Administrators change it in the form builder without a
 * release; a published version never changes, and a dossier keeps the version it started on.
 *
 * How answers are stored in a dossier's formData (valid or not: a draft keeps what was typed):
 * - text, textarea, email, tel, idNumber, taxCode, select, radio, ethnicity, nationality: a string
 *   (valid: cleaned, e.g. "033 190 012 345" -> "033190012345"; ethnicity: the group's code "01"…"54";
 *   nationality: ISO 3166-1 alpha-2, "VN").
 * - number and money: valid as a number (money in whole đồng); invalid as the text typed.
 * - date: "YYYY-MM-DD" when valid; otherwise the three boxes as typed joined by "-" ("31-2-" is
 *   year "31", month "2", day "": always year-month-day order).
 * - yesNo: "yes" | "no".
 * - checkboxes: string[] of option values.
 * - address: { province?: string; commune?: string; street?: string } (administrative unit codes).
 * - group: an array of objects, one per item, each holding its child fields' answers by name.
 * - document: no answer; the files are attachments whose documentKey is the field's `documentKey`.
 */

export type LocalisedText = { vi: string; en: string };

export type FieldType =
  | "text"
  | "textarea"
  | "number"
  | "money"
  | "date"
  | "select"
  | "radio"
  | "checkboxes"
  | "yesNo"
  | "email"
  | "tel"
  | "idNumber"
  | "taxCode"
  | "ethnicity"
  | "nationality"
  | "address"
  | "group"
  | "document";

export const fieldTypes: readonly FieldType[] = [
  "text",
  "textarea",
  "number",
  "money",
  "date",
  "select",
  "radio",
  "checkboxes",
  "yesNo",
  "email",
  "tel",
  "idNumber",
  "taxCode",
  "ethnicity",
  "nationality",
  "address",
  "group",
  "document",
];

/**
 * Shown only when an earlier answer (a field of an earlier page, or earlier on the same page) has one
 * of the given values. For checkboxes: when any of the ticked values is listed. A hidden field or
 * page is not asked, not checked and its answer is not submitted.
 */
export type Condition = { field: string; in: string[] };

export type FieldOption = { value: string; label: LocalisedText };

/**
 * What a field is filled in with when a draft starts: from the organisation a business files for,
 * or from the applicant's own account. The applicant may change it.
 */
export type Prefill =
  | "organisation.name"
  | "organisation.taxCode"
  | "organisation.address"
  | "organisation.legalRepresentative"
  | "applicant.fullName"
  | "applicant.idNumber"
  | "applicant.phone"
  | "applicant.email";

export type FormField = {
  /** Key in the dossier's formData (in a group: in each item); stable across versions. */
  name: string;
  type: FieldType;
  label: LocalisedText;
  hint?: LocalisedText;
  required: boolean;
  showIf?: Condition;
  prefill?: Prefill;
  /** A message that replaces the standard one for this field, by message key ("errors.required"). */
  messages?: Record<string, LocalisedText>;
  /** select, radio, checkboxes */
  options?: FieldOption[];
  /** text, textarea */
  minLength?: number;
  maxLength?: number;
  /** number, money */
  min?: number;
  max?: number;
  /** date: the date may not be after today */
  notInFuture?: boolean;
  /** tel: the number must be a mobile one (it receives text messages) */
  mobileOnly?: boolean;
  /**
   * text, textarea: the answer is a person's name or home address. Personal data (lib/forms/personal.ts,
   * with the idNumber, tel, email and address types): kept out of published decisions.
   */
  personal?: "name" | "address";
  /** group: its fields (no group inside a group, no document inside a group) */
  fields?: FormField[];
  /** group: how many items, at least and at most */
  minItems?: number;
  maxItems?: number;
  /** group: what one item is called ("Thành viên" / "Member"), for "Add another member". */
  itemLabel?: LocalisedText;
  /** document: the key of the procedure version's required document the upload answers. */
  documentKey?: string;
};

export type FormPage = {
  /** Stable within the version; in the page's address (/drafts/{id}/pages/{pageId}). */
  id: string;
  /** The page's question or heading; with one field, the field's label may be the page title. */
  title: LocalisedText;
  hint?: LocalisedText;
  /** The section of the task list the page belongs to (FormDefinition.sections). */
  section?: string;
  showIf?: Condition;
  fields: FormField[];
};

export type FormSection = { id: string; title: LocalisedText };

export type FormDefinition = {
  /** For long forms: the task list groups pages into sections, each with its status. */
  sections?: FormSection[];
  pages: FormPage[];
};
