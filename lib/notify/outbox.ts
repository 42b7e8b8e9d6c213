import "server-only";
import type { Queryable } from "@/db/client";
import { outbox } from "@/db/schema/notify";

/** A notice for one user, or for an agency's staff (recipientId null, the agency id in payload). */
export type OutboxNotice = {
  recipientId: string | null;
  kind: string;
  payload: Record<string, unknown>;
};

/**
 * Writes notices in the caller's transaction, so a notice exists exactly when the change that
 * caused it was committed; a worker sends them later.
 */
export async function enqueue(tx: Queryable, notices: OutboxNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await tx.insert(outbox).values(
    notices.map((notice) => ({
      recipientId: notice.recipientId,
      kind: notice.kind,
      payload: notice.payload,
    })),
  );
}
