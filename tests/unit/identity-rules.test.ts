import { describe, expect, it } from "vitest";
import {
  clientAddress,
  landingPath,
  minutesToWait,
  ownSections,
  publicOrigin,
  throttleLimits,
  trustedProxyHops,
} from "@/lib/identity/rules";
import type { Actor, StaffRole } from "@/lib/identity/types";

const applicant: Actor = { kind: "applicant", userId: "u", name: "Dân", organisationIds: [] };
const staff = (...roles: StaffRole[]): Actor => ({
  kind: "staff",
  userId: "s",
  name: "Cán bộ",
  roles: roles.map((role) => ({ agencyId: "a", role })),
});

describe("ownSections: the header's own links, the first is where one lands", () => {
  it.each([
    ["anonymous", { kind: "anonymous" } as Actor, []],
    ["applicant", applicant, ["dossiers"]],
    ["receiver", staff("receiver"), ["staff"]],
    ["system administrator", staff("system_admin"), ["admin"]],
    ["head who also administers", staff("head", "system_admin"), ["staff", "admin"]],
    ["staff without a role yet (the queue says whom to ask)", staff(), ["staff"]],
  ])("%s", (_, actor, expected) => {
    expect(ownSections(actor)).toEqual(expected);
  });

  it.each([
    ["the chair, no casework role: no queue link (the workspace link is theirs)", staff(), []],
    ["a head who also sits in the body: the queue", staff("head"), ["staff"]],
    ["the system administrator in the body", staff("system_admin"), ["admin"]],
  ])("member of a deciding body: %s", (_, actor, expected) => {
    expect(ownSections(actor, true)).toEqual(expected);
  });
});

describe("landingPath", () => {
  it.each([
    ["applicant, no callback", applicant, null, "/vi/dossiers"],
    ["applicant, a procedure page", applicant, "/vi/procedures/1.001193", "/vi/procedures/1.001193"],
    ["applicant, a draft", applicant, "/vi/dossiers/drafts/x", "/vi/dossiers/drafts/x"],
    ["applicant, the staff queue", applicant, "/vi/staff", "/vi/dossiers"],
    ["applicant, the admin page", applicant, "/vi/admin", "/vi/dossiers"],
    ["receiver, no callback", staff("receiver"), null, "/vi/staff"],
    ["specialist, no callback", staff("specialist"), null, "/vi/staff"],
    ["head, no callback", staff("head"), null, "/vi/staff"],
    ["agency admin, no callback", staff("agency_admin"), null, "/vi/staff"],
    ["receiver, an applicant-only page", staff("receiver"), "/vi/dossiers/new?procedure=1.1", "/vi/staff"],
    [
      "receiver, a dossier in the queue",
      staff("receiver"),
      "/vi/staff/dossiers/H33.1",
      "/vi/staff/dossiers/H33.1",
    ],
    ["receiver, the admin page", staff("receiver"), "/vi/admin", "/vi/staff"],
    ["receiver, a public page", staff("receiver"), "/en/transparency", "/en/transparency"],
    ["system admin, no callback", staff("system_admin"), null, "/vi/admin"],
    ["system admin, applicant page", staff("system_admin"), "/vi/dossiers", "/vi/admin"],
    ["system admin, the staff queue", staff("system_admin"), "/vi/staff", "/vi/admin"],
    ["system admin and head", staff("system_admin", "head"), null, "/vi/staff"],
    ["system admin and head, admin page", staff("system_admin", "head"), "/vi/admin", "/vi/admin"],
    ["staff without roles", staff(), null, "/vi/staff"],
    ["anyone, the sign-in page itself", applicant, "/vi/sign-in", "/vi/dossiers"],
  ])("%s", (_name, actor, callback, expected) => {
    const lang = expected.slice(1, 3);
    expect(landingPath(actor, lang, callback)).toBe(expected);
  });
});

describe("landingPath for a member of a deciding body", () => {
  it.each([
    ["the chair, no other role: the workspace", staff(), null, "/vi/workspace"],
    ["the chair, asked for the staff queue: the workspace", staff(), "/vi/staff", "/vi/workspace"],
    ["the chair, a workspace page", staff(), "/vi/workspace/opinions/x", "/vi/workspace/opinions/x"],
    ["a head who also sits in the body: the queue", staff("head"), null, "/vi/staff"],
    ["the system administrator in the body: the admin page", staff("system_admin"), null, "/vi/admin"],
  ])("%s", (_name, actor, callback, expected) => {
    expect(landingPath(actor, "vi", callback, true)).toBe(expected);
  });
});

describe("clientAddress", () => {
  it("takes the connection's address Next.js wrote when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("2001:DB8::1", 0)).toBe("2001:db8::1");
  });

  it("behind trusted proxies takes the entry the outermost one appended, never what the client wrote", () => {
    expect(clientAddress("1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("1.1.1.1, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("counts anything that is not an address as one shared 'unknown'", () => {
    expect(clientAddress(null, 0)).toBe("unknown");
    expect(clientAddress("evil\u0000", 1)).toBe("unknown");
    expect(clientAddress("a, b", 1)).toBe("unknown");
  });
});

describe("trustedProxyHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["1", 1],
    ["true", 1],
    ["2", 2],
    ["many", 0],
  ])("PORTAL_TRUST_PROXY=%s → %i", (value, hops) => {
    expect(trustedProxyHops({ PORTAL_TRUST_PROXY: value })).toBe(hops);
  });
});

describe("publicOrigin", () => {
  const base = {
    authUrl: undefined,
    trustProxy: false,
    host: "portal.example.gov.vn",
    forwardedHost: "evil.example",
    forwardedProto: "https",
    requestProtocol: "http:",
  };

  it("uses AUTH_URL when set", () => {
    expect(publicOrigin({ ...base, authUrl: "https://dichvucong.example.gov.vn/api/auth" })).toBe(
      "https://dichvucong.example.gov.vn",
    );
  });

  it("without a trusted proxy, the Host header and the connection's protocol; forwarded headers ignored", () => {
    expect(publicOrigin(base)).toBe("http://portal.example.gov.vn");
  });

  it("behind a trusted proxy, X-Forwarded-Host and X-Forwarded-Proto", () => {
    expect(publicOrigin({ ...base, trustProxy: true, forwardedHost: "portal.example.gov.vn" })).toBe(
      "https://portal.example.gov.vn",
    );
    expect(publicOrigin({ ...base, trustProxy: true, forwardedHost: null })).toBe(
      "https://portal.example.gov.vn",
    );
  });

  it("refuses a host that is not a host", () => {
    expect(publicOrigin({ ...base, host: "a/b@c" })).toBeNull();
    expect(publicOrigin({ ...base, host: null })).toBeNull();
  });
});

describe("throttling figures", () => {
  it("are the documented ones", () => {
    expect(throttleLimits.signInPerAccount).toEqual({ points: 5, seconds: 900 });
    expect(throttleLimits.signInPerAddress).toEqual({ points: 20, seconds: 900 });
    expect(throttleLimits.signUpPerAddress).toEqual({ points: 20, seconds: 900 });
  });

  it("round the wait up to whole minutes, at least one", () => {
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(60_000)).toBe(1);
    expect(minutesToWait(60_001)).toBe(2);
    expect(minutesToWait(14 * 60_000 + 1)).toBe(15);
  });
});
