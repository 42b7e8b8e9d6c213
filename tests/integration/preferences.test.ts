import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { registerCitizen } from "@/lib/identity/accounts";
import { getPreferences, updatePreferences } from "@/lib/identity/preferences";
import { openTestDatabase } from "../support/database";
import { createAgency, createApplicant, createStaff } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});

afterAll(async () => {
  await close();
});

async function stored(userId: string) {
  const [row] = await db
    .select({ locale: users.locale, email: users.notifyByEmail, inbox: users.notifyInInbox })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

describe("a person's language and channels", () => {
  it("start as Vietnamese with both channels, and are read back with the name and e-mail", async () => {
    const applicant = await createApplicant(db, "Lê Thị Hoa", { email: "hoa@example.vn" });
    const read = await getPreferences(applicant);
    expect(read).toEqual({
      ok: true,
      value: {
        fullName: "Lê Thị Hoa",
        email: "hoa@example.vn",
        locale: "vi",
        notifyByEmail: true,
        notifyInInbox: true,
      },
    });
  });

  it("changes only the actor's own row", async () => {
    const applicant = await createApplicant(db, "Nguyễn Văn An");
    const other = await createApplicant(db, "Trần Thị Bình");
    const updated = await updatePreferences(applicant, {
      locale: "en",
      notifyByEmail: false,
      notifyInInbox: true,
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { locale: "en", notifyByEmail: false, notifyInInbox: true },
    });
    expect(await stored(applicant.userId)).toEqual({ locale: "en", email: false, inbox: true });
    expect(await stored(other.userId)).toEqual({ locale: "vi", email: true, inbox: true });
  });

  it("works for staff too", async () => {
    const agency = await createAgency(db, { code: "000.00.09.H33" });
    const officer = await createStaff(db, "Phạm Văn Cán Bộ", [{ agencyId: agency.id, role: "receiver" }]);
    expect(
      (await updatePreferences(officer, { locale: "en", notifyByEmail: true, notifyInInbox: false })).ok,
    ).toBe(true);
    expect(await stored(officer.userId)).toEqual({ locale: "en", email: true, inbox: false });
  });

  it("refuses an unknown language or a channel that is not a yes or no, and changes nothing", async () => {
    const applicant = await createApplicant(db, "Đỗ Văn Cường");
    expect(
      await updatePreferences(applicant, { locale: "fr", notifyByEmail: true, notifyInInbox: true }),
    ).toEqual({
      ok: false,
      error: "invalid_input",
      issues: { locale: ["errors.locale"] },
    });
    const odd = await updatePreferences(applicant, {
      locale: "en",
      notifyByEmail: "yes",
      notifyInInbox: true,
    });
    expect(odd).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { notifyByEmail: ["errors.invalid"] },
    });
    expect(await updatePreferences(applicant, {})).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await stored(applicant.userId)).toEqual({ locale: "vi", email: true, inbox: true });
  });

  it("takes no other column from the input", async () => {
    const applicant = await createApplicant(db, "Vũ Thị Dung");
    const result = await updatePreferences(applicant, {
      locale: "en",
      notifyByEmail: true,
      notifyInInbox: true,
      fullName: "Someone Else",
      kind: "staff",
    } as Record<string, unknown>);
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, applicant.userId));
    expect(row).toMatchObject({ fullName: "Vũ Thị Dung", kind: "citizen", locale: "en" });
  });

  it("refuses someone not signed in", async () => {
    expect(await getPreferences({ kind: "anonymous" })).toEqual({ ok: false, error: "forbidden" });
    expect(
      await updatePreferences(
        { kind: "anonymous" },
        { locale: "en", notifyByEmail: true, notifyInInbox: true },
      ),
    ).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("the language chosen at sign-up", () => {
  const password = "mật khẩu thật dài 2026";
  const signUp = (email: string, locale?: "vi" | "en") => ({
    fullName: "Hoàng Minh Tuấn",
    email,
    phone: "0912345678",
    password,
    confirmPassword: password,
    ...(locale ? { locale } : {}),
  });

  it("is stored, and Vietnamese when none was given", async () => {
    const english = await registerCitizen(signUp("tuan.en@example.vn", "en"));
    const plain = await registerCitizen(signUp("tuan.vi@example.vn"));
    expect(english.ok && plain.ok).toBe(true);
    if (!english.ok || !plain.ok) return;
    expect((await stored(english.userId))!.locale).toBe("en");
    expect((await stored(plain.userId))!.locale).toBe("vi");
  });
});
