import type { NextRequest } from "next/server";
import { handlers } from "@/lib/identity/auth";
import { withPublicOrigin } from "@/lib/identity/origin";

// next-auth's own endpoints answer with URLs on the host the browser used, not on localhost.
export function GET(request: NextRequest) {
  return handlers.GET(withPublicOrigin(request));
}

export function POST(request: NextRequest) {
  return handlers.POST(withPublicOrigin(request));
}
