import { describe, expect, it } from "vitest";
import {
  buildOnlySegment,
  decodeSegment,
  encodeSegment,
  queryInSegment,
  segmentSearchParams,
} from "@/lib/http/pageSegment";
import { readerPath } from "@/lib/http/readerPath";
import { mayHaveSession } from "@/lib/identity/rules";

describe("the [lang] segment that says whether a page may be shared", () => {
  it("is the plain language for a shared page without a query", () => {
    expect(encodeSegment({ lang: "vi", personal: false, query: "" })).toBe("vi");
    expect(decodeSegment("en")).toEqual({ lang: "en", personal: false, query: "" });
  });

  it("round-trips the personal mark and a query with accents and repeated keys", () => {
    const segment = { lang: "vi" as const, personal: true, query: "q=đăng ký&agency=H33&agency=H34" };
    const encoded = encodeSegment(segment);
    expect(encoded).toMatch(/^vi~p~q[A-Za-z0-9_-]+$/);
    expect(decodeSegment(encoded)).toEqual(segment);
    expect(segmentSearchParams(segment)).toEqual({ q: "đăng ký", agency: ["H33", "H34"] });
  });

  it("gives each form post its own segment, which reads back as personal", () => {
    const encoded = encodeSegment({ lang: "en", personal: true, query: "", post: "0f3a9c" });
    expect(encoded).toBe("en~p~f0f3a9c");
    expect(decodeSegment(encoded)).toEqual({ lang: "en", personal: true, query: "", post: "0f3a9c" });
  });

  it("refuses what the proxy never writes, including the build's own sample", () => {
    for (const value of ["fr", "vi~x", "vi~q!!", buildOnlySegment, ""])
      expect(decodeSegment(value)).toBeNull();
  });

  it("puts the query in the segment only for the public listings, and not an overlong one", () => {
    expect(queryInSegment("/procedures", "?q=a")).toBe(true);
    expect(queryInSegment("/decisions/", "?page=2")).toBe(true);
    expect(queryInSegment("/staff", "?bucket=overdue")).toBe(false);
    expect(queryInSegment("/procedures", `?q=${"a".repeat(600)}`)).toBe(false);
  });

  it("gives links the address the reader sees", () => {
    expect(readerPath("/vi~p~qcT1h/procedures")).toBe("/vi/procedures");
    expect(readerPath("/en~p")).toBe("/en");
    expect(readerPath("/vi/procedures/1.001193")).toBe("/vi/procedures/1.001193");
  });
});

describe("a request that may belong to a signed-in person", () => {
  it("is told by Auth.js's session cookie, chunked or secure, and by nothing else", () => {
    expect(mayHaveSession(["lang", "authjs.session-token"])).toBe(true);
    expect(mayHaveSession(["__Secure-authjs.session-token.0"])).toBe(true);
    expect(mayHaveSession(["lang", "authjs.csrf-token", "authjs.callback-url"])).toBe(false);
    expect(mayHaveSession([])).toBe(false);
  });
});
