/**
 * The hash chain over a dossier's history (pure: no I/O). Each event carries the hash of the event
 * before it in its dossier (prevHash; null for the first) and its own hash: SHA-256 over a canonical
 * serialisation of its fields, prevHash included. Editing, deleting or reordering a past event breaks
 * the chain at that event or the next, which `verifyChain` names. The chain order is the events' id
 * order: every append to a dossier happens under its row lock (events.ts), so ids follow the chain.
 */
import { createHash } from "node:crypto";

/** The fields of an event that its hash covers. */
export type ChainedFields = {
  dossierId: string;
  at: Date;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  comment: string | null;
  details: Record<string, unknown> | null;
  prevHash: string | null;
};

/** An event as stored: its id and the hash written with it (null: written before the chain existed). */
export type StoredEvent = ChainedFields & { id: number; hash: string | null };

/**
 * JSON with object keys sorted at every depth: the same details give the same text whatever order
 * their keys were written or read back in (jsonb reorders them). Dates become ISO strings, as jsonb
 * stores them; undefined members vanish, as they do in the stored JSON.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value ?? null)) as unknown));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * The text an event's hash is taken over: a JSON array of its fields in a fixed order, so no field's
 * text can run into the next one's ("a" + "bc" and "ab" + "c" differ).
 */
export function canonicalEvent(event: ChainedFields): string {
  return JSON.stringify([
    "dossier-event/1",
    event.dossierId,
    event.at.toISOString(),
    event.actorId,
    event.action,
    event.fromStatus,
    event.toStatus,
    event.comment,
    JSON.parse(canonicalJson(event.details)) as unknown,
    event.prevHash,
  ]);
}

/** SHA-256 of the canonical serialisation, as 64 lower-case hex digits. */
export function eventHash(event: ChainedFields): string {
  return createHash("sha256").update(canonicalEvent(event), "utf8").digest("hex");
}

/** Hashes a dossier's new events in order after the last stored hash (the seed builds whole histories). */
export function chainEvents<T extends Omit<ChainedFields, "prevHash">>(
  events: readonly T[],
  lastHash: string | null = null,
): (T & { prevHash: string | null; hash: string })[] {
  let prevHash = lastHash;
  return events.map((event) => {
    const hash = eventHash({ ...event, prevHash });
    const chained = { ...event, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

export type ChainBreak = {
  /** The first event whose link does not hold. */
  eventId: number;
  /**
   * hash: its fields no longer give its stored hash (edited); previous: it does not point at the
   * event before it (an event before it was deleted, edited and re-hashed, or reordered);
   * missing: it was stored without a hash.
   */
  problem: "hash" | "previous" | "missing";
  expected: string | null;
  found: string | null;
};

export type ChainCheck = { ok: true; events: number; lastHash: string | null } | ({ ok: false } & ChainBreak);

/** Checks one dossier's events, given in id order; names the first broken link. */
export function verifyChain(events: readonly StoredEvent[]): ChainCheck {
  let previous: string | null = null;
  for (const event of events) {
    if (event.prevHash !== previous) {
      return { ok: false, eventId: event.id, problem: "previous", expected: previous, found: event.prevHash };
    }
    const expected = eventHash(event);
    if (event.hash === null)
      return { ok: false, eventId: event.id, problem: "missing", expected, found: null };
    if (expected !== event.hash) {
      return { ok: false, eventId: event.id, problem: "hash", expected, found: event.hash };
    }
    previous = event.hash;
  }
  return { ok: true, events: events.length, lastHash: previous };
}
