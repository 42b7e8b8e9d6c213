import { storedDocumentsFor } from "@/lib/dossiers/service";
import type { Actor } from "@/lib/identity/types";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { attachFromStoreAction } from "./storeActions";

/**
 * Next to a document's file input: the applicant's stored files this document can take (those
 * given before for the same document first), each with an "Attach" button that attaches it without
 * sending it again. One small form per file, so it works with JavaScript off: place it OUTSIDE
 * the page's own form (forms cannot nest), e.g. right after it or beside the document's field.
 * Renders nothing when the store has nothing that fits.
 */
export async function StoreAttachPicker({
  lang,
  actor,
  dossierId,
  document,
  documentName,
  returnTo,
}: {
  lang: Lang;
  actor: Actor;
  dossierId: string;
  /** the document slot: its key, and its extra file kinds (RequiredDocument.mediaTypes) */
  document: { key: string; mediaTypes?: readonly string[] };
  /** the slot's name in the page's language, for the buttons' accessible names */
  documentName: string;
  /** the page to come back to ("/vi/dossiers/drafts/…"); "#doc_<key>" is added when it has no hash */
  returnTo: string;
}) {
  const stored = await storedDocumentsFor(actor, document);
  if (stored.length === 0) return null;
  const t = await getT(lang, "dossiers");
  const id = `store-${document.key}`;
  return (
    <details className="store-picker" id={id}>
      <summary>
        {t("store.pickerSummary", { count: stored.length })}
        <span className="visually-hidden">: {documentName}</span>
      </summary>
      <ul className="store-picker__list">
        {stored.map((file) => (
          <li key={file.id}>
            <form action={attachFromStoreAction} className="inline-form">
              <input type="hidden" name="lang" value={lang} />
              <input type="hidden" name="dossierId" value={dossierId} />
              <input type="hidden" name="documentKey" value={document.key} />
              <input type="hidden" name="sourceId" value={file.id} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <span>
                {file.name[lang]} ({file.fileName}){file.dossierCode ? `, ${file.dossierCode}` : ""}
              </span>{" "}
              <button type="submit" className="button button--secondary">
                {t("store.attach")}
                <span className="visually-hidden">
                  {" "}
                  {file.fileName} – {documentName}
                </span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </details>
  );
}
