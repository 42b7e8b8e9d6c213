import "server-only";
import type { NextRequest } from "next/server";
import { withPublicOrigin } from "@/lib/identity/origin";
import type { SlipFile } from "./service";

/** The address the slips' QR codes point at: the public origin (AUTH_URL, a trusted proxy, or Host). */
export function publicOriginOf(request: NextRequest): string {
  return withPublicOrigin(request).nextUrl.origin;
}

/** A slip sent to the browser to show and print; personal, so never kept by any cache. */
export function pdfResponse(file: SlipFile): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `inline; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
