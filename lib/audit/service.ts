import "server-only";
import { getDb, type Queryable } from "@/db/client";
import { auditLog } from "@/db/schema/audit";

/** Security-relevant acts outside a dossier's own history. */
export type AuditAction =
  | "sign_in.succeeded"
  | "sign_in.failed"
  | "sign_in.throttled"
  | "sign_up.throttled"
  | "session.ended"
  | "account.registered"
  | "account.password_changed"
  | "account.disabled"
  | "account.roles_changed"
  | "account.created_at_desk"
  | "account.claimed";

/** Appends to the audit log; never updates or deletes (the log is append-only). */
export async function recordAudit(
  entry: { action: AuditAction; actorId?: string | null; details?: Record<string, unknown> },
  db?: Queryable,
): Promise<void> {
  const target = db ?? (await getDb());
  await target.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    details: entry.details ?? null,
  });
}
