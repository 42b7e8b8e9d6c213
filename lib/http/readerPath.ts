/**
 * The address as the reader sees it. On the server, a page the proxy rewrote onto a marked [lang]
 * segment (lib/http/pageSegment) may see that segment in its path; links and "current page" marks
 * must use the plain /vi or /en. Kept apart from pageSegment so client components stay small.
 */
export function readerPath(pathname: string): string {
  return pathname.replace(/^\/(vi|en)~[^/?]*/, "/$1");
}
