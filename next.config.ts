import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules at run time.
  // rate-limiter-flexible loads drizzle-orm with a computed import() that the bundler cannot follow.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible"],
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
    // One post carries every file of a draft (10 MB each at most): room for several phone photos.
    serverActions: { bodySizeLimit: "40mb" },
    // The proxy buffers request bodies up to this size; a longer one would reach the action cut short.
    proxyClientMaxBodySize: "40mb",
  },
};

export default nextConfig;
