import { describe, expect, it } from "vitest";
import {
  canonicalEvent,
  canonicalJson,
  chainEvents,
  eventHash,
  verifyChain,
  type StoredEvent,
} from "@/lib/dossiers/chain";

const dossierId = "7b0e6c1e-8f1d-4c53-9a51-6a6f0f5d9e01";
const base = (n: number) => ({
  dossierId,
  at: new Date(Date.UTC(2026, 2, 2, 2, n)),
  actorId: null,
  action: ["submit", "accept", "assign"][n % 3]!,
  fromStatus: n === 0 ? "draft" : "submitted",
  toStatus: n === 0 ? "submitted" : "received",
  comment: n === 1 ? "Hồ sơ đầy đủ" : null,
  details: n === 1 ? { dueAt: "2026-03-05T10:00:00.000Z", days: 3 } : {},
});

function history(length: number): StoredEvent[] {
  return chainEvents(Array.from({ length }, (_, n) => base(n))).map((event, n) => ({
    ...event,
    id: 100 + n,
  }));
}

describe("canonical serialisation", () => {
  it("sorts the details' keys at every depth, so the stored order does not matter", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
    const one = { ...base(1), prevHash: null, details: { x: 1, y: "2" } };
    const two = { ...one, details: { y: "2", x: 1 } };
    expect(eventHash(one)).toBe(eventHash(two));
  });

  it("writes dates as ISO strings, as jsonb keeps them", () => {
    const asDate = { ...base(1), prevHash: null, details: { dueAt: new Date("2026-03-05T10:00:00Z") } };
    const asText = { ...asDate, details: { dueAt: "2026-03-05T10:00:00.000Z" } };
    expect(eventHash(asDate)).toBe(eventHash(asText));
  });

  it("keeps fields apart: moving text between the comment and the action changes the hash", () => {
    const a = { ...base(0), prevHash: null, action: "ab", comment: "c" };
    const b = { ...a, action: "a", comment: "bc" };
    expect(canonicalEvent(a)).not.toBe(canonicalEvent(b));
    expect(eventHash(a)).not.toBe(eventHash(b));
  });

  it("covers every field: each change gives another hash", () => {
    const event = { ...base(1), prevHash: "0".repeat(64) };
    const hash = eventHash(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      { dossierId: "7b0e6c1e-8f1d-4c53-9a51-6a6f0f5d9e02" },
      { at: new Date(event.at.getTime() + 1) },
      { actorId: "5c0e6c1e-8f1d-4c53-9a51-6a6f0f5d9e01" },
      { action: "refuse" },
      { fromStatus: null },
      { toStatus: "refused" },
      { comment: "Hồ sơ đầy đủ." },
      { details: { dueAt: "2026-03-06T10:00:00.000Z", days: 3 } },
      { prevHash: "1".repeat(64) },
    ];
    for (const change of variants) expect(eventHash({ ...event, ...change })).not.toBe(hash);
  });
});

describe("verifyChain", () => {
  it("accepts an intact history and an empty one", () => {
    const events = history(3);
    expect(events[0]!.prevHash).toBeNull();
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(verifyChain(events)).toEqual({ ok: true, events: 3, lastHash: events[2]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, events: 0, lastHash: null });
  });

  it("names an edited event by its hash", () => {
    const events = history(3);
    events[1] = { ...events[1]!, comment: "Hồ sơ thiếu" };
    expect(verifyChain(events)).toEqual({
      ok: false,
      eventId: 101,
      problem: "hash",
      expected: eventHash(events[1]!),
      found: history(3)[1]!.hash,
    });
  });

  it("names the event after one deleted", () => {
    const events = history(3);
    expect(verifyChain([events[0]!, events[2]!])).toEqual({
      ok: false,
      eventId: 102,
      problem: "previous",
      expected: events[0]!.hash,
      found: events[1]!.hash,
    });
  });

  it("names the event after one edited and re-hashed", () => {
    const events = history(3);
    const edited = { ...events[1]!, comment: "Hồ sơ thiếu" };
    events[1] = { ...edited, hash: eventHash(edited) };
    expect(verifyChain(events)).toMatchObject({ ok: false, eventId: 102, problem: "previous" });
  });

  it("names a first event deleted, and events swapped", () => {
    const events = history(3);
    expect(verifyChain(events.slice(1))).toMatchObject({ ok: false, eventId: 101, problem: "previous" });
    expect(verifyChain([events[0]!, events[2]!, events[1]!])).toMatchObject({ ok: false, eventId: 102 });
  });

  it("names an event stored without a hash", () => {
    const events = history(2);
    events[1] = { ...events[1]!, hash: null };
    expect(verifyChain(events)).toMatchObject({ ok: false, eventId: 101, problem: "missing", found: null });
  });
});
