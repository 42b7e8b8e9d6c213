import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { Notice } from "@/components/ui/Notice";

/** What StaleFormProvider shows when a form was sent to an earlier build (see StaleForm.tsx). */
export async function StaleNotice({ lang }: { lang: Lang }) {
  const t = await getT(lang, "forms");
  return (
    <Notice tone="warning">
      <p>
        <strong>{t("staleAction.title")}</strong>
      </p>
      <p>{t("staleAction.body")}</p>
    </Notice>
  );
}
