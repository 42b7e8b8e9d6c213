import "server-only";
import { NextRequest } from "next/server";
import { publicOrigin, trustedProxyHops } from "./rules";

/**
 * next-auth's route handlers build every absolute URL (redirects, the sign-in page, the callback
 * URL) from the request's URL, which Next.js makes from the address the server listens on
 * (http://localhost:3000) whatever the browser asked for. This gives the request the public origin
 * first: AUTH_URL when set (next-auth's own rule), else X-Forwarded-Host/-Proto when the deployment
 * says a trusted proxy is in front (PORTAL_TRUST_PROXY, or Auth.js's AUTH_TRUST_HOST), else the
 * Host header.
 */
export function withPublicOrigin(request: NextRequest): NextRequest {
  const origin = requestPublicOrigin(request);
  if (!origin || origin === request.nextUrl.origin) return request;
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, origin);
  return new NextRequest(url, request);
}

/**
 * The origin the browser used for this request (the same rule as withPublicOrigin), falling back to
 * the request's own URL: what a same-origin check compares the Origin header with.
 */
export function requestPublicOrigin(request: Request): string {
  const env = process.env;
  const url = new URL(request.url);
  return (
    publicOrigin({
      authUrl: env.AUTH_URL ?? env.NEXTAUTH_URL,
      trustProxy: trustedProxyHops(env) > 0 || /^(1|true|yes)$/i.test(env.AUTH_TRUST_HOST ?? ""),
      host: request.headers.get("host"),
      forwardedHost: request.headers.get("x-forwarded-host"),
      forwardedProto: request.headers.get("x-forwarded-proto"),
      requestProtocol: url.protocol,
    }) ?? url.origin
  );
}
