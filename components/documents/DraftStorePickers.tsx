import { otherDocumentKey } from "@/lib/dossiers/drafts";
import type { FormPage } from "@/lib/forms/types";
import type { Actor } from "@/lib/identity/types";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { Notice } from "@/components/ui/Notice";
import { StoreAttachPicker } from "./StoreAttachPicker";

const knownOutcomes = ["not_found", "invalid_input", "invalid_transition", "file_type", "too_many_files"];

/**
 * Below a draft page's form: for each document the page asks for, the applicant's stored files it
 * can take ("My documents"), attached without sending them again; and what the last attach did.
 * Outside the page's form, since each picker is a small form of its own.
 */
export async function DraftStorePickers({
  lang,
  actor,
  dossierId,
  page,
  returnTo,
  outcome,
  documents,
}: {
  lang: Lang;
  actor: Actor;
  dossierId: string;
  page: FormPage;
  returnTo: string;
  /** The `storeAttach` of the address after an attach: "ok" or an error code. */
  outcome: string | undefined;
  /** The file kinds each document takes (the version's documents), by key. */
  documents: readonly { key: string; mediaTypes?: readonly string[] }[];
}) {
  const t = await getT(lang, "dossiers");
  // "Other documents" take any file with what it is: typed with the upload, not picked.
  const slots = page.fields.filter(
    (field) => field.type === "document" && field.documentKey && field.documentKey !== otherDocumentKey,
  );
  return (
    <>
      {outcome === "ok" ? <Notice tone="success">{t("store.attached")}</Notice> : null}
      {outcome && outcome !== "ok" ? (
        <Notice tone="warning">
          {t(`errors.${knownOutcomes.includes(outcome) ? outcome : "invalid_input"}`)}
        </Notice>
      ) : null}
      {slots.map((field) => (
        <StoreAttachPicker
          key={field.name}
          lang={lang}
          actor={actor}
          dossierId={dossierId}
          document={{
            key: field.documentKey!,
            mediaTypes: documents.find((document) => document.key === field.documentKey)?.mediaTypes,
          }}
          documentName={field.label[lang]}
          returnTo={returnTo}
        />
      ))}
    </>
  );
}
