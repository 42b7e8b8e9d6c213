/**
 * The keys of one page of the staff queue or of an applicant's list, read as index ranges
 * (db/schema/dossiers.ts: dossiers_queue_*, dossiers_queue_open_*, dossiers_applicant_list_idx,
 * dossiers_organisation_list_idx).
 *
 * A list is the union of a few ordered slices, one per agency and side (received here, decided
 * here) or per applicant and organisation: an OR across two columns cannot be read in order from
 * any one index, each slice can. Each slice stops after pageSize + 1 rows; the union is sorted and
 * cut again. The appointment date sorts "none last", so the queue's slices split once more into
 * dated and undated rows, each a plain range.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import type { ApplicantListKey, PageDirection, QueueKey } from "./cursor";

/** Microseconds since 1970, exact (extract(epoch) is numeric since PostgreSQL 14). */
const microsOf = (column: SQL | typeof dossiers.dueAt) =>
  sql`(extract(epoch from ${column}) * 1000000)::bigint::text`;
const timeOf = (micros: string) => sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

/** Drafts are nobody's queue (as visibleTo says), written as the partial indexes' predicate. */
const notDraft = sql`${dossiers.status} <> 'draft'`;

export type QueueCursor = { key: QueueKey; direction: PageDirection } | null;

/**
 * The queue's page keys in reading order (backwards for "before"), up to pageSize + 1.
 * `filter` is the bucket; `agencyIds` the actor's casework agencies (never empty).
 */
export async function queuePageKeys(
  db: Queryable,
  input: {
    agencyIds: string[];
    filter: SQL;
    cursor: QueueCursor;
    pageSize: number;
    sort?: "due" | "submitted";
  },
): Promise<QueueKey[]> {
  if (input.sort === "submitted") return submittedPageKeys(db, input);
  const { agencyIds, filter, cursor } = input;
  const limit = input.pageSize + 1;
  const backwards = cursor?.direction === "before";
  const order = backwards
    ? sql`${dossiers.dueAt} desc nulls first, ${dossiers.submittedAt} desc, ${dossiers.id} desc`
    : sql`${dossiers.dueAt} asc nulls last, ${dossiers.submittedAt} asc, ${dossiers.id} asc`;
  const after = backwards ? sql`<` : sql`>`;

  // The dated and the undated part of each slice: which of them the cursor leaves, and from where.
  const parts: SQL[] = [];
  const key = cursor?.key;
  const dated = !key
    ? sql`${dossiers.dueAt} is not null`
    : key.dueAt === null
      ? backwards
        ? sql`${dossiers.dueAt} is not null`
        : null
      : sql`${dossiers.dueAt} is not null and (${dossiers.dueAt}, ${dossiers.submittedAt}, ${dossiers.id}) ${after} (${timeOf(key.dueAt)}, ${timeOf(key.submittedAt)}, ${key.id}::uuid)`;
  const undated = !key
    ? sql`${dossiers.dueAt} is null`
    : key.dueAt === null
      ? sql`${dossiers.dueAt} is null and (${dossiers.submittedAt}, ${dossiers.id}) ${after} (${timeOf(key.submittedAt)}, ${key.id}::uuid)`
      : backwards
        ? null
        : sql`${dossiers.dueAt} is null`;
  if (dated) parts.push(dated);
  if (undated) parts.push(undated);

  const slices: SQL[] = [];
  for (const agencyId of agencyIds) {
    for (const side of [dossiers.receivingAgencyId, dossiers.competentAgencyId]) {
      for (const part of parts) {
        slices.push(sql`(select ${dossiers.id} as id, ${dossiers.dueAt} as due_at, ${dossiers.submittedAt} as submitted_at
          from ${dossiers}
          where ${side} = ${agencyId} and ${notDraft} and ${part} and ${filter}
          order by ${order} limit ${limit})`);
      }
    }
  }
  const outer = backwards
    ? sql`due_at desc nulls first, submitted_at desc, id desc`
    : sql`due_at asc nulls last, submitted_at asc, id asc`;
  const result = await db.execute<{ id: string; due: string | null; submitted: string }>(sql`
    select id, ${microsOf(sql`due_at`)} as due, ${microsOf(sql`submitted_at`)} as submitted
    from (${sql.join(slices, sql` union `)}) as slice
    order by ${outer} limit ${limit}`);
  return result.rows.map((row) => ({ dueAt: row.due, submittedAt: row.submitted, id: row.id }));
}

/**
 * The queue in submission order (oldest first, then id): the same slices per agency and side, read
 * from dossiers_queue_*_submitted_idx. The key's appointment is not part of this order (null).
 */
async function submittedPageKeys(
  db: Queryable,
  input: { agencyIds: string[]; filter: SQL; cursor: QueueCursor; pageSize: number },
): Promise<QueueKey[]> {
  const { agencyIds, filter, cursor } = input;
  const limit = input.pageSize + 1;
  const backwards = cursor?.direction === "before";
  const order = backwards
    ? sql`${dossiers.submittedAt} desc, ${dossiers.id} desc`
    : sql`${dossiers.submittedAt} asc, ${dossiers.id} asc`;
  const from = cursor
    ? sql`(${dossiers.submittedAt}, ${dossiers.id}) ${backwards ? sql`<` : sql`>`} (${timeOf(cursor.key.submittedAt)}, ${cursor.key.id}::uuid)`
    : sql`true`;
  const slices: SQL[] = [];
  for (const agencyId of agencyIds) {
    for (const side of [dossiers.receivingAgencyId, dossiers.competentAgencyId]) {
      slices.push(sql`(select ${dossiers.id} as id, ${dossiers.submittedAt} as submitted_at
        from ${dossiers}
        where ${side} = ${agencyId} and ${notDraft} and ${from} and ${filter}
        order by ${order} limit ${limit})`);
    }
  }
  const outer = backwards ? sql`submitted_at desc, id desc` : sql`submitted_at asc, id asc`;
  const result = await db.execute<{ id: string; submitted: string }>(sql`
    select id, ${microsOf(sql`submitted_at`)} as submitted
    from (${sql.join(slices, sql` union `)}) as slice
    order by ${outer} limit ${limit}`);
  return result.rows.map((row) => ({ dueAt: null, submittedAt: row.submitted, id: row.id }));
}

export type ApplicantCursor = { key: ApplicantListKey; direction: PageDirection } | null;

/** The applicant's page keys in reading order, newest first (backwards for "before"). */
export async function applicantPageKeys(
  db: Queryable,
  input: {
    applicantId: string;
    /** Organisations whose drafts and dossiers they see (owner, filer). */
    filingOrganisationIds: string[];
    /** Organisations whose submitted dossiers only they see (viewer). */
    seeingOrganisationIds: string[];
    cursor: ApplicantCursor;
    pageSize: number;
  },
): Promise<ApplicantListKey[]> {
  const { cursor } = input;
  const limit = input.pageSize + 1;
  const backwards = cursor?.direction === "before";
  const order = backwards
    ? sql`${dossiers.createdAt} asc, ${dossiers.id} asc`
    : sql`${dossiers.createdAt} desc, ${dossiers.id} desc`;
  const from = cursor
    ? sql`(${dossiers.createdAt}, ${dossiers.id}) ${backwards ? sql`>` : sql`<`} (${timeOf(cursor.key.createdAt)}, ${cursor.key.id}::uuid)`
    : sql`true`;
  // Their own dossiers (drafts included), and their organisations' by role (visibleTo).
  const scopes = [
    sql`${dossiers.applicantId} = ${input.applicantId} and ${dossiers.organisationId} is null`,
    ...input.filingOrganisationIds.map(
      (organisationId) => sql`${dossiers.organisationId} = ${organisationId}`,
    ),
    ...input.seeingOrganisationIds.map(
      (organisationId) => sql`${dossiers.organisationId} = ${organisationId} and ${notDraft}`,
    ),
  ];
  const slices = scopes.map(
    (scope) => sql`(select ${dossiers.id} as id, ${dossiers.createdAt} as created_at from ${dossiers}
      where ${scope} and ${from} order by ${order} limit ${limit})`,
  );
  const outer = backwards ? sql`created_at asc, id asc` : sql`created_at desc, id desc`;
  const result = await db.execute<{ id: string; created: string }>(sql`
    select id, ${microsOf(sql`created_at`)} as created
    from (${sql.join(slices, sql` union `)}) as slice
    order by ${outer} limit ${limit}`);
  return result.rows.map((row) => ({ createdAt: row.created, id: row.id }));
}
