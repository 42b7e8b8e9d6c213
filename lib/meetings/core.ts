import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { agendaItems, bodies, meetings } from "@/db/schema/workspace";
import type { Actor } from "@/lib/identity/types";
import { err, type Result } from "@/lib/result";
import { recordWorkspaceEvent } from "./events";
import { meetingRoleOf, type MeetingRole } from "./access";
import { isStale } from "./staleness";

/* What meetings.ts, votes.ts, minutes.ts and conclusion.ts share: the locked meeting and its role. */

export type MeetingRow = typeof meetings.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;
export type MeetingContext = {
  tx: Tx;
  meeting: MeetingRow;
  body: BodyRow;
  /** null only for an outsider a caller lets in (an officer of the body's agency sending a dossier). */
  role: MeetingRole | null;
  userId: string;
};

/** Errors a person can cause; each is a message key (workspace:meetings.errors.<code>). */
export type MeetingError =
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "invalid_state"
  | "too_late"
  | "classified"
  | "file_refused"
  | "identity_not_confirmed"
  | "not_checked_in"
  | "already_voted"
  | "change_note_required"
  | "draft_exists"
  | "no_agency"
  | "already_published"
  | "conflict"
  /** The page that posted showed an older version of the meeting (staleness.ts). */
  | "stale";

/** The meeting's version the posting page showed (staleness.ts seenVersion); {}: not guarded. */
export type Seen = { version?: number };

export class Rollback extends Error {
  constructor(readonly result: { ok: false; error: MeetingError; issues?: Record<string, string[]> }) {
    super("rollback");
  }
}

const uuid = z.uuid();
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;

/**
 * Runs `work` in a transaction holding the meeting's row lock (so its events chain one at a time),
 * for an actor whose role `allowed` accepts. A stranger gets not_found (never forbidden: the
 * meeting's existence is not told). An error returned after writes rolls them back.
 */
export async function withMeeting<T>(
  actor: Actor,
  meetingId: string,
  allowed: (role: MeetingRole | null) => boolean,
  work: (context: MeetingContext) => Promise<Result<T, MeetingError>>,
  options: {
    outsider?: boolean;
    /** a read only: no row lock */ read?: boolean;
    /** the version the posting page showed: an older one is refused as stale, nothing applied */
    seen?: Seen;
  } = {},
): Promise<Result<T, MeetingError>> {
  if (actor.kind !== "staff" || !isUuid(meetingId)) return err("not_found");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const query = tx.select().from(meetings).where(eq(meetings.id, meetingId));
      const [meeting] = options.read ? await query : await query.for("update");
      if (!meeting) return err("not_found" as const);
      const role = await meetingRoleOf(actor, meeting, tx);
      if (!role && !options.outsider) return err("not_found" as const);
      if (!allowed(role)) return err("forbidden" as const);
      // Under the row lock: no change can slip in between this check and the work.
      if (isStale(options.seen, meeting.version)) return err("stale" as const);
      const [body] = await tx.select().from(bodies).where(eq(bodies.id, meeting.bodyId));
      const result = await work({ tx, meeting, body: body!, role, userId: actor.userId });
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

/** The meeting an agenda item belongs to (null for a malformed or unknown id). */
export async function meetingOfItem(itemId: string): Promise<string | null> {
  if (!isUuid(itemId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(eq(agendaItems.id, itemId))
    .limit(1);
  return row?.meetingId ?? null;
}

/** One event in the meeting's history, under the lock withMeeting holds. */
export function meetingEvent(
  context: MeetingContext,
  action: string,
  details: Record<string, unknown> | null = null,
) {
  return recordWorkspaceEvent(context.tx, {
    subjectKind: "meeting",
    subjectId: context.meeting.id,
    actorId: context.userId,
    action,
    details,
  });
}

/** Bumps the meeting's version: a page's stale post can be told from a fresh one. */
export async function touchMeeting(context: MeetingContext, changes: Partial<MeetingRow> = {}) {
  await context.tx
    .update(meetings)
    .set({ ...changes, version: context.meeting.version + 1 })
    .where(eq(meetings.id, context.meeting.id));
}
