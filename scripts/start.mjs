// `npm start`: builds when there is no build for this source, then serves the portal on
// http://localhost:3000 (PORT to change). Migrations run at server start (instrumentation.ts), and
// the demo data is seeded into an empty database unless PORTAL_DEMO_SEED=0.
import { spawn, spawnSync, execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function sourceRevision() {
  try {
    const head = execSync("git rev-parse HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    const dirty = execSync("git status --porcelain --untracked-files=no", {
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
    return dirty ? null : head; // uncommitted changes: always rebuild
  } catch {
    return "no-git";
  }
}

const revision = sourceRevision();
const revisionFile = path.join(root, distDir, "portal-source-revision");
const built = fs.existsSync(path.join(root, distDir, "BUILD_ID"));
const current =
  built &&
  revision !== null &&
  fs.existsSync(revisionFile) &&
  fs.readFileSync(revisionFile, "utf8") === revision;

if (!current) {
  console.log(
    built
      ? "The source changed since the last build: building again…"
      : "No build yet: building the portal (about a minute)…",
  );
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (revision) fs.writeFileSync(revisionFile, revision);
}

const port = process.env.PORT || "3000";
const env = { ...process.env, PORTAL_DEMO_SEED: process.env.PORTAL_DEMO_SEED ?? "1" };
console.log(
  `Starting the portal on http://localhost:${port} (${process.env.DATABASE_URL ? "PostgreSQL server" : "embedded database in .data/"})`,
);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
