import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  PageCopies,
  dropPageCopies,
  registerPageCopies,
  shareableRequestKey,
  shareableResponse,
} from "@/lib/http/pageCopies.mjs";
import { pageCopyHandler } from "../../scripts/server.mjs";

/*
 * The server keeps copies of the pages Next shares with everyone (lib/http/pageCopies.mjs) and gives
 * them only to requests Next would give that same page: never to a signed-in person, a form post or
 * client navigation, and never a response that sets a cookie or that Next did not take from its cache.
 */

const anonymous = { cookie: "lang=vi", "accept-encoding": "gzip" };

describe("which requests may get a shared copy", () => {
  const key = (url: string, headers: Record<string, string> = anonymous, method = "GET") =>
    shareableRequestKey({ method, url, headers });

  it("a visitor without a session reading a page in the language of their cookie", () => {
    expect(key("/vi")).toBe("gzip\n/vi");
    expect(key("/vi/procedures?q=dang+ky")).toBe("gzip\n/vi/procedures?q=dang+ky");
    expect(key("/en/transparency", { cookie: "x=1; lang=en" })).toBe("\n/en/transparency");
  });

  it("never a signed-in person, a post, client navigation or a server action", () => {
    expect(key("/vi", { cookie: "lang=vi; authjs.session-token=abc" })).toBeNull();
    expect(key("/vi", { cookie: "lang=vi; __Secure-authjs.session-token.0=abc" })).toBeNull();
    expect(key("/vi", anonymous, "POST")).toBeNull();
    expect(key("/vi", anonymous, "HEAD")).toBeNull();
    expect(key("/vi", { ...anonymous, rsc: "1" })).toBeNull();
    expect(key("/vi", { ...anonymous, "next-router-prefetch": "1" })).toBeNull();
    expect(key("/vi", { ...anonymous, "next-action": "abc" })).toBeNull();
  });

  it("not when the proxy would set the language cookie, nor outside the pages", () => {
    expect(key("/vi", { "accept-encoding": "gzip" })).toBeNull();
    expect(key("/vi", { cookie: "lang=en" })).toBeNull();
    expect(key("/api/health")).toBeNull();
    expect(key("/_next/static/chunks/a.js")).toBeNull();
    expect(key("/vi~p0/dossiers")).toBeNull();
    expect(key("/")).toBeNull();
  });
});

describe("which responses may be shared", () => {
  const headers = (extra: Record<string, string> = {}) => {
    const all: Record<string, string> = {
      "content-type": "text/html; charset=utf-8",
      "x-nextjs-cache": "HIT",
      "cache-control": "s-maxage=3600",
      ...extra,
    };
    return (name: string) => all[name];
  };

  it("a page Next took from its cache", () => {
    expect(shareableResponse(200, headers())).toBe(true);
    expect(shareableResponse(200, headers({ "x-nextjs-cache": "STALE" }))).toBe(true);
  });

  it("not a page rendered for this request, an error, a cookie, a private page or data", () => {
    expect(shareableResponse(200, headers({ "x-nextjs-cache": "MISS" }))).toBe(false);
    expect(shareableResponse(200, (name) => headers()(name === "x-nextjs-cache" ? "none" : name))).toBe(
      false,
    );
    expect(shareableResponse(404, headers())).toBe(false);
    expect(shareableResponse(200, headers({ "set-cookie": "lang=vi" }))).toBe(false);
    expect(shareableResponse(200, headers({ "cache-control": "private, no-cache" }))).toBe(false);
    expect(shareableResponse(200, headers({ "cache-control": "no-store" }))).toBe(false);
    expect(shareableResponse(200, headers({ "content-type": "application/json" }))).toBe(false);
  });
});

describe("the copies", () => {
  const copy = (bytes: number) => ({ statusCode: 200, headers: [], body: Buffer.alloc(bytes) });

  it("live a short while", () => {
    let now = 0;
    const copies = new PageCopies({ lifetimeMs: 1000, now: () => now });
    copies.put("a", copy(10));
    now = 999;
    expect(copies.get("a")).toBeDefined();
    now = 1000;
    expect(copies.get("a")).toBeUndefined();
    now = 2000;
    expect(copies.get("a")).toBeUndefined();
    expect(copies.bytes).toBe(0);
  });

  it("are still given while one request asks Next again, for one more lifetime at most", () => {
    let now = 0;
    const copies = new PageCopies({ lifetimeMs: 1000, now: () => now });
    copies.put("a", copy(10));
    now = 1500;
    const done = copies.refresh("a");
    expect(copies.get("a")).toBeDefined();
    now = 2000;
    expect(copies.get("a")).toBeUndefined();
    done();
    copies.put("a", copy(10));
    now = 3500;
    expect(copies.get("a")).toBeUndefined();
  });

  it("drop the oldest beyond their size, and all at once when a page changes", () => {
    const copies = new PageCopies({ maxBytes: 25 });
    copies.put("a", copy(10));
    copies.put("b", copy(10));
    copies.put("c", copy(10));
    expect(copies.get("a")).toBeUndefined();
    expect(copies.get("b")).toBeDefined();
    expect(copies.bytes).toBe(20);
    copies.put("huge", copy(26));
    expect(copies.get("huge")).toBeUndefined();
    registerPageCopies(copies);
    dropPageCopies();
    expect(copies.get("c")).toBeUndefined();
    expect(copies.bytes).toBe(0);
  });
});

describe("the server with copies", () => {
  const page = "<!DOCTYPE html><html><body><script>go()</script>Cổng</body></html>";
  let renders = 0;
  let setsCookie = false;
  const copies = new PageCopies();
  const respond = pageCopyHandler(async (_req, res) => {
    renders += 1;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-encoding", "gzip");
    res.setHeader("x-nextjs-cache", "HIT");
    res.setHeader("etag", '"v1"');
    if (setsCookie) res.setHeader("set-cookie", "lang=vi");
    res.end(zlib.gzipSync(`${page}${renders}`));
  }, copies);
  const server = http.createServer((req, res) => void respond(req, res));
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    registerPageCopies(copies);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    copies.clear();
    renders = 0;
    setsCookie = false;
  });

  function get(path: string, headers: http.OutgoingHttpHeaders) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        http
          .get(base + path, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          })
          .on("error", reject);
      },
    );
  }
  const text = (body: Buffer) => zlib.gunzipSync(body).toString("utf8");

  it("answers the second visitor from the copy, with the same bytes and policy", async () => {
    const first = await get("/vi", anonymous);
    const second = await get("/vi", anonymous);
    expect(renders).toBe(1);
    expect(text(second.body)).toBe(text(first.body));
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.headers["content-security-policy"]).toContain("sha256-");
    expect(Number(second.headers["content-length"])).toBe(second.body.length);
  });

  it("answers a revalidation from the copy with 304", async () => {
    await get("/vi", anonymous);
    const again = await get("/vi", { ...anonymous, "if-none-match": '"v1"' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(renders).toBe(1);
  });

  it("never answers a signed-in person from it, nor keeps what they got", async () => {
    const signedIn = { ...anonymous, cookie: "lang=vi; authjs.session-token=abc" };
    await get("/vi", signedIn);
    await get("/vi", anonymous);
    await get("/vi", signedIn);
    expect(renders).toBe(3);
  });

  it("keeps no response that sets a cookie, and asks Next again once the copies are dropped", async () => {
    setsCookie = true;
    await get("/vi", anonymous);
    await get("/vi", anonymous);
    expect(renders).toBe(2);
    setsCookie = false;
    await get("/vi", anonymous);
    await get("/vi", anonymous);
    expect(renders).toBe(3);
    dropPageCopies();
    await get("/vi", anonymous);
    expect(renders).toBe(4);
  });

  it("keeps one copy per encoding accepted", async () => {
    await get("/vi", anonymous);
    await get("/vi", { ...anonymous, "accept-encoding": "gzip, br" });
    expect(renders).toBe(2);
  });
});
