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
  const confirmation = (at: Date) => ({ method: "password", at: at.toISOString() });

  // A working day some days back, at 09:00 in Vietnam.
  const workingDayBack = (days: number) => {
    let day = localDate(new Date(now.getTime() - days * dayMs));
    while (!isWorkingDay(day, calendar)) {
      day = localDate(new Date(Date.parse(`${day}T00:00:00Z`) - dayMs));
    }
    return new Date(Date.parse(`${day}T02:00:00Z`));
  };

  // 1. Concluded last month: all four answered; adopted.
  {
    const id = random.uuid();
    const openedAt = workingDayBack(30);
    const deadline = opinionDeadline(openedAt, 5, calendar);
    const answers: { key: Key; answer: OpinionAnswer; comment: string | null }[] = [
      { key: "chair", answer: "agree", comment: null },
      { key: "vicechair", answer: "agree", comment: null },
      {
        key: "member",
        answer: "agree_with_comments",
        comment: "Đề nghị bổ sung căn cứ Luật Đầu tư công năm 2024 vào phần căn cứ của dự thảo.",
      },
      { key: "head", answer: "agree", comment: null },
    ];
    const result = countOpinions(defaultBodyRule, {
      votingMembers: voters.map((m) => accountIds[m.key]),
      answers: answers.map((a) => ({ userId: accountIds[a.key], answer: a.answer })),
      chairId,
    });
    const closedAt = new Date(openedAt.getTime() + 2 * dayMs);
    const conclusion =
      "Ủy ban nhân dân tỉnh thống nhất thông qua Kế hoạch chuyển đổi số tỉnh Hưng Yên năm " +
      `${year}; giao Văn phòng UBND tỉnh hoàn thiện dự thảo theo ý kiến thành viên, trình Chủ tịch UBND tỉnh ký ban hành.`;
    await tx.insert(opinionForms).values({
      id,
      bodyId,
      code: `PYK-${year}-0001`,
      title: `Kế hoạch chuyển đổi số tỉnh Hưng Yên năm ${year}`,
      question:
        "Đề nghị các đồng chí thành viên UBND tỉnh cho ý kiến về dự thảo Kế hoạch chuyển đổi số của tỉnh (kèm theo).",
      status: "concluded",
      workingDays: 5,
      deadline,
      preparedBy: secretaryId,
      approvedBy: chairId,
      openedAt,
      closedAt,
      result: {
        ...result,
        rule: defaultBodyRule,
        answers: answers.map((a) => ({ userId: accountIds[a.key], answer: a.answer, comment: a.comment })),
      },
      conclusion,
      createdAt: new Date(openedAt.getTime() - dayMs),
      version: 10,
    });
    await tx.insert(opinionAnswers).values(
      answers.map((a, i) => {
        const at = new Date(openedAt.getTime() + (i + 1) * 3 * 3_600_000);
        return {
          formId: id,
          userId: accountIds[a.key],
          answer: a.answer,
          comment: a.comment,
          confirmation: confirmation(at),
          answeredAt: at,
        };
      }),
    );
    const event = (
      action: string,
      at: Date,
      actorId: string | null,
      details: Record<string, unknown> | null,
    ) =>
      recordWorkspaceEvent(tx, { subjectKind: "opinion_form", subjectId: id, actorId, action, at, details });
    await event("opinion.created", new Date(openedAt.getTime() - dayMs), secretaryId, {
      code: `PYK-${year}-0001`,
      workingDays: 5,
    });
    await event("opinion.submitted", new Date(openedAt.getTime() - dayMs / 2), secretaryId, null);
    await event("opinion.opened", openedAt, chairId, { deadline: deadline.toISOString(), workingDays: 5 });
    for (const [i, a] of answers.entries())
      await event(
        "opinion.answered",
        new Date(openedAt.getTime() + (i + 1) * 3 * 3_600_000),
        accountIds[a.key],
        {
          answer: a.answer,
          comment: a.comment,
        },
      );
    await event("opinion.closed", closedAt, accountIds.head, {
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

  // 2. Open since yesterday's working day: the vice-chair and the member have answered.
  {
    const id = random.uuid();
    const openedAt = workingDayBack(1);
    const deadline = opinionDeadline(openedAt, 5, calendar);
    const answers: { key: Key; answer: OpinionAnswer; comment: string | null }[] = [
      { key: "vicechair", answer: "agree", comment: null },
      {
        key: "member",
        answer: "disagree",
        comment:
          "Mức hỗ trợ đề xuất vượt khả năng cân đối ngân sách năm nay; đề nghị chia làm hai giai đoạn.",
      },
    ];
    await tx.insert(opinionForms).values({
      id,
      bodyId,
      code: `PYK-${year}-0002`,
      title: "Chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo",
      question:
        "Đề nghị các đồng chí cho ý kiến về dự thảo Nghị quyết quy định chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trên địa bàn tỉnh, trước khi trình Hội đồng nhân dân tỉnh.",
      status: "open",
      workingDays: 5,
      deadline,
      preparedBy: secretaryId,
      approvedBy: chairId,
      openedAt,
      createdAt: new Date(openedAt.getTime() - dayMs),
      version: 5,
    });
    await tx.insert(opinionAnswers).values(
      answers.map((a, i) => {
        const at = new Date(openedAt.getTime() + (i + 1) * 2 * 3_600_000);
        return {
          formId: id,
          userId: accountIds[a.key],
          answer: a.answer,
          comment: a.comment,
          confirmation: confirmation(at),
          answeredAt: at,
        };
      }),
    );
    const event = (
      action: string,
      at: Date,
      actorId: string | null,
      details: Record<string, unknown> | null,
    ) =>
      recordWorkspaceEvent(tx, { subjectKind: "opinion_form", subjectId: id, actorId, action, at, details });
    await event("opinion.created", new Date(openedAt.getTime() - dayMs), secretaryId, {
      code: `PYK-${year}-0002`,
      workingDays: 5,
    });
    await event("opinion.submitted", new Date(openedAt.getTime() - dayMs / 2), secretaryId, null);
    await event("opinion.opened", openedAt, chairId, { deadline: deadline.toISOString(), workingDays: 5 });
    for (const [i, a] of answers.entries())
      await event(
        "opinion.answered",
        new Date(openedAt.getTime() + (i + 1) * 2 * 3_600_000),
        accountIds[a.key],
        {
          answer: a.answer,
          comment: a.comment,
        },
      );
  }
}
