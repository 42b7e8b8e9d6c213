import "server-only";
import { and, asc, desc, eq, ilike, inArray, like, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { procedureAgencies, procedures, procedureVersions } from "@/db/schema/catalog";
import { searchable } from "@/lib/text/normalize";
import type { Fee, ProcedureDetails, RequiredDocument, TimeLimits } from "./types";
import type { FormDefinition } from "@/lib/forms/types";

/*
 * The public catalogue. It is public data, so these reads take no actor; they never return
 * anything about dossiers or people.
 */

export type ProcedureSummary = {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  fieldVi: string;
  fieldEn: string;
  /** province | commune */
  level: string;
  /** whole | partial */
  onlineLevel: string;
};

export type AgencyRef = { id: string; code: string; nameVi: string; nameEn: string };

export type ProcedureDetail = ProcedureSummary & {
  version: {
    id: string;
    version: number;
    decisionNo: string | null;
    timeLimitHours: TimeLimits;
    fees: Fee[];
    documents: RequiredDocument[];
    form: FormDefinition;
    details: ProcedureDetails;
    publishedAt: Date | null;
  };
  /** Who decides, and which one-stop desk receives, for each place the procedure is done. */
  agencies: { competent: AgencyRef; receiving: AgencyRef }[];
};

export type CatalogueQuery = {
  q?: string;
  field?: string;
  agency?: string;
  page?: number;
  pageSize?: number;
};

export type CataloguePage = { rows: ProcedureSummary[]; total: number; page: number; pageSize: number };

const summaryColumns = {
  id: procedures.id,
  code: procedures.code,
  nameVi: procedures.nameVi,
  nameEn: procedures.nameEn,
  fieldVi: procedures.fieldVi,
  fieldEn: procedures.fieldEn,
  level: procedures.level,
  onlineLevel: procedures.onlineLevel,
};

/** LIKE treats % and _ as wildcards; a reader's query means them literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The words of a query, accent-free and lower-case, as stored in search_text. */
export function queryWords(q: string | undefined): string[] {
  return q ? searchable(q).split(" ").filter(Boolean).slice(0, 10) : [];
}

/**
 * Catalogue search. Every word must appear in the procedure's accent-free search text (so
 * "dang ky khai sinh" finds "Đăng ký khai sinh"), or the query may be the procedure's code.
 * Results rank by trigram similarity when there is a query, by popularity and name otherwise.
 */
export async function searchProcedures(query: CatalogueQuery, db?: Queryable): Promise<CataloguePage> {
  const source = db ?? (await getDb());
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const words = queryWords(query.q);
  const normalised = words.join(" ");

  const conditions: (SQL | undefined)[] = [];
  if (words.length > 0) {
    conditions.push(
      or(
        // search_text and the words are both lower-case already (searchable()): LIKE, not ILIKE,
        // which would fold the case of every row again for every word (about 3× the time).
        and(...words.map((word) => like(procedures.searchText, `%${escapeLike(word)}%`))),
        ilike(procedures.code, `${escapeLike(query.q!.trim())}%`),
      ),
    );
  }
  if (query.field) conditions.push(eq(procedures.fieldVi, query.field));
  if (query.agency) {
    const atAgency = source
      .select({ id: procedureAgencies.procedureId })
      .from(procedureAgencies)
      .innerJoin(
        agencies,
        or(
          eq(agencies.id, procedureAgencies.competentAgencyId),
          eq(agencies.id, procedureAgencies.receivingAgencyId),
        ),
      )
      .where(eq(agencies.code, query.agency));
    conditions.push(inArray(procedures.id, atAgency));
  }

  const rows = await source
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(procedures)
    .where(and(...conditions))
    .orderBy(
      ...(normalised ? [desc(sql`similarity(${procedures.searchText}, ${normalised})`)] : []),
      sql`${procedures.popularRank} asc nulls last`,
      asc(procedures.nameVi),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const total = rows[0]?.total ?? (page > 1 ? await countProcedures(source, conditions) : 0);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- drop the window count from each row
  return { rows: rows.map(({ total: _count, ...row }) => row), total, page, pageSize };
}

/** Only needed when the reader paged past the last result. */
async function countProcedures(source: Queryable, conditions: (SQL | undefined)[]): Promise<number> {
  const [row] = await source
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(procedures)
    .where(and(...conditions));
  return row?.count ?? 0;
}

/** The featured procedures for the home page, in their set order. */
export async function popularProcedures(limit = 6, db?: Queryable): Promise<ProcedureSummary[]> {
  const source = db ?? (await getDb());
  return source
    .select(summaryColumns)
    .from(procedures)
    .where(sql`${procedures.popularRank} is not null`)
    .orderBy(asc(procedures.popularRank))
    .limit(limit);
}

/** The fields (lĩnh vực) in the catalogue, for the filter. */
export async function listFields(db?: Queryable): Promise<{ fieldVi: string; fieldEn: string }[]> {
  const source = db ?? (await getDb());
  return source
    .selectDistinct({ fieldVi: procedures.fieldVi, fieldEn: procedures.fieldEn })
    .from(procedures)
    .orderBy(asc(procedures.fieldVi));
}

/** Agencies that decide or receive some procedure, for the filter. */
export async function listCatalogueAgencies(db?: Queryable): Promise<AgencyRef[]> {
  const source = db ?? (await getDb());
  const involved = source
    .select({ id: procedureAgencies.competentAgencyId })
    .from(procedureAgencies)
    .union(source.select({ id: procedureAgencies.receivingAgencyId }).from(procedureAgencies));
  return source
    .select({ id: agencies.id, code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(inArray(agencies.id, involved))
    .orderBy(asc(agencies.nameVi));
}

/** How many procedures the catalogue holds, and how many of them are whole-process online. */
export async function catalogueCounts(db?: Queryable): Promise<{ procedures: number; wholeOnline: number }> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select({
      procedures: sql<number>`count(*)`.mapWith(Number),
      wholeOnline: sql<number>`count(*) filter (where ${procedures.onlineLevel} = 'whole')`.mapWith(Number),
    })
    .from(procedures);
  return row ?? { procedures: 0, wholeOnline: 0 };
}

/** A procedure with its current version and agencies; null for an unknown code. */
export async function getProcedureByCode(code: string, db?: Queryable): Promise<ProcedureDetail | null> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select({
      ...summaryColumns,
      version: {
        id: procedureVersions.id,
        version: procedureVersions.version,
        decisionNo: procedureVersions.decisionNo,
        timeLimitHours: procedureVersions.timeLimitHours,
        fees: procedureVersions.fees,
        documents: procedureVersions.documents,
        form: procedureVersions.form,
        details: procedureVersions.details,
        publishedAt: procedureVersions.publishedAt,
      },
    })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(eq(procedureVersions.procedureId, procedures.id), eq(procedureVersions.isCurrent, true)),
    )
    .where(eq(procedures.code, code))
    .limit(1);
  if (!row) return null;

  const competent = alias(agencies, "competent");
  const receiving = alias(agencies, "receiving");
  const places = await source
    .select({
      competent: {
        id: competent.id,
        code: competent.code,
        nameVi: competent.nameVi,
        nameEn: competent.nameEn,
      },
      receiving: {
        id: receiving.id,
        code: receiving.code,
        nameVi: receiving.nameVi,
        nameEn: receiving.nameEn,
      },
    })
    .from(procedureAgencies)
    .innerJoin(competent, eq(competent.id, procedureAgencies.competentAgencyId))
    .innerJoin(receiving, eq(receiving.id, procedureAgencies.receivingAgencyId))
    .where(eq(procedureAgencies.procedureId, row.id))
    .orderBy(asc(competent.nameVi));
  return { ...row, agencies: places };
}

export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;

/** A procedure version by id, current or not: a dossier keeps the version it was filed under. */
export async function getProcedureVersion(id: string, db?: Queryable): Promise<ProcedureVersionRow | null> {
  const source = db ?? (await getDb());
  const [version] = await source
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.id, id))
    .limit(1);
  return version ?? null;
}

export type FilingTarget = {
  procedureId: string;
  versionId: string;
  /** Who files it (citizen, business): empty until the catalogue says. */
  audiences: string[];
  places: { competentAgencyId: string; receivingAgencyId: string }[];
};

/** The current version of a procedure and the agencies that perform it, for a new draft. */
export async function findFilingTarget(procedureCode: string, db?: Queryable): Promise<FilingTarget | null> {
  const source = db ?? (await getDb());
  const [found] = await source
    .select({ procedureId: procedures.id, versionId: procedureVersions.id, audiences: procedures.audiences })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(eq(procedureVersions.procedureId, procedures.id), eq(procedureVersions.isCurrent, true)),
    )
    .where(eq(procedures.code, procedureCode))
    .limit(1);
  if (!found) return null;
  const places = await source
    .select({
      competentAgencyId: procedureAgencies.competentAgencyId,
      receivingAgencyId: procedureAgencies.receivingAgencyId,
    })
    .from(procedureAgencies)
    .where(eq(procedureAgencies.procedureId, found.procedureId));
  return { ...found, audiences: found.audiences ?? [], places };
}

/** The procedures a one-stop desk receives (any of these agencies), by name: the desk intake's list. */
export async function listProceduresReceivedAt(
  agencyIds: string[],
  db?: Queryable,
): Promise<ProcedureSummary[]> {
  if (agencyIds.length === 0) return [];
  const source = db ?? (await getDb());
  const received = source
    .select({ id: procedureAgencies.procedureId })
    .from(procedureAgencies)
    .where(inArray(procedureAgencies.receivingAgencyId, agencyIds));
  return source
    .select(summaryColumns)
    .from(procedures)
    .where(inArray(procedures.id, received))
    .orderBy(asc(procedures.nameVi));
}
