import type { TaskStatus } from "@/lib/tasks/rules";
import type { T } from "@/lib/i18n/server";
import { Tag } from "@/components/ui/StatusTag";
import styles from "./tasks.module.css";

const tone: Record<TaskStatus, "red" | "orange" | "blue" | "yellow" | "green"> = {
  overdue: "red",
  due_soon: "orange",
  in_progress: "blue",
  done_late: "yellow",
  done_on_time: "green",
};

/** A task's shown status (lib/tasks/rules taskStatus), with how many working days late. */
export function TaskStatusTag({ status, lateDays, t }: { status: TaskStatus; lateDays: number; t: T }) {
  return (
    <>
      <Tag tone={tone[status]}>{t(`tasks.status.${status}`)}</Tag>
      {lateDays > 0 ? <span className={styles.late}>{t("tasks.lateDays", { count: lateDays })}</span> : null}
    </>
  );
}
