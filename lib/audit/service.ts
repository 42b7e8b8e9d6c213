import "server-only";
import { and, count, desc, gte, inArray, lt, type SQL } from "drizzle-orm";
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
  | "account.claimed"
  | OrganisationAction
  | AdminAction;

/** Changes to an organisation and its members (lib/organisations). */
export type OrganisationAction =
  | "organisation.created"
  | "organisation.updated"
  | "organisation.member_invited"
  | "organisation.invitation_revoked"
  | "organisation.invitation_accepted"
  | "organisation.member_role_changed"
  | "organisation.member_removed";

/** The changes an administrator makes (the audit page lists these), by kind. */
export const adminActions = {
  agency: ["agency.created", "agency.updated"],
  account: [
    "account.created",
    "account.disabled",
    "account.enabled",
    "account.password_reset",
    "account.role_granted",
    "account.role_revoked",
    "account.roles_changed",
  ],
  calendar: [
    "calendar.day_saved",
    "calendar.day_deleted",
    "calendar.year_filled",
    "agency.working_hours_changed",
  ],
  catalogue: [
    "procedure.draft_started",
    "procedure.draft_updated",
    "procedure.form_updated",
    "procedure.published",
    "procedure.draft_discarded",
    "procedure.committee_decision_set",
    "catalogue.imported",
  ],
} as const;
export type AdminActionKind = keyof typeof adminActions;
export type AdminAction = (typeof adminActions)[AdminActionKind][number];
export const adminActionKinds = Object.keys(adminActions) as AdminActionKind[];

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

export type AuditEntry = {
  id: number;
  at: Date;
  actorId: string | null;
  action: string;
  details: Record<string, unknown> | null;
};

/**
 * The latest administrators' changes, newest first, `limit` at a time; `beforeId` continues after
 * the last entry of the previous page (keyset: the id only grows, so a page never shifts).
 */
export async function listAdminChanges(options: {
  kind?: AdminActionKind | null;
  beforeId?: number | null;
  limit?: number;
}): Promise<{ entries: AuditEntry[]; nextBeforeId: number | null }> {
  const db = await getDb();
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const actions: string[] = options.kind
    ? [...adminActions[options.kind]]
    : Object.values(adminActions).flat();
  const where: SQL[] = [inArray(auditLog.action, actions)];
  if (options.beforeId) where.push(lt(auditLog.id, options.beforeId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, nextBeforeId: rows.length > limit ? (entries[entries.length - 1]?.id ?? null) : null };
}

/** How many administrators' changes in the last `days` days (the admin home's figure). */
export async function countRecentAdminChanges(days: number): Promise<number> {
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(inArray(auditLog.action, Object.values(adminActions).flat()), gte(auditLog.at, since)));
  return row?.n ?? 0;
}
