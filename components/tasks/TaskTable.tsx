import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { TaskView } from "@/lib/tasks/service";
import { DataTable } from "@/components/ui/DataTable";
import { TaskStatusTag } from "./TaskStatusTag";
import styles from "./tasks.module.css";

const columns = ["code", "title", "agency", "owner", "dueAt", "status"] as const;

/** Tasks as a table (overdue first, as given); on a phone each row is a block of labelled lines. */
export function TaskTable({
  rows,
  caption,
  lang,
  t,
}: {
  rows: TaskView[];
  caption: string;
  lang: Lang;
  t: T;
}) {
  return (
    <DataTable
      stacked
      caption={caption}
      columns={columns.map((column) => ({ key: column, header: t(`tasks.columns.${column}`) }))}
      rows={rows.map((task) => ({
        key: task.id,
        cells: {
          code: <Link href={`/${lang}/workspace/tasks/${encodeURIComponent(task.code)}`}>{task.code}</Link>,
          title: <span className={styles.wrap}>{task.title}</span>,
          agency: task.agency ? localized(lang, task.agency) : "",
          owner: task.ownerName ?? <span className="muted">{t("tasks.noOwner")}</span>,
          dueAt: formatDateTime(task.dueAt, lang),
          status: <TaskStatusTag status={task.status} lateDays={task.lateDays} t={t} />,
        },
      }))}
    />
  );
}
