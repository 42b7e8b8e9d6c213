import type { NextConfig } from "next";
import { hardBodyLimitBytes } from "./lib/files/limits";

/**
 * The content security policy of every response, in this one place.
 *
 * Shaped so public pages can be cached: one header for all, no per-request nonce (a nonce would
 * make every page dynamic). Next 16.4 writes its flight data as inline scripts
 * (`self.__next_f.push(…)`, one per page, content-dependent) with no nonce, hash or integrity unless
 * a nonce comes with the request, and `experimental.sri` only covers external chunks: under
 * `script-src 'self'` the browser blocks them and no page hydrates (measured; see the README).
 * So scripts may be this site's files or inline elements, and nothing else:
 * - no 'unsafe-eval' (production Next and React need none; zod is told not to probe for it);
 * - `script-src-attr 'none'`: no inline event handlers (`<img onerror=…>`), the usual injected form;
 * - no other origin, no data: or blob: scripts, no plugins, no <base>, no framing, forms post here.
 * Styles: `<style>` elements only from this site's files; style attributes are allowed (React
 * `style={…}`), since they cannot select elements and so cannot read the page.
 * Development needs eval (React rebuilds server stacks) and inline styles (hot reload).
 */
const dev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "script-src-attr 'none'",
  `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules at run time.
  // rate-limiter-flexible loads drizzle-orm with a computed import() that the bundler cannot follow.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible"],
  // Lets several builds (tests, a second developer) live side by side in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
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
  },
};

export default nextConfig;
