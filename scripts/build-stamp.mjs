// Whether the build in the dist folder was made from the source as it is now. Decided from the
// content of what `next build` reads, not from git: a fresh clone after `npm install`, a tarball
// without .git, a touched but unchanged file all count as "unchanged"; an edited page, a new
// translation or another lock file count as "changed". Untracked junk (.data, .next*, node_modules,
// test-results) is never read.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Folders whose every file goes into the build. */
export const sourceFolders = ["app", "components", "lib", "db", "locales", "public"];
/** Files at the top that change the build (the others there, e.g. test configs, do not). */
export const sourceFiles = [
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
];
const stampName = "portal-source-stamp";

function walk(root, relative, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return; // an optional folder (public/) that does not exist
  }
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name === ".DS_Store") continue;
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) walk(root, child, out);
    else if (entry.isFile()) out.push(child);
  }
}

/** The files the stamp covers, relative to `root`, sorted. */
export function listSourceFiles(root) {
  const files = [];
  for (const folder of sourceFolders) walk(root, folder, files);
  for (const file of sourceFiles) if (fs.existsSync(path.join(root, file))) files.push(file);
  return files.sort();
}

/**
 * A hash of the files' names and contents, plus the NEXT_PUBLIC_* settings the build inlines.
 * tsconfig.json is hashed as parsed JSON: `next build` may rewrite its layout without changing it.
 */
export function sourceStamp(root, env = process.env) {
  const hash = crypto.createHash("sha256");
  for (const file of listSourceFiles(root)) {
    let content = fs.readFileSync(path.join(root, file));
    if (file === "tsconfig.json") {
      try {
        content = Buffer.from(JSON.stringify(JSON.parse(content.toString("utf8"))));
      } catch {
        // not plain JSON: hash it as it is
      }
    }
    hash.update(`${file}\0${content.length}\0`);
    hash.update(content);
  }
  for (const name of Object.keys(env).sort()) {
    if (name.startsWith("NEXT_PUBLIC_")) hash.update(`env\0${name}=${env[name]}\0`);
  }
  return hash.digest("hex");
}

/** @returns {{ build: false } | { build: true, reason: "no-build" | "changed" }} */
export function buildDecision(root, distDir, stamp = sourceStamp(root)) {
  const dist = path.resolve(root, distDir);
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) return { build: true, reason: "no-build" };
  let stored = null;
  try {
    stored = fs.readFileSync(path.join(dist, stampName), "utf8").trim();
  } catch {
    // a build made by hand (`next build`): we cannot tell what it was made from
  }
  return stored === stamp ? { build: false } : { build: true, reason: "changed" };
}

/** Records, after a successful build, what it was made from. */
export function writeStamp(root, distDir, stamp = sourceStamp(root)) {
  fs.writeFileSync(path.join(path.resolve(root, distDir), stampName), stamp);
}
