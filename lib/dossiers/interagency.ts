/*
 * Read model: a dossier's consultations of other agencies and its inter-agency turns (liên thông),
 * with agency and officer names joined (names only; never writes those tables).
 */
import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { attachments } from "@/db/schema/attachments";
import { procedures } from "@/db/schema/catalog";
import { dossierConsultations, dossiers, dossierTransferLegs } from "@/db/schema/dossiers";
import { users } from "@/db/schema/identity";
import { workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/rules";
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import { visibleTo } from "./queries";
import type { AttachmentView } from "./types";
import { toAttachmentView } from "./attachments";

type AgencyName = { id: string; code: string; nameVi: string; nameEn: string };

export type ConsultationView = {
  id: string;
  from: AgencyName;
  to: AgencyName;
  question: string;
  askedBy: string | null;
  askedAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  questionDocuments: AttachmentView[];
  answerDocuments: AttachmentView[];
};

export type TransferLegView = {
  step: number;
  agency: AgencyName;
  plannedDays: number;
  /** Working days it held the dossier so far (until now while it still has it). */
  usedDays: number;
  startedAt: Date;
  endedAt: Date | null;
};

const fromAgency = alias(agencies, "from_agency");
const toAgency = alias(agencies, "to_agency");
const asker = alias(users, "asker");
const answerer = alias(users, "answerer");

const agencyColumns = <A extends typeof fromAgency | typeof toAgency>(a: A) => ({
  id: a.id,
  code: a.code,
  nameVi: a.nameVi,
  nameEn: a.nameEn,
});

/** The consultations of a dossier the caller may already see (staff only: they are internal). */
export async function consultationsOf(q: Queryable, dossierId: string): Promise<ConsultationView[]> {
  const c = dossierConsultations;
  const [rows, files] = await Promise.all([
    q
      .select({
        id: c.id,
        from: agencyColumns(fromAgency),
        to: agencyColumns(toAgency),
        question: c.question,
        askedBy: asker.fullName,
        askedAt: c.askedAt,
        answer: c.answer,
        answeredBy: answerer.fullName,
        answeredAt: c.answeredAt,
      })
      .from(c)
      .innerJoin(fromAgency, eq(fromAgency.id, c.fromAgencyId))
      .innerJoin(toAgency, eq(toAgency.id, c.toAgencyId))
      .leftJoin(asker, eq(asker.id, c.askedBy))
      .leftJoin(answerer, eq(answerer.id, c.answeredBy))
      .where(eq(c.dossierId, dossierId))
      .orderBy(asc(c.askedAt)),
    q
      .select()
      .from(attachments)
      .where(and(eq(attachments.dossierId, dossierId), inArray(attachments.documentKey, consultationKinds)))
      .orderBy(asc(attachments.createdAt)),
  ]);
  return rows.map((row) => ({
    ...row,
    questionDocuments: files
      .filter((f) => f.consultationId === row.id && f.documentKey === "consultation_question")
      .map(toAttachmentView),
    answerDocuments: files
      .filter((f) => f.consultationId === row.id && f.documentKey === "consultation_answer")
      .map(toAttachmentView),
  }));
}

/** Attachment kinds internal to the agencies: never shown to, nor downloadable by, the applicant. */
export const consultationKinds = ["consultation_question", "consultation_answer"];

/** A dossier's turns in its inter-agency chain, each with its share (planned) and what it used. */
export async function transferLegsOf(
  q: Queryable,
  dossierId: string,
  now: Date,
  calendar: WorkingCalendar,
): Promise<TransferLegView[]> {
  const l = dossierTransferLegs;
  const rows = await q
    .select({
      step: l.step,
      agency: { id: agencies.id, code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn },
      plannedDays: l.plannedDays,
      startedAt: l.startedAt,
      endedAt: l.endedAt,
    })
    .from(l)
    .innerJoin(agencies, eq(agencies.id, l.agencyId))
    .where(eq(l.dossierId, dossierId))
    .orderBy(asc(l.step));
  return rows.map((row) => ({
    ...row,
    usedDays: workingDaysBetween(row.startedAt, row.endedAt ?? now, calendar),
  }));
}

export type OpenConsultation = {
  id: string;
  dossierCode: string;
  procedure: { code: string; nameVi: string; nameEn: string };
  from: AgencyName;
  to: AgencyName;
  question: string;
  askedAt: Date;
};

/** Staff: the questions other agencies asked the actor's agencies and that wait for an answer, oldest first. */
export async function listOpenConsultations(actor: Actor, limit = 50): Promise<OpenConsultation[]> {
  const agencyIds = caseworkAgencyIds(actor);
  if (agencyIds.length === 0) return [];
  const db = await getDb();
  const c = dossierConsultations;
  const rows = await db
    .select({
      id: c.id,
      dossierCode: dossiers.code,
      procedure: { code: procedures.code, nameVi: procedures.nameVi, nameEn: procedures.nameEn },
      from: agencyColumns(fromAgency),
      to: agencyColumns(toAgency),
      question: c.question,
      askedAt: c.askedAt,
    })
    .from(c)
    .innerJoin(dossiers, eq(dossiers.id, c.dossierId))
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(fromAgency, eq(fromAgency.id, c.fromAgencyId))
    .innerJoin(toAgency, eq(toAgency.id, c.toAgencyId))
    .where(and(inArray(c.toAgencyId, agencyIds), isNull(c.answeredAt), visibleTo(actor)) as SQL)
    .orderBy(asc(c.askedAt))
    .limit(limit);
  return rows.flatMap((row) => (row.dossierCode ? [{ ...row, dossierCode: row.dossierCode }] : []));
}

/** Staff: the agencies a dossier's officer may ask, every one but the dossier's own. */
export async function listConsultableAgencies(actor: Actor, exceptAgencyId: string): Promise<AgencyName[]> {
  if (actor.kind !== "staff") return [];
  const db = await getDb();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .orderBy(asc(agencies.nameVi));
  return rows.filter((agency) => agency.id !== exceptAgencyId);
}
