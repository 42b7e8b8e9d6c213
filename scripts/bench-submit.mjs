// `npm run bench:submit`: many applicants submit their drafts at once, over HTTP, through the real
// path: the check-answers page's form posted as a browser without JavaScript posts it (the server
// action's `$ACTION_ID_…` field, lang, dossierId). Prints dossiers per second, then checks that no
// draft became two dossiers and no code was given twice. Not a test: only those checks can fail it.
//
// Preparation (not timed), over HTTP so it works on the embedded database too: BENCH_APPLICANTS new
// applicants sign up, each starts a draft of BENCH_PROCEDURE, answers it and attaches a small PDF,
// then opens its check-answers page. Sign-up is limited to 20 per client address per 15 minutes:
// each applicant sends its own X-Forwarded-For (10.x.y.z), which a portal reached directly, without
// a trusted proxy, takes as the client's address (README, "Behind a reverse proxy").
//
// Timed: every draft's submission, BENCH_CONCURRENCY at a time; a share of them (BENCH_DOUBLE_SHARE,
// default 0.1) is posted twice at the same moment, like a double click: both answers must name the
// same dossier.
//
// Checks: over HTTP always (each submission landed on its dossier's confirmation page, codes unique,
// double posts agree); in the database when DATABASE_URL (or BENCH_DATABASE_URL) names the portal's
// PostgreSQL database: each draft is one dossier with one code and one submit event, no code twice
// in the whole table. The embedded database is held by the running portal: that check is skipped.
import pg from "pg";
import { Browser, formBody, formWith, load, redirectPath } from "./bench-support.mjs";

const base = process.env.BENCH_URL || "http://localhost:3000";
const applicants = Number(process.env.BENCH_APPLICANTS || 500);
const concurrency = Number(process.env.BENCH_CONCURRENCY || 30);
const prepConcurrency = Number(process.env.BENCH_PREP_CONCURRENCY || 6);
const procedure = process.env.BENCH_PROCEDURE || "2.000815";
const doubleShare = Number(process.env.BENCH_DOUBLE_SHARE ?? 0.1);
const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "";
const run = Date.now().toString(36);
const password = "Bench@12345-not-secret";

/** A minimal valid PDF (detected as application/pdf by its content), as tests/e2e/support.ts makes it. */
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Answers for the draft form's fields: the default procedure's exactly, others by the input's type. */
const knownAnswers = {
  documentName: "Bằng tốt nghiệp đại học",
  pages: "2",
  copies: "1",
  applicantIdNumber: "033190012345",
};
function answerFor(name, type) {
  if (name in knownAnswers) return knownAnswers[name];
  if (/idnumber/i.test(name)) return "033190012345";
  if (type === "number") return "1";
  if (type === "date") return "1990-01-15";
  if (type === "tel") return "0912345678";
  if (type === "email") return "bench@example.org";
  return "Nguyễn Văn Bench";
}

function fail(message) {
  console.error(`\n*** ${message}`);
  process.exit(1);
}

/** Step of the preparation: must redirect where expected, else the whole run stops (no retries). */
function expectRedirect(response, pattern, what) {
  const to = redirectPath(response, base);
  if (response.status !== 303 || !pattern.test(to)) {
    fail(`${what}: expected a redirect to ${pattern}, got ${response.status}${to ? ` → ${to}` : ""}`);
  }
  return to;
}

/** One applicant, from sign-up to its draft's check-answers page (ready to submit). */
async function prepare(index) {
  const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const browser = new Browser(base, { "x-forwarded-for": address });
  const email = `bench-${run}-${index}@example.org`;

  const signUp = await browser.page("/vi/sign-up");
  const signUpForm = formWith(signUp.text, "confirmPassword");
  const signedUp = await browser.post(
    signUp.url.pathname,
    formBody(signUpForm, {
      fullName: `Người thử tải ${index}`,
      email,
      phone: `09${String(10_000_000 + index).slice(-8)}`,
      password,
      confirmPassword: password,
    }),
  );
  await signedUp.arrayBuffer();
  if (!browser.cookies.has("authjs.session-token")) {
    fail(`sign-up of ${email} did not sign in (answered ${signedUp.status}): stopping, no retries`);
  }

  const start = await browser.page(`/vi/dossiers/new?procedure=${encodeURIComponent(procedure)}`);
  const startForm = formWith(start.text, "procedureCode");
  const places = startForm.radios.competentAgencyId ?? [];
  // The first place for everyone: all codes come from one counter (the worst case for contention).
  const started = await browser.post(
    start.url.pathname + start.url.search,
    formBody(startForm, places.length > 0 ? { competentAgencyId: places[0] } : {}),
  );
  await started.arrayBuffer();
  const draftPath = expectRedirect(started, /^\/vi\/dossiers\/drafts\/[0-9a-f-]{36}$/, "starting a draft");

  const draft = await browser.page(draftPath);
  const draftForm = formWith(draft.text, "dossierId");
  const answers = {};
  for (const [name] of draftForm.fields) {
    if (name.startsWith("$ACTION") || ["lang", "dossierId", "intent", "remove"].includes(name)) continue;
    answers[name] = answerFor(name, draftForm.types[name]);
  }
  for (const [name, values] of Object.entries(draftForm.radios)) answers[name] ??= values[0];
  const files = Object.fromEntries(
    draftForm.files.map((name) => [name, { fileName: "ban-chinh.pdf", type: "application/pdf", bytes: pdf }]),
  );
  const saved = await browser.post(draftPath, formBody(draftForm, answers, files));
  await saved.arrayBuffer();
  expectRedirect(saved, /\/check$/, `saving the draft ${draftPath} (answers or files refused?)`);

  const check = await browser.page(`${draftPath}/check`);
  const submitForm = formWith(check.text, "dossierId");
  const dossierId = submitForm.fields.find(([name]) => name === "dossierId")[1];
  return { browser, checkPath: check.url.pathname, submitForm, dossierId };
}

async function inParallel(count, width, work) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

console.log(
  `${base} — ${applicants} applicants submit a draft of ${procedure} with a ${pdf.length}-byte PDF, ` +
    `${concurrency} at a time (${Math.round(doubleShare * 100)}% posted twice at once)`,
);
const health = await fetch(`${base}/api/health`).catch(() => null);
if (!health?.ok) fail(`${base}/api/health does not answer: is the portal running?`);

let t = performance.now();
let prepared = 0;
const progress = setInterval(() => process.stdout.write(`\r  preparing… ${prepared}/${applicants}`), 2000);
const drafts = await inParallel(applicants, prepConcurrency, async (index) => {
  const ready = await prepare(index);
  prepared++;
  return ready;
});
clearInterval(progress);
console.log(
  `\rprepared ${applicants} applicants with a draft ready to submit in ${((performance.now() - t) / 1000).toFixed(0)} s` +
    " (sign-up, start, answers + file, check page)",
);

if (process.env.BENCH_PAUSE === "1") {
  // For profiling: restart the portal with a profiler now (sessions and drafts survive a restart).
  console.log("BENCH_PAUSE=1: press Enter (a line on stdin) to start the timed submissions");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.pause();
}

// The timed part: only the submissions.
const doubled = new Set(
  drafts
    .map((_, i) => i)
    .filter((i) => i % Math.max(1, Math.round(1 / doubleShare)) === 0 && doubleShare > 0),
);
const codes = new Array(drafts.length);
const problems = [];
async function submitOnce(draft) {
  const response = await draft.browser.post(draft.checkPath, formBody(draft.submitForm));
  await response.arrayBuffer();
  const to = redirectPath(response, base);
  const code = response.status === 303 ? /^\/vi\/dossiers\/([^/]+)\/submitted$/.exec(to)?.[1] : undefined;
  if (!code) problems.push(`${draft.dossierId}: ${response.status}${to ? ` → ${to}` : ""}`);
  return code ? decodeURIComponent(code) : null;
}
let job = 0;
t = performance.now();
const figures = await load(
  async () => {
    const index = job++;
    const draft = drafts[index];
    if (doubled.has(index)) {
      const [a, b] = await Promise.all([submitOnce(draft), submitOnce(draft)]);
      if (a && b && a !== b) problems.push(`${draft.dossierId}: a double post gave two codes, ${a} and ${b}`);
      codes[index] = a ?? b;
      return Boolean(a && b && a === b);
    }
    codes[index] = await submitOnce(draft);
    return Boolean(codes[index]);
  },
  { concurrency, requests: drafts.length },
);
const submitted = codes.filter(Boolean).length;
console.log(
  `\nsubmitted ${submitted} of ${drafts.length} drafts in ${figures.seconds.toFixed(1)} s: ` +
    `${(submitted / figures.seconds).toFixed(0)} dossiers/s (target ≥ 200 on the PostgreSQL server)\n` +
    `  per submission (a double post counts once, both posts): p50 ${figures.p50.toFixed(0)} ms, ` +
    `p99 ${figures.p99.toFixed(0)} ms, errors ${figures.errors}`,
);

// Checks over HTTP.
let failed = false;
const check = (ok, message) => {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failed = true;
};
console.log("\nchecks over HTTP");
check(
  problems.length === 0,
  `every post landed on its dossier's confirmation page${problems.length ? `: ${problems.slice(0, 5).join("; ")}` : ""}`,
);
check(
  new Set(codes.filter(Boolean)).size === submitted,
  `no code was given to two drafts (${submitted} codes)`,
);

if (!databaseUrl) {
  console.log(
    "\nno DATABASE_URL: the database check is skipped (the embedded database is held by the portal; " +
      "run the portal and this bench with DATABASE_URL for it)",
  );
} else {
  console.log("\nchecks in the database");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const ids = drafts.map((d) => d.dossierId);
  const { rows: mine } = await client.query(
    `select d.id, d.code, d.status, u.email from dossiers d join users u on u.id = d.applicant_id
      where u.email like $1`,
    [`bench-${run}-%@example.org`],
  );
  const byApplicant = new Map();
  for (const row of mine) byApplicant.set(row.email, (byApplicant.get(row.email) ?? 0) + 1);
  check(
    mine.length === drafts.length && [...byApplicant.values()].every((n) => n === 1),
    `each applicant of this run has exactly one dossier (${mine.length} dossiers for ${byApplicant.size} applicants)`,
  );
  const byId = new Map(mine.map((row) => [row.id, row]));
  const notSubmitted = ids.filter((id) => !byId.get(id)?.code || byId.get(id).status === "draft");
  check(
    notSubmitted.length === 0,
    `every draft has its code and left the draft status (${notSubmitted.length} not)`,
  );
  const agree = drafts.every((d, i) => !codes[i] || byId.get(d.dossierId)?.code === codes[i]);
  check(agree, "the code each post was shown is the code stored");
  const { rows: twice } = await client.query(
    "select code, count(*)::int as n from dossiers where code is not null group by code having count(*) > 1",
  );
  check(
    twice.length === 0,
    `no code twice in the whole dossiers table${
      twice.length
        ? `: ${twice
            .slice(0, 5)
            .map((r) => r.code)
            .join(", ")}`
        : ""
    }`,
  );
  const { rows: events } = await client.query(
    `select d.id, count(e.id)::int as n from dossiers d left join dossier_events e
       on e.dossier_id = d.id and e.action = 'submit' where d.id = any($1::uuid[]) group by d.id`,
    [ids],
  );
  const badEvents = events.filter((row) => row.n !== 1);
  check(badEvents.length === 0, `each dossier has exactly one submit event (${badEvents.length} do not)`);
  await client.end();
}

console.log(failed ? "\nSOME CHECKS FAILED" : "\nall checks passed");
process.exit(failed ? 1 : 0);
