import { readOnlyRoute } from "@/lib/http/errors";
import { attachmentDisposition } from "@/lib/dossiers/download";
import { readAttachment } from "@/lib/dossiers/service";
import { getActor } from "@/lib/identity/actor";

/** An attachment's bytes for whoever may see its dossier; anyone else learns nothing (404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await readAttachment(await getActor(), id);
  if (!result.ok) {
    // Staff are served a file only once the virus check found it clean (lib/files/scanner).
    const status = result.error === "scan_pending" ? 409 : result.error === "scan_rejected" ? 403 : 404;
    return Response.json({ error: result.error }, { status, headers: { "Cache-Control": "no-store" } });
  }
  const { fileName, mediaType, bytes } = result.value;
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(fileName),
      "X-Content-Type-Options": "nosniff",
      // Personal documents: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
