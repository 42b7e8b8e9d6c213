const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A short page the edge answers with before the app runs (a malformed address, a post too large to
 * read): the portal's calm look in style attributes, since the stylesheet belongs to the app and the
 * content security policy allows no inline <style> element.
 */
export function plainPage(
  lang: "vi" | "en",
  status: number,
  text: { title: string; body: string; link: { href: string; label: string } },
  headers: Record<string, string> = {},
): Response {
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title></head>
<body style="margin:0;font-family:system-ui,sans-serif;color:#0b0c0c;line-height:1.5;border-top:6px solid #c8102e">
<main style="max-width:40rem;padding:1.5rem 1rem"><h1 style="font-size:1.75rem;line-height:1.2">${escapeHtml(text.title)}</h1>
<p style="font-size:1.125rem">${escapeHtml(text.body)}</p>
<p style="font-size:1.125rem"><a style="color:#1d4f91" href="${escapeHtml(text.link.href)}">${escapeHtml(text.link.label)}</a></p></main></body></html>
`;
  return new Response(html, {
    status,
    headers: { "Cache-Control": "no-store", ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}
