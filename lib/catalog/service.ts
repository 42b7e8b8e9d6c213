import "server-only";
import { and, arrayContains, asc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { procedureAgencies, procedures, procedureVersions } from "@/db/schema/catalog";
import { readQuery, searchTextOf, searchTextSeparator, type ReadQuery } from "./search";
import type { Audience, LifeEventSlug } from "./lifeEvents";
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
  /** Decided collectively by the people's committee (or a leadership body), which takes time. */
  needsCommitteeDecision: boolean;
};

export type CatalogueQuery = {
  q?: string;
  field?: string;
  agency?: string;
  /** citizen | business (lib/catalog/lifeEvents.ts audiences) */
  audience?: string;
  /** whole | partial */
  onlineLevel?: string;
  /** A life event's slug (lib/catalog/lifeEvents.ts). */
  lifeEvent?: string;
  page?: number;
  pageSize?: number;
};

export type CataloguePage = {
  rows: ProcedureSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Nothing matched the words as typed: these are the close matches (a typo). */
  approximate?: boolean;
};

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

export { queryWords } from "./search";

/** The names part of search_text (lib/catalog/search.ts searchTextOf). */
const searchNames = sql`split_part(${procedures.searchText}, ${searchTextSeparator}, 1)`;

/** How a query's words are matched: as they are typed, or by trigram similarity (typos). */
type Matching = "exact" | "fuzzy";

/**
 * Which procedures a query finds, and how they rank (lib/catalog/search.ts readQuery reads it).
 *
 * Found: enough of the query's long words (readQuery's `required`) are in the search text. First
 * as typed (`search_text LIKE '%word%'`, so "khai sin" finds "khai sinh"); when that finds nothing,
 * by trigram word similarity (`search_text %> word`: pg_trgm's word_similarity(word, search_text)
 * at least pg_trgm.word_similarity_threshold, 0.6), so "marrige" finds "marriage". Both tests are
 * answered by the trigram index on search_text; similarity is the dearer one (it is computed for
 * every row the index proposes), so it runs only when the plain match found nothing. A query of
 * short words only ("ho", "ly") has too few trigrams: each word must begin a word of the text. The
 * exact code is found too (the unique index on code).
 *
 * Ranked: the exact code first, then codes that begin with the query, then the whole query in the
 * names (the first part of search_text), then the whole query elsewhere (the field, an agency), then
 * the similarity of the query to the names (word_similarity: for typos and words out of order),
 * then the featured order and the name. One similarity per found row: that is what a search costs.
 */
function searchConditions(read: ReadQuery, matching: Matching): { where: SQL; rank: SQL[] } {
  const text = procedures.searchText;
  const matches = (word: string) =>
    matching === "exact" ? like(text, `%${escapeLike(word)}%`) : sql`${text} %> ${word}`;
  let found: SQL;
  let nameRank: SQL;
  if (read.fuzzy.length > 0) {
    const any = or(...read.fuzzy.map(matches))!;
    found =
      read.required > 1
        ? and(
            any,
            sql`(${sql.join(
              read.fuzzy.map((word) => sql`(${matches(word)})::int`),
              sql` + `,
            )}) >= ${read.required}`,
          )!
        : any;
    nameRank = sql`word_similarity(${read.text}, ${searchNames}) desc`;
  } else {
    const beginsWord = (column: SQL | typeof text, word: string) =>
      or(like(column, `${escapeLike(word)}%`), like(column, `% ${escapeLike(word)}%`))!;
    found = and(...read.prefixes.map((word) => beginsWord(text, word)))!;
    nameRank = sql`(${and(...read.prefixes.map((word) => beginsWord(searchNames, word)))}) desc`;
  }
  return {
    where: found,
    rank: [
      sql`(${procedures.code} = ${read.code}) desc`,
      sql`(${procedures.code} like ${`${escapeLike(read.code)}%`}) desc`,
      sql`(${like(searchNames, `%${escapeLike(read.text)}%`)}) desc`,
      sql`(${like(text, `%${escapeLike(read.text)}%`)}) desc`,
      nameRank,
    ],
  };
}

function filterConditions(query: CatalogueQuery, source: Queryable): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (query.field) conditions.push(eq(procedures.fieldVi, query.field));
  if (query.audience) conditions.push(arrayContains(procedures.audiences, [query.audience]));
  if (query.onlineLevel) conditions.push(eq(procedures.onlineLevel, query.onlineLevel));
  if (query.lifeEvent) conditions.push(arrayContains(procedures.lifeEvents, [query.lifeEvent]));
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
  return conditions;
}

function searchQuery(
  query: CatalogueQuery,
  source: Queryable,
  pageSize: number,
  page: number,
  matching: Matching,
) {
  const read = readQuery(query.q);
  const conditions = filterConditions(query, source);
  const search = read ? searchConditions(read, matching) : null;
  // Typed but nothing to search for ("%", "?"): nothing found, rather than everything.
  if (!read && query.q?.trim()) conditions.push(sql`false`);
  if (search) conditions.push(search.where);
  return {
    read,
    conditions,
    select: source
      .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(procedures)
      .where(and(...conditions))
      .orderBy(...(search?.rank ?? []), sql`${procedures.popularRank} asc nulls last`, asc(procedures.nameVi))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  };
}

/**
 * Catalogue search: typo-tolerant and accent-insensitive over the names (vi and en), code, field and
 * agencies (searchConditions says how), combined with the filters; by popularity and name without a
 * query. `approximate` says the words were not found as typed and the results are the close ones.
 */
export async function searchProcedures(query: CatalogueQuery, db?: Queryable): Promise<CataloguePage> {
  const source = db ?? (await getDb());
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const run = async (on: Queryable, matching: Matching) => {
    const { read, conditions, select } = searchQuery(query, on, pageSize, page, matching);
    const rows = await select;
    const total = rows[0]?.total ?? (page > 1 ? await countProcedures(on, conditions) : 0);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- drop the window count from each row
    return { read, rows: rows.map(({ total: _count, ...row }) => row), total };
  };
  const exact = await run(source, "exact");
  if (exact.total > 0 || !exact.read || exact.read.fuzzy.length === 0)
    return { rows: exact.rows, total: exact.total, page, pageSize, approximate: false };
  const close = await source.transaction(async (tx) => {
    await fuzzySettings(tx);
    return run(tx, "fuzzy");
  });
  return { rows: close.rows, total: close.total, page, pageSize, approximate: close.total > 0 };
}

/**
 * For the typo pass, in its own transaction: the planner must take the trigram index. It prices
 * pg_trgm's operators like an equality, so over a few thousand rows it prefers reading the whole
 * table and comparing every row, ten times slower than the index (bench:search: 316 ms against
 * 29 ms for "marrige" over 6,012 procedures). pg_trgm's word similarity threshold stays at its
 * default, 0.6: at 0.5 "hon" would match "ho".
 */
async function fuzzySettings(tx: Queryable): Promise<void> {
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
}

/** The query plans of a search, for `npm run bench:search` (EXPLAIN ANALYZE). */
export async function explainSearch(
  query: CatalogueQuery,
  matching: Matching,
  db?: Queryable,
): Promise<string> {
  const source = db ?? (await getDb());
  return source.transaction(async (tx) => {
    if (matching === "fuzzy") await fuzzySettings(tx);
    const { select } = searchQuery(query, tx, 20, 1, matching);
    const result = await tx.execute<{ "QUERY PLAN": string }>(
      sql`explain (analyze, costs off, timing off) ${select}`,
    );
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
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
      needsCommitteeDecision: procedures.needsCommitteeDecision,
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

/** After an agency is renamed: the search text of the procedures it decides or receives. */
export async function refreshSearchTextOfAgency(db: Queryable, agencyId: string): Promise<number> {
  const rows = await db
    .selectDistinct({ procedureId: procedureAgencies.procedureId })
    .from(procedureAgencies)
    .where(
      or(
        eq(procedureAgencies.competentAgencyId, agencyId),
        eq(procedureAgencies.receivingAgencyId, agencyId),
      ),
    );
  return refreshSearchText(
    db,
    rows.map((row) => row.procedureId),
  );
}

/** A procedure done at more agencies than this names none of them in its search text. */
const maxNamedAgencies = 4;

/**
 * Writes procedures.search_text (lib/catalog/search.ts searchTextOf) from each procedure's names,
 * field, code and the agencies that decide or receive it: after the seed, when a procedure's names
 * or places change, or an agency is renamed. All procedures, or only these.
 */
export async function refreshSearchText(db?: Queryable, procedureIds?: string[]): Promise<number> {
  const source = db ?? (await getDb());
  const only = procedureIds ? inArray(procedures.id, procedureIds) : undefined;
  if (procedureIds?.length === 0) return 0;
  const rows = await source
    .select({
      id: procedures.id,
      code: procedures.code,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
      fieldVi: procedures.fieldVi,
      fieldEn: procedures.fieldEn,
    })
    .from(procedures)
    .where(only);
  const places = await source
    .selectDistinct({
      procedureId: procedureAgencies.procedureId,
      nameVi: agencies.nameVi,
      nameEn: agencies.nameEn,
    })
    .from(procedureAgencies)
    .innerJoin(
      agencies,
      or(
        eq(agencies.id, procedureAgencies.competentAgencyId),
        eq(agencies.id, procedureAgencies.receivingAgencyId),
      ),
    )
    .where(procedureIds ? inArray(procedureAgencies.procedureId, procedureIds) : undefined)
    .orderBy(asc(agencies.nameVi));
  const agencyNames = new Map<string, string[]>();
  for (const place of places) {
    const names = agencyNames.get(place.procedureId) ?? [];
    names.push(place.nameVi, place.nameEn);
    agencyNames.set(place.procedureId, names);
  }
  // A commune-level procedure is done at every commune: naming them all would make every such
  // text long (slower to compare) and match any commune's name. The agency filter is for that.
  for (const [id, names] of agencyNames) if (names.length > 2 * maxNamedAgencies) agencyNames.delete(id);
  const texts = rows.map((row) => ({
    id: row.id,
    text: searchTextOf({ ...row, agencyNames: agencyNames.get(row.id) ?? [] }),
  }));
  for (let i = 0; i < texts.length; i += 500) {
    const chunk = texts.slice(i, i + 500);
    await source.execute(
      sql`update procedures set search_text = v.t
          from (values ${sql.join(
            chunk.map((row) => sql`(${row.id}::uuid, ${row.text})`),
            sql`, `,
          )}) as v(id, t)
          where procedures.id = v.id`,
    );
  }
  return texts.length;
}

/** Who a procedure is for and the life events it belongs to, by code (the seed's mapping). */
export type ProcedureTags = { audiences: readonly Audience[]; lifeEvents: readonly LifeEventSlug[] };

/** Writes procedures.audiences and life_events for the procedures of these codes; returns their ids. */
export async function setProcedureTags(
  tags: Record<string, ProcedureTags>,
  db?: Queryable,
): Promise<string[]> {
  const source = db ?? (await getDb());
  const ids: string[] = [];
  for (const [code, tag] of Object.entries(tags)) {
    const [row] = await source
      .update(procedures)
      .set({ audiences: [...tag.audiences], lifeEvents: [...tag.lifeEvents] })
      .where(eq(procedures.code, code))
      .returning({ id: procedures.id });
    if (row) ids.push(row.id);
  }
  return ids;
}

/** Whether any procedure belongs to a life event (an older database has none until tagged). */
export async function catalogueHasLifeEvents(db?: Queryable): Promise<boolean> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select({ id: procedures.id })
    .from(procedures)
    .where(sql`cardinality(${procedures.lifeEvents}) > 0`)
    .limit(1);
  return row !== undefined;
}

/** How many procedures each life event has (events without any are left out). */
export async function lifeEventCounts(db?: Queryable): Promise<Record<string, number>> {
  const source = db ?? (await getDb());
  const result = await source.execute<{ slug: string; count: number }>(
    sql`select slug, count(*)::int as count from procedures, unnest(life_events) as slug group by slug`,
  );
  return Object.fromEntries(result.rows.map((row) => [row.slug, Number(row.count)]));
}

/** A life event's procedures: the featured ones first, then by name. */
export async function proceduresOfLifeEvent(slug: string, db?: Queryable): Promise<ProcedureSummary[]> {
  const source = db ?? (await getDb());
  return source
    .select(summaryColumns)
    .from(procedures)
    .where(arrayContains(procedures.lifeEvents, [slug]))
    .orderBy(sql`${procedures.popularRank} asc nulls last`, asc(procedures.nameVi));
}

/** Whether a procedure's decision is a deciding body's (procedures.needs_committee_decision). */
export async function procedureNeedsCommittee(procedureId: string, db?: Queryable): Promise<boolean> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select({ flag: procedures.needsCommitteeDecision })
    .from(procedures)
    .where(eq(procedures.id, procedureId));
  return row?.flag ?? false;
}
