import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { noticeDeliveries, outbox } from "@/db/schema/notify";
import { isSystemAdmin } from "@/lib/identity/adminRules";
import { userNames } from "@/lib/identity/staff";
import type { Actor } from "@/lib/identity/types";
import type { Lang } from "@/lib/i18n/settings";
import { err, ok, type Result } from "@/lib/result";
import { noticeSubject } from "./templates";

/** One e-mail as administrators see it (/[lang]/admin/deliveries). */
export type DeliveryView = {
  id: number;
  recipientName: string | null;
  address: string;
  /** The outbox kind (`dossier.received`…), or `digest`. */
  kind: string;
  /** What the notice said (its e-mail's subject line), in both languages; null for a digest. */
  subject: Record<Lang, string> | null;
  dossierCode: string | null;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
};

export type DeliveryList = { failed: DeliveryView[]; recent: DeliveryView[]; failedTotal: number };

/** Failed deliveries first (all of them, up to `limit`), then the most recent others. */
export async function listDeliveries(
  actor: Actor,
  options: { limit?: number } = {},
): Promise<Result<DeliveryList, "forbidden">> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const db = await getDb();
  const columns = {
    id: noticeDeliveries.id,
    recipientId: noticeDeliveries.recipientId,
    address: noticeDeliveries.address,
    kind: outbox.kind,
    payload: outbox.payload,
    status: noticeDeliveries.status,
    attempts: noticeDeliveries.attempts,
    lastError: noticeDeliveries.lastError,
    nextAttemptAt: noticeDeliveries.nextAttemptAt,
    sentAt: noticeDeliveries.sentAt,
    createdAt: noticeDeliveries.createdAt,
  };
  const [failed, recent, [count]] = await Promise.all([
    db
      .select(columns)
      .from(noticeDeliveries)
      .leftJoin(outbox, eq(outbox.id, noticeDeliveries.outboxId))
      .where(eq(noticeDeliveries.status, "failed"))
      .orderBy(desc(noticeDeliveries.id))
      .limit(limit),
    db
      .select(columns)
      .from(noticeDeliveries)
      .leftJoin(outbox, eq(outbox.id, noticeDeliveries.outboxId))
      .where(sql`${noticeDeliveries.status} <> 'failed'`)
      .orderBy(desc(noticeDeliveries.id))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(noticeDeliveries)
      .where(eq(noticeDeliveries.status, "failed")),
  ]);
  const names = await userNames([...failed, ...recent].map((row) => row.recipientId));
  const view = (row: (typeof failed)[number]): DeliveryView => ({
    id: row.id,
    recipientName: names.get(row.recipientId)?.name ?? null,
    address: row.address,
    kind: row.kind ?? "digest",
    subject:
      row.kind && row.payload
        ? { vi: noticeSubject(row.kind, row.payload, "vi"), en: noticeSubject(row.kind, row.payload, "en") }
        : null,
    dossierCode: typeof row.payload?.code === "string" ? row.payload.code : null,
    status: row.status as DeliveryView["status"],
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  });
  return ok({ failed: failed.map(view), recent: recent.map(view), failedTotal: Number(count?.n ?? 0) });
}

/**
 * Puts a failed delivery back in line, to be tried at once (the worker picks it up within its
 * interval). Only a failed one: a sent message is never sent again.
 */
export async function retryDelivery(
  actor: Actor,
  id: number,
): Promise<Result<null, "forbidden" | "not_found" | "not_failed">> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  if (!Number.isSafeInteger(id) || id <= 0) return err("not_found");
  const db = await getDb();
  const updated = await db
    .update(noticeDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null })
    .where(and(eq(noticeDeliveries.id, id), eq(noticeDeliveries.status, "failed")))
    .returning({ id: noticeDeliveries.id });
  if (updated.length > 0) return ok(null);
  const exists = await db
    .select({ id: noticeDeliveries.id })
    .from(noticeDeliveries)
    .where(inArray(noticeDeliveries.id, [id]));
  return err(exists.length > 0 ? "not_failed" : "not_found");
}
