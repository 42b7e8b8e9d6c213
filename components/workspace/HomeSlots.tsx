import Link from "next/link";
import type { T } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Lang } from "@/lib/i18n/settings";
import type { Actor } from "@/lib/identity/types";
import { listMeetings } from "@/lib/meetings/meetings";
import { listTasks } from "@/lib/tasks/service";
import { TaskTable } from "@/components/tasks/TaskTable";

/*
 * The parts of the workspace home ("what needs me") that come from meetings and tasks. Each renders
 * its own <section> with an <h2>, or nothing when there is nothing for this official.
 */

export type HomeSlotProps = { lang: Lang; t: T; actor: Extract<Actor, { kind: "staff" }> };

/** Meetings still ahead or in session, soonest first. */
export async function WorkspaceHomeMeetings({ lang, t, actor }: HomeSlotProps) {
  const coming = (await listMeetings(actor))
    .filter((meeting) => ["planned", "published", "in_session"].includes(meeting.status))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (coming.length === 0) return null;
  return (
    <section aria-labelledby="home-meetings">
      <h2 id="home-meetings">{t("workspace:home.meetingsTitle")}</h2>
      <ul>
        {coming.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/${lang}/workspace/meetings/${meeting.id}`}>{meeting.title}</Link>{" "}
            <span className="muted">
              {formatDateTime(meeting.startsAt, lang)} ·{" "}
              {localized(lang, { nameVi: meeting.bodyNameVi, nameEn: meeting.bodyNameEn })} ·{" "}
              {t(`workspace:meetings.status.${meeting.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The official's own open tasks, overdue first. */
export async function WorkspaceHomeTasks({ lang, t, actor }: HomeSlotProps) {
  const open = (await listTasks(actor, "mine")).filter((task) => task.state === "open");
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="home-tasks">
      <h2 id="home-tasks">{t("workspace:home.tasksTitle")}</h2>
      <TaskTable rows={open} caption={t("workspace:home.tasksTitle")} lang={lang} t={t} />
    </section>
  );
}
