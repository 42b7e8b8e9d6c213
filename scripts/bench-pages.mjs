// `npm run bench:pages`: request rate and latency of the main public pages and APIs of a running
// portal (BENCH_URL, default http://localhost:3000). Prints figures; asserts nothing.
// BENCH_REQUESTS per route (default 200) at BENCH_CONCURRENCY (default 10).
const base = process.env.BENCH_URL || "http://localhost:3000";
const total = Number(process.env.BENCH_REQUESTS || 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY || 10);

async function firstDossierCode() {
  const csv = await fetch(`${base}/api/v1/reports/transparency.csv?lang=en`);
  if (!csv.ok) return null;
  const decisions = await (await fetch(`${base}/vi/decisions`)).text();
  return decisions.match(/\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}/)?.[0] ?? null;
}

const code = await firstDossierCode();
const routes = [
  ["home", "/vi"],
  ["catalogue search (no accents)", "/vi/procedures?q=dang+ky"],
  ["procedure page", "/en/procedures/1.001193"],
  ["transparency report", "/vi/transparency"],
  ["decisions", "/vi/decisions"],
  ["transparency CSV", "/api/v1/reports/transparency.csv?lang=vi"],
  ...(code ? [["dossier status JSON", `/api/v1/dossiers/${code}/status`]] : []),
  ["health", "/api/health"],
];

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

console.log(`${base} — ${total} requests per route, ${concurrency} at a time\n`);
console.log(
  "route".padEnd(34),
  "req/s".padStart(8),
  "p50 ms".padStart(8),
  "p95 ms".padStart(8),
  "errors".padStart(7),
);
for (const [name, path] of routes) {
  await fetch(base + path); // warm up
  const times = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        const response = await fetch(base + path).catch(() => null);
        if (!response || !response.ok) errors++;
        await response?.arrayBuffer();
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    name.padEnd(34),
    (times.length / seconds).toFixed(0).padStart(8),
    percentile(times, 50).toFixed(0).padStart(8),
    percentile(times, 95).toFixed(0).padStart(8),
    String(errors).padStart(7),
  );
}
