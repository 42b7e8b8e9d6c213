import { NextRequest } from "next/server";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { hashPassword } from "@/lib/identity/passwords";
import { openTestDatabase } from "../support/database";
import { createApplicant } from "../support/fixtures";

/*
 * next-auth's own endpoints, called as Next.js calls them: the request URL is always the address the
 * server listens on (http://localhost:3000), whatever the browser asked for.
 */

vi.stubEnv("AUTH_SECRET", "test-secret-for-endpoint-test-0123456789abcdef");

let db: Db;
let close: () => Promise<void>;
let route: typeof import("@/app/api/auth/[...nextauth]/route");

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  route = await import("@/app/api/auth/[...nextauth]/route");
});

afterEach(() => {
  vi.stubEnv("AUTH_URL", "");
  vi.stubEnv("PORTAL_TRUST_PROXY", "");
});

afterAll(async () => {
  await close();
  vi.unstubAllEnvs();
});

const local = "http://localhost:3000/api/auth";
const password = "mật khẩu cổng 2026";
const proxied = {
  host: "portal.example.gov.vn",
  "x-forwarded-host": "portal.example.gov.vn",
  "x-forwarded-proto": "https",
};

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");

async function postCredentials(email: string, pass: string, headers: Record<string, string>) {
  const csrf = await route.GET(new NextRequest(`${local}/csrf`, { headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return route.POST(
    new NextRequest(`${local}/callback/credentials`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
      body: new URLSearchParams({ email, password: pass, csrfToken, callbackUrl: "/vi/dossiers" }),
    }),
  );
}

async function citizenWithPassword(name: string) {
  const applicant = await createApplicant(db, name);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, applicant.userId));
  const [row] = await db.select().from(users).where(eq(users.id, applicant.userId));
  return { ...row!, email: row!.email! };
}

describe("absolute URLs of next-auth's endpoints", () => {
  it("behind a trusted proxy, point at the forwarded host and protocol, never localhost", async () => {
    vi.stubEnv("PORTAL_TRUST_PROXY", "1");
    const signin = await route.GET(new NextRequest(`${local}/signin`, { headers: proxied }));
    expect(signin.status).toBe(302);
    const location = signin.headers.get("location")!;
    expect(location).not.toContain("localhost");
    expect(decodeURIComponent(location)).toContain("callbackUrl=https://portal.example.gov.vn");

    const user = await citizenWithPassword("Đào Thị Cổng");
    const ok = await postCredentials(user.email, password, proxied);
    expect(ok.headers.get("location")).toBe("https://portal.example.gov.vn/vi/dossiers");
    const wrong = await postCredentials(user.email, "sai", proxied);
    expect(wrong.headers.get("location")).toMatch(
      /^https:\/\/portal\.example\.gov\.vn\/vi\/sign-in\?error=CredentialsSignin/,
    );
  });

  it("without a trusted proxy, use the Host header and ignore the forwarded ones", async () => {
    const signin = await route.GET(
      new NextRequest(`${local}/signin`, {
        headers: {
          host: "portal.example.gov.vn",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
        },
      }),
    );
    expect(decodeURIComponent(signin.headers.get("location")!)).toContain(
      "callbackUrl=http://portal.example.gov.vn",
    );
  });

  it("with AUTH_URL set, use AUTH_URL whatever the headers say", async () => {
    vi.stubEnv("AUTH_URL", "https://dichvucong.hungyen.example.vn");
    vi.stubEnv("PORTAL_TRUST_PROXY", "1");
    const user = await citizenWithPassword("Hồ Văn Cấu Hình");
    const ok = await postCredentials(user.email, password, proxied);
    expect(ok.headers.get("location")).toBe("https://dichvucong.hungyen.example.vn/vi/dossiers");
  });
});

describe("throttling through /api/auth/callback/credentials", () => {
  it("refuses the 6th attempt for one account, even with the right password, and audits it", async () => {
    vi.stubEnv("PORTAL_TRUST_PROXY", "1");
    const user = await citizenWithPassword("Vũ Thị Đoán Mò");
    const from = { ...proxied, "x-forwarded-for": "198.51.100.77" };
    for (let i = 0; i < 5; i++) {
      const wrong = await postCredentials(user.email, `sai ${i}`, from);
      expect(wrong.headers.get("location")).toContain("code=credentials");
    }
    const sixth = await postCredentials(user.email, password, from);
    expect(sixth.headers.get("location")).toContain("code=too_many_attempts");
    expect(sixth.headers.getSetCookie().some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(
      false,
    );

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sign_in.throttled"), eq(auditLog.actorId, user.id)));
    expect(entry?.details).toMatchObject({ clientAddress: "198.51.100.77", limit: "signInPerAccount" });
  });

  it("behind a trusted proxy, counts the address the proxy saw, not one the client wrote", async () => {
    vi.stubEnv("PORTAL_TRUST_PROXY", "1");
    const user = await citizenWithPassword("Tạ Văn Giả Mạo");
    for (let i = 0; i < 5; i++) {
      await postCredentials(user.email, "sai", {
        ...proxied,
        "x-forwarded-for": `10.9.9.${i}, 198.51.100.88`,
      });
    }
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sign_in.failed"), eq(auditLog.actorId, user.id)));
    expect(entry?.details).toMatchObject({ clientAddress: "198.51.100.88" });
  });

  it("a NUL in the e-mail or password is refused like a wrong password, never a server error", async () => {
    const user = await citizenWithPassword("Nul Văn Byte");
    const response = await postCredentials(`${user.email}\u0000`, `${password}\u0000`, proxied);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/vi/");
  });
});
