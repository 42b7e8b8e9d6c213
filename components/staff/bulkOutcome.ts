/*
 * A bulk assign's outcome carried in the queue's address after the redirect: the codes assigned
 * and, per failed code, why ("CODE:conflict"). Pure, read back defensively (it is user input).
 */
import type { BulkAssignOutcome } from "@/lib/dossiers/bulkAssign";

const errors = [
  "conflict",
  "forbidden",
  "invalid_transition",
  "not_found",
  "assignee_invalid",
  "invalid_input",
];

export function bulkOutcomeParams(outcomes: readonly BulkAssignOutcome[]): Record<string, string> {
  return {
    assigned: outcomes
      .filter((o) => o.ok)
      .map((o) => o.code)
      .join(","),
    failed: outcomes.flatMap((o) => (o.ok ? [] : [`${o.code}:${o.error}`])).join(","),
  };
}

export type BulkReport =
  | { kind: "none" | "noassignee" | "forbidden" | "failed" }
  | { kind: "done"; assigned: string[]; failed: { code: string; error: string }[] };

const codeOf = (text: string) => (/^[0-9A-Za-z.-]{1,60}$/.test(text) ? text : null);

export function readBulkReport(query: Record<string, string | string[] | undefined>): BulkReport | null {
  const kind = query.bulk;
  if (kind === "none" || kind === "noassignee" || kind === "forbidden" || kind === "failed") return { kind };
  if (kind !== "done") return null;
  const list = (value: unknown) => (typeof value === "string" && value ? value.split(",").slice(0, 100) : []);
  return {
    kind: "done",
    assigned: list(query.assigned).flatMap((code) => codeOf(code) ?? []),
    failed: list(query.failed).flatMap((entry) => {
      const [code = "", error = ""] = entry.split(":");
      return codeOf(code) ? [{ code, error: errors.includes(error) ? error : "failed" }] : [];
    }),
  };
}
