"use server";

import { redirect } from "next/navigation";
import { importCatalogue } from "@/lib/catalog/exchange";
import { procedureChanged } from "@/lib/cache/public";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import type { ImportState } from "@/components/admin/CatalogueImportForm.client";

/** The largest catalogue file taken (the demo catalogue is about 1 MB). */
const maxBytes = 20 * 1024 * 1024;

/** Imports a catalogue file: all of it or nothing, with the reasons when refused. */
export async function importCatalogueAction(
  lang: string,
  _previous: ImportState,
  data: FormData,
): Promise<ImportState> {
  const file = data.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "noFile", problems: [] };
  if (file.size > maxBytes) return { error: "tooBig", problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { error: "notJson", problems: [] };
  }
  const result = await importCatalogue(await getActor(), parsed);
  if (!result.ok) return { error: result.error, problems: result.problems ?? [] };
  for (const code of result.value.codes) procedureChanged(code);
  redirect(`/${isLang(lang) ? lang : "vi"}/admin/procedures?imported=${result.value.procedures}#exchange`);
}
