import { desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agencies, auditLog, users } from "@/db/schema";
import type { AgencyInput } from "@/lib/agencies/schema";
import { createAgency, getAgency, listAgencies, updateAgency } from "@/lib/agencies/service";
import { listAdminChanges } from "@/lib/audit/service";
import { refreshSearchText, searchProcedures } from "@/lib/catalog/service";
import { checkCredentials, sessionIsCurrent } from "@/lib/identity/accounts";
import {
  createStaffAccount,
  grantRole,
  listStaffAccounts,
  resetStaffPassword,
  revokeRole,
  setAccountEnabled,
} from "@/lib/identity/staff";
import { openTestDatabase } from "../support/database";
import { createProcedure, createStaff, type StaffActor } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let system: StaffActor;
let wardAdmin: StaffActor;
let province: string;
let ward: string;

const agencyInput = (code: string, extra: Record<string, string> = {}): AgencyInput =>
  ({
    code,
    nameVi: `Cơ quan ${code}`,
    nameEn: `Agency ${code}`,
    parentId: "",
    kind: "department",
    level: "province",
    address: "",
    validFrom: "",
    validTo: "",
    successorId: "",
    ...extra,
  }) as AgencyInput;

async function lastAudit(action: string) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row!;
}

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const [p] = await db
    .insert(agencies)
    .values({ code: "000.00.01.H99", nameVi: "Tỉnh", nameEn: "Province", kind: "province_centre" })
    .returning();
  const [w] = await db
    .insert(agencies)
    .values({
      code: "000.01.01.H99",
      nameVi: "Phường",
      nameEn: "Ward",
      kind: "commune_committee",
      level: "commune",
    })
    .returning();
  province = p!.id;
  ward = w!.id;
  system = await createStaff(db, "Quản Trị Hệ Thống", [{ agencyId: province, role: "system_admin" }]);
  wardAdmin = await createStaff(db, "Quản Trị Phường", [{ agencyId: ward, role: "agency_admin" }]);
});

afterAll(async () => {
  await close();
});

describe("agencies", () => {
  it("a system administrator adds an agency, audited with after and no before", async () => {
    const created = await createAgency(
      system,
      agencyInput("000.00.02.h99", { parentId: province, address: "Số 1" }),
    );
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : "";
    const row = await getAgency(system, id);
    expect(row.ok && row.value).toMatchObject({ code: "000.00.02.H99", parentId: province, address: "Số 1" });
    const audit = await lastAudit("agency.created");
    expect(audit.actorId).toBe(system.userId);
    expect(audit.details).toMatchObject({ agencyId: id, before: null, after: { code: "000.00.02.H99" } });
  });

  it("refuses a taken code and a malformed one, with the field named", async () => {
    expect(await createAgency(system, agencyInput("000.00.01.H99"))).toMatchObject({
      ok: false,
      issues: { code: ["admin:fieldErrors.codeTaken"] },
    });
    expect(await createAgency(system, agencyInput("1.2.3"))).toMatchObject({
      ok: false,
      issues: { code: ["admin:fieldErrors.code"] },
    });
  });

  it("an edit is audited with the values before and after", async () => {
    const created = await createAgency(system, agencyInput("000.00.03.H99", { parentId: province }));
    const id = created.ok ? created.value.id : "";
    const saved = await updateAgency(
      system,
      id,
      agencyInput("000.00.03.H99", { parentId: province, nameEn: "Renamed" }),
    );
    expect(saved.ok).toBe(true);
    const audit = await lastAudit("agency.updated");
    expect(audit.details).toMatchObject({
      agencyId: id,
      before: { nameEn: "Agency 000.00.03.H99" },
      after: { nameEn: "Renamed" },
    });
  });

  it("a merged agency names a successor in force; it then shows as ended and replaced", async () => {
    const old = await createAgency(system, agencyInput("000.00.04.H99"));
    const oldId = old.ok ? old.value.id : "";
    expect(
      await updateAgency(system, oldId, agencyInput("000.00.04.H99", { successorId: province })),
    ).toMatchObject({ ok: false, issues: { successorId: ["admin:fieldErrors.successorNeedsEnd"] } });
    expect(
      await updateAgency(
        system,
        oldId,
        agencyInput("000.00.04.H99", { validTo: "2025-06-30", successorId: province }),
      ),
    ).toMatchObject({ ok: true });
    const listed = await listAgencies(system, { q: "000.00.04", today: "2026-01-01" });
    expect(listed.ok && listed.value[0]).toMatchObject({ ended: true, successor: { id: province } });
  });

  it("a renamed agency is found by the catalogue's search under its new name", async () => {
    const created = await createAgency(system, agencyInput("000.00.07.H99", { parentId: province }));
    const id = created.ok ? created.value.id : "";
    await createProcedure(db, {
      code: "9.000077",
      places: [{ competentAgencyId: id, receivingAgencyId: id }],
    });
    await refreshSearchText(db);
    const found = async (q: string) =>
      (await searchProcedures({ q }, db)).rows.map((procedure) => procedure.code).includes("9.000077");
    expect(await found("Sở Quản lý Đê điều")).toBe(false);
    expect(
      (
        await updateAgency(
          system,
          id,
          agencyInput("000.00.07.H99", {
            parentId: province,
            nameVi: "Sở Quản lý Đê điều",
            nameEn: "Dyke Office",
          }),
        )
      ).ok,
    ).toBe(true);
    expect(await found("Sở Quản lý Đê điều")).toBe(true);
    expect(await found("dyke office")).toBe(true);
  });

  it("an agency administrator adds only under their own agency and cannot edit others", async () => {
    expect(await createAgency(wardAdmin, agencyInput("000.01.05.H99"))).toMatchObject({
      ok: false,
      issues: { parentId: ["admin:fieldErrors.parentScope"] },
    });
    expect(await createAgency(wardAdmin, agencyInput("000.01.06.H99", { parentId: ward }))).toMatchObject({
      ok: true,
    });
    expect(await updateAgency(wardAdmin, province, agencyInput("000.00.01.H99"))).toEqual({
      ok: false,
      error: "not_found",
    });
    const listed = await listAgencies(wardAdmin);
    expect(listed.ok && listed.value.map((a) => a.code)).toEqual(["000.01.01.H99", "000.01.06.H99"]);
  });
});

describe("staff accounts", () => {
  const newAccount = (email: string, agencyId: string, role = "receiver") => ({
    fullName: "Trần Thị Mới",
    email,
    phone: "",
    agencyId,
    role: role as "receiver",
  });

  it("creates an account with a generated password that signs in, audited without the password", async () => {
    const created = await createStaffAccount(system, newAccount("moi@example.gov.vn", ward));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await checkCredentials("moi@example.gov.vn", created.value.password)).not.toBeNull();
    const audit = await lastAudit("account.created");
    expect(audit.details).toMatchObject({
      userId: created.value.userId,
      before: null,
      after: { roles: [{ agencyId: ward, role: "receiver" }] },
    });
    expect(JSON.stringify(audit.details)).not.toContain(created.value.password);
    expect(await createStaffAccount(system, newAccount("MOI@example.gov.vn", ward))).toMatchObject({
      ok: false,
      error: "email_taken",
    });
  });

  it("disabling ends the sessions at once and sign-in is refused; enabling lets them back", async () => {
    const created = await createStaffAccount(system, newAccount("khoa@example.gov.vn", ward));
    if (!created.ok) throw new Error("not created");
    const { userId, password } = created.value;
    const [before] = await db.select().from(users).where(eq(users.id, userId));
    expect(await sessionIsCurrent(userId, before!.sessionVersion)).toBe(true);
    expect(await setAccountEnabled(wardAdmin, userId, false)).toEqual({ ok: true, value: null });
    expect(await sessionIsCurrent(userId, before!.sessionVersion)).toBe(false);
    expect(await checkCredentials("khoa@example.gov.vn", password)).toBeNull();
    expect((await lastAudit("account.disabled")).details).toMatchObject({
      userId,
      before: { disabled: false },
      after: { disabled: true },
    });
    expect(await setAccountEnabled(wardAdmin, userId, true)).toMatchObject({ ok: true });
    expect(await checkCredentials("khoa@example.gov.vn", password)).not.toBeNull();
  });

  it("a password reset gives a new password and ends the sessions", async () => {
    const created = await createStaffAccount(system, newAccount("doimk@example.gov.vn", ward));
    if (!created.ok) throw new Error("not created");
    const [before] = await db.select().from(users).where(eq(users.id, created.value.userId));
    const reset = await resetStaffPassword(wardAdmin, created.value.userId);
    expect(reset.ok).toBe(true);
    if (!reset.ok) return;
    expect(await sessionIsCurrent(created.value.userId, before!.sessionVersion)).toBe(false);
    expect(await checkCredentials("doimk@example.gov.vn", created.value.password)).toBeNull();
    expect(await checkCredentials("doimk@example.gov.vn", reset.value.password)).not.toBeNull();
    expect(JSON.stringify((await lastAudit("account.password_reset")).details)).not.toContain(
      reset.value.password,
    );
  });

  it("grants and revokes roles, audited before and after, and ends the sessions", async () => {
    const created = await createStaffAccount(system, newAccount("vaitro@example.gov.vn", ward));
    if (!created.ok) throw new Error("not created");
    const userId = created.value.userId;
    expect(await grantRole(wardAdmin, userId, { agencyId: ward, role: "head" })).toMatchObject({ ok: true });
    expect(await grantRole(wardAdmin, userId, { agencyId: ward, role: "head" })).toMatchObject({
      error: "already_held",
    });
    const granted = await lastAudit("account.role_granted");
    expect(granted.details).toMatchObject({
      before: { roles: [{ agencyId: ward, role: "receiver" }] },
      after: {
        roles: [
          { agencyId: ward, role: "receiver" },
          { agencyId: ward, role: "head" },
        ],
      },
    });
    expect(await revokeRole(wardAdmin, userId, { agencyId: ward, role: "receiver" })).toMatchObject({
      ok: true,
    });
    const listed = await listStaffAccounts(wardAdmin, { agencyId: ward, q: "vaitro" });
    expect(listed.ok && listed.value[0]?.roles).toEqual([{ agencyId: ward, role: "head" }]);
  });

  it("refuses an agency administrator outside their agency, system_admin, and system admins' accounts", async () => {
    expect(await createStaffAccount(wardAdmin, newAccount("ngoai@example.gov.vn", province))).toMatchObject({
      ok: false,
      error: "outside_scope",
    });
    expect(
      await createStaffAccount(wardAdmin, newAccount("sa@example.gov.vn", ward, "system_admin")),
    ).toMatchObject({ ok: false, error: "role_not_allowed" });
    expect(await setAccountEnabled(wardAdmin, system.userId, false)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    const receiver = await createStaff(db, "Cán Bộ Tỉnh", [{ agencyId: province, role: "receiver" }]);
    expect(await grantRole(wardAdmin, receiver.userId, { agencyId: ward, role: "receiver" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await listStaffAccounts({ kind: "anonymous" })).toEqual({ ok: false, error: "forbidden" });
  });

  it("keeps at least one system administrator, and nobody disables themselves", async () => {
    expect(await setAccountEnabled(system, system.userId, false)).toMatchObject({ ok: false, error: "self" });
    expect(
      await revokeRole(system, system.userId, { agencyId: province, role: "system_admin" }),
    ).toMatchObject({
      ok: false,
      error: "last_system_admin",
    });
    const second = await createStaffAccount(
      system,
      newAccount("sa2@example.gov.vn", province, "system_admin"),
    );
    if (!second.ok) throw new Error("not created");
    const secondActor: StaffActor = {
      kind: "staff",
      userId: second.value.userId,
      name: "Second",
      roles: [{ agencyId: province, role: "system_admin" }],
    };
    expect(await setAccountEnabled(secondActor, system.userId, false)).toMatchObject({ ok: true });
    // Now the second is the only enabled one: the first (disabled) cannot take it away.
    expect(
      await revokeRole(secondActor, second.value.userId, { agencyId: province, role: "system_admin" }),
    ).toMatchObject({
      ok: false,
      error: "last_system_admin",
    });
    await db
      .update(users)
      .set({ disabledAt: null })
      .where(inArray(users.id, [system.userId]));
  });

  it("the audit page lists administrators' changes by kind, newest first, page by page", async () => {
    const accounts = await listAdminChanges({ kind: "account", limit: 3 });
    expect(accounts.entries).toHaveLength(3);
    expect(accounts.entries.every((e) => e.action.startsWith("account."))).toBe(true);
    expect(accounts.nextBeforeId).not.toBeNull();
    const next = await listAdminChanges({ kind: "account", limit: 3, beforeId: accounts.nextBeforeId });
    expect(next.entries[0]!.id).toBeLessThan(accounts.entries[2]!.id);
    const agencyChanges = await listAdminChanges({ kind: "agency" });
    expect(agencyChanges.entries.every((e) => e.action.startsWith("agency."))).toBe(true);
  });
});
