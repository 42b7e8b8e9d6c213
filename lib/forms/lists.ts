/**
 * The lists behind the ethnicity and nationality fields (pure data: browser and server).
 *
 * Ethnicities: the 54 ethnic groups of Vietnam (Decision 121-TCTK/PPCĐ of 2 March 1979), with the
 * codes "01"…"54" of the General Statistics Office's list (Decision 1019/QĐ-TCTK of 2008), the codes
 * the population database uses: "01" Kinh … "54" Ơ Đu.
 *
 * Nationalities: ISO 3166-1 alpha-2 codes with Vietnamese and English names from the
 * i18n-iso-countries data (only its vi and en files are imported, not its code or other locales).
 */
import enCountries from "i18n-iso-countries/langs/en.json";
import viCountries from "i18n-iso-countries/langs/vi.json";
import type { LocalisedText } from "./types";

export type ListEntry = { code: string; name: LocalisedText };

const ethnicNames: [vi: string, en: string][] = [
  ["Kinh", "Kinh"],
  ["Tày", "Tày"],
  ["Thái", "Thái"],
  ["Mường", "Mường"],
  ["Khmer", "Khmer"],
  ["Hoa", "Hoa (Chinese)"],
  ["Nùng", "Nùng"],
  ["Mông", "Hmong"],
  ["Dao", "Dao (Yao)"],
  ["Gia Rai", "Jarai"],
  ["Ê Đê", "Ede (Rade)"],
  ["Ba Na", "Bahnar"],
  ["Sán Chay", "San Chay"],
  ["Chăm", "Cham"],
  ["Cơ Ho", "Koho"],
  ["Xơ Đăng", "Sedang"],
  ["Sán Dìu", "San Diu"],
  ["Hrê", "Hre"],
  ["Ra Glai", "Raglai"],
  ["Mnông", "Mnong"],
  ["Thổ", "Tho"],
  ["Xtiêng", "Stieng"],
  ["Khơ Mú", "Khmu"],
  ["Bru - Vân Kiều", "Bru - Van Kieu"],
  ["Cơ Tu", "Katu"],
  ["Giáy", "Giay"],
  ["Tà Ôi", "Ta Oi"],
  ["Mạ", "Ma"],
  ["Giẻ Triêng", "Gie Trieng"],
  ["Co", "Cor"],
  ["Chơ Ro", "Cho Ro"],
  ["Xinh Mun", "Xinh Mun"],
  ["Hà Nhì", "Ha Nhi"],
  ["Chu Ru", "Churu"],
  ["Lào", "Lao"],
  ["La Chí", "La Chi"],
  ["Kháng", "Khang"],
  ["Phù Lá", "Phu La"],
  ["La Hủ", "La Hu"],
  ["La Ha", "La Ha"],
  ["Pà Thẻn", "Pa Then"],
  ["Lự", "Lu"],
  ["Ngái", "Ngai"],
  ["Chứt", "Chut"],
  ["Lô Lô", "Lo Lo"],
  ["Mảng", "Mang"],
  ["Cơ Lao", "Co Lao"],
  ["Bố Y", "Bo Y"],
  ["Cống", "Cong"],
  ["Si La", "Si La"],
  ["Pu Péo", "Pu Peo"],
  ["Rơ Măm", "Ro Mam"],
  ["Brâu", "Brau"],
  ["Ơ Đu", "O Du"],
];

/** The 54 ethnic groups, by code "01"…"54". */
export const ethnicities: readonly ListEntry[] = ethnicNames.map(([vi, en], index) => ({
  code: String(index + 1).padStart(2, "0"),
  name: { vi, en },
}));

const ethnicityByCode = new Map(ethnicities.map((entry) => [entry.code, entry]));

export function isEthnicityCode(code: string): boolean {
  return ethnicityByCode.has(code);
}

export function ethnicityName(code: string): LocalisedText | null {
  return ethnicityByCode.get(code)?.name ?? null;
}

type CountryNames = { countries: Record<string, string | string[]> };
/** The library gives some countries several names; the first is the official short one. */
const firstName = (name: string | string[] | undefined) => (Array.isArray(name) ? name[0] : name);

const viNames = (viCountries as CountryNames).countries;
const enNames = (enCountries as CountryNames).countries;

/** Nationalities by ISO 3166-1 alpha-2 code: Vietnam first, then by Vietnamese name. */
export const nationalities: readonly ListEntry[] = (() => {
  const all = Object.keys(enNames)
    .filter((code) => /^[A-Z]{2}$/.test(code) && firstName(viNames[code]) && firstName(enNames[code]))
    .map((code) => ({ code, name: { vi: firstName(viNames[code])!, en: firstName(enNames[code])! } }));
  const collator = new Intl.Collator("vi");
  const rest = all
    .filter((entry) => entry.code !== "VN")
    .sort((a, b) => collator.compare(a.name.vi, b.name.vi));
  const vietnam = all.find((entry) => entry.code === "VN");
  return vietnam ? [vietnam, ...rest] : rest;
})();

const nationalityByCode = new Map(nationalities.map((entry) => [entry.code, entry]));

export function isNationalityCode(code: string): boolean {
  return nationalityByCode.has(code);
}

export function nationalityName(code: string): LocalisedText | null {
  return nationalityByCode.get(code)?.name ?? null;
}

/** The list as a lang's options sorted for a select (ethnicities keep their codes' order). */
export function listOptions(
  list: readonly ListEntry[],
  lang: "vi" | "en",
): { value: string; label: string }[] {
  return list.map((entry) => ({ value: entry.code, label: entry.name[lang] }));
}
