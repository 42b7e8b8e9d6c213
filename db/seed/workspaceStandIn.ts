import type { Queryable } from "@/db/client";
import { users } from "@/db/schema/identity";
import { bodies, bodyMembers, opinionForms } from "@/db/schema/workspace";
import type { Random } from "./random";

/*
 * STAND-IN, to be replaced at merge by ws-opinions' demo seed of the workspace (the body, its
 * accounts) — kept minimal for the tasks pages' end-to-end test: the body `ubnd-hung-yen` with its
 * chair and secretary (new accounts, as WORKSPACE.md names them), the existing head as a member and
 * the existing specialist as support staff, and one concluded written opinion form with a fixed id
 * that tasks can be given from. Ids are drawn after every other draw of the seed, so the rest of the
 * demo data stays the same.
 */

/** The concluded opinion form tests give tasks from: /[lang]/workspace/tasks/new?source=opinion_form:<id>. */
export const standInOpinionFormId = "5e0d7a1c-3b7e-4c1a-9d2f-7a0c0b1e7001";

export const standInWorkspaceAccounts = [
  {
    key: "chair",
    email: "chair@demo.hungyen.gov.vn",
    fullName: "Trịnh Quang Vinh",
    title: "Chủ tịch UBND tỉnh",
  },
  {
    key: "secretary",
    email: "secretary@demo.hungyen.gov.vn",
    fullName: "Mai Thu Trang",
    title: "Chánh Văn phòng UBND tỉnh",
  },
] as const;

export async function seedWorkspaceStandIn(
  tx: Queryable,
  random: Random,
  input: { passwordHash: string; headId: string; specialistId: string; createdAt: Date },
): Promise<void> {
  const ids = Object.fromEntries(standInWorkspaceAccounts.map((a) => [a.key, random.uuid()])) as Record<
    (typeof standInWorkspaceAccounts)[number]["key"],
    string
  >;
  const bodyId = random.uuid();
  await tx.insert(users).values(
    standInWorkspaceAccounts.map((account) => ({
      id: ids[account.key],
      email: account.email,
      fullName: account.fullName,
      passwordHash: input.passwordHash,
      kind: "staff",
      createdAt: input.createdAt,
    })),
  );
  await tx.insert(bodies).values({
    id: bodyId,
    code: "ubnd-hung-yen",
    nameVi: "Ủy ban nhân dân tỉnh Hưng Yên (bản trình diễn)",
    nameEn: "Hưng Yên Provincial People's Committee (demo)",
    createdAt: input.createdAt,
  });
  await tx.insert(bodyMembers).values([
    { bodyId, userId: ids.chair, role: "chair", title: "Chủ tịch UBND tỉnh", addedAt: input.createdAt },
    {
      bodyId,
      userId: ids.secretary,
      role: "secretary",
      title: "Chánh Văn phòng UBND tỉnh",
      addedAt: input.createdAt,
    },
    { bodyId, userId: input.headId, role: "member", title: "Ủy viên UBND tỉnh", addedAt: input.createdAt },
    {
      bodyId,
      userId: input.specialistId,
      role: "support",
      title: "Bộ phận tham mưu",
      addedAt: input.createdAt,
    },
  ]);
  await tx.insert(opinionForms).values({
    id: standInOpinionFormId,
    bodyId,
    code: "PYK-2026-0001",
    title: "Kế hoạch cải cách hành chính năm 2027",
    question: "Đồng chí có đồng ý thông qua Kế hoạch cải cách hành chính năm 2027 không?",
    status: "concluded",
    preparedBy: ids.secretary,
    approvedBy: ids.chair,
    openedAt: input.createdAt,
    closedAt: input.createdAt,
    conclusion:
      "Thông qua Kế hoạch cải cách hành chính năm 2027. Giao Sở Tư pháp chủ trì rà soát thủ tục hành chính, báo cáo UBND tỉnh.",
    createdAt: input.createdAt,
  });
}
