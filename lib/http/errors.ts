import { NextResponse } from "next/server";

/** A machine-readable error for API clients: never an HTML page, never a stack trace. */
export function apiError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Handlers for the methods a read-only route does not take: 405 with the allowed ones named. */
export function readOnlyRoute() {
  const refuse = () =>
    NextResponse.json(
      { error: "method_not_allowed", allowed: ["GET"] },
      { status: 405, headers: { Allow: "GET, HEAD", "Cache-Control": "no-store" } },
    );
  return { POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
