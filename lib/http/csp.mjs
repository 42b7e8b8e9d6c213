// The content security policy, in this one place: next.config.ts sends its static form on every
// response, and the portal's server (scripts/server.mjs) replaces it on each HTML page with one that
// lists the sha256 of that page's inline scripts. Plain JavaScript so that the server, which runs
// before and outside Next's bundler on Node 20, can import it (types in csp.d.mts).
//
// Why hashes: Next 16.4 writes each page's data as inline scripts (`self.__next_f.push(…)`, plus two
// bootstrap scripts) that carry a nonce only when the page is rendered per request with one, which
// would make every page dynamic and uncachable; `experimental.sri` covers external chunks only. So
// the server hashes, as the page leaves it, exactly the inline scripts that page contains: nothing
// else inline can run, and the same page always gets the same header (cache-friendly).
import { createHash } from "node:crypto";

/**
 * Every directive but the scripts' sources, which depend on the page:
 * - no 'unsafe-eval' (production Next and React need none; zod is told not to probe for it);
 * - `script-src-attr 'none'`: no inline event handlers (`<img onerror=…>`), the usual injected form;
 * - no other origin, no data: or blob: scripts, no plugins, no <base>, no framing, forms post here.
 * Styles: `<style>` elements only from this site's files; style attributes are allowed (React
 * `style={…}`), since they cannot select elements and so cannot read the page.
 * Development (`next dev`, which this server does not run) needs eval (React rebuilds server stacks),
 * inline scripts without hashes and inline styles (hot reload).
 * @param {{ dev?: boolean }} [options]
 */
export function otherDirectives({ dev = false } = {}) {
  return [
    "default-src 'self'",
    "script-src-attr 'none'",
    `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
}

/**
 * The policy with scripts from this site's files plus the inline scripts whose hashes are given.
 * @param {{ dev?: boolean, scriptHashes?: readonly string[] }} [options]
 */
export function contentSecurityPolicy({ dev = false, scriptHashes = [] } = {}) {
  const sources = ["'self'", ...new Set(scriptHashes).values()].map((s) =>
    s.startsWith("sha256-") ? `'${s}'` : s,
  );
  if (dev) sources.push("'unsafe-inline'", "'unsafe-eval'");
  const [first, ...rest] = otherDirectives({ dev });
  return [first, `script-src ${sources.join(" ")}`, ...rest].join("; ");
}

// A start tag `<script …>` (attribute values may hold `>` inside quotes), then its text up to the
// first `</script` followed by whitespace, `/` or `>`: where the HTML parser ends a script element,
// whatever the script's own strings say.
const scriptElement =
  /<script((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>([\s\S]*?)<\/script[\s/>]/gi;
const srcAttribute = /(?:^|\s)src(?:\s*=|\s|$)/i;

/**
 * The text of every inline `<script>` element of an HTML document (no `src` attribute), as the browser
 * sees it: raw characters, no entity decoding, line ends normalized to \n by the parser.
 * @param {string} html
 */
export function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(scriptElement)) {
    if (srcAttribute.test(match[1] ?? "")) continue;
    scripts.push((match[2] ?? "").replace(/\r\n?/g, "\n"));
  }
  return scripts;
}

/** The CSP source for one script text: `sha256-` and the base64 sha256 of its UTF-8 bytes. */
export function scriptHash(text) {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/**
 * The policy for one HTML document: its own inline scripts allowed by hash, nothing else inline.
 * @param {string} html
 */
export function policyForHtml(html) {
  return contentSecurityPolicy({ scriptHashes: inlineScripts(html).map(scriptHash) });
}
