import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { availableSlips, type SlipEvent, type SlipReader } from "@/lib/slips/rules";

/**
 * "Print slips": a link per official slip this reader may print now (lib/slips/rules decides which).
 * The Vietnamese slip is the official one; an English reader also gets a courtesy translation.
 */
export async function SlipLinks({
  lang,
  code,
  events,
  reader,
}: {
  lang: Lang;
  code: string | null;
  events: readonly SlipEvent[];
  reader: SlipReader;
}) {
  const slips = availableSlips({ code }, events, reader);
  if (!code || slips.length === 0) return null;
  const t = await getT(lang, "slips");
  const official = await getT("vi", "slips");
  const href = (slip: string, inLang: Lang) =>
    `/api/v1/dossiers/${encodeURIComponent(code)}/slips/${slip}${inLang === "vi" ? "" : `?lang=${inLang}`}`;
  return (
    <section aria-labelledby="slips-title">
      <h2 id="slips-title">{t("links.title")}</h2>
      <p>{t("links.intro")}</p>
      <ul>
        {slips.map((slip) => (
          <li key={slip}>
            <a href={href(slip, "vi")} lang="vi">
              {slip} – {official(`links.slip.${slip}`)} ({t("links.pdf")})
            </a>
            {lang === "vi" ? null : (
              <>
                {" · "}
                <a href={href(slip, lang)}>
                  {t(`links.slip.${slip}`)}: {t("links.translation")} ({t("links.pdf")})
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
