/**
 * The kinds of file the portal takes, checked by their content (lib/files/check.ts), never by their
 * name. Shared by the server and the browser (the `accept` of a file input, the text next to it).
 *
 * PDF, JPEG, PNG and HEIC/HEIF (what phones produce) are taken for every document; DOCX only for a
 * document whose procedure version lists it (RequiredDocument.mediaTypes).
 */
export const fileKinds = ["pdf", "jpeg", "png", "heic", "docx"] as const;
export type FileKind = (typeof fileKinds)[number];

/** What every document takes when its procedure says nothing. */
export const defaultKinds: readonly FileKind[] = ["pdf", "jpeg", "png", "heic"];

/** The media types file-type reports for each kind. */
export const mediaTypesOf: Record<FileKind, readonly string[]> = {
  pdf: ["application/pdf"],
  jpeg: ["image/jpeg"],
  png: ["image/png"],
  heic: ["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
};

const extensionsOf: Record<FileKind, readonly string[]> = {
  pdf: [".pdf"],
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  heic: [".heic", ".heif"],
  docx: [".docx"],
};

/** The kinds a document takes: its own list when it has one (always with the defaults), else the defaults. */
export function kindsFor(document?: { mediaTypes?: readonly string[] } | null): FileKind[] {
  const extra = (document?.mediaTypes ?? []).filter((kind): kind is FileKind =>
    (fileKinds as readonly string[]).includes(kind),
  );
  return fileKinds.filter((kind) => defaultKinds.includes(kind) || extra.includes(kind));
}

/** The kind of a detected media type, or null when the portal does not take it at all. */
export function kindOf(mediaType: string | undefined): FileKind | null {
  if (!mediaType) return null;
  return fileKinds.find((kind) => mediaTypesOf[kind].includes(mediaType)) ?? null;
}

/** The `accept` attribute of a file input: a hint to the browser's picker, not a check. */
export function acceptAttribute(kinds: readonly FileKind[] = defaultKinds): string {
  return kinds.flatMap((kind) => [...extensionsOf[kind], ...mediaTypesOf[kind]]).join(",");
}

/** Whether a document's list of kinds takes Word files (its message names them). */
export const takesDocx = (kinds: readonly FileKind[]) => kinds.includes("docx");
