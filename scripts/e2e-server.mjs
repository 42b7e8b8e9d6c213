// The server the Playwright tests run against: a production build on a fresh database with the demo
// data (a new embedded database in .data-e2e/, or DATABASE_URL when set — CI gives a fresh one).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env = {
  ...process.env,
  NEXT_DIST_DIR: ".next-e2e",
  PORTAL_DATA_DIR: path.join(root, ".data-e2e"),
  PORTAL_DEMO_SEED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-secret-not-for-production-use-0123456789",
};
if (!process.env.DATABASE_URL) fs.rmSync(env.PORTAL_DATA_DIR, { recursive: true, force: true });
fs.rmSync(path.join(env.PORTAL_DATA_DIR, "files"), { recursive: true, force: true });

if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next-e2e", "BUILD_ID"))) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(
  process.execPath,
  [nextBin, "start", "-p", process.env.E2E_PORT || "3100", "-H", "127.0.0.1"],
  {
    stdio: "inherit",
    env,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
