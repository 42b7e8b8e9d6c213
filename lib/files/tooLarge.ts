import viDossiers from "@/locales/vi/dossiers.json";
import enDossiers from "@/locales/en/dossiers.json";
import { plainPage } from "@/lib/http/plainPage";
import { hardBodyLimitBytes } from "./limits";

const words = { vi: viDossiers.tooLarge, en: enDossiers.tooLarge };

/**
 * A post whose body is over Next's hard limit (it says so in Content-Length, as browsers do for a
 * form): a 413 page in the reader's language with a way back to the page, instead of the 500 Next
 * gives when it cannot read the body. Null for every other request.
 */
export function refuseOversizedPost(request: {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string };
}): Response | null {
  if (request.method !== "POST") return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > hardBodyLimitBytes)) return null;
  const { pathname } = request.nextUrl;
  const lang = pathname.split("/")[1] === "en" ? "en" : "vi";
  const w = words[lang];
  return plainPage(
    lang,
    413,
    { title: w.title, body: w.body, link: { href: pathname, label: w.back } },
    { Connection: "close" },
  );
}
