import "server-only";
import { cache } from "react";
import { auth } from "./auth";
import { actorForUser } from "./accounts";
import type { Actor } from "./types";

/** The actor of this request, resolved once per request. */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { kind: "anonymous" };
  return actorForUser(userId);
});
