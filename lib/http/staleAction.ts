import fs from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

/*
 * A form left open across a rebuild posts to a server action id the new build does not have. Next
 * answers such a post with a bare 409 "Server Action unavailable." (without JavaScript) or with a
 * header its client turns into an UnrecognizedActionError (with JavaScript). For the post without
 * JavaScript the proxy notices the unknown id (the build's server-reference manifest lists the known
 * ones) and lets the request through as a plain POST, which renders the page again: the text fields
 * that were posted travel in a request header, so the form shows them again with a notice asking to
 * send once more. JavaScript's path is in components/forms/StaleForm.tsx.
 */

/** Request header carrying the stale post's text fields to the page (set by the proxy only). */
export const staleFormHeader = "x-portal-stale-form";

/** What the page gets back from a stale post: the text fields, unless they were too long to carry. */
export type StaleForm = { values: Record<string, string> };

/** Above this the typed values are not carried (the notice still shows; the fields come back empty). */
const maxCarried = 256 * 1024;

/** The server action ids a form post names (`$ACTION_ID_<id>`, or `$ACTION_REF_n` + `$ACTION_n:0`). */
export function postedActionIds(data: FormData): string[] {
  const ids: string[] = [];
  for (const [key, value] of data.entries()) {
    if (key.startsWith("$ACTION_ID_")) ids.push(key.slice("$ACTION_ID_".length));
    else if (key.startsWith("$ACTION_REF_")) {
      const descriptor = data.get(`$ACTION_${key.slice("$ACTION_REF_".length)}:0`);
      try {
        const id = typeof descriptor === "string" ? (JSON.parse(descriptor) as { id?: unknown }).id : null;
        ids.push(typeof id === "string" ? id : "");
      } catch {
        ids.push("");
      }
    }
    void value;
  }
  return ids;
}

/** The posted text fields worth showing again: never a password, a file or React's own fields. */
export function carriedValues(data: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of data.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    if (!(key in values)) values[key] = value.replaceAll("\0", "");
  }
  return values;
}

export function encodeStaleForm(form: StaleForm): string {
  const encoded = Buffer.from(JSON.stringify(form), "utf8").toString("base64url");
  return encoded.length <= maxCarried ? encoded : Buffer.from('{"values":{}}').toString("base64url");
}

export function decodeStaleForm(header: string | null): StaleForm | null {
  if (!header) return null;
  try {
    const parsed = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as StaleForm;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed.values ?? {}))
      if (typeof value === "string") values[key] = value;
    return { values };
  } catch {
    return null;
  }
}

let knownIds: Set<string> | null = null;

/** The action ids of the build this server runs (read once: a running build does not change). */
function knownActionIds(): Set<string> | null {
  if (knownIds) return knownIds;
  const manifest = path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    process.env.NEXT_DIST_DIR || ".next",
    "server",
    "server-reference-manifest.json",
  );
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
      node?: Record<string, unknown>;
      edge?: Record<string, unknown>;
    };
    knownIds = new Set([...Object.keys(parsed.node ?? {}), ...Object.keys(parsed.edge ?? {})]);
    return knownIds;
  } catch {
    return null; // `next dev`, or no manifest: let Next decide
  }
}

/**
 * Called by the proxy with the headers it passes on: drops a forged stale-form header, and for a
 * form post (no JavaScript) naming an action this build does not have, turns it into a plain POST
 * that renders the page again with what was typed.
 */
export async function markStaleActionPost(request: NextRequest, headers: Headers): Promise<void> {
  headers.delete(staleFormHeader);
  if (request.method !== "POST" || request.headers.has("next-action")) return;
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded"))
    return;
  const known = knownActionIds();
  if (!known) return;
  let data: FormData;
  try {
    data = await request.clone().formData();
  } catch {
    return; // not a form Next could read either: its own answer stands
  }
  const ids = postedActionIds(data);
  if (ids.length === 0 || ids.every((id) => known.has(id))) return;
  headers.set(staleFormHeader, encodeStaleForm({ values: carriedValues(data) }));
  // Not a server action any more for Next: a POST it renders as the page.
  headers.set("content-type", "text/plain;charset=UTF-8");
}
