import { describe, expect, it } from "vitest";
import {
  afterFailure,
  deliveriesFor,
  digestDeliveryKey,
  digestDue,
  emailAddressOf,
  errorText,
  localDay,
  maxAttempts,
  messageIdFor,
  outboxDeliveryKey,
  senderDomain,
  type RecipientFacts,
} from "@/lib/notify/rules";

const now = new Date("2026-12-01T10:00:00Z");
const minutes = (result: ReturnType<typeof afterFailure>) =>
  result.status === "pending" ? (result.nextAttemptAt.getTime() - now.getTime()) / 60_000 : null;

describe("back-off", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 6 h after the first five failures", () => {
    expect([1, 2, 3, 4, 5].map((n) => minutes(afterFailure(n, now)))).toEqual([1, 5, 30, 120, 360]);
  });
  it("gives up after the sixth attempt", () => {
    expect(afterFailure(6, now)).toEqual({ status: "failed" });
    expect(afterFailure(7, now)).toEqual({ status: "failed" });
    expect(maxAttempts).toBe(6);
  });
});

const person = (over: Partial<RecipientFacts> = {}): RecipientFacts => ({
  id: "u1",
  email: "a@example.vn",
  notifyByEmail: true,
  disabled: false,
  ...over,
});

describe("who gets an e-mail", () => {
  const row = { id: 42, recipientId: "u1", kind: "dossier.received", payload: { code: "X" } };
  it("the row's recipient, with an address and e-mail chosen", () => {
    expect(deliveriesFor(row, new Map([["u1", person()]]))).toEqual([
      { key: "outbox:42:u1:email", outboxId: 42, recipientId: "u1", address: "a@example.vn" },
    ]);
  });
  it("nobody when the person turned e-mail off, has no address, is disabled or unknown", () => {
    for (const facts of [
      person({ notifyByEmail: false }),
      person({ email: null }),
      person({ email: "  " }),
      person({ disabled: true }),
    ])
      expect(deliveriesFor(row, new Map([["u1", facts]]))).toEqual([]);
    expect(deliveriesFor(row, new Map())).toEqual([]);
  });
  it("nobody for an agency-wide row: it goes to the inbox and the digest", () => {
    const agencyRow = { ...row, recipientId: null, payload: { agencyId: "a1" } };
    expect(deliveriesFor(agencyRow, new Map([["u1", person()]]))).toEqual([]);
  });
  it("nobody for a notice days old when first seen (a database from before e-mail)", () => {
    const people = new Map([["u1", person()]]);
    const at = (hoursAgo: number) => ({ ...row, createdAt: new Date(now.getTime() - hoursAgo * 3_600_000) });
    expect(deliveriesFor(at(71), people, now)).toHaveLength(1);
    expect(deliveriesFor(at(73), people, now)).toEqual([]);
  });
  it("trims the address", () => {
    expect(emailAddressOf(person({ email: " b@example.vn " }))).toBe("b@example.vn");
  });
});

describe("keys and identifiers", () => {
  it("name what the message is", () => {
    expect(outboxDeliveryKey(7, "u")).toBe("outbox:7:u:email");
    expect(digestDeliveryKey("u", "2026-12-02")).toBe("digest:u:2026-12-02");
  });
  it("count days and the digest hour in Vietnam's time", () => {
    expect(localDay(new Date("2026-12-01T17:30:00Z"))).toBe("2026-12-02");
    expect(localDay(new Date("2026-12-01T16:59:00Z"))).toBe("2026-12-01");
    expect(digestDue(new Date("2026-12-01T23:59:00Z"))).toBe(false); // 06:59
    expect(digestDue(new Date("2026-12-02T00:00:00Z"))).toBe(true); // 07:00
  });
  it("give the same Message-ID to every attempt of a message", () => {
    const hash = (text: string) => Buffer.from(text).toString("hex");
    expect(messageIdFor("outbox:1:u:email", hash, "example.vn")).toBe(
      messageIdFor("outbox:1:u:email", hash, "example.vn"),
    );
    expect(messageIdFor("k", hash, "example.vn")).toMatch(/^<[0-9a-f]+@example\.vn>$/);
  });
  it("take the sender's domain", () => {
    expect(senderDomain('"Cổng Dịch vụ công" <no-reply@dichvucong.example.gov.vn>')).toBe(
      "dichvucong.example.gov.vn",
    );
    expect(senderDomain("plain@host.vn")).toBe("host.vn");
    expect(senderDomain("nobody")).toBe("localhost");
  });
  it("keep errors to one short line", () => {
    expect(errorText(new Error("550 5.1.1\n  mailbox  unavailable"))).toBe("550 5.1.1 mailbox unavailable");
    expect(errorText("x".repeat(900))).toHaveLength(500);
  });
});
