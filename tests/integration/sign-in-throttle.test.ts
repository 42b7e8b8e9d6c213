import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, rateLimits } from "@/db/schema";
import { registerCitizen, signInWithPassword } from "@/lib/identity/accounts";
import { throttleLimits } from "@/lib/identity/rules";
import { openTestDatabase } from "../support/database";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});

afterAll(async () => {
  await close();
});

const password = "mật khẩu đủ dài 2026";
async function citizen(email: string) {
  const registered = await registerCitizen({
    fullName: "Nguyễn Văn Thử",
    email,
    phone: "0912345678",
    password,
    confirmPassword: password,
  });
  if (!registered.ok) throw new Error(registered.error);
  return registered.userId;
}

async function auditOf(action: string, email: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), sql`${auditLog.details}->>'email' = ${email}`));
}

describe("sign-in throttling per account", () => {
  it("refuses the 6th attempt after 5 wrong passwords, even with the right password, with the wait", async () => {
    const userId = await citizen("an.nguyen@example.vn");
    for (let i = 0; i < throttleLimits.signInPerAccount.points; i++) {
      expect(await signInWithPassword("an.nguyen@example.vn", `sai ${i}`, "198.51.100.1")).toEqual({
        ok: false,
        error: "wrong_credentials",
      });
    }
    const sixth = await signInWithPassword("an.nguyen@example.vn", password, "198.51.100.2");
    expect(sixth).toEqual({ ok: false, error: "too_many_attempts", retryAfterMinutes: 15 });

    // Another account from another address is not affected.
    await citizen("binh.le@example.vn");
    const other = await signInWithPassword("binh.le@example.vn", password, "203.0.113.50");
    expect(other.ok).toBe(true);

    // The refused attempt is in the audit log, with the account and the address, not the password.
    const throttled = await auditOf("sign_in.throttled", "an.nguyen@example.vn");
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({
      actorId: userId,
      details: {
        email: "an.nguyen@example.vn",
        clientAddress: "198.51.100.2",
        limit: "signInPerAccount",
        retryAfterMinutes: 15,
      },
    });
    expect(JSON.stringify(throttled)).not.toContain(password);
  });

  it("counts e-mails in any case and with spaces as one account, and e-mails without an account alike", async () => {
    for (const email of [
      "Ghost@Example.vn",
      " ghost@example.vn",
      "GHOST@EXAMPLE.VN",
      "ghost@example.vn",
      "ghost@example.VN",
    ]) {
      await signInWithPassword(email, "đoán", "198.51.100.3");
    }
    expect(await signInWithPassword("ghost@example.vn", "đoán", "198.51.100.4")).toMatchObject({
      ok: false,
      error: "too_many_attempts",
    });
  });

  it("clears the account's counter on a success", async () => {
    await citizen("chi.tran@example.vn");
    for (let i = 0; i < 4; i++) await signInWithPassword("chi.tran@example.vn", "sai", "198.51.100.5");
    expect((await signInWithPassword("chi.tran@example.vn", password, "198.51.100.5")).ok).toBe(true);
    for (let i = 0; i < 4; i++) {
      expect(await signInWithPassword("chi.tran@example.vn", "sai", "198.51.100.5")).toMatchObject({
        error: "wrong_credentials",
      });
    }
    expect((await signInWithPassword("chi.tran@example.vn", password, "198.51.100.5")).ok).toBe(true);
  });

  it("lets only 5 of a burst of parallel guesses reach the password check", async () => {
    await citizen("dung.pham@example.vn");
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signInWithPassword("dung.pham@example.vn", `sai ${i}`, `192.0.2.${i}`),
      ),
    );
    expect(outcomes.filter((o) => !o.ok && o.error === "wrong_credentials")).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.error === "too_many_attempts")).toHaveLength(7);
  });

  it("keeps its counters in the database (shared by every instance)", async () => {
    const rows = await db
      .select()
      .from(rateLimits)
      .where(sql`${rateLimits.key} like 'signInPerAccount:%'`);
    expect(rows.map((row) => row.key)).toContain("signInPerAccount:an.nguyen@example.vn");
  });
});

describe("sign-in throttling per address", () => {
  it("refuses any account from an address after 20 wrong passwords from it, and not other addresses", async () => {
    await citizen("em.vo@example.vn");
    for (let i = 0; i < throttleLimits.signInPerAddress.points; i++) {
      // A different e-mail each time: only the address limit can stop this.
      await signInWithPassword(`khach${i}@example.vn`, "đoán", "198.51.100.99");
    }
    expect(await signInWithPassword("em.vo@example.vn", password, "198.51.100.99")).toEqual({
      ok: false,
      error: "too_many_attempts",
      retryAfterMinutes: 15,
    });
    expect((await signInWithPassword("em.vo@example.vn", password, "198.51.100.100")).ok).toBe(true);
    const throttled = await auditOf("sign_in.throttled", "em.vo@example.vn");
    expect(throttled[0]!.details).toMatchObject({
      limit: "signInPerAddress",
      clientAddress: "198.51.100.99",
    });
  });

  it("does not count successes against the address", async () => {
    await citizen("giang.do@example.vn");
    for (let i = 0; i < throttleLimits.signInPerAddress.points + 5; i++) {
      expect((await signInWithPassword("giang.do@example.vn", password, "198.51.100.120")).ok).toBe(true);
    }
  });
});

describe("sign-up throttling per address", () => {
  it("refuses a sign-up from an address after 20, new or taken e-mails alike, and audits it", async () => {
    const form = (email: string) => ({
      fullName: "Hà Thị Đăng Ký",
      email,
      phone: "0912345678",
      password,
      confirmPassword: password,
    });
    for (let i = 0; i < throttleLimits.signUpPerAddress.points; i++) {
      // Half of them probe an e-mail that has an account.
      const email = i % 2 === 0 ? `moi${i}@example.vn` : "an.nguyen@example.vn";
      const outcome = await registerCitizen(form(email), { address: "198.51.100.200" });
      expect(outcome.ok || (!outcome.ok && outcome.error === "email_taken")).toBe(true);
    }
    expect(await registerCitizen(form("muon@example.vn"), { address: "198.51.100.200" })).toEqual({
      ok: false,
      error: "too_many_attempts",
      retryAfterMinutes: 15,
    });
    expect((await registerCitizen(form("muon@example.vn"), { address: "198.51.100.201" })).ok).toBe(true);
    const throttled = await auditOf("sign_up.throttled", "muon@example.vn");
    expect(throttled[0]!.details).toMatchObject({ address: "198.51.100.200", retryAfterMinutes: 15 });
  });
});
