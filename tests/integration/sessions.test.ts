import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { hashPassword } from "@/lib/identity/passwords";
import { openTestDatabase } from "../support/database";
import { createAgency, createApplicant, createStaff } from "../support/fixtures";

/*
 * Sessions that can be revoked, through next-auth's real route handlers: sign in over HTTP
 * (/api/auth/callback/credentials), keep a copy of the session cookie, then end the session in each
 * way and check the copy is worth nothing (/api/auth/session is empty, the actor is anonymous).
 */

vi.stubEnv("AUTH_SECRET", "test-secret-for-sessions-test-0123456789abcdef");
vi.stubEnv("AUTH_URL", "");

let db: Db;
let close: () => Promise<void>;
let route: typeof import("@/app/api/auth/[...nextauth]/route");
let accounts: typeof import("@/lib/identity/accounts");

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  route = await import("@/app/api/auth/[...nextauth]/route");
  accounts = await import("@/lib/identity/accounts");
});

afterAll(async () => {
  await close();
  vi.unstubAllEnvs();
});

const password = "mật khẩu phiên 2026";
const base = "http://localhost:3000/api/auth";

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

/** Signs in over HTTP as next-auth's own form would: CSRF token, then the credentials callback. */
async function signInOverHttp(email: string, pass = password, address = "203.0.113.10") {
  const csrf = await route.GET(new NextRequest(`${base}/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await route.POST(
    new NextRequest(`${base}/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesOf(csrf),
        "x-forwarded-for": address,
      },
      body: new URLSearchParams({ email, password: pass, csrfToken, callbackUrl: "/vi/dossiers" }),
    }),
  );
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  return { response, session: session ?? null, csrf: { token: csrfToken, cookie: cookiesOf(csrf) } };
}

async function sessionFor(cookie: string): Promise<{ user?: { id?: string } } | null> {
  const response = await route.GET(new NextRequest(`${base}/session`, { headers: { cookie } }));
  return (await response.json()) as { user?: { id?: string } } | null;
}

async function withPassword(userId: string) {
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, userId));
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return { ...row!, email: row!.email! };
}

describe("a copied session cookie", () => {
  it("works until sign-out, and not after (sign-out ends every session of the user)", async () => {
    const applicant = await createApplicant(db, "Lý Thị Phiên");
    const user = await withPassword(applicant.userId);
    const { session } = await signInOverHttp(user.email);
    expect(session).not.toBeNull();
    const copy = session!;
    expect((await sessionFor(copy))?.user?.id).toBe(user.id);

    // Sign out through next-auth's endpoint with the original cookie.
    const csrf = await route.GET(new NextRequest(`${base}/csrf`, { headers: { cookie: copy } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedOut = await route.POST(
      new NextRequest(`${base}/signout`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `${copy}; ${cookiesOf(csrf)}`,
        },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/vi" }),
      }),
    );
    expect(signedOut.status).toBe(302);

    // The copy of the cookie no longer names anybody.
    expect(await sessionFor(copy)).toBeNull();
    const sessionVersion = 1;
    expect(await accounts.actorForUser(user.id, sessionVersion)).toEqual({ kind: "anonymous" });
    const [ended] = await db.select().from(auditLog).where(eq(auditLog.action, "session.ended"));
    expect(ended?.actorId).toBe(user.id);

    // Signing in again gives a new, working session.
    const again = await signInOverHttp(user.email);
    expect((await sessionFor(again.session!))?.user?.id).toBe(user.id);
  });

  it("a stale copy cannot sign its owner out of the new session", async () => {
    const applicant = await createApplicant(db, "Mai Văn Cũ");
    const user = await withPassword(applicant.userId);
    const first = (await signInOverHttp(user.email)).session!;
    await accounts.endSessions(user.id, 1);
    const second = (await signInOverHttp(user.email)).session!;
    expect(await accounts.endSessions(user.id, 1)).toBe(false);
    expect((await sessionFor(second))?.user?.id).toBe(user.id);
    expect(await sessionFor(first)).toBeNull();
  });
});

describe("ending a staff member's sessions from the services", () => {
  async function setUp(name: string) {
    const agency = await createAgency(db, {
      code: `000.00.${Math.floor(Math.random() * 90 + 10)}.S${name.length}`,
    });
    const staff = await createStaff(db, name, [{ agencyId: agency.id, role: "head" }]);
    const admin = await createStaff(db, "Quản Trị Viên", [{ agencyId: agency.id, role: "system_admin" }]);
    const user = await withPassword(staff.userId);
    const session = (await signInOverHttp(user.email)).session!;
    expect((await sessionFor(session))?.user?.id).toBe(user.id);
    expect((await accounts.actorForUser(user.id, 1)).kind).toBe("staff");
    return { agency, staff, admin, user, session };
  }

  it("disabling an account makes its existing session anonymous at once, and it cannot sign in", async () => {
    const { admin, user, session } = await setUp("Trần Văn Bị Khóa");
    expect(await accounts.disableAccount(admin, user.id)).toEqual({ ok: true });
    expect(await sessionFor(session)).toBeNull();
    expect(await accounts.actorForUser(user.id, 1)).toEqual({ kind: "anonymous" });
    expect(await accounts.actorForUser(user.id)).toEqual({ kind: "anonymous" });
    expect((await signInOverHttp(user.email)).session).toBeNull();
  });

  it("changing roles ends the old session; the new one carries the new roles", async () => {
    const { agency, admin, user, session } = await setUp("Lê Thị Đổi Vai");
    expect(await accounts.setStaffRoles(admin, user.id, [{ agencyId: agency.id, role: "receiver" }])).toEqual(
      {
        ok: true,
      },
    );
    expect(await sessionFor(session)).toBeNull();
    expect(await accounts.actorForUser(user.id, 1)).toEqual({ kind: "anonymous" });
    const fresh = (await signInOverHttp(user.email)).session!;
    expect((await sessionFor(fresh))?.user?.id).toBe(user.id);
    expect(await accounts.actorForUser(user.id, 2)).toMatchObject({
      kind: "staff",
      roles: [{ agencyId: agency.id, role: "receiver" }],
    });
  });

  it("changing the password ends every session", async () => {
    const { staff, user, session } = await setUp("Phạm Văn Đổi Mật Khẩu");
    const actor = await accounts.actorForUser(user.id, 1);
    expect(
      await accounts.changePassword(actor, {
        currentPassword: "không đúng",
        newPassword: "mật khẩu mới 2026",
      }),
    ).toEqual({ ok: false, error: "wrong_password" });
    expect((await sessionFor(session))?.user?.id).toBe(staff.userId);
    expect(
      await accounts.changePassword(actor, { currentPassword: password, newPassword: "mật khẩu mới 2026" }),
    ).toEqual({
      ok: true,
    });
    expect(await sessionFor(session)).toBeNull();
    expect((await signInOverHttp(user.email, "mật khẩu mới 2026")).session).not.toBeNull();
  });

  it("only a system administrator may disable an account or change roles", async () => {
    const { staff, agency } = await setUp("Ngô Văn Không Quyền");
    const other = await createStaff(db, "Người Khác", [{ agencyId: agency.id, role: "receiver" }]);
    expect(await accounts.disableAccount(staff, other.userId)).toEqual({ ok: false, error: "forbidden" });
    expect(
      await accounts.setStaffRoles(staff, staff.userId, [{ agencyId: agency.id, role: "system_admin" }]),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
