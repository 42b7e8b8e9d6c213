import type { StaffRole } from "@/lib/identity/types";

/*
 * Who finds a notice in their inbox (pure: no I/O). A notice names one person (the applicant, the
 * assignee) or one agency (recipientId null, payload.agencyId). A person's notice goes to them; an
 * agency's goes to the staff holding, at that agency, a role that acts on what it says:
 *
 *   dossier.submitted, dossier.supplemented (before acceptance), dossier.decided
 *                               the receiving desk, which accepts, refuses and hands the result back;
 *   dossier.accepted, dossier.released, dossier.transferred
 *                               whoever assigns a specialist: receivers and heads;
 *   dossier.proposed, dossier.delay_proposed
 *                               the head, the only one who approves a result or an apology;
 *   dossier.consulted           the specialists and heads of the agency asked;
 *   anything else (withdrawn, stopped, paid, a supplement after acceptance with nobody assigned…)
 *                               every casework role: receiver, specialist, head, agency administrator.
 *
 * A system administrator does no dossier work and is never told about dossiers. Everyone chooses
 * whether they want the inbox at all (users.notify_in_inbox); that is read with the recipients.
 */

const casework: readonly StaffRole[] = ["receiver", "specialist", "head", "agency_admin"];

const rolesByKind: Record<string, readonly StaffRole[]> = {
  "dossier.submitted": ["receiver"],
  "dossier.supplemented": ["receiver", "specialist", "head"],
  "dossier.decided": ["receiver"],
  "dossier.accepted": ["receiver", "head"],
  "dossier.released": ["receiver", "head"],
  "dossier.transferred": ["receiver", "head"],
  "dossier.proposed": ["head"],
  "dossier.delay_proposed": ["head"],
  "dossier.consulted": ["specialist", "head"],
};

/** The roles at the named agency whose holders find an agency-wide notice of this kind. */
export function agencyRolesFor(kind: string): readonly StaffRole[] {
  return rolesByKind[kind] ?? casework;
}

/** An outbox row as written, with the id it was given. */
export type WrittenNotice = {
  outboxId: number;
  recipientId: string | null;
  kind: string;
  payload: Record<string, unknown>;
};

/** Who may get inbox rows: people who want the inbox, and the roles such staff hold per agency. */
export type InboxAudience = {
  /** Of the named recipients, those who want notices in their inbox (and whose account is active). */
  userIds: readonly string[];
  /** Of the named agencies' staff, those who want the inbox: one entry per role held. */
  staff: readonly { agencyId: string; userId: string; role: string }[];
};

export type InboxRow = {
  recipientId: string;
  outboxId: number;
  kind: string;
  payload: Record<string, unknown>;
  dossierId: string | null;
};

/** The agency an agency-wide notice names, or null. */
export function noticeAgencyId(notice: Pick<WrittenNotice, "recipientId" | "payload">): string | null {
  if (notice.recipientId !== null) return null;
  const agencyId = notice.payload.agencyId;
  return typeof agencyId === "string" && agencyId.length > 0 ? agencyId : null;
}

/**
 * One inbox row per person per notice. A person told twice about the same thing by one change
 * (e.g. a withdrawal told to the receiving and the competent agency, which are one ward) gets it
 * once: the first notice of that kind about that dossier is kept. Whoever made the change (actorId)
 * is not told of it: a receiver who accepts a dossier for their own ward is not sent "accepted".
 */
export function inboxRowsFor(
  notices: readonly WrittenNotice[],
  audience: InboxAudience,
  actorId: string | null = null,
): InboxRow[] {
  const wanted = new Set(audience.userIds);
  const rows: InboxRow[] = [];
  const seen = new Set<string>();
  const add = (recipientId: string, notice: WrittenNotice) => {
    const dossierId = typeof notice.payload.dossierId === "string" ? notice.payload.dossierId : null;
    const key = `${recipientId}\u0000${notice.kind}\u0000${dossierId ?? `outbox:${notice.outboxId}`}`;
    if (recipientId === actorId || seen.has(key)) return;
    seen.add(key);
    rows.push({
      recipientId,
      outboxId: notice.outboxId,
      kind: notice.kind,
      payload: notice.payload,
      dossierId,
    });
  };
  for (const notice of notices) {
    if (notice.recipientId !== null) {
      if (wanted.has(notice.recipientId)) add(notice.recipientId, notice);
      continue;
    }
    const agencyId = noticeAgencyId(notice);
    if (!agencyId) continue;
    const roles = agencyRolesFor(notice.kind) as readonly string[];
    for (const holder of audience.staff) {
      if (holder.agencyId === agencyId && roles.includes(holder.role)) add(holder.userId, notice);
    }
  }
  return rows;
}
