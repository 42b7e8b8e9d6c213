import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { actorForUser, checkCredentials, registerCitizen } from "@/lib/identity/accounts";
import { openTestDatabase } from "../support/database";
import { createAgency, createApplicant, createOrganisation, createStaff } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});

afterAll(async () => {
  await close();
});

const password = "mật khẩu thật dài 2026";
const signUp = (email: string) => ({
  fullName: "Lê Thị Hoa",
  email,
  phone: "0912 345 678",
  password,
  confirmPassword: password,
});

async function userByEmail(email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

describe("registerCitizen", () => {
  it("stores a citizen with an argon2id hash, never the password", async () => {
    const registered = await registerCitizen(signUp("hoa.le@example.vn"));
    expect(registered).toEqual({ ok: true, userId: expect.any(String) });

    const row = await userByEmail("hoa.le@example.vn");
    expect(row).toMatchObject({
      id: registered.ok ? registered.userId : "",
      fullName: "Lê Thị Hoa",
      phone: "0912345678",
      kind: "citizen",
    });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.passwordHash).not.toContain(password);
    expect(JSON.stringify(row)).not.toContain(password);
  });

  it("salts each hash: the same password twice gives two different hashes", async () => {
    await registerCitizen(signUp("salt.one@example.vn"));
    await registerCitizen(signUp("salt.two@example.vn"));
    const one = await userByEmail("salt.one@example.vn");
    const two = await userByEmail("salt.two@example.vn");
    expect(one!.passwordHash).not.toBe(two!.passwordHash);
  });

  it("stores the e-mail in lower case and refuses it again in another case", async () => {
    const first = await registerCitizen(signUp("Minh.Tran@Example.VN"));
    expect(first.ok).toBe(true);
    expect(await userByEmail("minh.tran@example.vn")).toBeDefined();

    expect(await registerCitizen(signUp("minh.tran@example.vn"))).toEqual({
      ok: false,
      error: "email_taken",
    });
    expect(await registerCitizen(signUp("MINH.TRAN@EXAMPLE.VN"))).toEqual({
      ok: false,
      error: "email_taken",
    });
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, "minh.tran@example.vn"));
    expect(rows).toHaveLength(1);
  });

  it("does not overwrite the first account's password when the e-mail is taken", async () => {
    await registerCitizen(signUp("first.owner@example.vn"));
    const before = await userByEmail("first.owner@example.vn");
    await registerCitizen({
      ...signUp("first.owner@example.vn"),
      password: "kẻ chiếm tài khoản",
      confirmPassword: "kẻ chiếm tài khoản",
    });
    expect((await userByEmail("first.owner@example.vn"))!.passwordHash).toBe(before!.passwordHash);
    expect(await checkCredentials("first.owner@example.vn", "kẻ chiếm tài khoản")).toBeNull();
  });

  it("validates its input again rather than trusting the caller", async () => {
    await expect(
      registerCitizen({ ...signUp("short@example.vn"), password: "ngắn", confirmPassword: "ngắn" }),
    ).rejects.toThrow();
    expect(await userByEmail("short@example.vn")).toBeUndefined();
  });
});

describe("NUL bytes", () => {
  it("are stripped from the name, never a database error", async () => {
    const registered = await registerCitizen({
      ...signUp("nul.name@example.vn"),
      fullName: "Lê\u0000 Thị Nul",
    });
    expect(registered.ok).toBe(true);
    expect((await userByEmail("nul.name@example.vn"))!.fullName).toBe("Lê Thị Nul");
  });
});

describe("checkCredentials", () => {
  beforeAll(async () => {
    await registerCitizen({ ...signUp("binh.tran@example.vn"), fullName: "Trần Thị Bình" });
  });

  it("accepts the right password, whatever the e-mail's case and surrounding spaces", async () => {
    const row = await userByEmail("binh.tran@example.vn");
    expect(await checkCredentials("binh.tran@example.vn", password)).toEqual({
      id: row!.id,
      name: "Trần Thị Bình",
      sessionVersion: 1,
    });
    expect(await checkCredentials("  Binh.Tran@Example.vn ", password)).toEqual({
      id: row!.id,
      name: "Trần Thị Bình",
      sessionVersion: 1,
    });
  });

  it("refuses a wrong password", async () => {
    expect(await checkCredentials("binh.tran@example.vn", `${password}!`)).toBeNull();
    expect(await checkCredentials("binh.tran@example.vn", "")).toBeNull();
    expect(await checkCredentials("binh.tran@example.vn", password.toUpperCase())).toBeNull();
  });

  it("refuses an unknown e-mail, and an account without a password (staff from an identity provider)", async () => {
    expect(await checkCredentials("nobody@example.vn", password)).toBeNull();
    const staff = await createStaff(db, "Cán Bộ Không Mật Khẩu", []);
    const [row] = await db.select().from(users).where(eq(users.id, staff.userId));
    expect(row!.passwordHash).toBeNull();
    expect(await checkCredentials(row!.email!, "")).toBeNull();
    expect(await checkCredentials(row!.email!, password)).toBeNull();
  });
});

describe("audit log", () => {
  it("records registrations, sign-ins and failed attempts with the address tried", async () => {
    await registerCitizen(signUp("audit.me@example.vn"));
    const row = await userByEmail("audit.me@example.vn");
    await checkCredentials("audit.me@example.vn", password);
    await checkCredentials("audit.me@example.vn", "wrong password");
    await checkCredentials("ghost@example.vn", "anything");
    const entries = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    const mine = entries.filter(
      (entry) =>
        entry.actorId === row!.id ||
        (entry.details as { email?: string } | null)?.email === "ghost@example.vn",
    );
    expect(mine.map((entry) => entry.action)).toEqual([
      "account.registered",
      "sign_in.succeeded",
      "sign_in.failed",
      "sign_in.failed",
    ]);
    expect(mine[3]!.actorId).toBeNull();
    expect(JSON.stringify(entries)).not.toContain("wrong password");
  });
});

describe("actorForUser", () => {
  it("gives a citizen as an applicant with the organisations they belong to", async () => {
    const alone = await createApplicant(db, "Phạm Văn Một Mình");
    expect(await actorForUser(alone.userId)).toEqual({
      kind: "applicant",
      userId: alone.userId,
      name: "Phạm Văn Một Mình",
      organisationIds: [],
      organisations: [],
    });

    const member = await createApplicant(db, "Đỗ Thị Doanh Nghiệp");
    const first = await createOrganisation(db, [member]);
    const second = await createOrganisation(db, [member]);
    const actor = await actorForUser(member.userId);
    expect(actor).toMatchObject({ kind: "applicant", userId: member.userId, name: "Đỗ Thị Doanh Nghiệp" });
    expect(actor.kind === "applicant" && [...actor.organisationIds].sort()).toEqual(
      [first.id, second.id].sort(),
    );
    // With the role of each membership (the fixture makes filers).
    expect(actor.kind === "applicant" && actor.organisations).toEqual(
      expect.arrayContaining([
        { id: first.id, role: "filer" },
        { id: second.id, role: "filer" },
      ]),
    );
  });

  it("gives a civil servant as staff with every role in every agency", async () => {
    const centre = await createAgency(db, { code: "000.00.01.H33", kind: "province_centre" });
    const justice = await createAgency(db, { code: "000.00.02.H33" });
    const roles = [
      { agencyId: centre.id, role: "receiver" as const },
      { agencyId: justice.id, role: "specialist" as const },
      { agencyId: justice.id, role: "head" as const },
    ];
    const staff = await createStaff(db, "Nguyễn Thị Nhiều Việc", roles);
    const actor = await actorForUser(staff.userId);
    expect(actor).toMatchObject({ kind: "staff", userId: staff.userId, name: "Nguyễn Thị Nhiều Việc" });
    expect(actor.kind === "staff" && actor.roles).toEqual(expect.arrayContaining(roles));
    expect(actor.kind === "staff" && actor.roles).toHaveLength(3);
  });

  it("gives a civil servant without roles as staff with none, never as an applicant", async () => {
    const staff = await createStaff(db, "Cán Bộ Mới", []);
    expect(await actorForUser(staff.userId)).toEqual({
      kind: "staff",
      userId: staff.userId,
      name: "Cán Bộ Mới",
      roles: [],
    });
  });

  it("gives anonymous for an id that names no user (e.g. a deleted account)", async () => {
    expect(await actorForUser(crypto.randomUUID())).toEqual({ kind: "anonymous" });
  });

  it("signs in and resolves the same person end to end", async () => {
    const registered = await registerCitizen(signUp("end.to.end@example.vn"));
    const user = await checkCredentials("end.to.end@example.vn", password);
    expect(user?.id).toBe(registered.ok && registered.userId);
    expect(await actorForUser(user!.id)).toEqual({
      kind: "applicant",
      userId: user!.id,
      name: "Lê Thị Hoa",
      organisationIds: [],
      organisations: [],
    });
  });
});
