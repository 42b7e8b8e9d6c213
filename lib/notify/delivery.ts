import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { noticeDeliveries, outbox } from "@/db/schema/notify";
import { dueDossiersByAssignee, type DueDossier } from "@/lib/dossiers/reads";
import { noticeRecipients, type NoticeRecipientFacts } from "@/lib/identity/recipients";
import { configuredTransport, messageDomain, type MailTransport } from "./mail";
import {
  afterFailure,
  defaultLeaseMs,
  deliveriesFor,
  digestDeliveryKey,
  emailAddressOf,
  errorText,
  localDay,
  messageIdFor,
  type PlannedDelivery,
} from "./rules";
import { renderDigest, renderNotice, type NoticeRecipient, type RenderedNotice } from "./templates";

/*
 * E-mail delivery of what the outbox holds (issue 8). Two steps, each safe to run twice and from
 * several processes at once:
 *
 * 1. expandOutbox: each new outbox row (sent_at null) becomes one notice_deliveries row per e-mail it
 *    makes, keyed `outbox:<id>:<user>:email` (insert … on conflict do nothing), and the outbox row is
 *    marked expanded (sent_at) in the same transaction. Rows are taken FOR UPDATE SKIP LOCKED.
 * 2. deliverDue: due rows are claimed FOR UPDATE SKIP LOCKED with a lease (status `sending`,
 *    locked_until), sent with the Message-ID stored on the row (the same on every attempt), and marked
 *    `sent`, or given their next attempt (lib/notify/rules afterFailure) or `failed`. A row marked
 *    `sent` is never claimed again; a claimed row whose worker died is claimed again once its lease
 *    has lapsed.
 *
 * The window left: a worker killed after the SMTP server accepted a message and before its row was
 * marked sent sends it again after the lease, with the same Message-ID (SMTP has no two-phase commit).
 */

/** Where links in e-mails point: the public address. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.AUTH_URL?.trim() ||
    env.PORTAL_PUBLIC_URL?.trim() ||
    `http://localhost:${env.PORT || 3000}`
  ).replace(/\/$/, "");
}

/** Turns new outbox rows into deliveries; returns how many outbox rows it took. */
export async function expandOutbox(options: { limit?: number; now?: Date } = {}): Promise<number> {
  const db = await getDb();
  const limit = options.limit ?? 200;
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: outbox.id,
        recipientId: outbox.recipientId,
        kind: outbox.kind,
        payload: outbox.payload,
        createdAt: outbox.createdAt,
      })
      .from(outbox)
      .where(isNull(outbox.sentAt))
      .orderBy(asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return 0;
    const people = await noticeRecipients(
      tx,
      rows.map((row) => row.recipientId).filter((id): id is string => id !== null),
    );
    const planned = rows.flatMap((row) => deliveriesFor(row, people, now));
    await insertDeliveries(tx, planned, now);
    await tx
      .update(outbox)
      .set({ sentAt: now })
      .where(
        inArray(
          outbox.id,
          rows.map((row) => row.id),
        ),
      );
    return rows.length;
  });
}

type Inserter = Pick<Awaited<ReturnType<typeof getDb>>, "insert">;

async function insertDeliveries(tx: Inserter, planned: PlannedDelivery[], now: Date): Promise<void> {
  if (planned.length === 0) return;
  await tx
    .insert(noticeDeliveries)
    .values(
      planned.map((delivery) => ({
        key: delivery.key,
        outboxId: delivery.outboxId,
        recipientId: delivery.recipientId,
        channel: "email",
        address: delivery.address,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing({ target: noticeDeliveries.key });
}

/**
 * Writes today's digest delivery for each officer with assigned dossiers due soon or overdue (once a
 * day: the key holds the Vietnamese day). Returns how many were new.
 */
export async function queueDigests(now: Date = new Date()): Promise<number> {
  const due = await dueDossiersByAssignee(now);
  if (due.size === 0) return 0;
  const db = await getDb();
  const people = await noticeRecipients(db, [...due.keys()]);
  const day = localDay(now);
  const planned: PlannedDelivery[] = [];
  for (const userId of due.keys()) {
    const person = people.get(userId);
    const address = emailAddressOf(person);
    if (!person?.isStaff || !address) continue;
    planned.push({ key: digestDeliveryKey(userId, day), outboxId: null, recipientId: userId, address });
  }
  if (planned.length === 0) return 0;
  const inserted = await db
    .insert(noticeDeliveries)
    .values(planned.map((d) => ({ ...d, channel: "email", nextAttemptAt: now })))
    .onConflictDoNothing({ target: noticeDeliveries.key })
    .returning({ id: noticeDeliveries.id });
  return inserted.length;
}

type Claimed = {
  id: number;
  key: string;
  outboxId: number | null;
  recipientId: string;
  address: string;
  attempts: number;
  messageId: string;
};

/** Claims up to `limit` due rows for this worker: status `sending` until `now + leaseMs`. */
async function claimDue(now: Date, limit: number, leaseMs: number): Promise<Claimed[]> {
  const db = await getDb();
  const domain = messageDomain();
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const result = await db.execute<{
    id: string | number;
    key: string;
    outbox_id: string | number | null;
    recipient_id: string;
    address: string;
    attempts: number;
    message_id: string | null;
  }>(sql`
    update ${noticeDeliveries} set
      status = 'sending',
      locked_until = ${until}::timestamptz,
      attempts = attempts + 1
    where id in (
      select id from ${noticeDeliveries}
      where (status = 'pending' and next_attempt_at <= ${at}::timestamptz)
         or (status = 'sending' and locked_until < ${at}::timestamptz)
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, key, outbox_id, recipient_id, address, attempts, message_id`);
  const claimed = result.rows.map((row) => ({
    id: Number(row.id),
    key: row.key,
    outboxId: row.outbox_id === null ? null : Number(row.outbox_id),
    recipientId: row.recipient_id,
    address: row.address,
    attempts: Number(row.attempts),
    messageId: row.message_id ?? messageIdFor(row.key, sha256, domain),
  }));
  // The Message-ID is fixed before the first attempt and kept for every later one.
  for (const row of result.rows)
    if (row.message_id === null) {
      const messageId = claimed.find((c) => c.id === Number(row.id))!.messageId;
      await db
        .update(noticeDeliveries)
        .set({ messageId })
        .where(and(eq(noticeDeliveries.id, Number(row.id)), isNull(noticeDeliveries.messageId)));
    }
  return claimed.sort((a, b) => a.id - b.id);
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

export type DeliverOptions = {
  now?: Date;
  /** Rows claimed at a time. */
  limit?: number;
  transport?: MailTransport;
  baseUrl?: string;
  leaseMs?: number;
  /** Stops between two messages: the rest of the batch stays claimed until its lease lapses. */
  signal?: AbortSignal;
};

export type DeliveryOutcome = { sent: number; retried: number; failed: number; claimed: number };

/** Sends one batch of due messages. */
export async function deliverDue(options: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const outcome: DeliveryOutcome = { sent: 0, retried: 0, failed: 0, claimed: 0 };
  const claimed = await claimDue(now, options.limit ?? 20, options.leaseMs ?? leaseFromEnv());
  outcome.claimed = claimed.length;
  if (claimed.length === 0) return outcome;
  const transport = options.transport ?? configuredTransport();
  const baseUrl = options.baseUrl ?? publicBaseUrl();
  const db = await getDb();
  const people = await noticeRecipients(
    db,
    claimed.map((row) => row.recipientId),
  );
  const outboxIds = claimed.map((row) => row.outboxId).filter((id): id is number => id !== null);
  const notices = new Map(
    (outboxIds.length === 0
      ? []
      : await db
          .select({ id: outbox.id, kind: outbox.kind, payload: outbox.payload })
          .from(outbox)
          .where(inArray(outbox.id, outboxIds))
    ).map((row) => [row.id, row]),
  );
  let digests: Map<string, DueDossier[]> | null = null;

  for (const row of claimed) {
    if (options.signal?.aborted) break;
    try {
      const person = people.get(row.recipientId);
      if (!person) throw new Error("the recipient no longer exists");
      let message: RenderedNotice;
      if (row.outboxId !== null) {
        const notice = notices.get(row.outboxId);
        if (!notice) throw new Error(`outbox row ${row.outboxId} not found`);
        message = renderNotice(notice.kind, notice.payload, readerOf(person), baseUrl);
      } else {
        digests ??= await dueDossiersByAssignee(now);
        const reader = readerOf(person);
        message = renderDigest(
          reader,
          (digests.get(row.recipientId) ?? []).map((entry) => ({
            code: entry.code,
            procedureName: reader.locale === "en" ? entry.procedureNameEn : entry.procedureNameVi,
            dueAt: entry.dueAt,
            overdue: entry.overdue,
          })),
          baseUrl,
        );
      }
      await transport.send({
        to: row.address,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: row.messageId,
      });
      await db
        .update(noticeDeliveries)
        .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null })
        .where(and(eq(noticeDeliveries.id, row.id), eq(noticeDeliveries.status, "sending")));
      outcome.sent += 1;
    } catch (error) {
      const next = afterFailure(row.attempts, now);
      await db
        .update(noticeDeliveries)
        .set({
          status: next.status,
          lockedUntil: null,
          lastError: errorText(error),
          ...(next.status === "pending" ? { nextAttemptAt: next.nextAttemptAt } : {}),
        })
        .where(and(eq(noticeDeliveries.id, row.id), eq(noticeDeliveries.status, "sending")));
      if (next.status === "failed") outcome.failed += 1;
      else outcome.retried += 1;
    }
  }
  return outcome;
}

const readerOf = (person: NoticeRecipientFacts): NoticeRecipient => ({
  fullName: person.fullName,
  locale: person.locale,
  isStaff: person.isStaff,
});

function leaseFromEnv(): number {
  const value = Number(process.env.PORTAL_DELIVERY_LEASE_MS);
  return Number.isFinite(value) && value > 0 ? value : defaultLeaseMs;
}

/** Expands the outbox, then sends batches until nothing is due (or the signal stops it). */
export async function runDeliveryCycle(options: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const total: DeliveryOutcome = { sent: 0, retried: 0, failed: 0, claimed: 0 };
  while ((await expandOutbox({ now: options.now })) > 0 && !options.signal?.aborted);
  const limit = options.limit ?? 20;
  for (;;) {
    if (options.signal?.aborted) break;
    const outcome = await deliverDue(options);
    total.sent += outcome.sent;
    total.retried += outcome.retried;
    total.failed += outcome.failed;
    total.claimed += outcome.claimed;
    if (outcome.claimed < limit) break;
  }
  return total;
}
