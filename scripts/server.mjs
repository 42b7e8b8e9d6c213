// The portal's production server: Next's request handler inside a plain Node HTTP server, which
// gives every HTML page a content security policy listing the sha256 of that page's own inline
// scripts (lib/http/csp.mjs). Run by `npm start` (scripts/start.mjs) and the Playwright server
// (scripts/e2e-server.mjs) after a `next build`, in place of `next start`:
//   node scripts/server.mjs [-p PORT] [-H HOSTNAME]
//
// A response header goes before the body, so an HTML document is held until Next has written all
// of it (not streamed: the portal's pages are small), then hashed and sent whole with its length.
// Everything else (RSC payloads of client navigation, JSON, files, CSV) passes through as Next sends
// it, with next.config.ts's static policy (`script-src 'self'`: no inline script at all).
import { createHash } from "node:crypto";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { policyForHtml } from "../lib/http/csp.mjs";
import {
  PageCopies,
  registerPageCopies,
  shareableRequestKey,
  shareableResponse,
} from "../lib/http/pageCopies.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Reads `-p PORT` and `-H HOSTNAME` (as `next start` does), else PORT and HOSTNAME. */
function options(argv) {
  const value = (flags) => {
    const at = argv.findIndex((arg) => flags.includes(arg));
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    port: Number(value(["-p", "--port"]) ?? process.env.PORT ?? 3000),
    hostname: value(["-H", "--hostname"]) ?? process.env.HOSTNAME,
  };
}

/** A header's value from the object or flat array `writeHead` may be given. */
function headerIn(headers, name) {
  if (!headers) return undefined;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : chunkPairs(headers);
    return pairs.find(([key]) => String(key).toLowerCase() === name)?.[1];
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function chunkPairs(flat) {
  const pairs = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}

function decode(body, encoding) {
  switch (String(encoding ?? "").toLowerCase()) {
    case "":
    case "identity":
      return body;
    case "gzip":
    case "x-gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      return null;
  }
}

/*
 * A cached page is the same bytes on every request: its policy is remembered by a digest of them
 * (far cheaper than decompressing and reading the page again). Bounded: the oldest goes first.
 */
const knownPolicies = new Map();
const maxKnownPolicies = 2000;

function policyForBody(body, encoding) {
  const key = `${encoding ?? ""}:${createHash("sha256").update(body).digest("base64")}`;
  const known = knownPolicies.get(key);
  if (known !== undefined) return known;
  let html = null;
  try {
    html = decode(body, encoding)?.toString("utf8") ?? null;
  } catch {
    html = null;
  }
  if (html === null) {
    // Unreadable: no inline script may run rather than any.
    console.error("content security policy: could not read an HTML response");
    return policyForHtml("");
  }
  const policy = policyForHtml(html);
  if (knownPolicies.size >= maxKnownPolicies) knownPolicies.delete(knownPolicies.keys().next().value);
  knownPolicies.set(key, policy);
  return policy;
}

/**
 * Wraps `res` so that an HTML response is held until its end, then sent with the policy for its
 * scripts. Next's compression wraps `res` after this (inside its handler), so what reaches here is
 * already compressed: it is decoded only to be read, and the compressed bytes are sent unchanged.
 * The wrappers stay in place once decided (they delegate): Next's compression has wrapped them in
 * turn, and putting the originals back on `res` would drop its wrappers.
 * `sent`, when given, is told the status and body of each HTML response held and sent.
 * Exported for the tests.
 */
export function holdHtml(req, res, sent) {
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
  };
  /** @type {null | "pass" | "hold"} */
  let mode = null;
  const chunks = [];

  const decide = (headers) => {
    if (mode) return;
    if (res.statusCode === 304) {
      // No body: a policy here would replace the cached page's own (which lists its hashes).
      res.removeHeader("content-security-policy");
      mode = "pass";
    } else if (req.method === "HEAD") {
      // No body is rendered (Next writes none), so none is held: nothing will run either.
      mode = "pass";
    } else {
      const type = headerIn(headers, "content-type") ?? res.getHeader("content-type");
      mode = /^\s*text\/html\b/i.test(String(type ?? "")) ? "hold" : "pass";
    }
  };
  const setHeaders = (headers) => {
    if (!headers) return;
    const pairs = Array.isArray(headers)
      ? Array.isArray(headers[0])
        ? headers
        : chunkPairs(headers)
      : Object.entries(headers);
    for (const [key, value] of pairs) if (value !== undefined) res.setHeader(key, value);
  };
  const hold = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
    );
  };

  res.writeHead = function writeHead(status, reason, headers) {
    if (typeof reason !== "string") [headers, reason] = [reason, undefined];
    res.statusCode = status;
    decide(headers);
    if (mode === "pass") return original.writeHead.apply(res, arguments);
    if (reason) res.statusMessage = reason;
    setHeaders(headers);
    return res;
  };
  res.flushHeaders = function flushHeaders() {
    decide();
    if (mode === "pass") return original.flushHeaders.apply(res, arguments);
  };
  res.write = function write(chunk, encoding, callback) {
    decide();
    if (mode === "pass") return original.write.apply(res, arguments);
    hold(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    decide();
    if (mode === "pass") return original.end.apply(res, arguments);
    hold(chunk, encoding);
    const done = [chunk, encoding, callback].find((arg) => typeof arg === "function");
    const body = Buffer.concat(chunks);
    res.setHeader("content-security-policy", policyForBody(body, res.getHeader("content-encoding")));
    if (res.statusCode !== 204 && res.statusCode !== 304) res.setHeader("content-length", body.length);
    res.removeHeader("transfer-encoding");
    original.writeHead.call(res, res.statusCode);
    sent?.(res.statusCode, body);
    return original.end.call(res, body, done);
  };
  return res;
}

/**
 * Answers a request from the copy of a shared page (lib/http/pageCopies.mjs), or hands it to Next,
 * keeping a copy of Next's answer when it is the page Next shares with everyone.
 */
export function pageCopyHandler(handle, copies) {
  return (req, res) => {
    const key = shareableRequestKey(req);
    const copy = key ? copies.get(key) : undefined;
    if (copy) {
      const headers = Object.fromEntries(copy.headers);
      if (headers.etag !== undefined && req.headers["if-none-match"] === headers.etag) {
        res.writeHead(304, { etag: headers.etag, "cache-control": headers["cache-control"] ?? "" });
        res.end();
        return Promise.resolve();
      }
      res.writeHead(copy.statusCode, headers);
      res.end(copy.body);
      return Promise.resolve();
    }
    if (!key) return handle(req, holdHtml(req, res));
    const done = copies.refresh(key);
    res.once("close", done);
    const keep = (statusCode, body) => {
      if (!shareableResponse(statusCode, (name) => res.getHeader(name))) return;
      copies.put(key, { statusCode, headers: Object.entries(res.getHeaders()), body });
    };
    return handle(req, holdHtml(req, res, keep));
  };
}

async function main() {
  const { port, hostname } = options(process.argv.slice(2));
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  // Next's router names the request's origin after this hostname, and the proxy's rewrites (which
  // are built on the URL Next gives it, always "localhost") must share that origin, or Next would
  // fetch them over HTTP as from another site. The server still listens on `hostname` below.
  const app = next({ dev: false, dir: root, hostname: "localhost", port });
  await app.prepare();
  const copies = new PageCopies();
  registerPageCopies(copies);
  const respond = pageCopyHandler(app.getRequestHandler(), copies);
  const server = http.createServer((req, res) => {
    respond(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // As `next start`: a signal closes the server, then exits with 128 + the signal's number.
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ]) {
    process.once(signal, () => {
      server.close();
      void app
        .close()
        .catch(console.error)
        .finally(() => process.exit(code));
    });
  }
  server.on("error", (error) => {
    console.error(error.message);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    console.log(`The portal is ready on http://${hostname ?? "localhost"}:${port}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
