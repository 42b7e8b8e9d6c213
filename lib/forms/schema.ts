/**
 * One function turns a procedure version's form definition into the zod schema used by
 * react-hook-form in the browser and again on the server. Messages are keys in the "forms" namespace.
 */
// First: no eval probe in the browser (see zodConfig).
import "./zodConfig";
// zod/mini: the same schema runs in the browser (react-hook-form), where classic zod weighs ~30 KB.
import * as z from "zod/mini";
import { formFields } from "./definition";
import type { FormDefinition, FormField } from "./types";
import { issuesOf } from "@/lib/result";

export type AnswerIssues = Record<string, string[]>;

export type BuildOptions = {
  /** Today as YYYY-MM-DD in Vietnam; defaults to the real today (tests pin it). */
  today?: string;
};

/** Without a limit in the definition a field still has one, so nobody can store a novel in a name. */
const defaultMaxLength = { text: 500, textarea: 5000 } as const;

/** Answers that are not free text (dates, numbers, phone and ID numbers, choices) are short. */
const shortAnswerMaxLength = 200;

/**
 * The longest answer the form definition allows for a field, in characters: the same limits the
 * schema checks (a text's maxLength or its default), and a short one for every other type. A draft
 * keeps nothing longer, even when the answer is wrong for another reason and kept as typed.
 */
export function answerMaxLength(field: FormField): number {
  if (field.type === "text" || field.type === "textarea")
    return field.maxLength ?? defaultMaxLength[field.type];
  return shortAnswerMaxLength;
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

/** Strings are trimmed; an empty answer is no answer (undefined), so optional fields may stay blank. */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  return value;
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/** People type phone and ID numbers with spaces, dots or dashes; the value kept has none. */
const withoutSeparators = (value: unknown) =>
  typeof value === "string" ? value.replace(/[\s.\-()]/g, "") : value;

/** zod's preprocess (not in zod/mini): `prepare` runs on the input before `schema` checks it. */
const preprocess = (prepare: (value: unknown) => unknown, schema: z.ZodMiniType) =>
  z.pipe(z.transform(prepare), schema);

function coreSchema(field: FormField, today: string): z.ZodMiniType {
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
      return z.email("errors.email").check(z.maxLength(200, "errors.tooLong"));
    case "tel":
      // Vietnamese numbers: mobile 0 + 9 digits, landline 0 + 10 digits, or +84 instead of the 0.
      return preprocess(
        withoutSeparators,
        z.string().check(z.regex(/^(\+84|0)[1-9]\d{8,9}$/, "errors.phone")),
      );
    case "number":
      return z.coerce
        .number("errors.number")
        .check(
          ...(field.min !== undefined ? [z.gte(field.min, "errors.min")] : []),
          ...(field.max !== undefined ? [z.lte(field.max, "errors.max")] : []),
        );
    case "date": {
      const date = z.string("errors.date").check(
        z.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value), {
          message: "errors.date",
          abort: true,
        }),
      );
      return field.notInFuture
        ? date.check(z.refine((value) => value <= today, "errors.dateInFuture"))
        : date;
    }
    case "select": {
      const values = (field.options ?? []).map((option) => option.value);
      return z.string("errors.option").check(z.refine((value) => values.includes(value), "errors.option"));
    }
    case "idNumber":
      return preprocess(withoutSeparators, z.string().check(z.regex(/^\d{12}$/, "errors.idNumber")));
    default:
      // The other field types get their schemas with the multi-page forms (lib/forms, issue 9).
      return z.unknown();
  }
}

export function fieldSchema(field: FormField, options: BuildOptions = {}): z.ZodMiniType {
  const core = coreSchema(field, options.today ?? todayInVietnam());
  if (!field.required) return z.optional(preprocess(blankToUndefined, z.optional(core)));
  const present = z.unknown().check(z.refine((value): boolean => value !== undefined, "errors.required"));
  return preprocess(blankToUndefined, z.pipe(present, core));
}

export function buildFormSchema(
  definition: FormDefinition,
  options: BuildOptions = {},
): z.ZodMiniObject<Record<string, z.ZodMiniType>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of formFields(definition)) shape[field.name] = fieldSchema(field, options);
  // Unknown keys are dropped: only the definition's fields are ever stored.
  return z.object(shape);
}

/** Validates answers; issues are message keys (forms namespace) per field name. */
export function validateAnswers(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  options: BuildOptions = {},
): { ok: true; value: Record<string, unknown> } | { ok: false; issues: AnswerIssues } {
  // The schema is built for this one parse: zod's compiled fast path (made with `new Function` on
  // an object's first parse) would cost more to make than it saves.
  const result = buildFormSchema(definition, options).safeParse(answers, { jitless: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: issuesOf(result.error, { fallback: "errors.invalid" }) };
}
