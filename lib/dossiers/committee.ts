import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable, type Tx } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import { enqueue } from "@/lib/notify/outbox";
import { err, ok, type Result } from "@/lib/result";
import { appendEvent } from "./events";
import { findDossier, visibleTo } from "./queries";

/*
 * A dossier whose procedure needs a deciding body's decision goes onto a meeting's agenda
 * (lib/meetings) and comes back with the body's conclusion. Neither step changes the dossier's
 * state: it stays in progress at its desk; each leaves an event in its history (staff only; the
 * applicant's timeline does not show them) and moves its version, in the meeting's transaction.
 */

export type CommitteeDossier = { id: string; code: string; procedureNameVi: string; procedureNameEn: string };

/**
 * Staff of the dossier's competent agency send an in-progress dossier to a body's agenda item. The
 * caller (lib/meetings) writes the agenda link in the same transaction.
 */
export async function noteSentToCommittee(
  tx: Tx,
  actor: Actor,
  dossierCode: string,
  details: { meetingCode: string; itemTitle: string },
  now: Date = new Date(),
): Promise<Result<CommitteeDossier, "not_found" | "invalid_state">> {
  if (actor.kind !== "staff" || dossierCode.length === 0 || dossierCode.length > 60) return err("not_found");
  const row = await findDossier(tx, and(eq(dossiers.code, dossierCode), visibleTo(actor)) as SQL, {
    forUpdate: true,
  });
  if (!row || !caseworkAgencyIds(actor).includes(row.competentAgency.id)) return err("not_found");
  if (row.status !== "in_progress") return err("invalid_state");
  await appendEvent(tx, row, {
    at: now,
    actorId: actor.userId,
    action: "committee_sent",
    fromStatus: row.status,
    toStatus: row.status,
    comment: null,
    details,
  });
  await bumpVersion(tx, row, now);
  return ok({
    id: row.id,
    code: row.code!,
    procedureNameVi: row.procedure.nameVi,
    procedureNameEn: row.procedure.nameEn,
  });
}

/**
 * The body's conclusion on the agenda item goes back to the dossier: an event with the conclusion
 * and the vote's outcome, and a notice to the officer holding it (or the competent agency's staff).
 * Called by lib/meetings for every dossier on the item, in the transaction that concludes it.
 */
export async function recordCommitteeConclusion(
  tx: Tx,
  input: {
    dossierId: string;
    actorId: string;
    conclusion: string;
    outcome: string | null;
    meetingCode: string;
    bodyName: string;
  },
  now: Date = new Date(),
): Promise<Result<{ code: string }, "not_found">> {
  const row = await findDossier(tx, eq(dossiers.id, input.dossierId), { forUpdate: true });
  if (!row) return err("not_found");
  await appendEvent(tx, row, {
    at: now,
    actorId: input.actorId,
    action: "committee_conclusion",
    fromStatus: row.status,
    toStatus: row.status,
    comment: input.conclusion,
    details: { meetingCode: input.meetingCode, outcome: input.outcome, body: input.bodyName },
  });
  await bumpVersion(tx, row, now);
  const payload = {
    dossierId: row.id,
    code: row.code,
    status: row.status,
    action: "committee_conclusion",
    procedure: { code: row.procedure.code, nameVi: row.procedure.nameVi, nameEn: row.procedure.nameEn },
  };
  await enqueue(
    tx,
    [
      row.assigneeId
        ? { recipientId: row.assigneeId, kind: "dossier.committee_concluded", payload }
        : {
            recipientId: null,
            kind: "dossier.committee_concluded",
            payload: { ...payload, agencyId: row.competentAgency.id },
          },
    ],
    { actorId: input.actorId },
  );
  return ok({ code: row.code! });
}

/**
 * The dossier comes off the agenda without a conclusion: its item was deferred, or its meeting
 * cancelled. An event in its history (with the reason), in the meeting's transaction; the caller
 * marks the agenda link returned, so the dossier can be sent to another meeting.
 */
export async function noteReleasedFromCommittee(
  tx: Tx,
  input: {
    dossierId: string;
    actorId: string;
    why: "deferred" | "cancelled";
    reason: string;
    meetingCode: string;
    itemTitle: string;
  },
  now: Date = new Date(),
): Promise<Result<{ code: string }, "not_found">> {
  const row = await findDossier(tx, eq(dossiers.id, input.dossierId), { forUpdate: true });
  if (!row) return err("not_found");
  await appendEvent(tx, row, {
    at: now,
    actorId: input.actorId,
    action: input.why === "deferred" ? "committee_deferred" : "committee_cancelled",
    fromStatus: row.status,
    toStatus: row.status,
    comment: input.reason,
    details: { meetingCode: input.meetingCode, itemTitle: input.itemTitle },
  });
  await bumpVersion(tx, row, now);
  return ok({ code: row.code! });
}

async function bumpVersion(tx: Tx, row: { id: string; version: number }, now: Date): Promise<void> {
  await tx
    .update(dossiers)
    .set({ version: sql`${dossiers.version} + 1`, updatedAt: now })
    .where(eq(dossiers.id, row.id));
}

/** Dossier codes by id (a meeting's agenda shows the dossiers on it). */
export async function dossierCodes(ids: readonly string[], db?: Queryable): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const source = db ?? (await getDb());
  const rows = await source
    .select({ id: dossiers.id, code: dossiers.code })
    .from(dossiers)
    .where(inArray(dossiers.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.code ?? "—"]));
}
