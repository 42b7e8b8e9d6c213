import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { agendaItemDossiers, agendaItems, bodies, meetings, opinionForms } from "@/db/schema/workspace";

/*
 * The deciding bodies' work naming one dossier: the agenda items it was sent to and the written
 * opinion forms about it, with their bodies. Raw rows: lib/dossiers/committee.ts committeeWorkOf
 * checks who sees the dossier and what each official is shown of them.
 */
export async function committeeWorkRows(dossierId: string, db?: Queryable) {
  const source = db ?? (await getDb());
  const [items, forms] = await Promise.all([
    source
      .select({
        meetingId: meetings.id,
        meetingCode: meetings.code,
        meetingTitle: meetings.title,
        meetingStatus: meetings.status,
        startsAt: meetings.startsAt,
        bodyId: bodies.id,
        bodyNameVi: bodies.nameVi,
        bodyNameEn: bodies.nameEn,
        itemTitle: agendaItems.title,
        itemStatus: agendaItems.status,
        sentAt: agendaItemDossiers.sentAt,
        returnedAt: agendaItemDossiers.returnedAt,
      })
      .from(agendaItemDossiers)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemDossiers.itemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(eq(agendaItemDossiers.dossierId, dossierId))
      .orderBy(asc(agendaItemDossiers.sentAt)),
    source
      .select({
        formId: opinionForms.id,
        code: opinionForms.code,
        title: opinionForms.title,
        status: opinionForms.status,
        deadline: opinionForms.deadline,
        bodyId: bodies.id,
        bodyNameVi: bodies.nameVi,
        bodyNameEn: bodies.nameEn,
      })
      .from(opinionForms)
      .innerJoin(bodies, eq(bodies.id, opinionForms.bodyId))
      .where(eq(opinionForms.dossierId, dossierId))
      .orderBy(asc(opinionForms.createdAt)),
  ]);
  return { items, forms };
}
