import type { T } from "@/lib/i18n/server";
import type { MemberStatus, OpinionStatus } from "@/lib/meetings/opinionRules";
import { Tag } from "@/components/ui/StatusTag";

const memberTone = {
  answered: "green",
  not_answered: "grey",
  due_soon: "yellow",
  overdue: "red",
} as const satisfies Record<MemberStatus, string>;

const formTone = {
  draft: "grey",
  awaiting_approval: "yellow",
  open: "blue",
  closed: "orange",
  concluded: "green",
  withdrawn: "grey",
} as const satisfies Record<OpinionStatus, string>;

/** A member's status on a form: answered, not answered, due soon, overdue. */
export function MemberStatusTag({ status, t }: { status: MemberStatus; t: T }) {
  return <Tag tone={memberTone[status]}>{t(`workspace:opinions.memberStatus.${status}`)}</Tag>;
}

/** A form's status. */
export function OpinionStatusTag({ status, t }: { status: OpinionStatus; t: T }) {
  return <Tag tone={formTone[status]}>{t(`workspace:opinions.status.${status}`)}</Tag>;
}
