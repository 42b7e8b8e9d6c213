import { readOnlyRoute } from "@/lib/http/errors";
import { getActor } from "@/lib/identity/actor";
import { liveState } from "@/lib/meetings/votes";

/**
 * A meeting's live state for its session page (polled every few seconds with JavaScript on): its
 * version, status, current item, who is present and the open vote's count. Members and guests only;
 * anyone else gets 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await liveState(await getActor(), id);
  if (!result.ok)
    return Response.json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(result.value, { headers: { "Cache-Control": "private, no-store" } });
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
