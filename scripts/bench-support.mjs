// What the two benchmarks share (scripts/bench-pages.mjs, scripts/bench-submit.mjs): a browser
// without JavaScript over plain HTTP (cookies kept by hand, forms posted as the page wrote them,
// server actions included), a closed-loop load runner and the figures it prints.

/** HTML attribute text back to what the browser would post. */
function decodeEntities(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x2F;/g, "/")
    .replace(/&amp;/g, "&");
}

function attributes(text) {
  const found = {};
  for (const m of text.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g))
    found[m[1].toLowerCase()] = decodeEntities(m[2] ?? "");
  return found;
}

/**
 * The forms of a page as a browser without JavaScript would post them: each field's name and
 * default value (hidden inputs, Next's `$ACTION_…` fields included; checked radios and checkboxes
 * only), plus what else it offers (radio values, file inputs) for the caller to fill in.
 */
export function parseForms(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = {
      attributes: attributes(m[1]),
      fields: [],
      radios: {},
      files: [],
      names: new Set(),
      types: {},
    };
    for (const c of m[2].matchAll(/<(input|textarea|select)\b([^>]*)>(?:([\s\S]*?)<\/\1>)?/g)) {
      const a = attributes(c[2]);
      if (!a.name) continue;
      form.names.add(a.name);
      const type = (a.type ?? "text").toLowerCase();
      form.types[a.name] = c[1] === "input" ? type : c[1];
      if (c[1] === "input" && type === "file") form.files.push(a.name);
      else if (c[1] === "input" && (type === "radio" || type === "checkbox")) {
        (form.radios[a.name] ??= []).push(a.value ?? "on");
        if ("checked" in a) form.fields.push([a.name, a.value ?? "on"]);
      } else if (c[1] === "input" && (type === "submit" || type === "button" || type === "reset")) continue;
      else if (c[1] === "textarea") form.fields.push([a.name, decodeEntities(c[3] ?? "")]);
      else if (c[1] === "select") {
        const option = [...(c[3] ?? "").matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]));
        const chosen = option.find((o) => "selected" in o) ?? option[0];
        if (chosen) form.fields.push([a.name, chosen.value ?? ""]);
      } else form.fields.push([a.name, a.value ?? ""]);
    }
    forms.push(form);
  }
  return forms;
}

/** The page's form that has a field of this name (a page also has the header's sign-out form). */
export function formWith(html, fieldName) {
  const form = parseForms(html).find((f) => f.names.has(fieldName));
  if (!form) throw new Error(`no form with a field "${fieldName}" on the page`);
  return form;
}

/**
 * The multipart body a browser sends for the form: its fields, with `values` replacing (or adding)
 * fields by name, and `files` ({ name: { fileName, type, bytes } }) for its file inputs.
 */
export function formBody(form, values = {}, files = {}) {
  const body = new FormData();
  for (const [name, value] of form.fields) if (!(name in values)) body.append(name, value);
  for (const [name, value] of Object.entries(values)) body.append(name, value);
  for (const [name, file] of Object.entries(files)) {
    body.append(name, new Blob([file.bytes], { type: file.type }), file.fileName);
  }
  return body;
}

/** One visitor: its own cookies, redirects not followed (the caller sees where it is sent). */
export class Browser {
  constructor(base, headers = {}) {
    this.base = base;
    this.cookies = new Map();
    this.headers = headers;
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(path, init = {}) {
    const url = new URL(path, this.base);
    const headers = { ...this.headers, ...(init.headers ?? {}) };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...rest] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = rest.some((part) => /^\s*max-age=0\s*$/i.test(part)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GET, following redirects like a browser; the final response with its text. */
  async page(path) {
    let target = path;
    for (let hops = 0; hops < 5; hops++) {
      const response = await this.request(target);
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        target = location;
        continue;
      }
      return { response, url: new URL(target, this.base), text: await response.text() };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  /** Posts a form to the page it is on (action="" is the page's own address), as multipart. */
  async post(pageUrl, body) {
    return this.request(pageUrl, { method: "POST", body });
  }
}

/** Where a response sends the browser, as a path ("" when it does not redirect). */
export function redirectPath(response, base) {
  const location = response.headers.get("location");
  if (!location) return "";
  const url = new URL(location, base);
  return url.pathname + url.search;
}

/**
 * Signs the browser in through Auth.js's credentials endpoint (the same throttled path as the
 * sign-in page): the CSRF token from /api/auth/csrf, then one POST. One attempt only: a failure
 * counts against the sign-in limits (5 per account, 20 per address per 15 minutes), so the caller
 * must stop, never retry in a loop.
 */
export async function signIn(browser, email, password) {
  const csrf = await browser.request("/api/auth/csrf");
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = await csrf.json();
  const response = await browser.request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/vi" }),
  });
  await response.arrayBuffer();
  const location = redirectPath(response, browser.base);
  if (!browser.cookies.has("authjs.session-token") && !browser.cookies.has("__Secure-authjs.session-token")) {
    throw new Error(
      `sign-in as ${email} FAILED (answered ${response.status}${location ? ` → ${location}` : ""}). ` +
        "Not retrying: failed attempts are throttled (5 per account, 20 per address per 15 minutes).",
    );
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs `once()` from `concurrency` loops until `requests` calls were started or `seconds` ran out;
 * `once` resolves to true for a success. Rate, latency percentiles (ms) and errors.
 */
export async function load(once, { concurrency, requests, seconds }) {
  const times = [];
  let errors = 0;
  let started = 0;
  const firstError = { value: null };
  const t0 = performance.now();
  const deadline = seconds ? t0 + seconds * 1000 : Infinity;
  const more = () => (requests ? started < requests : performance.now() < deadline);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more()) {
        started++;
        const t = performance.now();
        let ok = false;
        try {
          ok = await once();
        } catch (error) {
          firstError.value ??= error;
        }
        times.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    rate: times.length / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    errors,
    firstError: firstError.value,
    seconds: elapsed,
  };
}
