/*
 * Read model: the dossier as the pages show it, with the procedure, agency and officer names joined
 * in one query (it reads the catalogue's and identity's tables for names only, never writes them).
 */
import "server-only";
import { asRequestedDocuments } from "./requestedDocuments";
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { procedures, procedureVersions } from "@/db/schema/catalog";
import { dossierConsultations, dossierEvents, dossiers, dossierTransferLegs } from "@/db/schema/dossiers";
import { users } from "@/db/schema/identity";
import { organisations } from "@/db/schema/organisations";
import {
  caseworkAgencyIds,
  filingOrganisationIds,
  seeingOrganisationIds,
  type Actor,
} from "@/lib/identity/types";
import type { DossierState } from "./rules";
import type { DossierStatus, DossierView, Outcome } from "./types";

const nothing = sql`false`;

/**
 * The dossiers an actor may see (ARCHITECTURE invariant 2). Applicants: their own (filed in no
 * organisation's name), and those of their organisations by role: owners and filers every draft and
 * dossier, viewers the submitted ones. A dossier filed for an organisation is the organisation's,
 * whoever started it: a member removed sees none of it from their next request (the actor's
 * memberships are read from the database on every request). Staff: the submitted dossiers received
 * or decided by one of their agencies.
 */
export function visibleTo(actor: Actor): SQL {
  if (actor.kind === "applicant") {
    const parts: SQL[] = [ownDossier(actor.userId)];
    const filing = filingOrganisationIds(actor);
    if (filing.length > 0) parts.push(inArray(dossiers.organisationId, filing));
    const seeing = seeingOrganisationIds(actor).filter((id) => !filing.includes(id));
    if (seeing.length > 0)
      parts.push(and(inArray(dossiers.organisationId, seeing), ne(dossiers.status, "draft")) as SQL);
    return (parts.length === 1 ? parts[0] : or(...parts)) as SQL;
  }
  if (actor.kind === "staff") {
    const agencyIds = caseworkAgencyIds(actor);
    if (agencyIds.length === 0) return nothing;
    // Also the agencies asked for their opinion, and those that handled a part of an inter-agency
    // chain before it moved on: they keep seeing what they worked on.
    const c = dossierConsultations;
    const l = dossierTransferLegs;
    return and(
      ne(dossiers.status, "draft"),
      or(
        inArray(dossiers.receivingAgencyId, agencyIds),
        inArray(dossiers.competentAgencyId, agencyIds),
        sql`exists (select 1 from ${c} where ${c.dossierId} = ${dossiers.id} and ${inArray(c.toAgencyId, agencyIds)})`,
        sql`exists (select 1 from ${l} where ${l.dossierId} = ${dossiers.id} and ${inArray(l.agencyId, agencyIds)})`,
      ),
    ) as SQL;
  }
  return nothing;
}

/** An applicant's own dossier: theirs, and filed in no organisation's name. */
function ownDossier(userId: string): SQL {
  return and(eq(dossiers.applicantId, userId), isNull(dossiers.organisationId)) as SQL;
}

/**
 * Who may change a draft or its attachments: its applicant when it is their own; when it is filed in
 * an organisation's name, the organisation's owners and filers (and no longer its starter once removed).
 */
export function ownedBy(actor: Actor): SQL {
  if (actor.kind !== "applicant") return nothing;
  const filing = filingOrganisationIds(actor);
  if (filing.length === 0) return ownDossier(actor.userId);
  return or(ownDossier(actor.userId), inArray(dossiers.organisationId, filing)) as SQL;
}

const receiving = alias(agencies, "receiving_agency");
const competent = alias(agencies, "competent_agency");
const assignee = alias(users, "assignee");

const viewColumns = {
  id: dossiers.id,
  code: dossiers.code,
  status: dossiers.status,
  outcome: dossiers.outcome,
  proposedOutcome: dossiers.proposedOutcome,
  channel: dossiers.channel,
  version: dossiers.version,
  procedure: {
    id: procedures.id,
    code: procedures.code,
    nameVi: procedures.nameVi,
    nameEn: procedures.nameEn,
  },
  procedureVersionId: dossiers.procedureVersionId,
  applicantId: dossiers.applicantId,
  organisationId: dossiers.organisationId,
  organisationName: sql<
    string | null
  >`(select o.name from ${organisations} o where o.id = ${dossiers.organisationId})`,
  applicantName: dossiers.applicantName,
  receivingAgency: {
    id: receiving.id,
    code: receiving.code,
    nameVi: receiving.nameVi,
    nameEn: receiving.nameEn,
  },
  competentAgency: {
    id: competent.id,
    code: competent.code,
    nameVi: competent.nameVi,
    nameEn: competent.nameEn,
  },
  assigneeId: dossiers.assigneeId,
  assigneeName: assignee.fullName,
  formData: dossiers.formData,
  submittedAt: dossiers.submittedAt,
  acceptedAt: dossiers.acceptedAt,
  dueAt: dossiers.dueAt,
  originalDueAt: dossiers.originalDueAt,
  pendingDelay: dossiers.pendingDelay,
  chainStep: dossiers.chainStep,
  chain: procedureVersions.handlingChain,
  openConsultations: sql<
    { id: string; toAgencyId: string }[]
  >`(select coalesce(json_agg(json_build_object('id', c.id, 'toAgencyId', c.to_agency_id)), '[]'::json) from ${dossierConsultations} c where c.dossier_id = ${dossiers.id} and c.answered_at is null)`,
  finishedAt: dossiers.finishedAt,
  returnedAt: dossiers.returnedAt,
  clockStoppedAt: dossiers.clockStoppedAt,
  supplementCount: dossiers.supplementCount,
  requestedDocuments: dossiers.requestedDocuments,
  /** Publishing a decision goes through the transition path, so the history says whether it happened. */
  decisionPublished: sql<boolean>`exists (select 1 from ${dossierEvents} where ${dossierEvents.dossierId} = ${dossiers.id} and ${dossierEvents.action} = 'publish_decision')`,
  createdAt: dossiers.createdAt,
  updatedAt: dossiers.updatedAt,
};

/** One query, names joined, however many rows (no query per row). */
export function selectDossiers(q: Queryable) {
  return q
    .select(viewColumns)
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingAgencyId))
    .innerJoin(competent, eq(competent.id, dossiers.competentAgencyId))
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .$dynamic();
}

export type DossierRow = Awaited<ReturnType<ReturnType<typeof selectDossiers>["execute"]>>[number];

export function toView(row: DossierRow): DossierView {
  return {
    id: row.id,
    code: row.code,
    status: row.status as DossierStatus,
    outcome: row.outcome as Outcome | null,
    channel: row.channel as 1 | 2 | 3,
    version: row.version,
    procedure: row.procedure,
    procedureVersionId: row.procedureVersionId,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    organisation:
      row.organisationId !== null ? { id: row.organisationId, name: row.organisationName ?? "" } : null,
    receivingAgency: row.receivingAgency,
    competentAgency: row.competentAgency,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
    formData: row.formData,
    submittedAt: row.submittedAt,
    acceptedAt: row.acceptedAt,
    dueAt: row.dueAt,
    originalDueAt: row.originalDueAt,
    pendingDelay: row.pendingDelay,
    chainStep: row.chainStep,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    clockStoppedAt: row.clockStoppedAt,
    supplementCount: row.supplementCount,
    requestedDocuments: asRequestedDocuments(row.requestedDocuments),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What rules.ts needs to decide. */
export function toState(row: DossierRow): DossierState {
  return {
    status: row.status as DossierStatus,
    applicantId: row.applicantId,
    organisationId: row.organisationId,
    receivingAgencyId: row.receivingAgency.id,
    competentAgencyId: row.competentAgency.id,
    assigneeId: row.assigneeId,
    outcome: row.outcome as Outcome | null,
    proposedOutcome: row.proposedOutcome as Outcome | null,
    acceptedAt: row.acceptedAt,
    dueAt: row.dueAt,
    clockStoppedAt: row.clockStoppedAt,
    supplementCount: row.supplementCount,
    decisionPublished: row.decisionPublished,
    channel: row.channel,
    originalDueAt: row.originalDueAt,
    pendingDelay: row.pendingDelay,
    chain: row.chain && row.chain.length > 1 ? row.chain : null,
    chainStep: row.chainStep,
    openConsultations: row.openConsultations ?? [],
  };
}

/** One dossier matching `where`, or null. `forUpdate` waits for, then locks, the row. */
export async function findDossier(q: Queryable, where: SQL, options: { forUpdate?: boolean } = {}) {
  const query = selectDossiers(q).where(where).limit(1);
  // Lock only the dossier row: the joined reference rows are read, never changed here.
  const rows = options.forUpdate ? await query.for("update", { of: dossiers }) : await query;
  return rows[0] ?? null;
}
