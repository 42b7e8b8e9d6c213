import { singlePage } from "@/lib/forms/definition";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decisions } from "@/db/schema";
import type { Db } from "@/db/client";
import { emptyFormState } from "@/components/forms/formState";
import { publishDecision } from "@/lib/decisions/service";
import type { Actor } from "@/lib/identity/types";
import { openTestDatabase } from "../support/database";
import {
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedure,
  createStaff,
  tanHungCommune,
} from "../support/fixtures";

// The publish form's server action, with who is signed in and Next's redirect replaced.
const session = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/identity/actor", () => ({ getActor: async () => session.actor }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, revalidatePath: () => {} }));
const { publishDecisionAction } = await import("@/app/[lang]/(staff)/staff/dossiers/[code]/actions");

let db: Db;
let close: () => Promise<void>;
let head: Actor;
const code = "000.01.01.H22-250601-0001";
const now = new Date("2025-06-10T03:00:00Z");

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const commune = await createAgency(db, tanHungCommune);
  head = await createStaff(db, "Trần Thị Trưởng", [{ agencyId: commune.id, role: "head" }]);
  const applicant = await createApplicant(db, "Nguyễn Thị Lan");
  const procedure = await createProcedure(db, {
    code: "1.013225",
    places: [{ competentAgencyId: commune.id, receivingAgencyId: commune.id }],
    form: singlePage([
      {
        name: "constructionAddress",
        type: "text",
        personal: "address",
        label: { vi: "Địa chỉ công trình", en: "Address of the building work" },
        required: true,
      },
      {
        name: "ownerIdNumber",
        type: "idNumber",
        label: { vi: "Số định danh", en: "ID number" },
        required: true,
      },
      { name: "phone", type: "tel", label: { vi: "Điện thoại", en: "Phone" }, required: true },
      { name: "floors", type: "number", label: { vi: "Số tầng", en: "Floors" }, required: true },
    ]),
  });
  await createDossierRow(db, {
    code,
    status: "done",
    outcome: "approved",
    procedure,
    applicant,
    agencyId: commune.id,
    formData: {
      constructionAddress: "Số 45 đường Điện Biên, phường Phố Hiến",
      ownerIdNumber: "033090012345",
      phone: "0912345678",
      floors: 3,
    },
  });
});

afterAll(async () => {
  await close();
});

const clean = {
  dossierCode: code,
  number: "125/QĐ-UBND",
  issuedOn: "2025-06-09",
  summaryVi: "Cấp giấy phép xây dựng nhà ở riêng lẻ 3 tầng tại phường Phố Hiến.",
  summaryEn: "Building permit for a 3-storey detached house in Phố Hiến ward.",
};

async function published() {
  return db.select({ id: decisions.id }).from(decisions).where(eq(decisions.number, "125/QĐ-UBND"));
}

describe("publishing a decision keeps the dossier's personal data out", () => {
  it.each([
    ["summaryVi", "Cấp phép xây dựng cho bà NGUYEN THI LAN", "errors.personalData.name"],
    ["summaryVi", "Nhà ở tại số 45 Điện Biên, 3 tầng", "errors.personalData.address"],
    ["summaryEn", "Permit for the owner with ID 0330 9001 2345", "errors.personalData.idNumber"],
    ["summaryEn", "Permit; call 0912 345 678", "errors.personalData.phone"],
    ["number", "125/QĐ-UBND Nguyễn Thị Lan", "errors.personalData.name"],
  ] as const)("refuses %s holding %j", async (field, text, message) => {
    const result = await publishDecision(head, { ...clean, [field]: text }, now);
    expect(result).toEqual({ ok: false, error: "invalid_input", issues: { [field]: [message] } });
    expect(await published()).toEqual([]);
  });

  it("the form says which field and what, in the reader's language, and keeps what was typed", async () => {
    session.actor = head;
    const form = new FormData();
    const typed = { ...clean, summaryEn: "Building permit at 45 Dien Bien street." };
    for (const key of ["number", "issuedOn", "summaryVi", "summaryEn"] as const) form.set(key, typed[key]);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    try {
      const state = await publishDecisionAction("en", code, emptyFormState, form);
      expect(state).toEqual({
        issues: { summaryEn: ["staff:publish.fieldErrors.personalData.address"] },
        values: {
          number: typed.number,
          issuedOn: typed.issuedOn,
          summaryVi: typed.summaryVi,
          summaryEn: typed.summaryEn,
        },
      });
    } finally {
      vi.useRealTimers();
    }
    expect(await published()).toEqual([]);
  });

  it("publishes a summary without personal data", async () => {
    expect(await publishDecision(head, clean, now)).toMatchObject({ ok: true });
    expect(await published()).toHaveLength(1);
  });
});
