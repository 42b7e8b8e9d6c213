import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, scriptHash } from "@/lib/http/csp.mjs";
import { holdHtml } from "../../scripts/server.mjs";

/*
 * The portal's server (scripts/server.mjs) holds each HTML response to its end and sends it with the
 * policy for its own inline scripts, whatever way the handler writes it; other responses pass as
 * they are. Handlers here write the way Next does (setHeader then chunks, writeHead with headers,
 * compressed bodies, HEAD, 304).
 */

const page =
  '<!DOCTYPE html><html><body><script src="/a.js"></script><script>go()</script>Cổng</body></html>';
const staticPolicy = contentSecurityPolicy();
const pagePolicy = contentSecurityPolicy({ scriptHashes: [scriptHash("go()")] });

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const handlers = new Map<string, Handler>([
  [
    "/chunks",
    (_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", staticPolicy);
      res.write(page.slice(0, 40));
      res.write(Buffer.from(page.slice(40, 70)), () => {
        res.end(page.slice(70));
      });
    },
  ],
  [
    "/write-head",
    (_req, res) => {
      res.setHeader("content-security-policy", staticPolicy);
      res.writeHead(404, { "Content-Type": "text/html", "X-Other": "kept" });
      res.end(page);
    },
  ],
  [
    "/gzip",
    (_req, res) => {
      res.setHeader("content-type", "text/html");
      res.setHeader("content-encoding", "gzip");
      res.setHeader("content-security-policy", staticPolicy);
      const zipped = zlib.gzipSync(page);
      res.write(zipped.subarray(0, 10));
      res.end(zipped.subarray(10));
    },
  ],
  [
    "/json",
    (_req, res) => {
      res.setHeader("content-security-policy", staticPolicy);
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"a":');
      res.end("1}");
    },
  ],
  [
    "/wrapped",
    (_req, res) => {
      // As Next's compression does: wraps write and end after the server did, and writes through them.
      const write = res.write.bind(res) as (chunk: string) => boolean;
      const end = res.end.bind(res) as (chunk: string) => void;
      res.write = ((chunk: string) => write(chunk.toUpperCase())) as typeof res.write;
      res.end = ((chunk: string) => end(chunk.toUpperCase())) as typeof res.end;
      res.setHeader("content-type", "text/javascript");
      res.write("a");
      res.write("b");
      res.end("c");
    },
  ],
  [
    "/not-modified",
    (_req, res) => {
      res.setHeader("content-security-policy", staticPolicy);
      res.statusCode = 304;
      res.end();
    },
  ],
]);

let base = "";
const server = http.createServer((req, res) =>
  handlers.get(new URL(req.url!, "http://x").pathname)!(req, holdHtml(req, res)),
);
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request (fetch would decompress and hide the sent length). */
function get(path: string, method = "GET", headers: http.OutgoingHttpHeaders = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.request(base + path, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the portal's server on HTML pages", () => {
  it("sends a page written in chunks whole, with its length and the policy for its scripts", async () => {
    const res = await get("/chunks");
    expect(res.body.toString("utf8")).toBe(page);
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers["content-security-policy"]).toBe(pagePolicy);
  });

  it("keeps the status and headers given to writeHead", async () => {
    const res = await get("/write-head");
    expect(res.status).toBe(404);
    expect(res.headers["x-other"]).toBe("kept");
    expect(res.headers["content-security-policy"]).toBe(pagePolicy);
    expect(res.body.toString("utf8")).toBe(page);
  });

  it("reads a compressed page to hash it and sends the compressed bytes as they were", async () => {
    const res = await get("/gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-length"]).toBe(String(res.body.length));
    expect(zlib.gunzipSync(res.body).toString("utf8")).toBe(page);
    expect(res.headers["content-security-policy"]).toBe(pagePolicy);
  });

  it("passes HEAD through: no body is rendered, so nothing is held", async () => {
    const res = await get("/write-head", "HEAD");
    expect(res.status).toBe(404);
    expect(res.headers["content-security-policy"]).toBe(staticPolicy);
    expect(res.body.length).toBe(0);
  });
});

describe("the portal's server on other responses", () => {
  it("passes them through with the static policy, streamed", async () => {
    const res = await get("/json");
    expect(res.body.toString()).toBe('{"a":1}');
    expect(res.headers["content-security-policy"]).toBe(staticPolicy);
    expect(res.headers["transfer-encoding"]).toBe("chunked");
  });

  it("leaves in place the wrappers the handler put over its own", async () => {
    expect((await get("/wrapped")).body.toString()).toBe("ABC");
  });

  it("sends no policy with a 304, which would replace the cached page's own", async () => {
    const res = await get("/not-modified");
    expect(res.status).toBe(304);
    expect(res.headers["content-security-policy"]).toBeUndefined();
  });
});
