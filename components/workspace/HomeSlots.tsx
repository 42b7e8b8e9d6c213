import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { Actor } from "@/lib/identity/types";

/*
 * The slots of the workspace home ("what needs me") that the other parts of the workspace fill:
 * meetings (ws-meetings: meetings to prepare, attend, approve minutes of) and tasks (ws-tasks:
 * tasks the official owns or follows). Each renders its own <section> with an <h2>, or nothing when
 * there is nothing for this official. Until those parts land they render nothing.
 */

export type HomeSlotProps = { lang: Lang; t: T; actor: Extract<Actor, { kind: "staff" }> };

/** Meetings that need the official (filled by ws-meetings). */
export async function WorkspaceHomeMeetings(props: HomeSlotProps) {
  void props;
  return null;
}

/** Tasks that need the official (filled by ws-tasks). */
export async function WorkspaceHomeTasks(props: HomeSlotProps) {
  void props;
  return null;
}
