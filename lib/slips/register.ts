/*
 * Read model: the dossier tracking register (slip 07). It reads the dossier module's tables through
 * lib/dossiers/queries (the same view and the same scope as the queue) and the agencies, which every
 * module may read; it writes nothing.
 */
import "server-only";
import { and, asc, count, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { dossiers } from "@/db/schema/dossiers";
import { selectDossiers, visibleTo } from "@/lib/dossiers/queries";
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import type { RegisterRow } from "./content";
import { registerInstants, registerMaxRows, type RegisterPeriod } from "./rules";

export type RegisterAgency = { id: string; code: string; nameVi: string; nameEn: string };

/** The agencies whose register this officer may print: those they work on dossiers at. */
export async function registerAgencies(actor: Actor): Promise<RegisterAgency[]> {
  const ids = caseworkAgencyIds(actor);
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: agencies.id, code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(inArray(agencies.id, ids))
    .orderBy(asc(agencies.code));
}

/**
 * The dossiers an agency received or decides that were filed in the period, in the order they came
 * in, at most `registerMaxRows`, and how many there are in all. Null when the actor does not work at
 * that agency (never says whether it exists).
 */
export async function readRegister(
  actor: Actor,
  agencyCode: string,
  period: RegisterPeriod,
): Promise<{ agency: RegisterAgency; rows: RegisterRow[]; total: number } | null> {
  const agency = (await registerAgencies(actor)).find((candidate) => candidate.code === agencyCode);
  if (!agency) return null;
  const { start, end } = registerInstants(period);
  const where = and(
    visibleTo(actor),
    or(eq(dossiers.receivingAgencyId, agency.id), eq(dossiers.competentAgencyId, agency.id)),
    gte(dossiers.submittedAt, start),
    lt(dossiers.submittedAt, end),
  ) as SQL;
  const db = await getDb();
  const [rows, [counted]] = await Promise.all([
    selectDossiers(db)
      .where(where)
      .orderBy(asc(dossiers.submittedAt), asc(dossiers.id))
      .limit(registerMaxRows),
    db.select({ total: count() }).from(dossiers).where(where),
  ]);
  return {
    agency,
    total: Number(counted?.total ?? rows.length),
    rows: rows.map((row) => ({
      code: row.code ?? "",
      procedure: row.procedure,
      applicantName: row.applicantName,
      competentAgency: row.competentAgency,
      submittedAt: row.submittedAt,
      acceptedAt: row.acceptedAt,
      dueAt: row.dueAt,
      finishedAt: row.finishedAt,
      returnedAt: row.returnedAt,
      status: row.status,
    })),
  };
}
