import { readOnlyRoute } from "@/lib/http/errors";
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/service";

/** For load balancers and operators: is the database reachable, and are all migrations applied? */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    return NextResponse.json({ status: "ok", ...(await checkHealth()) }, { headers });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
  }
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
