import type { DossierError } from "@/lib/dossiers/types";

const known: readonly string[] = [
  "not_found",
  "forbidden",
  "invalid_transition",
  "conflict",
  "invalid_input",
  "missing_documents",
  "assignee_invalid",
  "file_type",
  "file_too_large",
  "empty",
] satisfies readonly (DossierError | "file_type" | "file_too_large" | "empty")[];

/** A dossier error code from a URL (?error=conflict) as its message key, or null for anything else. */
export function dossierErrorKey(value: unknown): string | null {
  return typeof value === "string" && known.includes(value) ? `errors.${value}` : null;
}
