/**
 * The documents an officer names in a request for more (dossiers.requested_documents, and the
 * request's event details): documents of the procedure's list (with their key) and documents the
 * list lacks (only a name, e.g. "Giấy ủy quyền có chứng thực"). Pure: the staff form, the service
 * and the applicant's answer page share it.
 */

export type RequestedDocument = { key?: string; name: string };

/** At most this many documents per request, each name at most this long. */
export const maxRequestedDocuments = 20;
export const maxRequestedNameLength = 200;

/**
 * The upload slot of a requested document: its key in the procedure's list, or "requested_<n>" for
 * one the list lacks (n counts from 1 in the request's order; the list does not change while the
 * request is open).
 */
export function requestedDocumentKey(document: RequestedDocument, index: number): string {
  return document.key ?? `requested_${index + 1}`;
}

/** The free-text names typed by the officer: one per line, blanks dropped, each once. */
export function namesFromText(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.replace(/\s+/g, " ").trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The request's list from what the officer ticked and typed: ticked keys must be the procedure's
 * (the name kept in the dossier's language of record, Vietnamese), typed names follow.
 */
export function buildRequestedDocuments(
  procedureDocuments: readonly { key: string; name: { vi: string; en: string } }[],
  tickedKeys: readonly string[],
  typedNames: readonly string[],
):
  | { ok: true; value: RequestedDocument[] }
  | { ok: false; error: "unknown_document" | "too_many" | "name_too_long" } {
  const list: RequestedDocument[] = [];
  for (const key of new Set(tickedKeys)) {
    const document = procedureDocuments.find((d) => d.key === key);
    if (!document) return { ok: false, error: "unknown_document" };
    list.push({ key, name: document.name.vi });
  }
  for (const name of typedNames) {
    if (name.length > maxRequestedNameLength) return { ok: false, error: "name_too_long" };
    list.push({ name });
  }
  if (list.length > maxRequestedDocuments) return { ok: false, error: "too_many" };
  return { ok: true, value: list };
}

/** A document's name for the reader: the procedure's own in their language, else as typed. */
export function requestedDocumentName(
  document: RequestedDocument,
  procedureDocuments: readonly { key: string; name: { vi: string; en: string } }[],
  lang: "vi" | "en",
): string {
  const known = document.key ? procedureDocuments.find((d) => d.key === document.key) : undefined;
  return known ? known.name[lang] : document.name;
}

/** A stored list as it should be (the column is jsonb: anything else reads as no list). */
export function asRequestedDocuments(value: unknown): RequestedDocument[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): RequestedDocument[] => {
    if (!item || typeof item !== "object") return [];
    const { key, name } = item as { key?: unknown; name?: unknown };
    if (typeof name !== "string" || name === "") return [];
    return [typeof key === "string" && key !== "" ? { key, name } : { name }];
  });
}
