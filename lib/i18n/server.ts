import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { createI18n } from "./instance";
import { isLang, type Lang, type Namespace } from "./settings";

const instanceFor = cache((lang: Lang) => createI18n(lang));

/** The translator for this request: `const t = await getT(lang, "catalog")`; keys of other namespaces as "ns:key". */
export async function getT(lang: Lang, ns: Namespace = "common") {
  return instanceFor(lang).getFixedT(lang, ns);
}

export type T = Awaited<ReturnType<typeof getT>>;

/** Reads the [lang] route parameter; an unknown language is a 404. */
export async function resolveLang(params: Promise<{ lang: string }>): Promise<Lang> {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return lang;
}
