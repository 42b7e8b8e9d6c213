import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { formView } from "./forms";
import type { Outcome } from "./outcome";

/**
 * On the staff dossier page: an in-progress dossier that needs the body's decision goes to an item
 * of a coming meeting of the agency's body (lib/meetings sendDossierToAgenda). A plain form; the
 * outcome comes back in the address.
 */
export function SendToAgenda({
  lang,
  t,
  code,
  targets,
  outcome,
  action,
  errorPrefix,
}: {
  lang: Lang;
  t: T;
  code: string;
  targets: { itemId: string; itemTitle: string; meetingCode: string; meetingTitle: string; startsAt: Date }[];
  outcome: Outcome | null;
  action: (formData: FormData) => Promise<void>;
  errorPrefix: string;
}) {
  const form = formView(outcome, "send_dossier", outcome && !outcome.done ? outcome.itemId : undefined, t);
  return (
    <section aria-labelledby="send-to-agenda-title">
      <h2 id="send-to-agenda-title">{t("workspace:meetings.dossier.title")}</h2>
      <p>{t("workspace:meetings.dossier.lead")}</p>
      {outcome?.op === "send_dossier" && outcome.done ? (
        <Notice tone="success">{t("workspace:meetings.done.sent")}</Notice>
      ) : null}
      {form.formError ? <Notice tone="warning">{form.error("dossierCode") ?? form.formError}</Notice> : null}
      {targets.length === 0 ? (
        <p className="muted">{t("workspace:meetings.dossier.none")}</p>
      ) : (
        <form action={action} id="form-send_dossier" tabIndex={-1}>
          <input type="hidden" name="lang" value={lang} />
          <input type="hidden" name="op" value="send_dossier" />
          <input type="hidden" name="dossierCode" value={code} />
          <input
            type="hidden"
            name="returnTo"
            value={`/${lang}/staff/dossiers/${encodeURIComponent(code)}`}
          />
          <SelectField
            id="send_dossier-itemId"
            name="itemId"
            label={t("workspace:meetings.dossier.item")}
            options={targets.map((target) => ({
              value: target.itemId,
              label: `${target.meetingCode} (${formatDateTime(target.startsAt, lang)}) — ${target.itemTitle}`,
            }))}
            errorPrefix={errorPrefix}
            error={undefined}
          />
          <Button variant="secondary">{t("workspace:meetings.dossier.submit")}</Button>
        </form>
      )}
    </section>
  );
}
