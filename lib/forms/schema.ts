/**
 * CONTRACT — signatures fixed, bodies being written (applicant-forms task).
 * One function turns a procedure version's form definition into the zod schema used by
 * react-hook-form in the browser and again on the server.
 */
import { z } from "zod";
import type { FormDefinition } from "./types";

export type AnswerIssues = Record<string, string[]>;

export function buildFormSchema(definition: FormDefinition): z.ZodObject<Record<string, z.ZodType>> {
  void definition;
  throw new Error("lib/forms/schema.ts is being written");
}

/** Validates answers; issues are message keys (forms namespace) per field name. */
export function validateAnswers(
  definition: FormDefinition,
  answers: Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | { ok: false; issues: AnswerIssues } {
  void definition;
  void answers;
  throw new Error("lib/forms/schema.ts is being written");
}
