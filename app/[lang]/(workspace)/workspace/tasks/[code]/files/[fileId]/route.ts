import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { attachmentDisposition } from "@/lib/dossiers/download";
import { readStoredFile } from "@/lib/files/storage";
import { readOnlyRoute } from "@/lib/http/errors";
import { getActor } from "@/lib/identity/actor";
import { getTaskFile } from "@/lib/tasks/service";

/** A task report's document, for whoever may see the task; anyone else 404. */
export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ lang: string; code: string; fileId: string }> },
) {
  const { code, fileId } = await params;
  if (!z.uuid().safeParse(fileId).success) return new NextResponse(null, { status: 404 });
  const result = await getTaskFile(await getActor(), decodeURIComponent(code), fileId);
  if (!result.ok) return new NextResponse(null, { status: 404 });
  const bytes = await readStoredFile(result.value.storageKey);
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "Content-Type": result.value.mediaType,
      "Content-Disposition": attachmentDisposition(result.value.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
