/*
 * Bulk assign from the queue: each chosen dossier goes through the one transition path on its own
 * (performStaffAction with the version the list showed), so a dossier that changed since the list
 * was read gets a conflict of its own while the others are still assigned.
 */
import "server-only";
import { getDb } from "@/db/client";
import { listRoleHolders } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { performStaffAction } from "./transitions";

/** The most dossiers one post may assign: a page of the queue, with room to spare. */
export const bulkAssignLimit = 100;

/** One checkbox of the list: the dossier's code and the version the page showed, "CODE@version". */
export type BulkItem = { code: string; version: number };

export type BulkAssignOutcome = { code: string; ok: true } | { code: string; ok: false; error: string };

/** "CODE@3" -> { code, version }; null for anything else. */
export function parseBulkItem(value: unknown): BulkItem | null {
  if (typeof value !== "string" || value.length > 100) return null;
  const match = /^([^@\s]+)@(\d{1,9})$/.exec(value.trim());
  if (!match) return null;
  const version = Number(match[2]);
  return version > 0 ? { code: match[1]!, version } : null;
}

/** The specialists a head of unit or receiver may hand dossiers to: those of the agencies they work for. */
export async function listQueueSpecialists(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "staff") return [];
  const agencyIds = [
    ...new Set(actor.roles.filter((r) => r.role === "head" || r.role === "receiver").map((r) => r.agencyId)),
  ];
  if (agencyIds.length === 0) return [];
  const db = await getDb();
  const lists = await Promise.all(agencyIds.map((id) => listRoleHolders(id, "specialist", db)));
  const byId = new Map(lists.flat().map((person) => [person.id, person]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** Assigns each item in turn; one outcome per item, in the order given. */
export async function bulkAssign(
  actor: Actor,
  input: { assigneeId: string; items: readonly BulkItem[] },
): Promise<BulkAssignOutcome[]> {
  const outcomes: BulkAssignOutcome[] = [];
  const seen = new Set<string>();
  for (const item of input.items.slice(0, bulkAssignLimit)) {
    if (seen.has(item.code)) continue;
    seen.add(item.code);
    const result = await performStaffAction(actor, {
      action: "assign",
      code: item.code,
      version: item.version,
      assigneeId: input.assigneeId,
    });
    outcomes.push(
      result.ok ? { code: item.code, ok: true } : { code: item.code, ok: false, error: result.error },
    );
  }
  return outcomes;
}
