import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { createI18n } from "./instance";
import { decodeSegment, segmentSearchParams, type PageSegment } from "@/lib/http/pageSegment";
import type { Messages } from "./messages";
import { resources } from "./resources";
import { defaultLang, type Lang, type Namespace } from "./settings";

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

const pluralForm = /^_(zero|one|two|few|many|other)$/;

function flatten(prefix: string, value: unknown, into: Messages) {
  if (typeof value === "string") into[prefix] = value;
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner, into);
}

/**
 * The strings a client component needs, for lib/i18n/messages' translator: each entry is a key
 * ("auth:signIn.title") or a group of keys ("forms:errors"), with its plural forms. Missing English
 * strings fall back to Vietnamese, as getT does.
 */
export function getMessages(lang: Lang, entries: readonly string[]): Messages {
  const messages: Messages = {};
  for (const source of lang === defaultLang ? [lang] : [defaultLang, lang]) {
    for (const entry of entries) {
      const [ns, path = ""] = entry.split(":") as [Namespace, string?];
      const tree = resources[source][ns] as Record<string, unknown>;
      const parts = path.split(".");
      const last = parts.pop()!;
      const parent = parts.reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        tree,
      ) as Record<string, unknown> | undefined;
      for (const [key, value] of Object.entries(parent ?? {})) {
        // The key itself and its plural forms (key_one, key_other).
        if (key === last || (pluralForm.test(key.slice(last.length)) && key.startsWith(last)))
          flatten(`${ns}:${[...parts, key].join(".")}`, value, messages);
      }
    }
  }
  return messages;
}
