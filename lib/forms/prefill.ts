/**
 * What a new draft starts with (pure): the fields marked `prefill` filled in from the organisation a
 * business files for, or from the applicant's account. The applicant may change them; an answer
 * already given is never overwritten.
 */
import { formFields } from "./definition";
import type { Answers } from "./flow";
import type { FormDefinition, Prefill } from "./types";

export type PrefillSources = {
  organisation?: {
    name?: string | null;
    taxCode?: string | null;
    /** The stored address shape: { province?, commune?, street? }. */
    address?: unknown;
    legalRepresentative?: string | null;
  } | null;
  applicant?: {
    fullName?: string | null;
    idNumber?: string | null;
    phone?: string | null;
    email?: string | null;
  } | null;
};

function sourceValue(prefill: Prefill, sources: PrefillSources): unknown {
  const [from, key] = prefill.split(".") as ["organisation" | "applicant", string];
  const source = sources[from] as Record<string, unknown> | null | undefined;
  const value = source?.[key];
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "object") {
    // An address keeps only its parts that are given.
    const given = Object.entries(value as Record<string, unknown>).filter(
      ([, part]) => typeof part === "string" && part.trim() !== "",
    );
    return given.length > 0 ? Object.fromEntries(given) : undefined;
  }
  return value;
}

/** The answers with every empty prefilled field filled from its source (others unchanged). */
export function prefillAnswers(
  definition: FormDefinition,
  sources: PrefillSources,
  answers: Answers = {},
): Answers {
  const filled: Answers = { ...answers };
  for (const field of formFields(definition)) {
    if (!field.prefill || filled[field.name] !== undefined) continue;
    const value = sourceValue(field.prefill, sources);
    // An address goes only into an address field, text only into a field that stores text.
    if (value === undefined || (typeof value === "object") !== (field.type === "address")) continue;
    filled[field.name] = value;
  }
  return filled;
}
