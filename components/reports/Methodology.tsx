import type { T } from "@/lib/i18n/server";
import { SummaryList } from "@/components/ui/SummaryList";
import { figureKeys } from "./FiguresTable";

/** Every published figure says how it was computed (DOMAIN.md). */
export function Methodology({ t }: { t: T }) {
  return (
    <section aria-labelledby="method" id="method-section">
      <h2 id="method" tabIndex={-1}>
        {t("method.title")}
      </h2>
      <p>{t("method.intro")}</p>
      <SummaryList
        rows={figureKeys.map((key) => ({ key: t(`columns.${key}`), value: t(`method.${key}`) }))}
      />
      <p>{t("method.noData")}</p>
      <p>{t("method.total")}</p>
    </section>
  );
}
