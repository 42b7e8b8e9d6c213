import type { NextConfig } from "next";
import { hardBodyLimitBytes } from "./lib/files/limits";

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  // Lets several builds (tests, a second developer) live side by side in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Baseline protections for every response; a content security policy comes with the security issue.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
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
