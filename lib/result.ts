import type { z } from "zod";

/**
 * What a service hands back for anything a user can cause: a value, or an error code with message
 * keys per field. Errors are values, not exceptions (ARCHITECTURE: "the shape of a service call").
 */
export type Result<T, E = string> =
  { ok: true; value: T } | { ok: false; error: E; issues?: Record<string, string[]> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E>(
  error: E,
  issues?: Record<string, string[]>,
): { ok: false; error: E; issues?: Record<string, string[]> } =>
  issues ? { ok: false, error, issues } : { ok: false, error };

/** A zod error as message keys per field (the dotted path; "_" for the whole input), each key once. */
export function issuesOf(error: z.ZodError): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    const list = (issues[field] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return issues;
}
