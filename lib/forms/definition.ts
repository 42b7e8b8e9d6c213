/** Reading a form definition (pure): its fields across pages, and a one-page form from a list of fields. */
import type { FormDefinition, FormField, LocalisedText } from "./types";

/** Every top-level field of every page, in the form's order (a group counts as one field). */
export function formFields(definition: FormDefinition): FormField[] {
  return definition.pages.flatMap((page) => page.fields);
}

const defaultTitle: LocalisedText = { vi: "Thông tin tờ khai", en: "Your details" };

/** A form of one page holding the given fields (the desk intake, tests). */
export function singlePage(fields: FormField[], title: LocalisedText = defaultTitle): FormDefinition {
  return { pages: [{ id: "main", title, fields }] };
}
