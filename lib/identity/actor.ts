import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { auth } from "./auth";
import { actorForUser } from "./accounts";
import type { Actor } from "./types";

/**
 * The actor of this request, resolved once per request. The session's version must still be the
 * user's current one (auth's jwt callback checks it too): an ended session is anonymous.
 */
export const getActor = cache(async (): Promise<Actor> => {
  // Whatever reads who is asking is rendered for that request only: never prerendered, never kept
  // in the cache of pages shared by everyone (lib/http/pageSegment), whatever segment it is under.
  await connection();
  const session = await auth();
  const userId = session?.user?.id;
  const sessionVersion = (session as { sessionVersion?: unknown } | null)?.sessionVersion;
  if (!userId || typeof sessionVersion !== "number") return { kind: "anonymous" };
  return actorForUser(userId, sessionVersion);
});
