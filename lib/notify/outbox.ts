import "server-only";
import type { Queryable } from "@/db/client";
import { outbox } from "@/db/schema/notify";
import { writeInbox } from "./inbox";

/** A notice for one user, or for an agency's staff (recipientId null, the agency id in payload). */
export type OutboxNotice = {
  recipientId: string | null;
  kind: string;
  payload: Record<string, unknown>;
};

/**
 * Writes notices in the caller's transaction, so a notice exists exactly when the change that
 * caused it was committed; a worker sends them later. The in-app inbox rows are written here too,
 * in the same transaction (lib/notify/inbox: writeInbox).
 */
export async function enqueue(
  tx: Queryable,
  notices: OutboxNotice[],
  /** Who made the change: the outbox keeps every notice, but their own inbox is not told of it. */
  context: { actorId?: string | null } = {},
): Promise<void> {
  if (notices.length === 0) return;
  const written = await tx
    .insert(outbox)
    .values(
      notices.map((notice) => ({
        recipientId: notice.recipientId,
        kind: notice.kind,
        payload: notice.payload,
      })),
    )
    .returning({ id: outbox.id });
  // The ids come from the sequence row by row, in the order of the VALUES list.
  const ids = written.map((row) => row.id).sort((a, b) => a - b);
  await writeInbox(
    tx,
    notices.map((notice, index) => ({ ...notice, outboxId: ids[index]! })),
    context.actorId ?? null,
  );
}
