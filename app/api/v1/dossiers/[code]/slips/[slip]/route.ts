import type { NextRequest } from "next/server";
import { apiError, readOnlyRoute } from "@/lib/http/errors";
import { getActor } from "@/lib/identity/actor";
import { issuesOf } from "@/lib/result";
import { pdfResponse, publicOriginOf } from "@/lib/slips/http";
import { slipRequestSchema } from "@/lib/slips/schema";
import { renderDossierSlip } from "@/lib/slips/service";

/**
 * A dossier's official slip (01–06) as PDF: ?lang=en gives the English courtesy copy. Staff who may
 * see the dossier get every slip; its applicant those addressed to them (01–05); anyone else, and a
 * slip whose event has not happened, 404. A malformed code, slip or language is a 400.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ code: string; slip: string }> },
) {
  const { code, slip } = await params;
  const parsed = slipRequestSchema.safeParse({
    code,
    slip,
    lang: request.nextUrl.searchParams.get("lang") ?? undefined,
  });
  if (!parsed.success) return apiError(400, "invalid_request", { issues: issuesOf(parsed.error) });
  const result = await renderDossierSlip(await getActor(), {
    code: parsed.data.code.toUpperCase(),
    slip: parsed.data.slip,
    lang: parsed.data.lang,
    origin: publicOriginOf(request),
  });
  if (!result.ok) return apiError(404, "not_found");
  return pdfResponse(result.value);
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
