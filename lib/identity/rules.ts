import { isIP } from "node:net";
import { caseworkRoles, type Actor } from "./types";

/**
 * Throttling of sign-in and sign-up (rate-limiter-flexible counts; these say how many and how long).
 * A success clears the account's counter; the address counter only runs out.
 */
export const throttleLimits = {
  /** Wrong passwords for one e-mail address (whether or not it has an account). */
  signInPerAccount: { points: 5, seconds: 15 * 60 },
  /** Wrong passwords from one client address, whatever the account. */
  signInPerAddress: { points: 20, seconds: 15 * 60 },
  /** Sign-up attempts (new or taken e-mail) from one client address. */
  signUpPerAddress: { points: 20, seconds: 15 * 60 },
} as const;

/** Whole minutes to wait, rounded up, never 0: "try again in 1 minute" rather than "in 0". */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/**
 * How many reverse proxies in front of the portal may be believed (PORTAL_TRUST_PROXY): "1" or
 * "true" is one; a number is that many; unset, "0" or anything else is none.
 */
export function trustedProxyHops(env: Record<string, string | undefined>): number {
  const value = (env.PORTAL_TRUST_PROXY ?? "").trim().toLowerCase();
  if (value === "true" || value === "yes") return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 && hops < 10 ? hops : 0;
}

/**
 * The client's address for per-address throttling, from X-Forwarded-For.
 *
 * Behind `hops` trusted proxies, each appends the address it received the request from, so the
 * hops-th entry from the right is the client as our outermost proxy saw it; anything further left
 * was written by the client and is ignored. With no trusted proxy the header is the one Next.js
 * fills from the connection (it keeps a header the client sent, so a client talking to the portal
 * directly can choose this value: the per-account limit still holds; see README).
 * Anything that is not an IP address counts as one shared "unknown" address.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries[entries.length - Math.max(hops, 1)] ?? "";
  const address = chosen.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address.toLowerCase() : "unknown";
}

/**
 * The origin the browser used, for the absolute URLs next-auth builds (redirects after sign-in and
 * sign-out, the sign-in page). AUTH_URL wins when set. Behind a trusted proxy, X-Forwarded-Proto and
 * X-Forwarded-Host (first value each) say what the browser asked for. Otherwise the Host header and
 * the protocol Next.js saw. Returns null when nothing usable is there (next-auth then keeps its own).
 */
export function publicOrigin(input: {
  authUrl: string | undefined;
  trustProxy: boolean;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  requestProtocol: string;
}): string | null {
  if (input.authUrl) {
    try {
      return new URL(input.authUrl).origin;
    } catch {
      return null;
    }
  }
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = (input.trustProxy ? first(input.forwardedHost) : null) ?? first(input.host);
  const forwardedProto = input.trustProxy ? first(input.forwardedProto)?.toLowerCase() : null;
  const protocol =
    forwardedProto === "https" || forwardedProto === "http"
      ? forwardedProto
      : input.requestProtocol.replace(/:$/, "");
  if (!host || !/^[a-z0-9.\-[\]:]+$/i.test(host)) return null;
  try {
    const url = new URL(`${protocol}://${host}`);
    return url.hostname ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The sections that are a signed-in person's own work, in the order the header shows them; the
 * first is where they land. Applicants: their dossiers. Staff: the queue when they hold a casework
 * role (or no role yet: the queue page says whom to ask; but not a member of a deciding body with
 * no casework: the workspace is their work), the administration when they administer (a system
 * administrator, or an agency administrator, who also works the agency's queue).
 */
export function ownSections(
  actor: Actor,
  /** The official sits in a deciding body: with no casework role, the queue is not theirs. */
  workspaceMember = false,
): ("dossiers" | "staff" | "admin")[] {
  if (actor.kind === "applicant") return ["dossiers"];
  if (actor.kind !== "staff") return [];
  const administers = actor.roles.some((r) => r.role === "system_admin" || r.role === "agency_admin");
  const casework = actor.roles.some((r) => caseworkRoles.includes(r.role));
  return [
    ...(casework || (!administers && !workspaceMember) ? (["staff"] as const) : []),
    ...(administers ? (["admin"] as const) : []),
  ];
}

/**
 * Where a person lands after signing in: the page they were going to when their account can use
 * it, else their own work: an applicant's dossiers, a caseworker's queue, the administrator's page.
 * A staff account is never sent to an applicant-only page ("a staff account cannot file").
 */
export function landingPath(
  actor: Actor,
  lang: string,
  callbackUrl: string | null,
  /** The official sits in a deciding body (lib/meetings): with no other work, the workspace is theirs. */
  workspaceMember = false,
): string {
  const noOtherWork =
    actor.kind === "staff" &&
    !actor.roles.some(
      (r) => caseworkRoles.includes(r.role) || r.role === "system_admin" || r.role === "agency_admin",
    );
  const home =
    workspaceMember && noOtherWork ? `/${lang}/workspace` : `/${lang}/${ownSections(actor)[0] ?? "dossiers"}`;
  if (!callbackUrl) return home;
  const section = callbackUrl.split(/[/?#]/)[2] ?? "";
  const usable =
    section === "sign-in" || section === "sign-up"
      ? false
      : section === "dossiers"
        ? actor.kind === "applicant"
        : section === "staff"
          ? actor.kind === "staff" && home === `/${lang}/staff`
          : section === "admin"
            ? actor.kind === "staff" &&
              actor.roles.some((r) => r.role === "system_admin" || r.role === "agency_admin")
            : true;
  return usable ? callbackUrl : home;
}

// The session-cookie rule is shared with scripts/server.mjs, outside Next's bundler.
export { mayHaveSession } from "./sessionCookie.mjs";
