/**
 * The page flow, posted-name parsing and per-page checks the filing pages need, written to the
 * contract of lib/forms (flow.ts, posted.ts, schema.ts validatePage/checkTypedPage) while the
 * forms-core branch builds the real ones. Pure (browser and server). When lib/forms has them, this
 * file becomes re-exports of lib/forms/flow, lib/forms/posted and lib/forms/schema.
 */
import { answerMaxLength, fieldSchema, todayInVietnam, type BuildOptions } from "@/lib/forms/schema";
import { issuesOf } from "@/lib/result";
import type { Condition, FormDefinition, FormField, FormPage, FormSection } from "@/lib/forms/types";

export type Answers = Record<string, unknown>;
export type Issues = Record<string, string[]>;

/* ---------- flow ---------- */

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value as object).every(isBlank);
  return false;
}

export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  const value = answers[condition.field];
  if (Array.isArray(value)) return value.some((item) => condition.in.includes(String(item)));
  if (value === undefined || value === null) return false;
  return condition.in.includes(String(value));
}

export function visibleFields(page: FormPage, answers: Answers): FormField[] {
  return page.fields.filter((field) => conditionHolds(field.showIf, answers));
}

/** Pages in order; a page's condition reads only answers of pages shown before it (and its own). */
export function visiblePages(definition: FormDefinition, answers: Answers): FormPage[] {
  const shown: FormPage[] = [];
  const known: Answers = {};
  for (const page of definition.pages) {
    if (!conditionHolds(page.showIf, known)) continue;
    shown.push(page);
    for (const field of visibleFields(page, answers)) known[field.name] = answers[field.name];
  }
  return shown;
}

function neighbour(definition: FormDefinition, answers: Answers, pageId: string, step: 1 | -1) {
  const shown = visiblePages(definition, answers);
  const at = shown.findIndex((page) => page.id === pageId);
  if (at >= 0) return shown[at + step]?.id ?? null;
  // A page not shown (any more): the nearest shown page in that direction in the definition.
  const order = definition.pages.map((page) => page.id);
  const position = order.indexOf(pageId);
  const candidates = step === 1 ? shown : [...shown].reverse();
  const found = candidates.find((page) => (order.indexOf(page.id) - position) * step > 0);
  return found?.id ?? null;
}

export function nextPageId(definition: FormDefinition, answers: Answers, pageId: string): string | null {
  return neighbour(definition, answers, pageId, 1);
}

export function previousPageId(definition: FormDefinition, answers: Answers, pageId: string): string | null {
  return neighbour(definition, answers, pageId, -1);
}

export type SectionStatus = "notStarted" | "inProgress" | "completed";
export type TaskListSection = { section: FormSection; status: SectionStatus; pageId: string };

function pageHasIssue(page: FormPage, answers: Answers, issues: Issues): boolean {
  return visibleFields(page, answers).some((field) =>
    Object.keys(issues).some(
      (key) =>
        key === field.name ||
        key.startsWith(`${field.name}.`) ||
        key.startsWith(`${field.name}[`) ||
        (field.type === "document" && key === `doc_${field.documentKey}`),
    ),
  );
}

export function taskList(definition: FormDefinition, answers: Answers, issues: Issues): TaskListSection[] {
  const shown = visiblePages(definition, answers);
  const sections: FormSection[] =
    definition.sections && definition.sections.length > 0
      ? definition.sections
      : [{ id: "", title: shown[0]?.title ?? { vi: "", en: "" } }];
  const firstSection = sections[0]!.id;
  const result: TaskListSection[] = [];
  for (const section of sections) {
    const pages = shown.filter(
      (page) =>
        (page.section ?? firstSection) === section.id ||
        (section.id === firstSection && !sections.some((s) => s.id === page.section)),
    );
    if (pages.length === 0) continue;
    const started = pages.some((page) =>
      visibleFields(page, answers).some((field) => !isBlank(answers[field.name])),
    );
    const wrong = pages.find((page) => pageHasIssue(page, answers, issues));
    const status: SectionStatus = !started
      ? wrong
        ? "notStarted"
        : "completed"
      : wrong
        ? "inProgress"
        : "completed";
    result.push({ section, status, pageId: (wrong ?? pages[0]!).id });
  }
  return result;
}

export function shownAnswers(definition: FormDefinition, answers: Answers): Answers {
  const shown: Answers = {};
  for (const page of visiblePages(definition, answers))
    for (const field of visibleFields(page, answers)) {
      if (field.type === "document") continue;
      if (answers[field.name] !== undefined) shown[field.name] = answers[field.name];
    }
  return shown;
}

/* ---------- posted names ---------- */

type Entries = Iterable<[string, FormDataEntryValue]>;

function readText(map: Map<string, string[]>, name: string): string | undefined {
  const value = map.get(name)?.[0];
  return value === undefined ? undefined : value;
}

/** "2026-11-20" from day, month and year boxes; blank: undefined; otherwise what was typed, y-m-d. */
export function joinDate(day: string, month: string, year: string): string | undefined {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (d === "" && m === "" && y === "") return undefined;
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return `${y}-${m}-${d}`;
}

/** The three boxes of a stored date (valid or as typed). */
export function splitDate(value: unknown): { day: string; month: string; year: string } {
  if (typeof value !== "string") return { day: "", month: "", year: "" };
  const [year = "", month = "", day = ""] = value.split("-");
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return valid ? { day: String(Number(day)), month: String(Number(month)), year } : { day, month, year };
}

function readField(map: Map<string, string[]>, field: FormField, name: string): unknown {
  switch (field.type) {
    case "document":
      return undefined;
    case "checkboxes":
      return (map.get(name) ?? []).filter((value) => value !== "");
    case "date":
      return joinDate(
        readText(map, `${name}.day`) ?? "",
        readText(map, `${name}.month`) ?? "",
        readText(map, `${name}.year`) ?? "",
      );
    case "address": {
      const address: Record<string, string> = {};
      for (const part of ["province", "commune", "street"]) {
        const value = readText(map, `${name}.${part}`)?.trim();
        if (value) address[part] = value;
      }
      return Object.keys(address).length > 0 ? address : undefined;
    }
    case "group": {
      let count = 0;
      const prefix = `${name}[`;
      for (const key of map.keys()) {
        if (!key.startsWith(prefix)) continue;
        const index = Number(key.slice(prefix.length, key.indexOf("]", prefix.length)));
        if (Number.isInteger(index) && index >= 0 && index < 100) count = Math.max(count, index + 1);
      }
      const items: Answers[] = [];
      for (let index = 0; index < count; index += 1) {
        const item: Answers = {};
        for (const child of field.fields ?? []) {
          const value = readField(map, child, `${name}[${index}].${child.name}`);
          if (value !== undefined) item[child.name] = value;
        }
        items.push(item);
      }
      return items;
    }
    default:
      return readText(map, name);
  }
}

/** The answers of a page's fields from a posted form (names as the renderer writes them). */
export function answersFromPost(page: FormPage, entries: Entries): Answers {
  const map = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    // No NUL or other control characters (PostgreSQL refuses NUL), but tab and line breaks.
    const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
    const list = map.get(name);
    if (list) list.push(clean);
    else map.set(name, [clean]);
  }
  const answers: Answers = {};
  for (const field of page.fields) {
    const value = readField(map, field, field.name);
    if (value !== undefined) answers[field.name] = value;
  }
  return answers;
}

/* ---------- per-page checks ---------- */

export type PageCheckOptions = BuildOptions & {
  places?: { provinceCodes: string[]; communesOf(provinceCode: string): string[] | null };
};

export type TypedPageCheck = { stored: Answers; issues: Issues; refused: Issues };

function messagesOf(error: Parameters<typeof issuesOf>[0]): string[] {
  return Object.values(issuesOf(error, { fallback: "errors.invalid" })).flat();
}

/** One simple answer: cleaned when valid, as typed when not, refused (previous kept) when over-long. */
function checkOne(
  field: FormField,
  key: string,
  typed: unknown,
  previous: unknown,
  options: PageCheckOptions,
  out: TypedPageCheck,
): unknown {
  const value = typeof typed === "string" ? typed.trim() : typed;
  const text = typeof value === "string" ? value : Array.isArray(value) ? value.join("") : "";
  const input = isBlank(value) ? undefined : value;
  const checked = fieldSchema(field, options).safeParse(input);
  if (checked.success) return checked.data;
  const messages = messagesOf(checked.error);
  if (text.length > answerMaxLength(field)) {
    // Refused: the field's own "too long" message when it has one; the draft keeps what it had.
    const tooLong = messages.filter(
      (message) => message === "errors.maxLength" || message === "errors.tooLong",
    );
    out.refused[key] = tooLong.length > 0 ? tooLong : ["errors.tooLong"];
    out.issues[key] = out.refused[key]!;
    return previous;
  }
  out.issues[key] = messages;
  return input;
}

function checkAddress(
  field: FormField,
  typed: unknown,
  previous: unknown,
  options: PageCheckOptions,
  out: TypedPageCheck,
): unknown {
  const address = (typed && typeof typed === "object" ? typed : {}) as Record<string, string | undefined>;
  const before = (previous && typeof previous === "object" ? previous : {}) as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const part of ["province", "commune", "street"] as const) {
    const value = address[part]?.trim() ?? "";
    if (value.length > 200) {
      out.refused[`${field.name}.${part}`] = ["errors.tooLong"];
      out.issues[`${field.name}.${part}`] = ["errors.tooLong"];
      if (before[part] !== undefined) kept[part] = before[part];
    } else if (value !== "") kept[part] = value;
  }
  if (!field.required && isBlank(kept)) return undefined;
  const places = options.places;
  if (!kept.province) (out.issues[`${field.name}.province`] ??= []).push("errors.province");
  else if (places && !places.provinceCodes.includes(String(kept.province)))
    (out.issues[`${field.name}.province`] ??= []).push("errors.province");
  else if (!kept.commune) (out.issues[`${field.name}.commune`] ??= []).push("errors.commune");
  else if (places) {
    const communes = places.communesOf(String(kept.province));
    if (communes && !communes.includes(String(kept.commune)))
      (out.issues[`${field.name}.commune`] ??= []).push("errors.commune");
  }
  if (!kept.street) (out.issues[`${field.name}.street`] ??= []).push("errors.required");
  return isBlank(kept) ? undefined : kept;
}

function checkField(
  field: FormField,
  key: string,
  typed: unknown,
  previous: unknown,
  options: PageCheckOptions,
  out: TypedPageCheck,
): unknown {
  if (field.type === "address") return checkAddress({ ...field, name: key }, typed, previous, options, out);
  if (field.type !== "group") return checkOne(field, key, typed, previous, options, out);
  const items = Array.isArray(typed) ? (typed as Answers[]) : [];
  const before = Array.isArray(previous) ? (previous as Answers[]) : [];
  const kept = items.map((item, index) => {
    const storedItem: Answers = {};
    for (const child of field.fields ?? []) {
      if (!conditionHolds(child.showIf, item)) continue;
      const value = checkField(
        child,
        `${key}[${index}].${child.name}`,
        item[child.name],
        before[index]?.[child.name],
        options,
        out,
      );
      if (!isBlank(value)) storedItem[child.name] = value;
    }
    return storedItem;
  });
  const min = field.minItems ?? (field.required ? 1 : 0);
  if (kept.length < min) out.issues[key] = [min <= 1 ? "errors.required" : "errors.minItems"];
  else if (field.maxItems !== undefined && kept.length > field.maxItems)
    out.issues[key] = ["errors.maxItems"];
  return kept.length > 0 ? kept : undefined;
}

/**
 * A draft save of one page: every shown field's answer (conditions read the page's new answers
 * over the previous ones) cleaned when valid, kept as typed when not, refused when over-long.
 * `stored` holds the page's fields only; document fields are not answers.
 */
export function checkTypedPage(
  definition: FormDefinition,
  pageId: string,
  previous: Answers,
  typed: Answers,
  options: PageCheckOptions = {},
): TypedPageCheck {
  const out: TypedPageCheck = { stored: {}, issues: {}, refused: {} };
  const page = definition.pages.find((candidate) => candidate.id === pageId);
  if (!page) return out;
  const settled = { today: options.today ?? todayInVietnam(), places: options.places };
  const merged = { ...previous, ...typed };
  for (const field of visibleFields(page, merged)) {
    if (field.type === "document") continue;
    const value = checkField(field, field.name, typed[field.name], previous[field.name], settled, out);
    if (!isBlank(value)) out.stored[field.name] = value;
  }
  return out;
}

/** The per-page check for the browser and the server: the same rules as a draft save. */
export function validatePage(
  definition: FormDefinition,
  pageId: string,
  answers: Answers,
  options: PageCheckOptions = {},
): { ok: true; value: Answers } | { ok: false; issues: Issues } {
  const checked = checkTypedPage(definition, pageId, answers, answers, options);
  return Object.keys(checked.issues).length === 0
    ? { ok: true, value: checked.stored }
    : { ok: false, issues: checked.issues };
}

/** The whole form with its conditions: every shown page checked. */
export function validateShown(
  definition: FormDefinition,
  answers: Answers,
  options: PageCheckOptions = {},
): { ok: true; value: Answers } | { ok: false; issues: Issues } {
  const issues: Issues = {};
  const value: Answers = {};
  for (const page of visiblePages(definition, answers)) {
    const checked = validatePage(definition, page.id, answers, options);
    if (checked.ok) Object.assign(value, checked.value);
    else Object.assign(issues, checked.issues);
  }
  return Object.keys(issues).length === 0 ? { ok: true, value } : { ok: false, issues };
}

/** The id of an input for an issue key: `.`, `[` and `]` become `-` (the error summary's links). */
export function inputId(key: string): string {
  return key.replace(/[.[\]]/g, "-");
}

/**
 * The whole form checked with its conditions (every shown page), and the answers a submission
 * stores: those of the shown pages and fields only.
 */
export function answersToSubmit(
  form: FormDefinition,
  formData: Answers,
  options: PageCheckOptions = {},
): { ok: true; value: Answers } | { ok: false; issues: Issues } {
  const checked = validateShown(form, formData, options);
  if (!checked.ok) return checked;
  return { ok: true, value: shownAnswers(form, checked.value) };
}
