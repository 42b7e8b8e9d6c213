import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { chainUnhashedEvents } from "@/db/chain";
import { dossierEvents } from "@/db/schema";
import { verifyEventChains } from "@/lib/dossiers/audit";
import { eventHash } from "@/lib/dossiers/chain";
import { performStaffAction } from "@/lib/dossiers/service";
import type { DossierView } from "@/lib/dossiers/types";
import { expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

let db: Db;
let world: World;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterAll(async () => {
  vi.useRealTimers();
  await close();
});

const vn = (local: string) => new Date(`${local}+07:00`);

/** Filed, accepted and assigned: three events. */
async function workedDossier(day: string): Promise<DossierView> {
  vi.setSystemTime(vn(`${day}T09:00:00`));
  const filed = await fileDossier(world.applicantA, "1.001193");
  const accepted = expectOk(
    await performStaffAction(world.receiver, {
      action: "accept",
      code: filed.code!,
      version: filed.version,
      comment: "Hồ sơ đầy đủ",
    }),
  );
  return expectOk(
    await performStaffAction(world.receiver, {
      action: "assign",
      code: accepted.code!,
      version: accepted.version,
      assigneeId: world.specialist.userId,
    }),
  );
}

const historyOf = (dossierId: string) =>
  db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id));

describe("the hash chain of a dossier's history", () => {
  it("links every event to the one before it as the transitions append them", async () => {
    const dossier = await workedDossier("2026-03-02");
    const events = await historyOf(dossier.id);
    expect(events.map((e) => e.action)).toEqual(["submit", "accept", "assign"]);
    expect(events[0]!.prevHash).toBeNull();
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    for (const event of events) expect(event.hash).toBe(eventHash(event));
    expect(await verifyEventChains({ code: dossier.code! })).toEqual({ ok: true, dossiers: 1, events: 3 });
  });

  it("stays one chain when two officers act at once: the loser's event is rolled back", async () => {
    const filed = await (async () => {
      vi.setSystemTime(vn("2026-03-03T09:00:00"));
      return fileDossier(world.applicantA, "1.001193");
    })();
    const results = await Promise.all([
      performStaffAction(world.receiver, { action: "accept", code: filed.code!, version: filed.version }),
      performStaffAction(world.receiver2, {
        action: "refuse",
        code: filed.code!,
        version: filed.version,
        comment: "Thiếu giấy tờ",
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "conflict" }]);
    expect(await historyOf(filed.id)).toHaveLength(2);
    expect(await verifyEventChains({ code: filed.code! })).toMatchObject({ ok: true, events: 2 });
  });

  it("names an event whose comment was edited in the database", async () => {
    const dossier = await workedDossier("2026-03-04");
    const [, accept] = await historyOf(dossier.id);
    await db.execute(sql`update dossier_events set comment = 'Hồ sơ thiếu giấy tờ' where id = ${accept!.id}`);
    expect(await verifyEventChains({ code: dossier.code! })).toEqual({
      ok: false,
      dossiers: 1,
      events: 3,
      broken: {
        dossierId: dossier.id,
        dossierCode: dossier.code,
        eventId: accept!.id,
        problem: "hash",
        expected: eventHash({ ...accept!, comment: "Hồ sơ thiếu giấy tờ" }),
        found: accept!.hash,
      },
    });
    // The whole database stops at the same link.
    expect(await verifyEventChains()).toMatchObject({ ok: false, broken: { eventId: accept!.id } });
    await db.execute(sql`update dossier_events set comment = ${accept!.comment} where id = ${accept!.id}`);
    expect(await verifyEventChains({ code: dossier.code! })).toMatchObject({ ok: true });
  });

  it("names the event after one deleted, and sees the newest event deleted", async () => {
    const dossier = await workedDossier("2026-03-05");
    const [submit, accept, assign] = await historyOf(dossier.id);
    await db.execute(sql`delete from dossier_events where id = ${accept!.id}`);
    expect(await verifyEventChains({ code: dossier.code! })).toMatchObject({
      ok: false,
      broken: { eventId: assign!.id, problem: "previous", expected: submit!.hash, found: accept!.hash },
    });

    const other = await workedDossier("2026-03-06");
    const [, , last] = await historyOf(other.id);
    await db.execute(sql`delete from dossier_events where id = ${last!.id}`);
    expect(await verifyEventChains({ code: other.code! })).toMatchObject({
      ok: false,
      broken: { problem: "head", expected: "in_progress", found: "received" },
    });
  });

  it("chains a history written before the chain existed, and never re-hashes a chained event", async () => {
    const dossier = await workedDossier("2026-03-09");
    const events = await historyOf(dossier.id);
    // As a database migrated from the previous version holds it: no hashes at all.
    await db.execute(
      sql`update dossier_events set prev_hash = null, hash = null where dossier_id = ${dossier.id}`,
    );
    expect(await verifyEventChains({ code: dossier.code! })).toMatchObject({
      ok: false,
      broken: { eventId: events[0]!.id, problem: "missing" },
    });
    expect(await chainUnhashedEvents(db, 2)).toBe(3);
    const chained = await historyOf(dossier.id);
    expect(chained.map((e) => e.hash)).toEqual(events.map((e) => e.hash));
    expect(await verifyEventChains({ code: dossier.code! })).toMatchObject({ ok: true });

    // An edited event keeps its old hash: the start-up chaining does not launder the edit.
    await db.execute(sql`update dossier_events set comment = 'sửa' where id = ${events[1]!.id}`);
    expect(await chainUnhashedEvents(db)).toBe(0);
    expect(await verifyEventChains({ code: dossier.code! })).toMatchObject({
      ok: false,
      broken: { eventId: events[1]!.id, problem: "hash" },
    });
  });

  it("answers null for a code that names no dossier", async () => {
    expect(await verifyEventChains({ code: "000.00.01.H33-260101-9999" })).toBeNull();
  });
});
