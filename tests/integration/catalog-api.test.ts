import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { GET as health } from "@/app/api/health/route";
import { GET as status } from "@/app/api/v1/dossiers/[code]/status/route";
import { nationalStatusCodes } from "@/lib/dossiers/national";
import { dossierStatuses } from "@/lib/dossiers/types";
import { openTestDatabase } from "../support/database";
import {
  birthRegistration,
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedureRow,
} from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
const code = "000.00.01.H22-250701-0001";
/** One dossier in each state a code can be looked up in (a draft has no code). */
const codeOf = (i: number) => `000.00.01.H22-250702-${String(i + 1).padStart(4, "0")}`;
const lookedUp = dossierStatuses.filter((s) => s !== "draft");

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const agency = await createAgency(db, {
    code: "000.00.01.H22",
    nameVi: "Trung tâm Phục vụ hành chính công",
    nameEn: "Public Service Centre",
    kind: "province_centre",
  });
  const applicant = await createApplicant(db, "Nguyễn Văn Riêng", {
    email: "private@example.vn",
    phone: "0912345678",
  });
  const procedure = await createProcedureRow(db, birthRegistration);
  await createDossierRow(db, {
    code,
    status: "received",
    procedure,
    applicant,
    agencyId: agency.id,
    formData: { idNumber: "033090012345" },
    submittedAt: new Date("2025-07-01T02:00:00Z"),
    acceptedAt: new Date("2025-07-01T03:00:00Z"),
    dueAt: new Date("2025-07-02T10:00:00Z"),
  });
  for (const [i, state] of lookedUp.entries()) {
    await createDossierRow(db, { code: codeOf(i), status: state, procedure, applicant, agencyId: agency.id });
  }
});

afterAll(async () => {
  await close();
});

const lookup = (value: string) =>
  status(new Request(`http://localhost/api/v1/dossiers/${value}/status`), {
    params: Promise.resolve({ code: value }),
  });

describe("GET /api/v1/dossiers/[code]/status", () => {
  it("returns the public status, with no personal data and no caching", async () => {
    const response = await lookup(code);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      code,
      status: "received",
      nationalStatusCode: 2,
      procedure: { code: "1.001193" },
      receivingAgency: { code: "000.00.01.H22" },
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain("Nguyễn Văn Riêng");
    expect(text).not.toContain("033090012345");
    expect(text).not.toContain("private@example.vn");
  });

  it.each(lookedUp.map((state, i) => ({ state, i })))(
    "returns the portal state $state with its national code from the one table",
    async ({ state, i }) => {
      const body = await (await lookup(codeOf(i))).json();
      expect(body.status).toBe(state);
      expect(body.nationalStatusCode).toBe(nationalStatusCodes[state]);
      expect(body.nationalStatusCode).toBeGreaterThanOrEqual(1);
      expect(body.nationalStatusCode).toBeLessThanOrEqual(10);
    },
  );

  it("finds a code typed in lower case", async () => {
    expect((await lookup(code.toLowerCase())).status).toBe(200);
  });

  it("answers an unknown code with 404 JSON", async () => {
    const response = await lookup("000.00.01.H22-250701-9999");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it.each(["abc", "000.00.01.H22-2507-0001", "'; drop table dossiers;--"])(
    "answers %s with 400 JSON",
    async (value) => {
      const response = await lookup(value);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid_code" });
    },
  );
});

describe("GET /api/health", () => {
  it("reports the database kind and the migrations applied", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
    expect(body.migrations.applied).toBe(body.migrations.available);
    expect(body.migrations.available).toBeGreaterThan(0);
  });
});
