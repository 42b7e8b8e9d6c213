import { describe, expect, it } from "vitest";
import { makeCalendar } from "@/lib/calendar/rules";
import { agencySeeds, type AgencyKey } from "@/db/seed/agencies";
import { demoStaffRoles, seedPeople } from "@/db/seed/accounts";
import { seedDossiers, type DossierSeedInput, type StaffActor } from "@/db/seed/dossiers";
import { holidayRows } from "@/db/seed/holidays";
import { demoHandlingChains, procedureAgencyPairs, seedProcedures } from "@/db/seed/procedures";
import { createRandom } from "@/db/seed/random";

/** The demo seed's dossiers without a database: the same input seedDemo builds. */
function seedInput(staffRoles = demoStaffRoles): DossierSeedInput {
  const random = createRandom(20250701);
  const agencyId = (key: AgencyKey) => `agency-${key}`;
  const agency = (key: AgencyKey) => ({
    key,
    id: agencyId(key),
    code: agencySeeds.find((a) => a.key === key)!.code,
  });
  const officer = (key: "receiver" | "specialist" | "head" | "police"): StaffActor => ({
    kind: "staff",
    userId: `user-${key}`,
    name: key,
    roles: staffRoles[key].map(({ agency: a, role }) => ({ agencyId: agencyId(a), role })),
  });
  const people = seedPeople(random, 40).map((person, i) => ({ id: `person-${i}`, person }));
  return {
    random,
    now: new Date("2026-06-15T03:00:00Z"),
    calendar: makeCalendar(holidayRows.map((h) => ({ date: h.date, kind: h.kind as "off" | "working" }))),
    count: 300,
    procedures: seedProcedures.map((seed, i) => ({
      seed,
      id: `procedure-${i}`,
      versionId: `version-${i}`,
      pairs: procedureAgencyPairs(seed).map((pair) => ({
        competent: agency(pair.competent),
        receiving: agency(pair.receiving),
      })),
      chain:
        demoHandlingChains[seed.code]?.map((step) => ({
          agencyId: agencyId(step.agency),
          days: step.days,
        })) ?? null,
    })),
    people,
    demo: {
      citizen: people[0]!,
      business: people[1]!,
      organisationId: "organisation",
      organisationName: "Công ty TNHH Thương mại Phố Hiến",
      receiver: officer("receiver"),
      specialist: officer("specialist"),
      head: officer("head"),
      police: officer("police"),
      agencies: { police: agency("police"), justice: agency("justice") },
    },
  };
}

describe("the demo seed's dossiers", () => {
  it("are walked by the rules, quickly", () => {
    const started = performance.now();
    const seeded = seedDossiers(seedInput());
    const ms = performance.now() - started;
    console.info(`seedDossiers took ${Math.round(ms)} ms`);
    expect(seeded.dossiers).toHaveLength(300);
    expect(seeded.events.filter((e) => e.action === "publish_decision")).toHaveLength(
      seeded.decisions.length,
    );
  });

  it("stop loudly when the rules refuse a planned step (here: a head who heads nothing)", () => {
    const noHead = { ...demoStaffRoles, head: [] };
    expect(() => seedDossiers(seedInput(noHead))).toThrow(/the rules refuse "(assign|stop)" by the head/);
  });
});
