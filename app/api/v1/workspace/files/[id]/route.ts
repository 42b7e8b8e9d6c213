import { readOnlyRoute } from "@/lib/http/errors";
import { attachmentDisposition } from "@/lib/dossiers/download";
import { getActor } from "@/lib/identity/actor";
import { readItemDocument } from "@/lib/meetings/meetings";

/** An agenda item's document for the meeting's members and guests; anyone else learns nothing (404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await readItemDocument(await getActor(), id);
  if (!result.ok)
    return Response.json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const { fileName, mediaType, bytes } = result.value;
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
