import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import { err } from "@/lib/result";
import { eventHash, type ChainedFields } from "./chain";
import { Rollback } from "./transaction";

export type NewEvent = Omit<ChainedFields, "dossierId" | "prevHash">;

/**
 * The one place that appends to a dossier's history. It first locks the dossier's row at the
 * version the caller read (a moved version is a conflict, the whole transaction rolled back), and
 * in the same statement reads the hash of its last event: every appender takes that lock, so nobody
 * can add an event between the read and this insert, and the chain has one well-defined previous
 * event. The lock is held to the commit, with the version-guarded update that follows.
 */
export async function appendEvent(
  tx: Tx,
  dossier: { id: string; version: number },
  event: NewEvent,
): Promise<{ id: number; hash: string }> {
  const last = tx
    .select({ hash: dossierEvents.hash })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossiers.id))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  const [locked] = await tx
    .select({ prevHash: sql<string | null>`(${last})` })
    .from(dossiers)
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, dossier.version)))
    .for("update");
  if (!locked) throw new Rollback(err("conflict" as const));
  const fields: ChainedFields = { ...event, dossierId: dossier.id, prevHash: locked.prevHash };
  const [inserted] = await tx
    .insert(dossierEvents)
    .values({ ...fields, hash: eventHash(fields) })
    .returning({ id: dossierEvents.id, hash: dossierEvents.hash });
  return { id: inserted!.id, hash: inserted!.hash! };
}
