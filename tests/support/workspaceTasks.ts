import type { Db } from "@/db/client";
import { agendaItems, bodies, bodyMembers, meetings, opinionForms } from "@/db/schema/workspace";

/*
 * A deciding body with its members, a meeting with a concluded agenda item and a concluded opinion
 * form, inserted as rows: a stand-in for lib/meetings/bodies.ts (ws-opinions) until it is merged.
 * Tests only; never imported by lib/.
 */

export type BodyRoleName = "chair" | "vice_chair" | "member" | "secretary" | "support";

export async function createBody(
  db: Db,
  input: { code: string; agencyId?: string | null; members: { userId: string; role: BodyRoleName }[] },
): Promise<{ id: string; code: string }> {
  const [body] = await db
    .insert(bodies)
    .values({
      code: input.code,
      nameVi: `Ủy ban ${input.code}`,
      nameEn: `Committee ${input.code}`,
      agencyId: input.agencyId ?? null,
    })
    .returning({ id: bodies.id, code: bodies.code });
  if (input.members.length > 0)
    await db.insert(bodyMembers).values(input.members.map((m) => ({ bodyId: body!.id, ...m })));
  return body!;
}

/** A closed meeting of the body with one decided agenda item carrying `conclusion`. */
export async function createConcludedAgendaItem(
  db: Db,
  input: { bodyId: string; createdBy: string; title: string; conclusion: string | null; code?: string },
): Promise<{ meetingId: string; itemId: string }> {
  const [meeting] = await db
    .insert(meetings)
    .values({
      bodyId: input.bodyId,
      code: input.code ?? `PH-${Math.random().toString(36).slice(2, 10)}`,
      title: "Phiên họp thường kỳ",
      startsAt: new Date("2026-11-27T01:00:00Z"),
      status: "closed",
      createdBy: input.createdBy,
    })
    .returning({ id: meetings.id });
  const [item] = await db
    .insert(agendaItems)
    .values({
      meetingId: meeting!.id,
      position: 1,
      title: input.title,
      status: "decided",
      conclusion: input.conclusion,
    })
    .returning({ id: agendaItems.id });
  return { meetingId: meeting!.id, itemId: item!.id };
}

/** A concluded opinion form of the body. */
export async function createConcludedOpinionForm(
  db: Db,
  input: { bodyId: string; preparedBy: string; title: string; conclusion: string },
): Promise<{ id: string }> {
  const [form] = await db
    .insert(opinionForms)
    .values({
      bodyId: input.bodyId,
      code: `PYK-${Math.random().toString(36).slice(2, 10)}`,
      title: input.title,
      question: "Đồng ý thông qua?",
      status: "concluded",
      preparedBy: input.preparedBy,
      conclusion: input.conclusion,
    })
    .returning({ id: opinionForms.id });
  return form!;
}
