import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { createI18n } from "./instance";
import { decodeSegment, segmentSearchParams, type PageSegment } from "@/lib/http/pageSegment";
import type { Lang, Namespace } from "./settings";

const instanceFor = cache((lang: Lang) => createI18n(lang));

/** The translator for this request: `const t = await getT(lang, "catalog")`; keys of other namespaces as "ns:key". */
export async function getT(lang: Lang, ns: Namespace = "common") {
  return instanceFor(lang).getFixedT(lang, ns);
}

export type T = Awaited<ReturnType<typeof getT>>;

/** Reads the [lang] route segment (language and how the page may be shared); anything else is a 404. */
export async function resolveSegment(params: Promise<{ lang: string }>): Promise<PageSegment> {
  const segment = decodeSegment((await params).lang);
  if (!segment) notFound();
  return segment;
}

/** The language of the [lang] route segment; an unknown language is a 404. */
export async function resolveLang(params: Promise<{ lang: string }>): Promise<Lang> {
  return (await resolveSegment(params)).lang;
}

/**
 * The query string of a public listing, which the proxy puts in the segment so that each query is
 * cached on its own (lib/http/pageSegment). Read instead of searchParams, which would make the page
 * render for every request.
 */
export async function resolveListingQuery(
  params: Promise<{ lang: string }>,
): Promise<Record<string, string | string[]>> {
  return segmentSearchParams(await resolveSegment(params));
}
