import type { Queryable, Tx } from "@/db/client";
import { bodies, bodyMembers, opinionAnswers, opinionForms } from "@/db/schema/workspace";
import { isWorkingDay, localDate, type WorkingCalendar } from "@/lib/calendar/rules";
import { recordWorkspaceEvent } from "@/lib/meetings/events";
import { opinionDeadline } from "@/lib/meetings/opinionRules";
import { countOpinions, defaultBodyRule, type OpinionAnswer } from "@/lib/meetings/rules";
import { demoBody } from "./accounts";
import type { Random } from "./random";

type Key = (typeof demoBody.members)[number]["key"];

const dayMs = 86_400_000;

/**
 * The demo body with its members, and two written opinion forms so the workspace is not empty on
 * first start: one open (two members have answered; the chair and the head of unit have not) and
 * one concluded last month. Their histories are real workspace events, hash-chained.
 */
export async function seedWorkspace(
  db: Queryable,
  input: {
    random: Random;
    now: Date;
    calendar: WorkingCalendar;
    createdAt: Date;
    accountIds: Record<Key, string>;
  },
): Promise<void> {
  const tx = db as Tx;
  const { random, now, calendar, accountIds } = input;
  const bodyId = random.uuid();
  await tx.insert(bodies).values({
    id: bodyId,
    code: demoBody.code,
    nameVi: demoBody.nameVi,
    nameEn: demoBody.nameEn,
    createdAt: input.createdAt,
  });
  await tx.insert(bodyMembers).values(
    demoBody.members.map((m) => ({
      bodyId,
      userId: accountIds[m.key],
      role: m.role,
      title: m.title,
      addedAt: input.createdAt,
    })),
  );
  await recordWorkspaceEvent(tx, {
    subjectKind: "body",
    subjectId: bodyId,
    actorId: null,
    action: "body.created",
    at: input.createdAt,
    details: {
      code: demoBody.code,
      members: demoBody.members.map((m) => ({ role: m.role, title: m.title })),
    },
  });

  const year = Number(localDate(now).slice(0, 4));
  const voters = demoBody.members.filter((m) => ["chair", "vice_chair", "member"].includes(m.role));
  const chairId = accountIds.chair;
  const secretaryId = accountIds.secretary;

  // A working day some days back, at 09:00 in Vietnam.
  const workingDayBack = (days: number) => {
    let day = localDate(new Date(now.getTime() - days * dayMs));
    while (!isWorkingDay(day, calendar)) {
      day = localDate(new Date(Date.parse(`${day}T00:00:00Z`) - dayMs));
    }
    return new Date(Date.parse(`${day}T02:00:00Z`));
  };

  const context = { tx, random, calendar, bodyId, chairId, secretaryId, accountIds };

  // 1. Concluded last month: all four answered; adopted.
  await seedOpinionForm(context, {
    code: `PYK-${year}-0001`,
    title: `Kế hoạch chuyển đổi số tỉnh Hưng Yên năm ${year}`,
    question:
      "Đề nghị các đồng chí thành viên UBND tỉnh cho ý kiến về dự thảo Kế hoạch chuyển đổi số của tỉnh (kèm theo).",
    openedAt: workingDayBack(30),
    answerEveryHours: 3,
    answers: [
      { key: "chair", answer: "agree", comment: null },
      { key: "vicechair", answer: "agree", comment: null },
      {
        key: "member",
        answer: "agree_with_comments",
        comment: "Đề nghị bổ sung căn cứ Luật Đầu tư công năm 2024 vào phần căn cứ của dự thảo.",
      },
      { key: "head", answer: "agree", comment: null },
    ],
    concluded: {
      voters: voters.map((m) => accountIds[m.key]),
      closedBy: accountIds.head,
      conclusion:
        "Ủy ban nhân dân tỉnh thống nhất thông qua Kế hoạch chuyển đổi số tỉnh Hưng Yên năm " +
        `${year}; giao Văn phòng UBND tỉnh hoàn thiện dự thảo theo ý kiến thành viên, trình Chủ tịch UBND tỉnh ký ban hành.`,
    },
    version: 10,
  });

  // 2. Open since yesterday's working day: the vice-chair and the member have answered.
  await seedOpinionForm(context, {
    code: `PYK-${year}-0002`,
    title: "Chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo",
    question:
      "Đề nghị các đồng chí cho ý kiến về dự thảo Nghị quyết quy định chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trên địa bàn tỉnh, trước khi trình Hội đồng nhân dân tỉnh.",
    openedAt: workingDayBack(1),
    answerEveryHours: 2,
    answers: [
      { key: "vicechair", answer: "agree", comment: null },
      {
        key: "member",
        answer: "disagree",
        comment:
          "Mức hỗ trợ đề xuất vượt khả năng cân đối ngân sách năm nay; đề nghị chia làm hai giai đoạn.",
      },
    ],
    concluded: null,
    version: 5,
  });
}

type FormContext = {
  tx: Tx;
  random: Random;
  calendar: WorkingCalendar;
  bodyId: string;
  chairId: string;
  secretaryId: string;
  accountIds: Record<Key, string>;
};

type FormSpec = {
  code: string;
  title: string;
  question: string;
  /** When the chair approved it and it went to the members (5 working days to answer). */
  openedAt: Date;
  /** The answers, in order, this many hours apart from the opening. */
  answers: { key: Key; answer: OpinionAnswer; comment: string | null }[];
  answerEveryHours: number;
  /** Closed two days after opening, counted on the body's rule, and concluded; null: still open. */
  concluded: { voters: string[]; closedBy: string; conclusion: string } | null;
  version: number;
};

const confirmation = (at: Date) => ({ method: "password", at: at.toISOString() });

/** One opinion form of the demo body with its answers and its history (hash-chained events). */
async function seedOpinionForm(context: FormContext, spec: FormSpec): Promise<void> {
  const { tx, calendar, bodyId, chairId, secretaryId, accountIds } = context;
  const id = context.random.uuid();
  const { openedAt } = spec;
  const workingDays = 5;
  const deadline = opinionDeadline(openedAt, workingDays, calendar);
  const answeredAt = (i: number) =>
    new Date(openedAt.getTime() + (i + 1) * spec.answerEveryHours * 3_600_000);
  const closing = spec.concluded
    ? (() => {
        const result = countOpinions(defaultBodyRule, {
          votingMembers: spec.concluded.voters,
          answers: spec.answers.map((a) => ({ userId: accountIds[a.key], answer: a.answer })),
          chairId,
        });
        return { ...spec.concluded, result, closedAt: new Date(openedAt.getTime() + 2 * dayMs) };
      })()
    : null;
  await tx.insert(opinionForms).values({
    id,
    bodyId,
    code: spec.code,
    title: spec.title,
    question: spec.question,
    status: closing ? "concluded" : "open",
    workingDays,
    deadline,
    preparedBy: secretaryId,
    approvedBy: chairId,
    openedAt,
    ...(closing
      ? {
          closedAt: closing.closedAt,
          result: {
            ...closing.result,
            rule: defaultBodyRule,
            answers: spec.answers.map((a) => ({
              userId: accountIds[a.key],
              answer: a.answer,
              comment: a.comment,
            })),
          },
          conclusion: closing.conclusion,
        }
      : {}),
    createdAt: new Date(openedAt.getTime() - dayMs),
    version: spec.version,
  });
  await tx.insert(opinionAnswers).values(
    spec.answers.map((a, i) => ({
      formId: id,
      userId: accountIds[a.key],
      answer: a.answer,
      comment: a.comment,
      confirmation: confirmation(answeredAt(i)),
      answeredAt: answeredAt(i),
    })),
  );
  const event = (action: string, at: Date, actorId: string | null, details: Record<string, unknown> | null) =>
    recordWorkspaceEvent(tx, { subjectKind: "opinion_form", subjectId: id, actorId, action, at, details });
  await event("opinion.created", new Date(openedAt.getTime() - dayMs), secretaryId, {
    code: spec.code,
    workingDays,
  });
  await event("opinion.submitted", new Date(openedAt.getTime() - dayMs / 2), secretaryId, null);
  await event("opinion.opened", openedAt, chairId, { deadline: deadline.toISOString(), workingDays });
  for (const [i, a] of spec.answers.entries())
    await event("opinion.answered", answeredAt(i), accountIds[a.key], {
      answer: a.answer,
      comment: a.comment,
    });
  if (!closing) return;
  const { result, closedAt, conclusion } = closing;
  await event("opinion.closed", closedAt, closing.closedBy, {
    reason: "all_answered",
    outcome: result.outcome,
    yes: result.yes,
    no: result.no,
    decidedByChair: result.decidedByChair,
  });
  await event("opinion.conclusion_drafted", new Date(closedAt.getTime() + 3_600_000), secretaryId, {
    conclusion,
  });
  await event("opinion.concluded", new Date(closedAt.getTime() + 5 * 3_600_000), chairId, { conclusion });
}
