import "server-only";
import { getDb, type Queryable, type Tx } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import { eq } from "drizzle-orm";
import { workingDaysFor } from "@/lib/calendar/rules";
import { getProcedureVersion } from "@/lib/catalog/service";
import type { TimeLimits } from "@/lib/catalog/types";
import type { Actor } from "@/lib/identity/types";
import { err, issuesOf } from "@/lib/result";
import { findDossier, toView } from "./queries";
import type { DossierView } from "./types";

/* What the dossier use cases (drafts, transitions, attachments, reads) share. */

/** A result that must also undo what the transaction wrote so far (e.g. a counter taken). */
export class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rollback");
  }
}

export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

export const invalid = (error: Parameters<typeof issuesOf>[0]) =>
  err("invalid_input" as const, issuesOf(error));

export function actorId(actor: Actor): string | null {
  return actor.kind === "anonymous" ? null : actor.userId;
}

const channelNames = { 1: "desk", 2: "online", 3: "post" } as const;

/** The time limit of a dossier's channel, in the catalogue's working hours (8 h = 1 day). */
export function timeLimitHoursFor(limits: TimeLimits, channel: number): number {
  const own = limits[channelNames[channel as 1 | 2 | 3] ?? "online"];
  return own ?? limits.online ?? limits.desk ?? 0;
}

export function timeLimitDaysFor(limits: TimeLimits, channel: number): number {
  return workingDaysFor(timeLimitHoursFor(limits, channel));
}

/** The procedure version a dossier was filed under; its absence is a broken database, not user input. */
export async function loadProcedureVersion(q: Queryable, id: string) {
  const version = await getProcedureVersion(id, q);
  if (!version) throw new Error(`procedure version ${id} is missing`);
  return version;
}

export async function viewById(q: Queryable, id: string): Promise<DossierView> {
  const row = await findDossier(q, eq(dossiers.id, id));
  if (!row) throw new Error(`dossier ${id} vanished`);
  return toView(row);
}
