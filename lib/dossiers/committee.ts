import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable, type Tx } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import { procedureNeedsCommittee } from "@/lib/catalog/service";
import { seatsOf } from "@/lib/meetings/access";
import { committeeWorkRows } from "@/lib/meetings/dossierWork";
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import { enqueue } from "@/lib/notify/outbox";
import { err, ok, type Result } from "@/lib/result";
import { committeeEntryShown, committeeRefusal, type CommitteeRefusal } from "./committeeRules";
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
 * Staff of the dossier's competent agency send an in-progress dossier to a body's agenda item: only a
 * dossier whose procedure needs the committee's decision, and only to a body that decides for its
 * agency (committeeRules.ts). The caller (lib/meetings) writes the agenda link in the same
 * transaction.
 */
export async function noteSentToCommittee(
  tx: Tx,
  actor: Actor,
  dossierCode: string,
  details: { meetingCode: string; itemTitle: string },
  body: { agencyId: string | null },
  now: Date = new Date(),
): Promise<Result<CommitteeDossier, "not_found" | "invalid_state" | CommitteeRefusal>> {
  if (actor.kind !== "staff" || dossierCode.length === 0 || dossierCode.length > 60) return err("not_found");
  const row = await findDossier(tx, and(eq(dossiers.code, dossierCode), visibleTo(actor)) as SQL, {
    forUpdate: true,
  });
  if (!row || !caseworkAgencyIds(actor).includes(row.competentAgency.id)) return err("not_found");
  const refusal = committeeRefusal(
    {
      needsCommitteeDecision: await procedureNeedsCommittee(row.procedure.id, tx),
      competentAgencyId: row.competentAgency.id,
    },
    body,
  );
  if (refusal) return err(refusal);
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

type BodyName = { nameVi: string; nameEn: string };

/** The dossier on a meeting's agenda item, as the staff dossier page shows it. */
export type CommitteeAgendaEntry = {
  /** A link for the body's members; other staff see the meeting's code and date only. */
  linked: boolean;
  meetingId: string;
  meetingCode: string;
  startsAt: Date;
  body: BodyName;
  /** Shown to members only (null otherwise). */
  meetingTitle: string | null;
  meetingStatus: string | null;
  itemTitle: string | null;
  itemStatus: string | null;
  sentAt: Date;
  /** When the dossier came off the agenda: with the conclusion, or released unanswered. */
  returnedAt: Date | null;
  /** How it came off, shown to every official who sees the dossier (no title, no detail). */
  outcome: "returned" | "deferred" | "cancelled" | null;
};

/** A written opinion form on the dossier. */
export type CommitteeOpinionEntry = {
  linked: boolean;
  formId: string;
  code: string;
  status: string;
  body: BodyName;
  /** Shown to members only (null otherwise). */
  title: string | null;
  deadline: Date | null;
};

export type CommitteeWork = {
  /** The procedure needs the committee's decision: the page offers to send it to an agenda. */
  needsCommitteeDecision: boolean;
  agendaItems: CommitteeAgendaEntry[];
  opinionForms: CommitteeOpinionEntry[];
};

/**
 * The deciding bodies' work naming a dossier, for staff who see the dossier: the agenda items it is
 * on and the opinion forms about it. Members of the body get the details and links; other officials
 * only "sent to meeting HOP-… on <date>" (committeeRules.ts committeeEntryShown). Null when the
 * actor does not see the dossier.
 */
export async function committeeWorkOf(actor: Actor, dossierCode: string): Promise<CommitteeWork | null> {
  if (actor.kind !== "staff" || dossierCode.length === 0 || dossierCode.length > 60) return null;
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.code, dossierCode), visibleTo(actor)) as SQL);
  if (!row) return null;
  const [needsCommitteeDecision, { items, forms }, seats] = await Promise.all([
    procedureNeedsCommittee(row.procedure.id, db),
    committeeWorkRows(row.id, db),
    seatsOf(actor, db),
  ]);
  const roleIn = (bodyId: string) => seats.find((seat) => seat.bodyId === bodyId)?.role ?? null;
  return {
    needsCommitteeDecision,
    agendaItems: items.map((item) => {
      const linked = committeeEntryShown(roleIn(item.bodyId), { kind: "agenda_item" }) === "linked";
      return {
        linked,
        meetingId: item.meetingId,
        meetingCode: item.meetingCode,
        startsAt: item.startsAt,
        body: { nameVi: item.bodyNameVi, nameEn: item.bodyNameEn },
        meetingTitle: linked ? item.meetingTitle : null,
        meetingStatus: linked ? item.meetingStatus : null,
        itemTitle: linked ? item.itemTitle : null,
        itemStatus: linked ? item.itemStatus : null,
        sentAt: item.sentAt,
        returnedAt: item.returnedAt,
        outcome:
          item.meetingStatus === "cancelled"
            ? "cancelled"
            : item.itemStatus === "deferred"
              ? "deferred"
              : item.returnedAt
                ? "returned"
                : null,
      };
    }),
    opinionForms: forms.flatMap((form) => {
      const shown = committeeEntryShown(roleIn(form.bodyId), { kind: "opinion_form", status: form.status });
      if (shown === "hidden") return [];
      const linked = shown === "linked";
      return [
        {
          linked,
          formId: form.formId,
          code: form.code,
          status: form.status,
          body: { nameVi: form.bodyNameVi, nameEn: form.bodyNameEn },
          title: linked ? form.title : null,
          deadline: form.deadline,
        },
      ];
    }),
  };
}
