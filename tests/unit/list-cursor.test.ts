import { describe, expect, it } from "vitest";
import {
  decodeApplicantCursor,
  decodeQueueCursor,
  encodeApplicantCursor,
  encodeQueueCursor,
  pageOf,
} from "@/lib/dossiers/cursor";

const id = "0b6f3c8e-5d2a-4c1e-9f7a-2d3b4c5d6e7f";

describe("list cursors", () => {
  it("round-trip the queue's key, microseconds and a missing appointment date included", () => {
    const dated = { dueAt: "1778493600000000", submittedAt: "1777860000123456", id };
    expect(decodeQueueCursor(encodeQueueCursor(dated))).toEqual(dated);
    const undated = { dueAt: null, submittedAt: "1777860000123456", id };
    expect(decodeQueueCursor(encodeQueueCursor(undated))).toEqual(undated);
  });

  it("round-trip the applicant list's key", () => {
    const key = { createdAt: "1777593600000001", id };
    expect(decodeApplicantCursor(encodeApplicantCursor(key))).toEqual(key);
  });

  it("are opaque URL-safe text", () => {
    expect(encodeQueueCursor({ dueAt: null, submittedAt: "1", id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("read anything malformed as no cursor (the first page), never throw", () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    const bad: unknown[] = [
      undefined,
      null,
      "",
      42,
      ["x"],
      "not base64!",
      b64("not json"),
      b64("{}"),
      b64('["1","2"]'),
      b64(`["1","2","not-a-uuid"]`),
      b64(`["1.5","2","${id}"]`),
      b64(`["1","2","${id}","extra"]`),
      b64(`[null,null,"${id}"]`),
      b64(`["1e5","2","${id}"]`),
      b64(`["${"9".repeat(30)}","2","${id}"]`),
      "A".repeat(10_000),
    ];
    for (const text of bad) expect(decodeQueueCursor(text)).toBe(null);
    expect(decodeApplicantCursor(encodeQueueCursor({ dueAt: "1", submittedAt: "2", id }))).toBe(null);
    expect(decodeQueueCursor(encodeApplicantCursor({ createdAt: "1", id }))).toBe(null);
  });
});

describe("a page and its neighbours from the keys read", () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => i);
  const encode = (key: number) => `k${key}`;

  it("the first page: next when a further key was read, no previous", () => {
    expect(pageOf(keys(4), 3, null, encode)).toEqual({ keys: [0, 1, 2], next: "k2", previous: null });
    expect(pageOf(keys(3), 3, null, encode)).toEqual({ keys: [0, 1, 2], next: null, previous: null });
  });

  it("a page after a cursor always has a previous page", () => {
    expect(pageOf(keys(2), 3, "after", encode)).toEqual({ keys: [0, 1], next: null, previous: "k0" });
  });

  it("a page before a cursor is read backwards, put in order, and always has a next page", () => {
    // Read backwards from the cursor: 9, 8, 7 and one more (6): there is a page before.
    expect(pageOf([9, 8, 7, 6], 3, "before", encode)).toEqual({
      keys: [7, 8, 9],
      next: "k9",
      previous: "k7",
    });
    expect(pageOf([9, 8], 3, "before", encode)).toEqual({ keys: [8, 9], next: "k9", previous: null });
  });

  it("an empty page has no neighbours", () => {
    expect(pageOf([], 3, "after", encode)).toEqual({ keys: [], next: null, previous: null });
  });
});
