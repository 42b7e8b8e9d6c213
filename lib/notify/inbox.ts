import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { inboxNotices } from "@/db/schema/notify";
import { inboxRecipients } from "@/lib/identity/inboxRecipients";
import type { Actor } from "@/lib/identity/types";
import type { Lang } from "@/lib/i18n/settings";
import { err, ok, type Result } from "@/lib/result";
import { inboxRowsFor, noticeAgencyId, type WrittenNotice } from "./inboxRules";
import { noticeLink, noticeSubject, noticeSubjectKind, type NoticeSubjectKind } from "./templates";

/*
 * The in-app inbox: one row per person per notice, written with the outbox row in the change's own
 * transaction (writeInbox, called by enqueue), and read by its owner only. Every read and write
 * below is scoped to the actor: another person's notice is "not found", never "forbidden".
 */

/**
 * Writes the inbox rows of notices just written to the outbox, in the caller's transaction: two
 * set-based queries whatever the number of people (who wants the inbox, then one insert).
 */
export async function writeInbox(
  tx: Queryable,
  notices: readonly WrittenNotice[],
  actorId: string | null = null,
): Promise<void> {
  const userIds = notices.flatMap((notice) => (notice.recipientId ? [notice.recipientId] : []));
  const agencyIds = notices.flatMap((notice) => {
    const agencyId = noticeAgencyId(notice);
    return agencyId ? [agencyId] : [];
  });
  if (userIds.length === 0 && agencyIds.length === 0) return;
  const audience = await inboxRecipients(tx, { userIds, agencyIds });
  const rows = inboxRowsFor(notices, audience, actorId);
  if (rows.length > 0) await tx.insert(inboxNotices).values(rows);
}

/** One notice as its owner's inbox lists it, its title in the page's language. */
export type InboxItem = {
  id: number;
  kind: string;
  title: string;
  /** The procedure's name in the page's language, when the notice is about a dossier. */
  procedureName: string | null;
  /** The dossier's code, for a notice about a dossier (null for a meeting, a form, a task). */
  dossierCode: string | null;
  /** What the notice is about, and its code ("HOP-2026-0001"), for the row's label. */
  subject: { kind: NoticeSubjectKind; code: string } | null;
  createdAt: Date;
  read: boolean;
};

export type InboxPage = { rows: InboxItem[]; next: string | null; previous: string | null };

const defaultPageSize = 20;

function ownerOf(actor: Actor): string | null {
  return actor.kind === "anonymous" ? null : actor.userId;
}

/*
 * Pages are read by keyset, newest first: (created_at, id), which the recipient's index serves.
 * A cursor is "<microseconds since 1970>.<id>", opaque to the page; anything else is no cursor.
 */
type InboxKey = { micros: string; id: string };
const cursorPattern = /^(-?\d{1,17})\.(\d{1,18})$/;

function decodeCursor(text: unknown): InboxKey | null {
  if (typeof text !== "string") return null;
  const match = cursorPattern.exec(text);
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

const encodeCursor = (key: InboxKey) => `${key.micros}.${key.id}`;
const microsOf = sql`(extract(epoch from ${inboxNotices.createdAt}) * 1000000)::bigint::text`;
const timeOf = (micros: string) => sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

function pageSizeOf(requested: number | undefined): number {
  return Math.min(Math.max(Math.trunc(requested ?? defaultPageSize) || defaultPageSize, 1), 100);
}

function procedureNameOf(payload: Record<string, unknown>, lang: Lang): string | null {
  const procedure = payload.procedure as { nameVi?: unknown; nameEn?: unknown } | undefined;
  const name = lang === "vi" ? procedure?.nameVi : procedure?.nameEn;
  return typeof name === "string" && name.length > 0 ? name : null;
}

/** The actor's notices, newest first, a page at a time (`after`/`before` are the page's cursors). */
export async function listInbox(
  actor: Actor,
  lang: Lang,
  options: { after?: string; before?: string; pageSize?: number } = {},
): Promise<InboxPage> {
  const owner = ownerOf(actor);
  if (!owner) return { rows: [], next: null, previous: null };
  const pageSize = pageSizeOf(options.pageSize);
  const afterKey = decodeCursor(options.after);
  const beforeKey = afterKey ? null : decodeCursor(options.before);
  const direction = afterKey ? "after" : beforeKey ? "before" : null;
  const key = afterKey ?? beforeKey;
  const backwards = direction === "before";
  const from = key
    ? sql`(${inboxNotices.createdAt}, ${inboxNotices.id}) ${backwards ? sql`>` : sql`<`} (${timeOf(key.micros)}, ${key.id}::bigint)`
    : sql`true`;
  const order = backwards
    ? sql`${inboxNotices.createdAt} asc, ${inboxNotices.id} asc`
    : sql`${inboxNotices.createdAt} desc, ${inboxNotices.id} desc`;
  const db = await getDb();
  const read = await db
    .select({
      id: inboxNotices.id,
      kind: inboxNotices.kind,
      payload: inboxNotices.payload,
      createdAt: inboxNotices.createdAt,
      readAt: inboxNotices.readAt,
      micros: sql<string>`${microsOf}`,
    })
    .from(inboxNotices)
    .where(and(eq(inboxNotices.recipientId, owner), from))
    .orderBy(order)
    .limit(pageSize + 1);

  const more = read.length > pageSize;
  const rows = read.slice(0, pageSize);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const cursorOf = (row: (typeof rows)[number]) => encodeCursor({ micros: row.micros, id: String(row.id) });
  return {
    rows: rows.map((row) => {
      const code = typeof row.payload.code === "string" ? row.payload.code : null;
      const kind = noticeSubjectKind(row.kind, row.payload);
      return {
        id: row.id,
        kind: row.kind,
        title: noticeSubject(row.kind, row.payload, lang),
        procedureName: procedureNameOf(row.payload, lang),
        dossierCode: kind === "dossier" ? code : null,
        subject: code ? { kind, code } : null,
        createdAt: row.createdAt,
        read: row.readAt !== null,
      };
    }),
    next: last && (backwards || more) ? cursorOf(last) : null,
    previous: first && (direction === "after" || (backwards && more)) ? cursorOf(first) : null,
  };
}

/** How many of the actor's notices are unread (0 for someone not signed in). */
export async function unreadInboxCount(actor: Actor): Promise<number> {
  const owner = ownerOf(actor);
  if (!owner) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ unread: count() })
    .from(inboxNotices)
    .where(and(eq(inboxNotices.recipientId, owner), isNull(inboxNotices.readAt)));
  return row?.unread ?? 0;
}

const idPattern = /^[1-9]\d{0,17}$/;

/** The id of an inbox row as the address gives it, or null. */
function inboxId(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !idPattern.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * Marks one of the actor's notices read (it stays read at the first time it was opened) and says
 * where it leads: the dossier's page for this reader, in the page's language. Someone else's notice,
 * or no notice, is not_found.
 */
export async function openInboxNotice(
  actor: Actor,
  id: unknown,
  lang: Lang,
): Promise<Result<{ href: string }, "not_found">> {
  const owner = ownerOf(actor);
  const noticeId = inboxId(id);
  if (!owner || noticeId === null || actor.kind === "anonymous") return err("not_found");
  const db = await getDb();
  const [row] = await db
    .update(inboxNotices)
    .set({ readAt: sql`coalesce(${inboxNotices.readAt}, now())` })
    .where(and(eq(inboxNotices.id, noticeId), eq(inboxNotices.recipientId, owner)))
    .returning({ payload: inboxNotices.payload });
  if (!row) return err("not_found");
  const href = noticeLink(
    row.payload,
    { fullName: actor.name, locale: lang, isStaff: actor.kind === "staff" },
    "",
  );
  return ok({ href });
}

/** Marks one of the actor's notices read without following it; someone else's is not_found. */
export async function markInboxNoticeRead(actor: Actor, id: unknown): Promise<Result<true, "not_found">> {
  const owner = ownerOf(actor);
  const noticeId = inboxId(id);
  if (!owner || noticeId === null) return err("not_found");
  const db = await getDb();
  const updated = await db
    .update(inboxNotices)
    .set({ readAt: sql`coalesce(${inboxNotices.readAt}, now())` })
    .where(and(eq(inboxNotices.id, noticeId), eq(inboxNotices.recipientId, owner)))
    .returning({ id: inboxNotices.id });
  return updated.length > 0 ? ok(true) : err("not_found");
}

/** Marks every unread notice of the actor read; how many were. */
export async function markAllInboxRead(actor: Actor): Promise<number> {
  const owner = ownerOf(actor);
  if (!owner) return 0;
  const db = await getDb();
  const updated = await db
    .update(inboxNotices)
    .set({ readAt: sql`now()` })
    .where(and(eq(inboxNotices.recipientId, owner), isNull(inboxNotices.readAt)))
    .returning({ id: inboxNotices.id });
  return updated.length;
}
