// `npm run bench:bundle`: the JavaScript a browser loads on first visit of each main page of a running
// portal (BENCH_URL, default http://localhost:3000), gzipped at zlib's default level as a server
// would. Counts every <script src> and modulepreload/preload-as-script link of the page's HTML; the
// inline RSC payload is part of the HTML, not counted, nor are the noModule polyfills. Prints figures; asserts nothing.
// The form pages sign in with the demo accounts (the demo seed must be loaded).
import zlib from "node:zlib";

const base = process.env.BENCH_URL || "http://localhost:3000";
const password = "Demo@12345";

/** A session cookie for a demo account, through Auth.js's own credentials endpoint. */
async function signIn(email) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  cookies.push(...response.headers.getSetCookie().map((c) => c.split(";")[0]));
  return cookies.join("; ");
}

async function html(path, cookie) {
  const response = await fetch(base + path, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

async function firstLink(path, cookie, pattern) {
  const found = (await html(path, cookie)).match(pattern)?.[0];
  if (!found) throw new Error(`no link like ${pattern} on ${path}`);
  return found.replaceAll("&amp;", "&");
}

const scriptUrls = (page) => {
  const urls = new Set();
  for (const [tag, src] of page.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)) {
    // The polyfills (noModule) are for browsers without modules; a current browser skips them.
    if (!/\snomodule/i.test(tag)) urls.add(src);
  }
  for (const [tag] of page.matchAll(/<link[^>]*>/g)) {
    const href = tag.match(/\shref="([^"]+)"/)?.[1];
    if (href && (/rel="modulepreload"/.test(tag) || (/rel="preload"/.test(tag) && /as="script"/.test(tag))))
      urls.add(href);
  }
  return [...urls].map((url) => new URL(url.replaceAll("&amp;", "&"), base).href);
};

const gzipped = new Map();
async function gzippedSize(url) {
  if (!gzipped.has(url)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    gzipped.set(url, { raw: body.length, gzip: zlib.gzipSync(body).length });
  }
  return gzipped.get(url);
}

const citizen = await signIn("citizen@demo.hungyen.gov.vn");
const staff = await signIn("receiver@demo.hungyen.gov.vn");
const pages = [
  ["home", "/vi"],
  ["catalogue", "/vi/procedures"],
  ["procedure page", "/vi/procedures/1.001193"],
  ["transparency", "/vi/transparency"],
  ["decisions", "/vi/decisions"],
  ["lookup", "/vi/lookup"],
  ["sign-in", "/vi/sign-in"],
  ["sign-up", "/vi/sign-up"],
  [
    "draft form (citizen)",
    await firstLink("/vi/dossiers", citizen, /\/vi\/dossiers\/drafts\/[^"/?]+/),
    citizen,
  ],
  ["staff dossier page", await firstLink("/vi/staff", staff, /\/vi\/staff\/dossiers\/[^"?]+/), staff],
];

console.log(`${base} — first-load JavaScript per page (gzip level 6)\n`);
console.log(
  "page".padEnd(24),
  "path".padEnd(44),
  "files".padStart(5),
  "raw KB".padStart(8),
  "gzip KB".padStart(8),
);
for (const [name, path, cookie] of pages) {
  const urls = scriptUrls(await html(path, cookie));
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const size = await gzippedSize(url);
    raw += size.raw;
    gzip += size.gzip;
  }
  console.log(
    name.padEnd(24),
    path.slice(0, 44).padEnd(44),
    String(urls.length).padStart(5),
    (raw / 1024).toFixed(1).padStart(8),
    (gzip / 1024).toFixed(1).padStart(8),
  );
}
