import { Readable } from "node:stream";
import { getActor } from "@/lib/identity/actor";
import { openOpinionFile } from "@/lib/meetings/opinions";

/** A file of an opinion form, for the members of its body only (anyone else: 404). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ lang: string; id: string; fileId: string }> },
): Promise<Response> {
  const { id, fileId } = await params;
  const actor = await getActor();
  const opened = await openOpinionFile(actor, id, fileId);
  if (!opened) return new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(opened.stream) as ReadableStream, {
    headers: {
      "content-type": opened.row.mediaType,
      "content-length": String(opened.row.size),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(opened.row.fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
