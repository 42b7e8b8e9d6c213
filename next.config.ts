import type { NextConfig } from "next";
import { hardBodyLimitBytes } from "./lib/files/limits";
import { contentSecurityPolicy as staticPolicy } from "./lib/http/csp.mjs";

/**
 * The content security policy (lib/http/csp.mjs). This static form goes on every response; on HTML
 * pages the portal's server (scripts/server.mjs, which `npm start` runs) replaces it with one that
 * allows that page's own inline scripts by their sha256. No per-request nonce, so public pages can
 * be cached. Served by plain `next start`, pages would not hydrate: Next's inline scripts have no
 * hash. Development (`next dev`) allows inline scripts and eval.
 */
const contentSecurityPolicy = staticPolicy({ dev: process.env.NODE_ENV === "development" });

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules at run time.
  // rate-limiter-flexible loads drizzle-orm with a computed import() that the bundler cannot follow.
  // pdfkit reads its font metrics and fontkit data from its own folder at run time (lib/slips).
  // pg-boss and nodemailer (the notification worker, lib/notify) are plain Node libraries: loaded as they are.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "rate-limiter-flexible",
    "pdfkit",
    "pg-boss",
    "nodemailer",
  ],
  // Lets several builds (tests, a second developer) live side by side in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Public pages are prerendered and cached; personal ones render per request (lib/http/pageSegment).
  cacheComponents: true,
  // Each page is cached whole per URL (ISR); no fallback shells streamed ahead of the content.
  partialPrefetching: false,
  // Protections for every response (see contentSecurityPolicy above).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
  experimental: {
    // Next's hard limits, a little above the portal's own 40 MB per save (lib/files/limits): a post
    // between the two still reaches the action whole, which refuses its files with a message and
    // shows the answers again. Over this, proxy.ts answers 413 (lib/files/tooLarge).
    serverActions: { bodySizeLimit: hardBodyLimitBytes },
    // The proxy buffers request bodies up to this size; a longer one would reach the action cut short.
    proxyClientMaxBodySize: hardBodyLimitBytes,
    // Cached pages live in memory only: a restarted server renders them again from the database
    // rather than serving what an earlier run (or another database) left on disk.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
