import Link from "next/link";
import type { QueueView } from "@/lib/dossiers/queueFilters";
import { queueChannels, queueSorts } from "@/lib/dossiers/queueFilters";
import { dossierStatuses } from "@/lib/dossiers/types";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { Button } from "@/components/ui/Button";
import styles from "./queue.module.css";

type Option = { id: string; name: string };

/**
 * The queue's filters as a GET form: the view is the URL, so it is a link, survives a reload and
 * works without JavaScript. The tab rides along as a hidden field; a new filter starts at page one.
 */
export function QueueFilters({
  lang,
  t,
  view,
  procedures,
  officers,
  clearHref,
}: {
  lang: Lang;
  t: T;
  view: QueueView;
  procedures: Option[];
  officers: Option[];
  clearHref: string;
}) {
  const select = (id: string, name: string, value: string | undefined, options: Option[], any: string) => (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t(`queue.filters.${name}`)}
      </label>
      <select className="select" id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action={`/${lang}/staff`}
      className={styles.filters}
      role="search"
      aria-label={t("queue.filters.title")}
    >
      <h2 className={styles.filtersTitle}>{t("queue.filters.title")}</h2>
      {view.bucket !== "new" ? <input type="hidden" name="bucket" value={view.bucket} /> : null}
      <div className={`field ${styles.search}`}>
        <label className="field__label" htmlFor="queue-q">
          {t("queue.filters.q")}
        </label>
        <span className="field__hint" id="queue-q-hint">
          {t("queue.filters.qHint")}
        </span>
        <input
          className="input"
          id="queue-q"
          name="q"
          type="search"
          defaultValue={view.q ?? ""}
          maxLength={100}
          aria-describedby="queue-q-hint"
          autoComplete="off"
        />
      </div>
      <div className={styles.filterGrid}>
        {select("queue-procedure", "procedure", view.procedureId, procedures, t("queue.filters.any"))}
        {select(
          "queue-status",
          "status",
          view.status,
          dossierStatuses
            .filter((status) => status !== "draft")
            .map((status) => ({ id: status, name: t(`dossiers:status.${status}`) })),
          t("queue.filters.any"),
        )}
        {select(
          "queue-channel",
          "channel",
          view.channel,
          Object.keys(queueChannels).map((channel) => ({ id: channel, name: t(`queue.channel.${channel}`) })),
          t("queue.filters.any"),
        )}
        {select("queue-officer", "officer", view.assigneeId, officers, t("queue.filters.any"))}
        <div className="field">
          <label className="field__label" htmlFor="queue-from">
            {t("queue.filters.from")}
          </label>
          <input className="input" id="queue-from" name="from" type="date" defaultValue={view.from ?? ""} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="queue-to">
            {t("queue.filters.to")}
          </label>
          <input className="input" id="queue-to" name="to" type="date" defaultValue={view.to ?? ""} />
        </div>
        {select(
          "queue-sort",
          "sort",
          view.sort === "due" ? undefined : view.sort,
          queueSorts
            .filter((sort) => sort !== "due")
            .map((sort) => ({ id: sort, name: t(`queue.sort.${sort}`) })),
          t("queue.sort.due"),
        )}
      </div>
      <div className={styles.filterActions}>
        <Button type="submit">{t("queue.filters.apply")}</Button>
        <Link href={clearHref}>{t("queue.filters.clear")}</Link>
      </div>
    </form>
  );
}
