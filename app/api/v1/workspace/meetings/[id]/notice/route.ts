import { readOnlyRoute } from "@/lib/http/errors";
import { attachmentDisposition } from "@/lib/dossiers/download";
import { getActor } from "@/lib/identity/actor";
import { conclusionNoticePdf } from "@/lib/meetings/conclusion";

/** The conclusion notice of a closed meeting as PDF (?lang=en: the courtesy translation). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "vi";
  const result = await conclusionNoticePdf(await getActor(), id, lang);
  if (!result.ok)
    return Response.json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(result.value.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(result.value.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
