/**
 * Checks of form definitions and stored answers for the demo catalogue's tests, written from the
 * contract in lib/forms/types.ts (its header fixes how each type's answer is stored) without using
 * lib/forms' own schema: a second reading of the contract, so a mistake in either shows.
 */
import type { RequiredDocument } from "@/lib/catalog/types";
import type { Condition, FormDefinition, FormField, LocalisedText } from "@/lib/forms/types";

function localised(text: LocalisedText | undefined, where: string, problems: string[], optional = false) {
  if (text === undefined) {
    if (!optional) problems.push(`${where}: missing`);
    return;
  }
  if (!text.vi?.trim()) problems.push(`${where}: no Vietnamese`);
  if (!text.en?.trim()) problems.push(`${where}: no English`);
}

/**
 * What is wrong with a definition: page ids and field names unique, every text in vi and en,
 * conditions on an earlier field with values it can have, document fields bound to one of the
 * version's documents, sections declared, no group or document inside a group.
 */
export function definitionProblems(form: FormDefinition, documents: readonly RequiredDocument[]): string[] {
  const problems: string[] = [];
  const pageIds = new Set<string>();
  const sectionIds = new Set((form.sections ?? []).map((s) => s.id));
  for (const section of form.sections ?? []) localised(section.title, `section ${section.id}`, problems);
  if ((form.sections ?? []).length !== sectionIds.size) problems.push("sections: duplicate id");
  const documentKeys = new Set(documents.map((d) => d.key));
  const earlier = new Map<string, FormField>();
  if (form.pages.length === 0) problems.push("no pages");

  const conditionOk = (condition: Condition | undefined, where: string) => {
    if (!condition) return;
    const on = earlier.get(condition.field);
    if (!on) {
      problems.push(`${where}: condition on "${condition.field}", not an earlier field`);
      return;
    }
    if (condition.in.length === 0) problems.push(`${where}: condition with no values`);
    const values = on.type === "yesNo" ? ["yes", "no"] : on.options ? on.options.map((o) => o.value) : null;
    if (values && condition.in.some((v) => !values.includes(v)))
      problems.push(`${where}: condition on "${condition.field}" with a value it cannot have`);
  };

  const fieldOk = (field: FormField, where: string, inGroup: boolean) => {
    localised(field.label, `${where} label`, problems);
    localised(field.hint, `${where} hint`, problems, true);
    for (const option of field.options ?? [])
      localised(option.label, `${where} option ${option.value}`, problems);
    if (["select", "radio", "checkboxes"].includes(field.type) && !(field.options ?? []).length)
      problems.push(`${where}: no options`);
    if (field.options && new Set(field.options.map((o) => o.value)).size !== field.options.length)
      problems.push(`${where}: duplicate option values`);
    for (const [key, message] of Object.entries(field.messages ?? {}))
      localised(message, `${where} message ${key}`, problems);
    if (field.type === "document") {
      if (inGroup) problems.push(`${where}: a document inside a group`);
      if (!field.documentKey || !documentKeys.has(field.documentKey))
        problems.push(`${where}: document key "${field.documentKey}" is not one of the version's documents`);
    }
    if (field.type === "group") {
      if (inGroup) problems.push(`${where}: a group inside a group`);
      localised(field.itemLabel, `${where} itemLabel`, problems);
      const children = field.fields ?? [];
      if (children.length === 0) problems.push(`${where}: a group without fields`);
      if (new Set(children.map((c) => c.name)).size !== children.length)
        problems.push(`${where}: duplicate field names in the group`);
      if (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems)
        problems.push(`${where}: minItems > maxItems`);
      for (const child of children) {
        if (child.showIf) problems.push(`${where}.${child.name}: a condition inside a group`);
        fieldOk(child, `${where}.${child.name}`, true);
      }
    }
  };

  for (const page of form.pages) {
    const where = `page ${page.id}`;
    if (pageIds.has(page.id)) problems.push(`${where}: duplicate page id`);
    pageIds.add(page.id);
    if (!/^[a-z0-9-]+$/.test(page.id)) problems.push(`${where}: id not fit for an address`);
    localised(page.title, `${where} title`, problems);
    localised(page.hint, `${where} hint`, problems, true);
    if (page.section !== undefined && !sectionIds.has(page.section))
      problems.push(`${where}: unknown section "${page.section}"`);
    if (sectionIds.size > 0 && page.section === undefined) problems.push(`${where}: no section`);
    conditionOk(page.showIf, where);
    if (page.fields.length === 0) problems.push(`${where}: no fields`);
    for (const field of page.fields) {
      const at = `${where} field ${field.name}`;
      if (earlier.has(field.name)) problems.push(`${at}: duplicate field name`);
      conditionOk(field.showIf, at);
      fieldOk(field, at, false);
      earlier.set(field.name, field);
    }
  }
  return problems;
}

function holds(condition: Condition | undefined, answers: Record<string, unknown>): boolean {
  if (!condition) return true;
  const value = answers[condition.field];
  if (Array.isArray(value)) return value.some((v) => condition.in.includes(String(v)));
  return typeof value === "string" && condition.in.includes(value);
}

/** The fields asked for these answers (shown pages, shown fields), documents left out. */
export function askedFields(form: FormDefinition, answers: Record<string, unknown>): FormField[] {
  return form.pages
    .filter((page) => holds(page.showIf, answers))
    .flatMap((page) => page.fields.filter((field) => holds(field.showIf, answers)))
    .filter((field) => field.type !== "document");
}

export type Places = { provinceCodes: readonly string[]; communesOf(code: string): readonly string[] | null };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function valueProblems(field: FormField, value: unknown, where: string, places: Places): string[] {
  const wrong = (why: string) => [`${where}: ${why} (${JSON.stringify(value)})`];
  switch (field.type) {
    case "text":
    case "textarea":
      if (typeof value !== "string" || !value.trim()) return wrong("not a text");
      if (field.maxLength !== undefined && value.length > field.maxLength) return wrong("too long");
      if (field.minLength !== undefined && value.length < field.minLength) return wrong("too short");
      return [];
    case "number":
    case "money":
      if (typeof value !== "number" || !Number.isFinite(value)) return wrong("not a number");
      if (field.type === "money" && !Number.isInteger(value)) return wrong("not whole đồng");
      if (field.min !== undefined && value < field.min) return wrong("below the minimum");
      if (field.max !== undefined && value > field.max) return wrong("above the maximum");
      return [];
    case "date": {
      if (typeof value !== "string" || !isoDate.test(value)) return wrong("not YYYY-MM-DD");
      const [y, m, d] = value.split("-").map(Number);
      const date = new Date(Date.UTC(y!, m! - 1, d!));
      if (date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) return wrong("not a real date");
      return [];
    }
    case "select":
    case "radio":
      return typeof value === "string" && (field.options ?? []).some((o) => o.value === value)
        ? []
        : wrong("not one of the options");
    case "checkboxes":
      return Array.isArray(value) && value.every((v) => (field.options ?? []).some((o) => o.value === v))
        ? []
        : wrong("not a list of the options");
    case "yesNo":
      return value === "yes" || value === "no" ? [] : wrong("not yes or no");
    case "email":
      return typeof value === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        ? []
        : wrong("not an e-mail");
    case "tel":
      return typeof value === "string" && /^(\+84|0)[1-9]\d{8,9}$/.test(value)
        ? []
        : wrong("not a phone number");
    case "idNumber":
      return typeof value === "string" && /^\d{12}$/.test(value) ? [] : wrong("not 12 digits");
    case "taxCode":
      return typeof value === "string" && /^(\d{10}|\d{13})$/.test(value) ? [] : wrong("not 10 or 13 digits");
    case "ethnicity":
      return typeof value === "string" && /^\d{2}$/.test(value) && Number(value) >= 1 && Number(value) <= 54
        ? []
        : wrong("not an ethnicity code");
    case "nationality":
      return typeof value === "string" && /^[A-Z]{2}$/.test(value) ? [] : wrong("not an ISO country code");
    case "address": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return wrong("not an address");
      const { province, commune, street } = value as Record<string, unknown>;
      if (typeof province !== "string" || !places.provinceCodes.includes(province))
        return wrong("unknown province");
      const communes = places.communesOf(province);
      if (typeof commune !== "string" || !commune.trim()) return wrong("no commune");
      if (communes && !communes.includes(commune)) return wrong("commune not in the province");
      if (typeof street !== "string" || !street.trim()) return wrong("no street");
      return [];
    }
    case "group": {
      if (!Array.isArray(value)) return wrong("not a list of items");
      if (field.minItems !== undefined && value.length < field.minItems) return wrong("too few items");
      if (field.maxItems !== undefined && value.length > field.maxItems) return wrong("too many items");
      return value.flatMap((item, i) => {
        if (typeof item !== "object" || item === null) return [`${where}[${i}]: not an object`];
        return answersProblemsOf(
          field.fields ?? [],
          item as Record<string, unknown>,
          `${where}[${i}].`,
          places,
        );
      });
    }
    case "document":
      return [];
  }
}

function answersProblemsOf(
  fields: readonly FormField[],
  answers: Record<string, unknown>,
  prefix: string,
  places: Places,
): string[] {
  const problems: string[] = [];
  const names = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(answers)) if (!names.has(key)) problems.push(`${prefix}${key}: not asked`);
  for (const field of fields) {
    const value = answers[field.name];
    if (value === undefined) {
      if (field.required) problems.push(`${prefix}${field.name}: required, no answer`);
      continue;
    }
    problems.push(...valueProblems(field, value, `${prefix}${field.name}`, places));
  }
  return problems;
}

/**
 * What is wrong with a submitted dossier's answers: every asked field answered as the contract stores
 * a valid answer, nothing stored for a field not asked (a hidden page, an unknown name).
 */
export function answerProblems(
  form: FormDefinition,
  answers: Record<string, unknown>,
  places: Places,
): string[] {
  return answersProblemsOf(askedFields(form, answers), answers, "", places);
}
