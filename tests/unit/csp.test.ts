import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScripts, policyForHtml, scriptHash } from "@/lib/http/csp.mjs";

/*
 * The per-page content security policy (lib/http/csp.mjs): every inline script of the page, and only
 * those, allowed by the sha256 the browser computes over its raw text.
 */

const scriptSrc = (policy: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith("script-src "))!
    .split(" ")
    .slice(1);

describe("scriptHash", () => {
  it("is the browser's hash of the script's UTF-8 text (the CSP specification's example)", () => {
    expect(scriptHash("alert('Hello, world.');")).toBe("sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
  });

  it("hashes non-ASCII text as UTF-8", () => {
    // echo -n 'document.title="Cổng"' | openssl dgst -sha256 -binary | base64
    expect(scriptHash('document.title="Cổng"')).toBe("sha256-vOuhCttAQDHitDTzFjAbsz4gb1qWuXzeTUxqDxv5UAE=");
  });
});

describe("inlineScripts", () => {
  it("takes the raw text of scripts without src, whatever their attributes, and skips those with src", () => {
    const html = [
      '<html><head><script src="/_next/static/chunks/a.js" async=""></script>',
      "<script nomodule src=/b.js></script>",
      "<SCRIPT>one()</SCRIPT>",
      '<script id="_R_" type="text/javascript" data-x="a>b">two(&amp;)</script>',
      '<script data-src="x">three()</script ></head><body><p>script</p>',
      '<script>self.__next_f.push([1,"\\u003c/script\\u003e"])</script></body></html>',
    ].join("");
    expect(inlineScripts(html)).toEqual([
      "one()",
      "two(&amp;)",
      "three()",
      'self.__next_f.push([1,"\\u003c/script\\u003e"])',
    ]);
  });

  it("ends a script at the first </script, as the HTML parser does, even inside a string", () => {
    expect(inlineScripts('<script>var s = "</script>";</script>')).toEqual(['var s = "']);
    expect(inlineScripts("<script>a()</script\n>")).toEqual(["a()"]);
    expect(inlineScripts("<script>a()</scripts></script>")).toEqual(["a()</scripts>"]);
  });

  it("keeps empty scripts and normalizes line ends as the parser does", () => {
    expect(inlineScripts("<script></script><script>a()\r\nb()\rc()</script>")).toEqual(["", "a()\nb()\nc()"]);
  });

  it("finds nothing in a page without scripts", () => {
    expect(inlineScripts("<p>no <b>scripts</b> here, not even <scripted></p>")).toEqual([]);
  });
});

describe("policyForHtml", () => {
  it("lists exactly the page's inline scripts by hash, no 'unsafe-inline', and every fixed directive", () => {
    const policy = policyForHtml(
      "<script>a()</script><script src=/x.js></script><script>b()</script><script>a()</script>",
    );
    expect(scriptSrc(policy)).toEqual(["'self'", `'${scriptHash("a()")}'`, `'${scriptHash("b()")}'`]);
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(policy).not.toMatch(/script-src [^;]*'unsafe-(inline|eval)'/);
    for (const directive of [
      "default-src 'self'",
      "script-src-attr 'none'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(policy.split("; ")).toContain(directive);
    }
  });

  it("is the static policy (scripts from this site only) for a page without inline scripts", () => {
    expect(policyForHtml("<p>hi</p>")).toBe(contentSecurityPolicy());
    expect(scriptSrc(contentSecurityPolicy())).toEqual(["'self'"]);
  });

  it("allows inline scripts and eval in development only", () => {
    expect(scriptSrc(contentSecurityPolicy({ dev: true }))).toEqual([
      "'self'",
      "'unsafe-inline'",
      "'unsafe-eval'",
    ]);
  });
});
