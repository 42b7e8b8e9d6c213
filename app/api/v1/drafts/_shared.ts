import "server-only";
import { getActor } from "@/lib/identity/actor";
import { requestPublicOrigin } from "@/lib/identity/origin";
import type { Actor } from "@/lib/identity/types";

const headers = { "Cache-Control": "no-store" };

/** An error answer of the drafts API: 4xx with {"error": code}. */
export function apiError(status: number, error: string, issues?: Record<string, string[]>) {
  return Response.json(issues ? { error, issues } : { error }, { status, headers });
}

export function apiOk(body: unknown) {
  return Response.json(body, { headers });
}

/**
 * The applicant posting from one of the portal's own pages: another site's page cannot post here
 * with the person's cookie (its Origin differs), and only an applicant has drafts.
 */
export async function draftPoster(request: Request): Promise<Actor | Response> {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  // The server's own URL is the address it listens on (localhost), not the one the browser used.
  if ((origin && origin !== requestPublicOrigin(request)) || (site && site !== "same-origin"))
    return apiError(403, "forbidden");
  const actor = await getActor();
  if (actor.kind === "anonymous") return apiError(401, "signed_out");
  if (actor.kind !== "applicant") return apiError(403, "forbidden");
  return actor;
}

/** The posted form, or null when the body is not one. */
export async function postedForm(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}
