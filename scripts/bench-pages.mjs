// `npm run bench:pages`: request rate and latency of the portal's pages, anonymous and signed in,
// against a running portal (BENCH_URL, default http://localhost:3000). Prints figures next to their
// targets; asserts nothing (a failed sign-in stops it, loudly).
//
// It signs in by itself (the demo accounts of README.md, through Auth.js's credentials endpoint, one
// attempt each: failures are throttled), then measures one static script of the home page, then
// /api/health, then every public page anonymously, the applicant's pages and the staff's. Each
// route runs BENCH_CONCURRENCY (default 10) loops for BENCH_SECONDS (default 5) or, when set,
// BENCH_REQUESTS requests. A response other than 2xx is an error; a redirect to the sign-in page
// means the session was refused, and is said so.
//
// For each HTML page it also prints the weight of its first-load scripts: every <script src> of
// the page but the noModule polyfills (a current browser skips them), downloaded once, gzipped with
// zlib's default level, summed. The static-file rate is measured on the page's smallest script.
import zlib from "node:zlib";
import { Browser, load, signIn } from "./bench-support.mjs";

const base = process.env.BENCH_URL || "http://localhost:3000";
const concurrency = Number(process.env.BENCH_CONCURRENCY || 10);
const requests = process.env.BENCH_REQUESTS ? Number(process.env.BENCH_REQUESTS) : undefined;
const seconds = requests ? undefined : Number(process.env.BENCH_SECONDS || 5);
const applicantEmail = process.env.BENCH_APPLICANT || "citizen@demo.hungyen.gov.vn";
const staffEmail = process.env.BENCH_STAFF || "receiver@demo.hungyen.gov.vn";
const password = process.env.BENCH_PASSWORD || "Demo@12345";

const targets = {
  anonymousVsStatic: 0.5,
  signedInVsHealth: 0.25,
  p99VsP50: 3,
};

const anonymous = new Browser(base);
const applicant = new Browser(base);
const staff = new Browser(base);

function stop(message) {
  console.error(`\n*** ${message}`);
  process.exit(1);
}

const health = await anonymous.request("/api/health").catch(() => null);
if (!health?.ok) stop(`${base}/api/health does not answer 2xx: is the portal running?`);
await health.arrayBuffer();

try {
  await signIn(applicant, applicantEmail, password);
  await signIn(staff, staffEmail, password);
} catch (error) {
  stop(error.message);
}

/** The first link on a page whose path matches, or null. */
async function firstLink(browser, path, pattern) {
  const { text } = await browser.page(path);
  for (const m of text.matchAll(/href="([^"]+)"/g)) {
    const href = m[1].replace(/&amp;/g, "&");
    if (pattern.test(href)) return href;
  }
  return null;
}

const home = await anonymous.page("/vi");
const scriptOf = (html) =>
  [...html.matchAll(/<script\b[^>]*>/g)]
    .filter(([tag]) => !/\snomodule/i.test(tag))
    .map(([tag]) => tag.match(/\bsrc="([^"]+)"/)?.[1]?.replace(/&amp;/g, "&"))
    .filter(Boolean);
const staticScript = await smallest(scriptOf(home.text).filter((src) => src.startsWith("/_next/static/")));
if (!staticScript) stop("the home page names no /_next/static/ script");

/** The smallest of these scripts: the static-file rate is that of serving a file, not of gzipping one. */
async function smallest(sources) {
  let best = null;
  for (const src of sources) {
    const size = (await (await fetch(base + src)).arrayBuffer()).byteLength;
    if (!best || size < best.size) best = { src, size };
  }
  return best?.src;
}

const procedurePage =
  (await firstLink(anonymous, "/vi/procedures", /^\/vi\/procedures\/[^/?#]+$/)) ?? "/vi/procedures/1.001193";
const applicantDossier = await firstLink(
  applicant,
  "/vi/dossiers",
  /^\/vi\/dossiers\/(?!drafts\/|new)[^/?#]+$/,
);
const staffDossier = await firstLink(staff, "/vi/staff", /^\/vi\/staff\/dossiers\/[^/?#]+$/);
const dossierCode = applicantDossier ? decodeURIComponent(applicantDossier.split("/").pop()) : null;

// [group, name, path, browser]
const routes = [
  ["reference", "static script", staticScript, anonymous],
  ["reference", "/api/health", "/api/health", anonymous],
  ["anonymous", "home", "/vi", anonymous],
  ["anonymous", "catalogue", "/vi/procedures", anonymous],
  ["anonymous", "catalogue query", "/vi/procedures?q=dang+ky", anonymous],
  ["anonymous", "procedure page", procedurePage, anonymous],
  ["anonymous", "transparency", "/vi/transparency", anonymous],
  ["anonymous", "decisions", "/vi/decisions", anonymous],
  ["anonymous", "lookup form", "/vi/lookup", anonymous],
  ["anonymous", "sign-in page", "/vi/sign-in", anonymous],
  ["api", "transparency CSV", "/api/v1/reports/transparency.csv?lang=vi", anonymous],
  ...(dossierCode
    ? [
        [
          "api",
          "dossier status JSON",
          `/api/v1/dossiers/${encodeURIComponent(dossierCode)}/status`,
          anonymous,
        ],
      ]
    : []),
  ["applicant", "my dossiers", "/vi/dossiers", applicant],
  ...(applicantDossier ? [["applicant", "a dossier", applicantDossier, applicant]] : []),
  ["staff", "queue", "/vi/staff", staff],
  ...(staffDossier ? [["staff", "a staff dossier", staffDossier, staff]] : []),
];
if (!applicantDossier) console.log(`! ${applicantEmail} has no dossier to open: that page is not measured`);
if (!staffDossier) console.log(`! ${staffEmail}'s queue lists no dossier: that page is not measured`);

/** Gzipped bytes of a page's first-load scripts (each downloaded once, zlib's default level). */
const scriptBytes = new Map();
async function firstLoadScripts(browser, path) {
  const { response, text } = await browser.page(path);
  if (!(response.headers.get("content-type") ?? "").includes("text/html")) return null;
  let total = 0;
  for (const src of new Set(scriptOf(text))) {
    if (!scriptBytes.has(src)) {
      const script = await browser.request(src);
      scriptBytes.set(src, script.ok ? zlib.gzipSync(Buffer.from(await script.arrayBuffer())).length : 0);
    }
    total += scriptBytes.get(src);
  }
  return total;
}

const signInPath = /\/(vi|en)\/sign-in/;
let sessionRefused = null;
async function measure(path, browser) {
  await (await browser.request(path)).arrayBuffer(); // warm-up (and compile, on a fresh server)
  return load(
    async () => {
      const response = await browser.request(path);
      await response.arrayBuffer();
      if (response.status >= 300 && response.status < 400 && browser !== anonymous) {
        const location = response.headers.get("location") ?? "";
        if (signInPath.test(location)) sessionRefused ??= `${path} → ${location}`;
      }
      return response.status >= 200 && response.status < 300;
    },
    { concurrency, requests, seconds },
  );
}

console.log(
  `${base} — ${requests ? `${requests} requests` : `${seconds} s`} per route, ${concurrency} at a time; ` +
    `signed in as ${applicantEmail} and ${staffEmail}`,
);
console.log(
  "targets: anonymous pages ≥ 50% of the static rate; signed-in pages ≥ 25% of the /api/health rate; " +
    "p99 ≤ 3 × p50\n",
);
const header = [
  "route".padEnd(22),
  "req/s".padStart(7),
  "p50 ms".padStart(7),
  "p99 ms".padStart(7),
  "errors".padStart(7),
  "/static".padStart(8),
  "/health".padStart(8),
  "JS gz kB".padStart(9),
  "  target",
];
console.log(header.join(" "));

const percent = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(0)}%` : "");
const rates = {};
const missed = [];
let group = "";
for (const [routeGroup, name, path, browser] of routes) {
  if (routeGroup !== group) {
    group = routeGroup;
    console.log(`— ${group}`);
  }
  const figures = await measure(path, browser);
  rates[name] = figures.rate;
  const staticRate = rates["static script"];
  const healthRate = rates["/api/health"];
  const vsStatic = staticRate ? figures.rate / staticRate : NaN;
  const vsHealth = healthRate ? figures.rate / healthRate : NaN;
  const html = routeGroup === "anonymous" || routeGroup === "applicant" || routeGroup === "staff";
  const scripts = html ? await firstLoadScripts(browser, path) : null;

  const verdicts = [];
  if (routeGroup === "anonymous")
    verdicts.push(vsStatic >= targets.anonymousVsStatic ? "rate ok" : "rate BELOW");
  if (routeGroup === "applicant" || routeGroup === "staff")
    verdicts.push(vsHealth >= targets.signedInVsHealth ? "rate ok" : "rate BELOW");
  if (routeGroup !== "reference")
    verdicts.push(figures.p99 <= targets.p99VsP50 * figures.p50 ? "p99 ok" : "p99 BELOW");
  if (figures.errors > 0) verdicts.push("ERRORS");
  if (verdicts.some((v) => /BELOW|ERRORS/.test(v))) missed.push(`${name} (${verdicts.join(", ")})`);

  console.log(
    [
      `  ${name}`.padEnd(22),
      figures.rate.toFixed(0).padStart(7),
      figures.p50.toFixed(1).padStart(7),
      figures.p99.toFixed(1).padStart(7),
      String(figures.errors).padStart(7),
      percent(vsStatic).padStart(8),
      percent(vsHealth).padStart(8),
      (scripts === null ? "" : (scripts / 1024).toFixed(1)).padStart(9),
      `  ${verdicts.join(", ")}`,
    ].join(" "),
  );
  if (figures.firstError) console.log(`    first failure: ${figures.firstError.message}`);
}

console.log(
  `\npath measured: ${procedurePage}, ${applicantDossier ?? "-"}, ${staffDossier ?? "-"}; static: ${staticScript}`,
);
if (sessionRefused) {
  console.log(
    `\n*** THE SESSION FAILED: a signed-in request was sent to the sign-in page (${sessionRefused}). ` +
      "The signed-in figures above measure a redirect, not the page.",
  );
}
console.log(missed.length ? `\nmissing a target: ${missed.join("; ")}` : "\nevery route meets its targets");
