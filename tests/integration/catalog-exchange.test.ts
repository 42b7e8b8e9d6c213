import { afterAll, describe, expect, it } from "vitest";
import { agencies } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { catalogueText, exportCatalogue, importCatalogue, type CatalogueFile } from "@/lib/catalog/exchange";
import { publishDraft, startDraftVersion, updateDraftForm } from "@/lib/catalog/versions";
import { openTestDatabase } from "../support/database";
import { createStaff, expectOk } from "../support/fixtures";

let close: (() => Promise<void>) | null = null;

afterAll(async () => {
  await close?.();
});

describe("the catalogue as one JSON file", () => {
  it("round-trips exactly: export, import into an empty catalogue, export again", async () => {
    // The demo catalogue, with one procedure at version 2 and a draft that must not travel.
    const first = await openTestDatabase();
    close = first.close;
    await seedDemo(first.db, { now: new Date("2026-06-15T03:00:00Z"), dossierCount: 0 });
    const agencyRows = await first.db.select().from(agencies);
    const [anyAgency] = agencyRows;
    const admin = await createStaff(first.db, "Quản Trị", [
      { agencyId: anyAgency!.id, role: "system_admin" },
    ]);
    const draft = expectOk(await startDraftVersion(admin, "1.001193"));
    expectOk(
      await updateDraftForm(admin, "1.001193", {
        ...draft.form,
        pages: draft.form.pages.map((page, i) =>
          i === 0 ? { ...page, hint: { vi: "Gợi ý", en: "Hint" } } : page,
        ),
      }),
    );
    expectOk(await publishDraft(admin, "1.001193", "Thêm gợi ý"));
    expectOk(await startDraftVersion(admin, "1.001193"));
    const exported = expectOk(await exportCatalogue(admin));
    const text = catalogueText(exported);
    const birth = exported.procedures.find((p) => p.code === "1.001193")!;
    expect(birth.versions.map((v) => [v.version, v.current, v.changeNote])).toEqual([
      [1, false, null],
      [2, true, "Thêm gợi ý"],
    ]);
    expect(exported.procedures.length).toBeGreaterThanOrEqual(12);
    await first.close();
    close = null;

    // A fresh installation with the same agency register and no catalogue.
    const second = await openTestDatabase();
    close = second.close;
    await second.db.insert(agencies).values(agencyRows);
    const admin2 = await createStaff(second.db, "Quản Trị", [
      { agencyId: anyAgency!.id, role: "system_admin" },
    ]);
    expect(await importCatalogue(world(), JSON.parse(text))).toMatchObject({ ok: false, error: "forbidden" });
    const result = await importCatalogue(admin2, JSON.parse(text));
    expect(result.problems ?? []).toEqual([]);
    const imported = expectOk(result);
    expect(imported.procedures).toBe(exported.procedures.length);
    const again = catalogueText(expectOk(await exportCatalogue(admin2)));
    expect(again).toBe(text);

    // Importing the same file twice is refused, naming the procedures already there.
    const twice = await importCatalogue(admin2, JSON.parse(text));
    expect(twice).toMatchObject({ ok: false, error: "conflict" });
    expect((twice as { problems: string[] }).problems[0]).toMatch(/already in the catalogue/);
  }, 300_000);
});

/** Someone who is not an administrator. */
function world() {
  return {
    kind: "applicant" as const,
    userId: "00000000-0000-0000-0000-000000000000",
    name: "A",
    organisationIds: [],
  };
}

describe("validation", () => {
  const good = (): CatalogueFile => ({
    format: "vn-one-stop-catalogue",
    formatVersion: 1,
    procedures: [
      {
        code: "9.000001",
        nameVi: "Thủ tục",
        nameEn: "Procedure",
        fieldVi: "Hộ tịch",
        fieldEn: "Civil status",
        level: "province",
        onlineLevel: "whole",
        searchText: "thu tuc",
        popularRank: null,
        audiences: ["citizen"],
        lifeEvents: [],
        places: [{ competent: "000.00.01.H99", receiving: "000.00.01.H99" }],
        versions: [
          {
            version: 1,
            current: true,
            decisionNo: null,
            publishedAt: "2026-01-01T00:00:00.000Z",
            changeNote: null,
            timeLimitHours: { online: 8, desk: 8, post: null },
            fees: [],
            documents: [],
            details: {
              targetGroups: [],
              channels: ["online"],
              result: { vi: "KQ", en: "Result" },
              legalBasis: [],
            },
            form: { pages: [] },
            handlingChain: null,
          },
        ],
      },
    ],
  });

  it("names the path and the problem", async () => {
    const { getDb } = await import("@/db/client");
    const db = await getDb();
    const [agency] = await db.select().from(agencies).limit(1);
    const admin = await createStaff(db, "Quản Trị 3", [{ agencyId: agency!.id, role: "system_admin" }]);

    expect(await importCatalogue(admin, { hello: 1 })).toMatchObject({ ok: false, error: "invalid_file" });

    const wrongType = good() as unknown as { procedures: { versions: { timeLimitHours: unknown }[] }[] };
    wrongType.procedures[0]!.versions[0]!.timeLimitHours = { online: "ten" };
    const refused = await importCatalogue(admin, wrongType);
    expect(refused).toMatchObject({ ok: false, error: "invalid_file" });
    expect((refused as { problems: string[] }).problems.join("\n")).toMatch(
      /procedures\[0\]\.versions\[0\]\.timeLimitHours\.online/,
    );

    const twoCurrent = good();
    twoCurrent.procedures[0]!.versions.push({ ...twoCurrent.procedures[0]!.versions[0]!, version: 2 });
    expect((await importCatalogue(admin, twoCurrent)) as { problems: string[] }).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/exactly one current version/)],
    });

    const unknownAgency = await importCatalogue(admin, good());
    expect(unknownAgency).toMatchObject({
      ok: false,
      error: "invalid_file",
      problems: ["agency 000.00.01.H99 is not in the agency register"],
    });
  });
});
