import "server-only";
import { cacheLife, cacheTag, revalidateTag, updateTag } from "next/cache";
import { dropPageCopies } from "@/lib/http/pageCopies.mjs";

/*
 * The public pages (home, catalogue, procedure pages, transparency, decisions, the lookup form) are
 * the same for everyone who is not signed in, so Next prerenders them and serves them from its cache
 * (Cache Components; lib/http/pageSegment decides which requests may get a shared page). Each cached
 * read names what it depends on with these tags, and the change that affects it invalidates them.
 */

export const publicTags = {
  /** The catalogue's lists, counts and search results. */
  catalogue: "catalogue",
  /** One procedure's page. */
  procedure: (code: string) => `procedure:${code}`,
  /** The published decisions register. */
  decisions: "decisions",
  /** Figures computed from dossier events (home, transparency). */
  figures: "figures",
} as const;

/**
 * The catalogue and the register change only when someone changes them, which renews them at once
 * in this process; rendered again hourly all the same, so that a change made elsewhere (another app
 * instance, a script on the database) shows within the hour.
 */
export function cacheUntilChanged(...tags: string[]) {
  cacheTag(...tags);
  cacheLife("hours");
}

/**
 * Figures follow every dossier event: a new event must not re-render the pages at once (a busy
 * desk writes several a second), so they are recomputed from the rollups at most every few seconds
 * while people read them, and each page says when its figures were computed.
 */
export const figuresRefreshSeconds = 5;
export function cacheFigures() {
  cacheTag(publicTags.figures);
  // stale is how long a browser may reuse it on client-side navigation (under 30 s Next would not
  // prerender the page at all); revalidate is how old the server lets it get.
  cacheLife({ stale: 30, revalidate: figuresRefreshSeconds, expire: 3600 });
}

/**
 * After a new procedure version is published: its page and the catalogue. Called from the server
 * action or route that published it (Next's cache lives in the server process).
 */
export function procedureChanged(code: string) {
  revalidateTag(publicTags.procedure(code), { expire: 0 });
  revalidateTag(publicTags.catalogue, { expire: 0 });
  dropPageCopies();
}

/** After a decision is published, from the server action that published it: its author sees it at once. */
export function decisionPublished() {
  updateTag(publicTags.decisions);
  dropPageCopies();
}

/** After an agency is added or changed: the catalogue shows agency names (its pages refresh hourly anyway). */
export function agenciesChanged() {
  revalidateTag(publicTags.catalogue, { expire: 0 });
}
