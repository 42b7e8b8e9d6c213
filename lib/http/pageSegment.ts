import { isLang, type Lang } from "@/lib/i18n/settings";

/*
 * Which HTML may be shared between people is decided once, in the proxy, and travels to the pages
 * in the [lang] route segment, which the proxy rewrites (the address bar keeps /vi/...):
 *
 *   vi              no session: the same page for everyone, prerendered and served from the cache;
 *   vi~q<query>     a public listing asked with a query string: one cached page per query;
 *   vi~p…           a signed-in person, or a form sent again after a rebuild: rendered for this
 *                   request only, never cached (the layout reads the session and the request).
 *
 * A page must never read the session unless its segment says "p": that is what keeps a cached page
 * from carrying one person's name to another. Someone typing such a segment gets nothing more than
 * the same rewrite would give them.
 */

/**
 * The only segment `next build` prerenders: not a page anyone can ask for (decodeSegment refuses it,
 * so it renders the 404). Nothing real is prerendered at build, because a build must not read the
 * database, whose content is not the build's: each shared page is rendered on its first request and
 * then kept in the cache (in memory: a restarted server starts afresh from the database).
 */
export const buildOnlySegment = "vi~build";

export type PageSegment = {
  lang: Lang;
  /** Rendered for this request only: the layout may read the session and the request headers. */
  personal: boolean;
  /**
   * A form post's own mark, new for every post. Next keeps the shell of a page it rendered per
   * request under its address and answers a later request by resuming it; a form posted without
   * JavaScript then lost its action's answer (the errors, what was typed). A post to an address
   * never seen before is rendered whole.
   */
  post?: string;
  /** The query string of a cached listing (see queryInSegment), without "?". */
  query: string;
};

const personalFlag = "p";
const queryFlag = "q";
const postFlag = "f";

/** Public listings whose query string goes into the segment so each query is cached on its own. */
const listingsCachedPerQuery = new Set(["procedures", "decisions", "transparency", "lookup"]);

/** Longer query strings are not cached per query (nobody types them; a robot might). */
const maxCachedQuery = 512;

/** Whether this page's query string travels in the segment (rather than as searchParams). */
export function queryInSegment(pathAfterLang: string, search: string): boolean {
  return listingsCachedPerQuery.has(pathAfterLang.replace(/^\/|\/$/g, "")) && search.length <= maxCachedQuery;
}

export function encodeSegment(segment: PageSegment): string {
  let value: string = segment.lang;
  if (segment.personal) value += `~${personalFlag}`;
  if (segment.query) value += `~${queryFlag}${Buffer.from(segment.query, "utf8").toString("base64url")}`;
  if (segment.post) value += `~${postFlag}${segment.post}`;
  return value;
}

export function decodeSegment(value: string): PageSegment | null {
  const [lang, ...flags] = decodeURIComponent(value).split("~");
  if (!isLang(lang)) return null;
  let personal = false;
  let query = "";
  let post: string | undefined;
  for (const flag of flags) {
    if (flag === personalFlag) personal = true;
    else if (flag.startsWith(postFlag) && /^[a-z0-9]{1,40}$/.test(flag.slice(1))) post = flag.slice(1);
    else if (flag.startsWith(queryFlag) && /^[A-Za-z0-9_-]*$/.test(flag.slice(1)))
      query = Buffer.from(flag.slice(1), "base64url").toString("utf8");
    else return null;
  }
  return { lang, personal, query, ...(post ? { post } : {}) };
}

/** The query of a cached listing as Next's searchParams would give it (a repeated key: a list). */
export function segmentSearchParams(segment: PageSegment): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(segment.query)) {
    const earlier = params[key];
    params[key] =
      earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return params;
}
