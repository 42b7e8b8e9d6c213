import type { agencies } from "@/db/schema";

/**
 * The demo province's agencies. Hưng Yên (province code 33) absorbed Thái Bình on 1 July 2025, so
 * one commune is in old Hưng Yên (Phường Phố Hiến) and one in old Thái Bình (Phường Thái Bình);
 * their names and unit codes are real (statistics office list, via ../shared/data/communes-hung-yen.json).
 *
 * The electronic identifiers (000.00.xx.H33) are DEMO VALUES made up in the official format: the
 * real ones are not in our sources. Replace them before any real use.
 */
export type AgencyKey = "centre" | "justice" | "construction" | "finance" | "police" | "phoHien" | "thaiBinh";

type AgencySeed = {
  key: AgencyKey;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: "province_centre" | "department" | "police" | "commune_committee";
  /** Parent in the portal's agency tree (see below), by key. */
  parent: AgencyKey | null;
  unitCode: string;
  /** Every identifier here is made up in the official format (see above). */
  identifierIsDemo: true;
};

export const provinceUnitCode = "33";

// The provincial centre roots the provincial agencies it receives for, so a tree view of the province
// reads naturally. Commune committees are their own level of government: no parent.
export const agencySeeds: readonly AgencySeed[] = [
  {
    key: "centre",
    code: "000.00.01.H33",
    nameVi: "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên",
    nameEn: "Hung Yen Provincial Public Administrative Service Centre",
    kind: "province_centre",
    parent: null,
    unitCode: provinceUnitCode,
    identifierIsDemo: true,
  },
  {
    key: "justice",
    code: "000.00.02.H33",
    nameVi: "Sở Tư pháp tỉnh Hưng Yên",
    nameEn: "Hung Yen Department of Justice",
    kind: "department",
    parent: "centre",
    unitCode: provinceUnitCode,
    identifierIsDemo: true,
  },
  {
    key: "construction",
    code: "000.00.03.H33",
    nameVi: "Sở Xây dựng tỉnh Hưng Yên",
    nameEn: "Hung Yen Department of Construction",
    kind: "department",
    parent: "centre",
    unitCode: provinceUnitCode,
    identifierIsDemo: true,
  },
  {
    key: "finance",
    code: "000.00.04.H33",
    nameVi: "Sở Tài chính tỉnh Hưng Yên",
    nameEn: "Hung Yen Department of Finance",
    kind: "department",
    parent: "centre",
    unitCode: provinceUnitCode,
    identifierIsDemo: true,
  },
  {
    key: "police",
    code: "000.00.05.H33",
    nameVi: "Công an tỉnh Hưng Yên",
    nameEn: "Hung Yen Provincial Police",
    kind: "police",
    parent: "centre",
    unitCode: provinceUnitCode,
    identifierIsDemo: true,
  },
  {
    key: "phoHien",
    code: "000.01.01.H33",
    nameVi: "Ủy ban nhân dân phường Phố Hiến",
    nameEn: "People's Committee of Pho Hien Ward",
    kind: "commune_committee",
    parent: null,
    unitCode: "11953",
    identifierIsDemo: true,
  },
  {
    key: "thaiBinh",
    code: "000.01.02.H33",
    nameVi: "Ủy ban nhân dân phường Thái Bình",
    nameEn: "People's Committee of Thai Binh Ward",
    kind: "commune_committee",
    parent: null,
    unitCode: "13225",
    identifierIsDemo: true,
  },
];

/** The two-level local government (no districts) took effect on this date. */
const validFrom = "2025-07-01";

export const communeKeys = ["phoHien", "thaiBinh"] as const satisfies readonly AgencyKey[];

/** Place names used in form answers, per commune agency. */
export const communePlaces: Record<(typeof communeKeys)[number], { ward: string; streets: string[] }> = {
  phoHien: {
    ward: "phường Phố Hiến, tỉnh Hưng Yên",
    streets: [
      "Điện Biên",
      "Nguyễn Văn Linh",
      "Bãi Sậy",
      "Phạm Ngũ Lão",
      "Tô Hiệu",
      "Chùa Chuông",
      "Lê Văn Lương",
    ],
  },
  thaiBinh: {
    ward: "phường Thái Bình, tỉnh Hưng Yên",
    streets: [
      "Lê Lợi",
      "Trần Thánh Tông",
      "Lý Bôn",
      "Quang Trung",
      "Hai Bà Trưng",
      "Trần Hưng Đạo",
      "Kỳ Đồng",
    ],
  },
};

/**
 * Addresses: only the ward (communes) or the province, which are real; the street addresses of the offices are not
 * in our sources (add them through the administration pages).
 */
const addresses: Record<AgencyKey, string> = {
  centre: "Tỉnh Hưng Yên",
  justice: "Tỉnh Hưng Yên",
  construction: "Tỉnh Hưng Yên",
  finance: "Tỉnh Hưng Yên",
  police: "Tỉnh Hưng Yên",
  phoHien: "Phường Phố Hiến, tỉnh Hưng Yên",
  thaiBinh: "Phường Thái Bình, tỉnh Hưng Yên",
};

/**
 * The accounts fees are paid into (VietQR): real banks' NAPAS BINs (Vietcombank 970436, VietinBank
 * 970415, BIDV 970418, Agribank 970405), names in capitals without diacritics as the banks show them.
 * The account NUMBERS ARE DEMO VALUES: a transfer to them reaches nobody. Replace them before real use.
 */
const bankAccounts: Record<
  AgencyKey,
  { bankBin: string; bankAccountNumber: string; bankAccountName: string }
> = {
  centre: {
    bankBin: "970415",
    bankAccountNumber: "113000123401",
    bankAccountName: "TRUNG TAM PHUC VU HANH CHINH CONG TINH HUNG YEN",
  },
  justice: {
    bankBin: "970436",
    bankAccountNumber: "0011001234501",
    bankAccountName: "SO TU PHAP TINH HUNG YEN",
  },
  construction: {
    bankBin: "970418",
    bankAccountNumber: "21510001234502",
    bankAccountName: "SO XAY DUNG TINH HUNG YEN",
  },
  finance: {
    bankBin: "970436",
    bankAccountNumber: "0011001234503",
    bankAccountName: "SO TAI CHINH TINH HUNG YEN",
  },
  police: { bankBin: "970415", bankAccountNumber: "113000123404", bankAccountName: "CONG AN TINH HUNG YEN" },
  phoHien: { bankBin: "970405", bankAccountNumber: "2600201234505", bankAccountName: "UBND PHUONG PHO HIEN" },
  thaiBinh: {
    bankBin: "970405",
    bankAccountNumber: "2600201234506",
    bankAccountName: "UBND PHUONG THAI BINH",
  },
};

export function agencyRows(ids: Record<AgencyKey, string>): (typeof agencies.$inferInsert)[] {
  return agencySeeds.map((agency) => ({
    level: agency.kind === "commune_committee" ? "commune" : "province",
    address: addresses[agency.key],
    id: ids[agency.key],
    code: agency.code,
    nameVi: agency.nameVi,
    nameEn: agency.nameEn,
    kind: agency.kind,
    parentId: agency.parent ? ids[agency.parent] : null,
    unitCode: agency.unitCode,
    validFrom,
    ...bankAccounts[agency.key],
  }));
}
