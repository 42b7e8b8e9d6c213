// Which cookies mean "this request may belong to a signed-in person". Plain JavaScript so that
// scripts/server.mjs (outside Next's bundler) and the proxy read the same rule.

/** Auth.js's session cookie (chunked as .0, .1… when large; __Secure- over HTTPS). */
const sessionCookieName = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * Whether a request may belong to a signed-in person. Only the presence of the cookie: the proxy
 * uses it to send the request to a page rendered for that person (never a cached one); whether the
 * session is valid is decided there, as on every page.
 */
export function mayHaveSession(cookieNames) {
  return cookieNames.some((name) => sessionCookieName.test(name));
}

/** The cookie names in a Cookie request header. */
export function cookieNamesIn(cookieHeader) {
  if (!cookieHeader) return [];
  return String(cookieHeader)
    .split(";")
    .map((pair) => pair.split("=")[0].trim())
    .filter(Boolean);
}

/** A cookie's value in a Cookie request header (the first, as browsers send the most specific first). */
export function cookieValueIn(cookieHeader, name) {
  if (!cookieHeader) return undefined;
  for (const pair of String(cookieHeader).split(";")) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    if (pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
