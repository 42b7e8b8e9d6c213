import { readOnlyRoute } from "@/lib/http/errors";
import { NextResponse } from "next/server";
import { lookupSchema } from "@/lib/dossiers/schema";
import { getPublicStatus } from "@/lib/dossiers/service";

const headers = { "Cache-Control": "no-store" };

/** Public: a dossier's status by its code, with no personal data (the same as /[lang]/lookup). */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const parsed = lookupSchema.safeParse({ code });
  if (!parsed.success) return NextResponse.json({ error: "invalid_code" }, { status: 400, headers });
  try {
    const status = await getPublicStatus(parsed.data.code.toUpperCase());
    if (!status) return NextResponse.json({ error: "not_found" }, { status: 404, headers });
    return NextResponse.json(status, { headers });
  } catch (error) {
    console.error("dossier status lookup failed", error);
    return NextResponse.json({ error: "unavailable" }, { status: 503, headers });
  }
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
