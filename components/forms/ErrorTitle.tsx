"use client";

/**
 * The page's <title>, with "Lỗi: " / "Error: " in front while the form shows errors (GOV.UK error
 * pattern). React hoists it into <head>, on the server (so it works without JavaScript) and in
 * the browser. Pages that use it give no title in their metadata, so this is the only one.
 */
export function ErrorTitle({ title, prefix, active }: { title: string; prefix: string; active: boolean }) {
  return <title>{active ? `${prefix}: ${title}` : title}</title>;
}
