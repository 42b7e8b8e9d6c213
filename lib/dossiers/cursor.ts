/**
 * Where a list page starts: the sort key of the row next to it, carried opaque in the URL
 * (`?after=…` / `?before=…`), so a page is an index range read from there on instead of an OFFSET
 * that reads and throws away every row before it.
 *
 * Times are whole microseconds since 1970 (PostgreSQL's precision, which a JS Date would round),
 * written as decimal strings. Pure: no I/O, so a tampered or truncated cursor is simply "none" and
 * the list starts at its first page, never an error.
 */
import { z } from "zod";

/** The staff queue: appointment (none last), then submission, then id. */
export type QueueKey = { dueAt: string | null; submittedAt: string; id: string };
/** The applicant's list, newest first: creation, then id. */
export type ApplicantListKey = { createdAt: string; id: string };

/** Which way a page reads from its cursor. */
export type PageDirection = "after" | "before";

const micros = z.string().regex(/^-?\d{1,17}$/);
// Any hexadecimal UUID the column holds (not only RFC versions): it is cast to uuid, never trusted further.
const id = z.guid();
const queueKey = z.tuple([micros.nullable(), micros, id]);
const applicantKey = z.tuple([micros, id]);

/** Longer than any key this module writes: nothing bigger is worth decoding. */
const maxLength = 200;

function encode(parts: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

function decode<T>(text: unknown, schema: z.ZodType<T>): T | null {
  if (typeof text !== "string" || text.length === 0 || text.length > maxLength) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function encodeQueueCursor(key: QueueKey): string {
  return encode([key.dueAt, key.submittedAt, key.id]);
}

export function decodeQueueCursor(text: unknown): QueueKey | null {
  const parts = decode(text, queueKey);
  return parts ? { dueAt: parts[0], submittedAt: parts[1], id: parts[2] } : null;
}

export function encodeApplicantCursor(key: ApplicantListKey): string {
  return encode([key.createdAt, key.id]);
}

export function decodeApplicantCursor(text: unknown): ApplicantListKey | null {
  const parts = decode(text, applicantKey);
  return parts ? { createdAt: parts[0], id: parts[1] } : null;
}

/**
 * A page's keys in the list's order and its neighbours' cursors, from what the query read: up to
 * `pageSize + 1` keys in the reading direction (the extra one says a further page exists that way).
 * A page read after a cursor has a previous page; one read before a cursor has a next one.
 */
export function pageOf<Key>(
  read: readonly Key[],
  pageSize: number,
  direction: PageDirection | null,
  encodeKey: (key: Key) => string,
): { keys: Key[]; next: string | null; previous: string | null } {
  const more = read.length > pageSize;
  const keys = read.slice(0, pageSize);
  if (direction === "before") keys.reverse();
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined) return { keys, next: null, previous: null };
  return {
    keys,
    next: direction === "before" || more ? encodeKey(last) : null,
    previous: direction === "after" || (direction === "before" && more) ? encodeKey(first) : null,
  };
}
