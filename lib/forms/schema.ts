/**
 * One function turns a procedure version's form definition into the zod schema used by
 * react-hook-form in the browser and again on the server. Messages are keys in the "forms" namespace.
 *
 * Answers come in the stored shape (types.ts): a date as "YYYY-MM-DD" or the three boxes as typed,
 * "Y-M-D"; money and numbers as typed text or a number; an address as {province, commune, street};
 * a group as an array of items. Issue keys are paths: "birthDate", "home.province",
 * "members[0].fullName", and the group's own name for its number of items.
 */
// First: no eval probe in the browser (see zodConfig).
import "./zodConfig";
// zod/mini: the same schema runs in the browser (react-hook-form), where classic zod weighs ~30 KB.
import * as z from "zod/mini";
import { formFields } from "./definition";
import { visibility, visibleFields, visibleItemFields, type Answers } from "./flow";
import { cleanText } from "./formText";
import { isEthnicityCode, isNationalityCode } from "./lists";
import type { FormDefinition, FormField, FormPage, LocalisedText } from "./types";
import {
  idNumberProblem,
  normalisePhone,
  normaliseTaxCode,
  phoneKind,
  taxCodeProblem,
  withoutSeparators,
} from "./validators";

export type AnswerIssues = Record<string, string[]>;

/** The administrative units an address is checked against (lib/places gives them to the server). */
export type Places = {
  provinceCodes: string[];
  /** The province's communes; null when they are not in the table (the commune is then free text). */
  communesOf(provinceCode: string): string[] | null;
};

export type BuildOptions = {
  /** Today as YYYY-MM-DD in Vietnam; defaults to the real today (tests pin it). */
  today?: string;
  /** Without it, an address's province and commune are only required, not looked up. */
  places?: Places;
  /** All answers, for a group item's condition on a top-level field (set by validateAnswers). */
  answers?: Answers;
};

/** Without a limit in the definition a field still has one, so nobody can store a novel in a name. */
const defaultMaxLength = { text: 500, textarea: 5000 } as const;

/** Answers that are not free text (dates, numbers, phone and ID numbers, choices) are short. */
const shortAnswerMaxLength = 200;

/** An address's street and house number; its province and commune are short answers. */
export const streetMaxLength = 500;

/** A group without maxItems still has a limit. */
export const groupItemsLimit = 50;

function itemsLimit(field: FormField): number {
  return Math.min(field.maxItems ?? groupItemsLimit, groupItemsLimit);
}

/**
 * The longest answer the form definition allows for a field, in characters: the same limits the
 * schema checks (a text's maxLength or its default), and a short one for every other type. A draft
 * keeps nothing longer, even when the answer is wrong for another reason and kept as typed.
 * For answers with parts (checkboxes, address, group) it bounds answerLength: the parts' text.
 */
export function answerMaxLength(field: FormField): number {
  switch (field.type) {
    case "text":
    case "textarea":
      return field.maxLength ?? defaultMaxLength[field.type];
    case "checkboxes":
      return Math.max(
        shortAnswerMaxLength,
        (field.options ?? []).reduce((sum, option) => sum + option.value.length, 0),
      );
    case "address":
      return streetMaxLength + 2 * shortAnswerMaxLength;
    case "group":
      return itemsLimit(field) * (field.fields ?? []).reduce((sum, child) => sum + answerMaxLength(child), 0);
    case "document":
      return 0;
    default:
      return shortAnswerMaxLength;
  }
}

/** The characters an answer holds: a text's length, the sum of its parts' for the other shapes. */
export function answerLength(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === "string") return value.length;
  if (typeof value === "number" || typeof value === "boolean") return String(value).length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + answerLength(item), 0);
  if (typeof value === "object")
    return Object.values(value).reduce((sum: number, v) => sum + answerLength(v), 0);
  return 0;
}

// Made once: a formatter with a time zone costs about 0.4 ms to make, and every answer checked
// (each field of each submission) asks for today; formatting with it is about 2 µs.
const vietnamDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in Vietnam, whatever the server's or the browser's own time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate.format(now);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * No answer is undefined, so optional fields may stay blank: strings are trimmed and "" is blank;
 * a date's three empty boxes ("--"), no box ticked, an address without any part, a group without items.
 */
export function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (Array.isArray(value)) {
    const kept = value.filter((item) => !(typeof item === "string" && item.trim() === ""));
    return kept.length === 0 ? undefined : kept;
  }
  if (isRecord(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, part] of Object.entries(value)) {
      const cleaned = blankToUndefined(part);
      if (cleaned !== undefined) kept[key] = cleaned;
    }
    return Object.keys(kept).length === 0 ? undefined : kept;
  }
  return value;
}

function blankOf(field: FormField, value: unknown): unknown {
  // A group's items are kept whole (an empty item in the middle is asked about, not dropped).
  if (field.type === "group")
    return Array.isArray(value) && value.length === 0 ? undefined : (value ?? undefined);
  const cleaned = blankToUndefined(value);
  if (field.type === "date" && typeof cleaned === "string" && /^[\s-]*$/.test(cleaned)) return undefined;
  return cleaned;
}

type Issue = { message: string; path?: PropertyKey[] };
type Checked = { value: unknown } | { issues: Issue[] };

const fail = (message: string, path?: PropertyKey[]): Checked => ({ issues: [{ message, path }] });

/** A schema from a check function: the cleaned value, or issues (message keys, with paths below the field). */
function rule(check: (value: unknown) => Checked): z.ZodMiniType {
  return z.transform((value: unknown, ctx) => {
    const result = check(value);
    if ("value" in result) return result.value;
    for (const issue of result.issues)
      ctx.issues.push({ code: "custom", message: issue.message, input: value, path: issue.path ?? [] });
    return z.NEVER;
  });
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date from its three boxes, "Y-M-D" (a stored "YYYY-MM-DD" is the same): the missing box named,
 * the year in 4 digits, a real day; cleaned to "YYYY-MM-DD".
 */
export function checkDate(value: unknown, notInFuture: boolean, today: string): Checked {
  if (typeof value !== "string") return fail("errors.date");
  const parts = value.split("-").map((part) => part.trim());
  if (parts.length !== 3) return fail("errors.date");
  const [year, month, day] = parts as [string, string, string];
  const missing = [day === "", month === "", year === ""];
  const count = missing.filter(Boolean).length;
  if (count > 1) return fail("errors.dateIncomplete");
  if (missing[0]) return fail("errors.dateMissingDay");
  if (missing[1]) return fail("errors.dateMissingMonth");
  if (missing[2]) return fail("errors.dateMissingYear");
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return fail("errors.date");
  if (!/^\d{4}$/.test(year) || Number(year) < 1000) return fail("errors.dateYear");
  if (!isRealDate(Number(year), Number(month), Number(day))) return fail("errors.date");
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (notInFuture && iso > today) return fail("errors.dateInFuture");
  return { value: iso };
}

/** Money in whole đồng: "1.500.000", "1 500 000", "1,500,000" or "1500000", with "đ" or "VND" after. */
export function parseMoney(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const text = value
    .trim()
    .replace(/\s*(đồng|đ|₫|vnd|vnđ)$/i, "")
    .trim();
  const grouped = /^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(text);
  if (!grouped && !/^\d+$/.test(text)) return null;
  const amount = Number(text.replace(/[.,\s\u00a0]/g, ""));
  return Number.isSafeInteger(amount) ? amount : null;
}

/** A number as typed: a decimal point or comma ("1,5"), a sign. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

function bounds(field: FormField, amount: number): Checked {
  if (field.min !== undefined && amount < field.min) return fail("errors.min");
  if (field.max !== undefined && amount > field.max) return fail("errors.max");
  return { value: amount };
}

const optionValues = (field: FormField) => (field.options ?? []).map((option) => option.value);

function checkAddress(field: FormField, value: unknown, places: Places | undefined): Checked {
  if (!isRecord(value)) return fail("errors.invalid");
  const part = (name: string) => (typeof value[name] === "string" ? (value[name] as string).trim() : "");
  const province = part("province");
  const commune = part("commune");
  const street = part("street");
  const issues: Issue[] = [];
  if (!province) issues.push({ message: "errors.province", path: ["province"] });
  else if (places && !places.provinceCodes.includes(province))
    issues.push({ message: "errors.option", path: ["province"] });
  const communes = province && places ? places.communesOf(province) : null;
  if (!commune) issues.push({ message: "errors.commune", path: ["commune"] });
  else if (communes && !communes.includes(commune))
    issues.push({ message: "errors.option", path: ["commune"] });
  else if (commune.length > shortAnswerMaxLength)
    issues.push({ message: "errors.tooLong", path: ["commune"] });
  if (!street && field.required) issues.push({ message: "errors.street", path: ["street"] });
  else if (street.length > streetMaxLength) issues.push({ message: "errors.tooLong", path: ["street"] });
  if (issues.length > 0) return { issues };
  return { value: street ? { province, commune, street } : { province, commune } };
}

/** A group's items, each checked with its shown child fields' schemas (issue paths [item, child, …]). */
function checkGroup(field: FormField, value: unknown, options: BuildOptions): Checked {
  if (!Array.isArray(value)) return fail("errors.invalid");
  const issues: Issue[] = [];
  if (field.minItems !== undefined && value.length < field.minItems)
    issues.push({ message: "errors.minItems" });
  if (value.length > itemsLimit(field)) issues.push({ message: "errors.maxItems" });
  const items: Record<string, unknown>[] = [];
  value.forEach((raw, index) => {
    const item = isRecord(raw) ? raw : {};
    const cleaned: Record<string, unknown> = {};
    for (const child of visibleItemFields(field, item, options.answers ?? {})) {
      const result = fieldSchema(child, options).safeParse(item[child.name], { jitless: true });
      if (result.success) {
        if (result.data !== undefined) cleaned[child.name] = result.data;
      } else
        for (const issue of result.error.issues)
          issues.push({ message: issue.message, path: [index, child.name, ...issue.path] });
    }
    items.push(cleaned);
  });
  return issues.length > 0 ? { issues } : { value: items };
}

function coreSchema(field: FormField, options: BuildOptions, today: string): z.ZodMiniType {
  switch (field.type) {
    case "text":
    case "textarea":
      return z
        .string("errors.required")
        .check(
          ...(field.minLength !== undefined ? [z.minLength(field.minLength, "errors.minLength")] : []),
          field.maxLength !== undefined
            ? z.maxLength(field.maxLength, "errors.maxLength")
            : z.maxLength(defaultMaxLength[field.type], "errors.tooLong"),
        );
    case "email":
      return z.email("errors.email").check(z.maxLength(shortAnswerMaxLength, "errors.tooLong"));
    case "tel":
      return rule((value) => {
        if (typeof value !== "string") return fail("errors.phone");
        const kind = phoneKind(value);
        if (!kind) return fail("errors.phone");
        if (kind === "landline" && field.mobileOnly) return fail("errors.mobile");
        return { value: normalisePhone(value) };
      });
    case "number":
      return rule((value) => {
        const amount = parseNumber(value);
        return amount === null ? fail("errors.number") : bounds(field, amount);
      });
    case "money":
      return rule((value) => {
        const amount = parseMoney(value);
        return amount === null ? fail("errors.money") : bounds(field, amount);
      });
    case "date":
      return rule((value) => checkDate(value, field.notInFuture === true, today));
    case "select":
    case "radio":
      return rule((value) =>
        typeof value === "string" && optionValues(field).includes(value) ? { value } : fail("errors.option"),
      );
    case "checkboxes":
      return rule((value) => {
        const ticked = typeof value === "string" ? [value] : value;
        if (!Array.isArray(ticked) || ticked.some((item) => typeof item !== "string"))
          return fail("errors.option");
        const values = optionValues(field);
        if (ticked.some((item) => !values.includes(item as string))) return fail("errors.option");
        // In the options' order, each once.
        return { value: values.filter((option) => ticked.includes(option)) };
      });
    case "yesNo":
      return rule((value) => {
        if (value === true || value === "yes") return { value: "yes" };
        if (value === false || value === "no") return { value: "no" };
        return fail("errors.option");
      });
    case "idNumber":
      return rule((value) => {
        if (typeof value !== "string") return fail("errors.idNumber");
        const problem = idNumberProblem(value);
        return problem ? fail(problem) : { value: withoutSeparators(value) };
      });
    case "taxCode":
      return rule((value) => {
        if (typeof value !== "string") return fail("errors.taxCode");
        const problem = taxCodeProblem(value);
        return problem ? fail(problem) : { value: normaliseTaxCode(value) };
      });
    case "ethnicity":
      return rule((value) => {
        const code = typeof value === "string" && /^\d{1,2}$/.test(value) ? value.padStart(2, "0") : null;
        return code && isEthnicityCode(code) ? { value: code } : fail("errors.option");
      });
    case "nationality":
      return rule((value) => {
        const code = typeof value === "string" ? value.toUpperCase() : null;
        return code && isNationalityCode(code) ? { value: code } : fail("errors.option");
      });
    case "address":
      return rule((value) => checkAddress(field, value, options.places));
    case "group":
      return rule((value) => checkGroup(field, value, options));
    case "document":
      return z.unknown();
  }
}

/** A field's schema: blank is undefined (an issue "errors.required" when the field is required). */
export function fieldSchema(field: FormField, options: BuildOptions = {}): z.ZodMiniType {
  // Documents are checked by lib/dossiers (missingDocuments): the form has no answer for them.
  if (field.type === "document")
    return z.optional(
      z.pipe(
        z.unknown(),
        z.transform(() => undefined),
      ),
    );
  const core = coreSchema(field, options, options.today ?? todayInVietnam());
  const prepare = z.transform((value: unknown) => blankOf(field, value));
  if (!field.required) return z.optional(z.pipe(prepare, z.optional(core)));
  const present = z.unknown().check(z.refine((value): boolean => value !== undefined, "errors.required"));
  return z.pipe(prepare, z.pipe(present, core));
}

/**
 * The schema of a list of fields, all asked (no conditions): the one-page forms of the desk intake
 * and of the draft form before pages. For a page with conditions use buildPageSchema.
 */
export function buildFormSchema(
  definition: FormDefinition,
  options: BuildOptions = {},
): z.ZodMiniObject<Record<string, z.ZodMiniType>> {
  return objectOf(formFields(definition), options);
}

function objectOf(fields: FormField[], options: BuildOptions) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of fields) shape[field.name] = fieldSchema(field, options);
  // Unknown keys are dropped: only the definition's fields are ever stored.
  return z.object(shape);
}

/** The schema of one page's fields shown for these answers (for react-hook-form in the browser). */
export function buildPageSchema(
  definition: FormDefinition,
  pageId: string,
  answers: Answers,
  options: BuildOptions = {},
): z.ZodMiniObject<Record<string, z.ZodMiniType>> {
  const page = definition.pages.find((p) => p.id === pageId);
  const fields = page ? visibleFields(page, answers, definition) : [];
  return objectOf(fields, { ...options, answers });
}

/** An issue's key from its path: "members[0].birthDate", "home.province". */
export function issueKey(path: readonly PropertyKey[]): string {
  let key = "";
  for (const segment of path) {
    if (typeof segment === "number") key += `[${segment}]`;
    else key += key === "" ? String(segment) : `.${String(segment)}`;
  }
  return key || "_";
}

const ourMessage = (message: string) => (/^(errors\.|[a-z]+:)/.test(message) ? message : "errors.invalid");

type Validated = { ok: true; value: Record<string, unknown> } | { ok: false; issues: AnswerIssues };

/** Each field checked once; issues by path in the fields' order, the cleaned answers of the valid ones. */
function checkFields(fields: FormField[], answers: Answers, options: BuildOptions): Validated {
  const resolved: BuildOptions = { ...options, today: options.today ?? todayInVietnam(), answers };
  const value: Record<string, unknown> = {};
  const issues: AnswerIssues = {};
  for (const field of fields) {
    const result = fieldSchema(field, resolved).safeParse(answers[field.name], { jitless: true });
    if (result.success) {
      if (result.data !== undefined) value[field.name] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const list = (issues[issueKey([field.name, ...issue.path])] ??= []);
      const message = ourMessage(issue.message);
      if (!list.includes(message)) list.push(message);
    }
  }
  return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, value };
}

/**
 * Validates the answers of the whole form: only the shown pages and fields are checked and kept
 * (conditions, visiblePages); issues are message keys (forms namespace) per field path.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  options: BuildOptions = {},
): Validated {
  const seen = visibility(definition, answers);
  const fields = definition.pages.flatMap((page) =>
    seen.pageOpen(page) ? page.fields.filter((field) => seen.fieldShown(field.name)) : [],
  );
  return checkFields(fields, answers, options);
}

/**
 * Validates one page: its fields shown for these answers (all answers so far, the page's included).
 * The value holds the page's cleaned answers. A page the definition does not have: issue "_".
 */
export function validatePage(
  definition: FormDefinition,
  pageId: string,
  answers: Record<string, unknown>,
  options: BuildOptions = {},
): Validated {
  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) return { ok: false, issues: { _: ["errors.invalid"] } };
  return checkFields(visibleFields(page, answers, definition), answers, options);
}

export type CheckedPage = {
  /** The whole formData to keep: other pages' answers untouched, this page's as checked. */
  stored: Record<string, unknown>;
  /** What is wrong on the page (shown fields), by issue key. */
  issues: AnswerIssues;
  /** What this save refused (over-long answers): the previous answer is kept for those. */
  refused: AnswerIssues;
};

/** Text cleaned of control characters (lib/forms/formText) throughout an answer. */
function cleanAnswer(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanAnswer);
  if (isRecord(value)) {
    const cleaned: Record<string, unknown> = {};
    for (const [key, part] of Object.entries(value)) cleaned[key] = cleanAnswer(part);
    return cleaned;
  }
  return value;
}

/** The paths of an answer's parts over their field's limit (the field itself for a plain answer). */
function overLong(field: FormField, value: unknown): { path: PropertyKey[]; message: string }[] {
  const tooLong = (path: PropertyKey[], message = "errors.tooLong") => [{ path, message }];
  const textLimitMessage =
    (field.type === "text" || field.type === "textarea") && field.maxLength !== undefined
      ? "errors.maxLength"
      : "errors.tooLong";
  switch (field.type) {
    case "group": {
      if (!Array.isArray(value)) return answerLength(value) > answerMaxLength(field) ? tooLong([]) : [];
      if (value.length > itemsLimit(field)) return tooLong([], "errors.maxItems");
      const found: { path: PropertyKey[]; message: string }[] = [];
      value.forEach((item, index) => {
        if (!isRecord(item)) return;
        for (const child of field.fields ?? [])
          for (const part of overLong(child, item[child.name]))
            found.push({ path: [index, child.name, ...part.path], message: part.message });
      });
      return found;
    }
    case "address": {
      if (!isRecord(value)) return answerLength(value) > answerMaxLength(field) ? tooLong([]) : [];
      const found: { path: PropertyKey[]; message: string }[] = [];
      for (const [part, limit] of [
        ["province", shortAnswerMaxLength],
        ["commune", shortAnswerMaxLength],
        ["street", streetMaxLength],
      ] as const)
        if (answerLength(value[part]) > limit) found.push({ path: [part], message: "errors.tooLong" });
      return found;
    }
    case "checkboxes":
      return (Array.isArray(value) && value.length > (field.options ?? []).length) ||
        answerLength(value) > answerMaxLength(field)
        ? tooLong([])
        : [];
    default:
      return answerLength(value) > answerMaxLength(field) ? tooLong([], textLimitMessage) : [];
  }
}

/** An answer as the draft keeps it when it is not valid: as typed (strings trimmed), blanks dropped. */
function asTyped(field: FormField, value: unknown, options: BuildOptions): unknown {
  if (field.type === "group" && Array.isArray(value)) {
    // Each item's valid answers cleaned, the others as typed.
    return value.map((item) => {
      if (!isRecord(item)) return {};
      const kept: Record<string, unknown> = {};
      for (const child of field.fields ?? []) {
        const answer = item[child.name];
        const checked = fieldSchema(child, options).safeParse(answer, { jitless: true });
        const keep = checked.success ? checked.data : asTyped(child, answer, options);
        if (keep !== undefined) kept[child.name] = keep;
      }
      return kept;
    });
  }
  if (field.type === "date" && typeof value === "string")
    return /^[\s-]*$/.test(value) ? undefined : value.trim();
  return blankToUndefined(value);
}

/**
 * A draft save of one page (valid or not, nothing typed is lost): each of the page's fields valid ->
 * its cleaned answer, invalid -> kept as typed, over its length limit -> refused ("errors.tooLong" or
 * the field's "errors.maxLength") with the previous answer kept. Only that page's fields are
 * touched; the other pages' answers are kept as they were. A field hidden by a condition keeps what
 * was typed, unchecked (a submission drops it: shownAnswers).
 */
export function checkTypedPage(
  definition: FormDefinition,
  pageId: string,
  previous: Record<string, unknown>,
  typed: Record<string, unknown>,
  options: BuildOptions = {},
): CheckedPage {
  const stored: Record<string, unknown> = { ...previous };
  const issues: AnswerIssues = {};
  const refused: AnswerIssues = {};
  const page: FormPage | undefined = definition.pages.find((p) => p.id === pageId);
  if (!page) return { stored, issues, refused };

  const incoming: Record<string, unknown> = {};
  for (const field of page.fields)
    if (field.type !== "document") incoming[field.name] = cleanAnswer(typed[field.name]);
  const merged: Answers = { ...previous, ...incoming };
  const shown = new Set(visibleFields(page, merged, definition).map((field) => field.name));
  const resolved: BuildOptions = { ...options, today: options.today ?? todayInVietnam(), answers: merged };

  for (const field of page.fields) {
    if (field.type === "document") continue;
    const value = incoming[field.name];
    delete stored[field.name];
    const tooLong = overLong(field, value);
    if (tooLong.length > 0) {
      for (const { path, message } of tooLong) {
        const key = issueKey([field.name, ...path]);
        refused[key] = [message];
        issues[key] = [message];
      }
      if (previous[field.name] !== undefined) stored[field.name] = previous[field.name];
      continue;
    }
    let keep: unknown;
    if (!shown.has(field.name)) keep = asTyped(field, value, resolved);
    else {
      const result = fieldSchema(field, resolved).safeParse(value, { jitless: true });
      if (result.success) keep = result.data;
      else {
        for (const issue of result.error.issues) {
          const list = (issues[issueKey([field.name, ...issue.path])] ??= []);
          const message = ourMessage(issue.message);
          if (!list.includes(message)) list.push(message);
        }
        keep = asTyped(field, value, resolved);
      }
    }
    if (keep !== undefined) stored[field.name] = keep;
  }
  return { stored, issues, refused };
}

/**
 * The field an issue key is about: "home.province" -> the address field, "members[0].name" -> the
 * group's child field (whose messages and labels apply). Null when the definition has no such field.
 */
export function fieldForIssue(definition: FormDefinition, key: string): FormField | null {
  const match = /^([^.[]+)(?:\[(\d+)\]\.([^.[]+))?/.exec(key);
  if (!match) return null;
  const field = formFields(definition).find((f) => f.name === match[1]);
  if (!field) return null;
  if (match[3] && field.type === "group")
    return (field.fields ?? []).find((c) => c.name === match[3]) ?? null;
  return field;
}

/**
 * The field's own wording for a message key, when the definition gives one (`messages`); null
 * otherwise (the renderer then uses the standard text of the key in the forms namespace).
 */
export function messageFor(field: FormField, key: string, lang: keyof LocalisedText): string | null {
  const own = field.messages?.[key]?.[lang];
  return own && own.trim() !== "" ? own : null;
}

/** The values the standard messages interpolate ({{minLength}}, {{max}}, {{maxItems}}…) for a field. */
export function messageParams(field: FormField): Record<string, number> {
  const params: Record<string, number> = {};
  if (field.minLength !== undefined) params.minLength = field.minLength;
  params.maxLength = field.maxLength ?? answerMaxLength(field);
  if (field.min !== undefined) params.min = field.min;
  if (field.max !== undefined) params.max = field.max;
  if (field.type === "group") {
    params.minItems = field.minItems ?? 0;
    params.maxItems = itemsLimit(field);
  }
  return params;
}

/** For callers with a zod error of a form schema: the issues by key (lib/result issuesOf, with paths as issueKey). */
export function answerIssuesOf(error: {
  issues: readonly { path: PropertyKey[]; message: string }[];
}): AnswerIssues {
  const issues: AnswerIssues = {};
  for (const issue of error.issues) {
    const list = (issues[issueKey(issue.path)] ??= []);
    const message = ourMessage(issue.message);
    if (!list.includes(message)) list.push(message);
  }
  return issues;
}
