import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { workspaceEvents } from "@/db/schema/workspace";
import { canonicalJson } from "@/lib/dossiers/chain";
import { createHash } from "node:crypto";

/**
 * The workspace's history: every change to a body, an opinion form, a meeting or a task is one event,
 * hash-chained per subject like a dossier's history (lib/dossiers/chain.ts). The caller holds the
 * subject's row lock (select … for update, or the version-guarded update) for the transaction, so
 * events of one subject are appended one at a time and the chain has one previous event.
 */

export type WorkspaceSubject = "body" | "opinion_form" | "meeting" | "task";

export type WorkspaceEventFields = {
  subjectKind: WorkspaceSubject;
  subjectId: string;
  at: Date;
  actorId: string | null;
  action: string;
  details: Record<string, unknown> | null;
  prevHash: string | null;
};

export function workspaceEventHash(event: WorkspaceEventFields): string {
  const canonical = JSON.stringify([
    "workspace-event/1",
    event.subjectKind,
    event.subjectId,
    event.at.toISOString(),
    event.actorId,
    event.action,
    JSON.parse(canonicalJson(event.details)) as unknown,
    event.prevHash,
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

export async function recordWorkspaceEvent(
  tx: Tx,
  event: Omit<WorkspaceEventFields, "prevHash" | "at"> & { at?: Date },
): Promise<{ id: number; hash: string }> {
  const [last] = await tx
    .select({ hash: workspaceEvents.hash })
    .from(workspaceEvents)
    .where(
      and(eq(workspaceEvents.subjectKind, event.subjectKind), eq(workspaceEvents.subjectId, event.subjectId)),
    )
    .orderBy(desc(workspaceEvents.id))
    .limit(1);
  const fields: WorkspaceEventFields = {
    ...event,
    at: event.at ?? new Date(),
    details: event.details ?? null,
    prevHash: last?.hash ?? null,
  };
  const [inserted] = await tx
    .insert(workspaceEvents)
    .values({ ...fields, hash: workspaceEventHash(fields) })
    .returning({ id: workspaceEvents.id, hash: workspaceEvents.hash });
  return { id: inserted!.id, hash: inserted!.hash };
}

/** A subject's events in order, with whether each link of the chain holds. */
export async function workspaceHistory(
  tx: Tx,
  subject: { kind: WorkspaceSubject; id: string },
): Promise<{ events: (typeof workspaceEvents.$inferSelect)[]; chainHolds: boolean }> {
  const events = await tx
    .select()
    .from(workspaceEvents)
    .where(and(eq(workspaceEvents.subjectKind, subject.kind), eq(workspaceEvents.subjectId, subject.id)))
    .orderBy(workspaceEvents.id);
  let previous: string | null = null;
  let chainHolds = true;
  for (const event of events) {
    if (
      event.prevHash !== previous ||
      workspaceEventHash({ ...event, subjectKind: event.subjectKind as WorkspaceSubject }) !== event.hash
    )
      chainHolds = false;
    previous = event.hash;
  }
  return { events, chainHolds };
}
