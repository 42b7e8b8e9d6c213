// Copies of the shared pages as last sent (compressed bytes and headers), kept by the server process
// for a second, so that a burst of visitors reading the same public page is answered without going
// through Next's router, its proxy and its gzip again. Plain JavaScript: scripts/server.mjs uses it
// outside Next's bundler, and lib/cache/public.ts drops the copies when it invalidates a page.
//
// A copy is only ever made of, and given to, a request that Next itself answers with the one page
// it shares with everyone (lib/http/pageSegment): no session cookie, no form post, no client
// navigation data; and only of a response Next says came from its cache (x-nextjs-cache HIT or
// STALE), that sets no cookie. The language cookie must already match the page's language, since
// otherwise the proxy's response sets it.
import { cookieNamesIn, cookieValueIn, mayHaveSession } from "../identity/sessionCookie.mjs";

/** How long a copy is given out before Next is asked again. */
export const copyLifetimeMs = 1000;
const defaultMaxBytes = 32 * 1024 * 1024;
const languages = new Set(["vi", "en"]);
const languageCookie = "lang";

/**
 * The key of a request that may be answered with a shared copy (its address and the encodings it
 * accepts), or null when it must go to Next.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function shareableRequestKey(request) {
  if (request.method !== "GET" || !request.url) return null;
  const path = request.url.split("?")[0];
  const lang = path.split("/")[1];
  if (!languages.has(lang)) return null;
  for (const name of Object.keys(request.headers)) {
    // Client navigation (rsc, next-router-*), server actions (next-action): data for a page already open.
    if (name === "rsc" || name.startsWith("next-")) return null;
  }
  const cookie = headerText(request.headers.cookie);
  if (mayHaveSession(cookieNamesIn(cookie))) return null;
  if (cookieValueIn(cookie, languageCookie) !== lang) return null;
  return `${headerText(request.headers["accept-encoding"])}\n${request.url}`;
}

/**
 * Whether a response to a shareable request may be kept and given to others.
 * @param {number} statusCode
 * @param {(name: string) => unknown} header the response's header by lower-case name
 */
export function shareableResponse(statusCode, header) {
  if (statusCode !== 200) return false;
  if (!["HIT", "STALE"].includes(String(header("x-nextjs-cache") ?? "").toUpperCase())) return false;
  if (header("set-cookie") !== undefined) return false;
  if (!/^\s*text\/html\b/i.test(String(header("content-type") ?? ""))) return false;
  return !/\b(?:private|no-store)\b/i.test(String(header("cache-control") ?? ""));
}

function headerText(value) {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * @typedef {{ statusCode: number, headers: [string, string | number | string[]][], body: Buffer, storedAt: number }} PageCopy
 */

/** The copies, the oldest dropped first when they would exceed maxBytes. */
export class PageCopies {
  /** @param {{ maxBytes?: number, lifetimeMs?: number, now?: () => number }} [options] */
  constructor(options = {}) {
    this.maxBytes = options.maxBytes ?? defaultMaxBytes;
    this.lifetimeMs = options.lifetimeMs ?? copyLifetimeMs;
    this.now = options.now ?? Date.now;
    /** @type {Map<string, PageCopy>} */
    this.copies = new Map();
    /** @type {Set<string>} keys whose copy Next is producing again */
    this.refreshing = new Set();
    this.bytes = 0;
  }

  /**
   * The copy to give for the key, or undefined when Next must be asked. Once a copy is older than
   * its lifetime, the first request goes to Next (see refreshing) while the others still get the
   * copy, for at most another lifetime: a burst never sends every visitor to Next at once.
   */
  get(key) {
    const copy = this.copies.get(key);
    if (!copy) return undefined;
    const age = this.now() - copy.storedAt;
    if (age < this.lifetimeMs) return copy;
    if (age < 2 * this.lifetimeMs && this.refreshing.has(key)) return copy;
    if (age >= 2 * this.lifetimeMs) this.delete(key);
    return undefined;
  }

  /** Marks the key as being asked of Next until done() is called. */
  refresh(key) {
    this.refreshing.add(key);
    return () => this.refreshing.delete(key);
  }

  /** @param {string} key @param {Omit<PageCopy, "storedAt">} copy */
  put(key, copy) {
    if (copy.body.length > this.maxBytes) return;
    this.delete(key);
    this.copies.set(key, { ...copy, storedAt: this.now() });
    this.bytes += copy.body.length;
    for (const [oldest] of this.copies) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key) {
    const copy = this.copies.get(key);
    if (!copy) return;
    this.bytes -= copy.body.length;
    this.copies.delete(key);
  }

  clear() {
    this.copies.clear();
    this.bytes = 0;
  }
}

const registry = Symbol.for("portal.pageCopies");

/** Makes these the copies that dropPageCopies clears (the server process has one set). */
export function registerPageCopies(copies) {
  globalThis[registry] = copies;
}

/**
 * Drops every copy: called where a page's data changed in this process (a decision published, a
 * procedure changed), together with Next's own tag invalidation, so nobody gets the old page.
 */
export function dropPageCopies() {
  globalThis[registry]?.clear();
}
