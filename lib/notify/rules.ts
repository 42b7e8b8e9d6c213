/*
 * The rules of e-mail delivery (lib/notify/delivery.ts), pure: when a failed message is tried again,
 * who gets an e-mail for an outbox row, and the keys that make a message exist once.
 */

/** After the n-th failed attempt (n = 1…5), the next one waits this long; after the last, `failed`. */
export const retryDelaysMinutes = [1, 5, 30, 120, 360] as const;

/** How long a claimed message is held by the worker sending it; a worker that died lets it lapse. */
export const defaultLeaseMs = 2 * 60_000;

export type AfterFailure = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/**
 * What happens to a message whose attempt number `attempts` (1-based, this one included) failed:
 * tried again after 1 min, 5 min, 30 min, 2 h, 6 h; failed for good after the sixth attempt
 * (an administrator may then retry it).
 */
export function afterFailure(attempts: number, now: Date): AfterFailure {
  const delay = retryDelaysMinutes[Math.max(attempts, 1) - 1];
  if (delay === undefined) return { status: "failed" };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + delay * 60_000) };
}

/** The attempts a message gets before it is `failed`. */
export const maxAttempts = retryDelaysMinutes.length + 1;

/** What delivery needs to know of a person (lib/identity noticeRecipients). */
export type RecipientFacts = {
  id: string;
  email: string | null;
  notifyByEmail: boolean;
  disabled: boolean;
};

/** An outbox row as delivery reads it. */
export type OutboxRow = {
  id: number;
  recipientId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  createdAt?: Date;
};

/**
 * A notice older than this when the worker first sees it makes no e-mail: a database from before
 * e-mail delivery (or a worker stopped for days) would otherwise mail months of old news at once.
 */
export const staleNoticeMs = 3 * 86_400_000;

export type PlannedDelivery = { key: string; outboxId: number | null; recipientId: string; address: string };

export const outboxDeliveryKey = (outboxId: number, userId: string) => `outbox:${outboxId}:${userId}:email`;
export const digestDeliveryKey = (userId: string, day: string) => `digest:${userId}:${day}`;

/** Whether a person gets e-mail at all: an address, the channel chosen, an account in use. */
export function emailAddressOf(person: RecipientFacts | undefined): string | null {
  if (!person || person.disabled || !person.notifyByEmail) return null;
  const address = person.email?.trim();
  return address ? address : null;
}

/**
 * The e-mails an outbox row makes: one to its recipient (the applicant or the assigned officer) when
 * they take e-mail, unless the notice is stale (staleNoticeMs). A row for an agency's staff (no
 * recipient, `payload.agencyId`) makes none: it goes to their inbox and their daily digest.
 */
export function deliveriesFor(
  row: OutboxRow,
  people: ReadonlyMap<string, RecipientFacts>,
  now: Date = new Date(),
): PlannedDelivery[] {
  if (!row.recipientId) return [];
  if (row.createdAt && now.getTime() - row.createdAt.getTime() > staleNoticeMs) return [];
  const address = emailAddressOf(people.get(row.recipientId));
  if (!address) return [];
  return [
    {
      key: outboxDeliveryKey(row.id, row.recipientId),
      outboxId: row.id,
      recipientId: row.recipientId,
      address,
    },
  ];
}

/** Vietnam's day (UTC+7, no daylight saving) of an instant, as yyyy-mm-dd. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The digest goes out from 07:00 Vietnam time. */
export const digestHour = 7;

export function digestDue(at: Date): boolean {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCHours() >= digestHour;
}

/**
 * The Message-ID a delivery is sent with, the same on every attempt, so a message sent again after a
 * crash between the server's acceptance and our record of it is recognisably the same message.
 */
export function messageIdFor(key: string, hash: (text: string) => string, domain: string): string {
  return `<${hash(key).slice(0, 32)}@${domain}>`;
}

/** The domain of a sender such as `"Cổng" <no-reply@example.gov.vn>` (for Message-IDs). */
export function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1] ?? "localhost";
}

/** An error as one line for `last_error`, at most 500 characters. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "unknown error";
}
