import type { $ZodIssue } from "zod/v4/core";

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

/**
 * The one converter from zod issues to message keys per field: the dotted path ("" becomes "_" for
 * the whole input), each key once. With `fallback`, a message that is not a key of ours ("errors.…",
 * or "ns:…" in another namespace; else zod's own English, e.g. for a wrong type) becomes the
 * fallback key, so a page never shows it raw.
 */
export function issuesOf(
  error: { issues: readonly $ZodIssue[] },
  options: { fallback?: string } = {},
): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    const message =
      options.fallback && !/^(errors\.|[a-z]+:)/.test(issue.message) ? options.fallback : issue.message;
    const list = (issues[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return issues;
}
