import type { StaffRole } from "@/lib/identity/types";
import { searchable } from "@/lib/text/normalize";
import type { AgencyKey } from "./agencies";
import type { Random } from "./random";

/**
 * The demo logins, one per kind of user. The README and the end-to-end tests read them from here.
 * Staff roles span every agency of the demo, so one login sees every journey.
 */
export type DemoAccount = {
  key:
    | "citizen"
    | "business"
    | "business2"
    | "receiver"
    | "specialist"
    | "head"
    | "police"
    | "admin"
    | "agencyAdmin"
    | "chair"
    | "vicechair"
    | "member"
    | "secretary";
  email: string;
  password: string;
  fullName: string;
  kind: "citizen" | "staff";
  role: { vi: string; en: string };
};

const demoPassword = "Demo@12345";

export const demoAccounts: readonly DemoAccount[] = [
  {
    key: "citizen",
    email: "citizen@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Nguyễn Văn An",
    kind: "citizen",
    role: { vi: "Công dân", en: "Citizen" },
  },
  {
    key: "business",
    email: "business@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Trần Thị Bích Ngọc",
    kind: "citizen",
    role: {
      vi: "Thành viên doanh nghiệp (Công ty TNHH Thương mại Phố Hiến)",
      en: "Business member (Công ty TNHH Thương mại Phố Hiến)",
    },
  },
  {
    key: "business2",
    email: "business2@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Đặng Quốc Huy",
    kind: "citizen",
    role: {
      vi: "Thành viên doanh nghiệp, nộp hồ sơ (Công ty TNHH Thương mại Phố Hiến)",
      en: "Business member who files (Công ty TNHH Thương mại Phố Hiến)",
    },
  },
  {
    key: "receiver",
    email: "receiver@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Lê Thị Thu Hà",
    kind: "staff",
    role: {
      vi: "Cán bộ tiếp nhận (Trung tâm Phục vụ hành chính công tỉnh, UBND phường Phố Hiến, UBND phường Thái Bình)",
      en: "Receiving officer (provincial service centre, Pho Hien and Thai Binh ward committees)",
    },
  },
  {
    key: "specialist",
    email: "specialist@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Phạm Minh Tuấn",
    kind: "staff",
    role: {
      vi: "Chuyên viên xử lý (các sở, Công an tỉnh, hai UBND phường)",
      en: "Specialist (the departments, the provincial police, both ward committees)",
    },
  },
  {
    key: "head",
    email: "head@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Vũ Đức Thắng",
    kind: "staff",
    role: {
      vi: "Lãnh đạo phê duyệt (các sở, Công an tỉnh, hai UBND phường)",
      en: "Head of unit, approves (the departments, the provincial police, both ward committees)",
    },
  },
  {
    key: "police",
    email: "police@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Hoàng Văn Minh",
    kind: "staff",
    role: {
      vi: "Cán bộ Công an tỉnh (chuyên viên và lãnh đạo; chỉ cơ quan này): trả lời ý kiến, nhận hồ sơ liên thông",
      en: "Provincial police officer (specialist and head; this agency only): answers other agencies, takes transferred dossiers",
    },
  },
  {
    key: "admin",
    email: "admin@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Đỗ Thanh Hương",
    kind: "staff",
    role: { vi: "Quản trị hệ thống", en: "System administrator" },
  },
  {
    key: "agencyAdmin",
    email: "agency-admin@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Bùi Thị Minh Phương",
    kind: "staff",
    role: {
      vi: "Quản trị cơ quan (UBND phường Phố Hiến): tài khoản cán bộ và thông tin cơ quan của phường",
      en: "Agency administrator (Pho Hien ward committee): the ward's staff accounts and agency details",
    },
  },
  // The officials' workspace (issue 10): the demo deciding body's members. The head of unit sits in
  // it as a member and the specialist as its support staff (see demoBody below).
  {
    key: "chair",
    email: "chair@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Trịnh Quang Vinh",
    kind: "staff",
    role: {
      vi: "Chủ tịch UBND tỉnh: chủ trì, phê duyệt phiếu lấy ý kiến và kết luận (không gian làm việc)",
      en: "Chair of the provincial People's Committee: approves opinion forms and conclusions (workspace)",
    },
  },
  {
    key: "vicechair",
    email: "vicechair@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Lương Thị Hồng",
    kind: "staff",
    role: {
      vi: "Phó Chủ tịch UBND tỉnh: thành viên biểu quyết (không gian làm việc)",
      en: "Vice-chair of the provincial People's Committee: voting member (workspace)",
    },
  },
  {
    key: "member",
    email: "member@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Đinh Công Sơn",
    kind: "staff",
    role: {
      vi: "Ủy viên UBND tỉnh, Giám đốc Sở Tư pháp: thành viên biểu quyết (không gian làm việc)",
      en: "Committee member, Director of the Department of Justice: voting member (workspace)",
    },
  },
  {
    key: "secretary",
    email: "secretary@demo.hungyen.gov.vn",
    password: demoPassword,
    fullName: "Mai Thu Trang",
    kind: "staff",
    role: {
      vi: "Chánh Văn phòng UBND tỉnh: thư ký, chuẩn bị phiếu lấy ý kiến và cuộc họp (không gian làm việc)",
      en: "Chief of the committee's office: secretary, prepares opinion forms and meetings (workspace)",
    },
  },
];

/** The demo deciding body (lib/meetings), with the default rule, and who sits in it. */
export const demoBody = {
  code: "ubnd-hung-yen",
  nameVi: "Ủy ban nhân dân tỉnh Hưng Yên (bản trình diễn)",
  nameEn: "Hưng Yên Provincial People's Committee (demo)",
  members: [
    { key: "chair", role: "chair", title: "Chủ tịch UBND tỉnh" },
    { key: "vicechair", role: "vice_chair", title: "Phó Chủ tịch UBND tỉnh" },
    { key: "member", role: "member", title: "Ủy viên UBND tỉnh, Giám đốc Sở Tư pháp" },
    { key: "head", role: "member", title: "Ủy viên UBND tỉnh" },
    { key: "secretary", role: "secretary", title: "Chánh Văn phòng UBND tỉnh" },
    { key: "specialist", role: "support", title: "Chuyên viên Văn phòng UBND tỉnh (bộ phận tham mưu)" },
  ],
} as const satisfies {
  code: string;
  nameVi: string;
  nameEn: string;
  members: readonly { key: DemoAccount["key"]; role: string; title: string }[];
};

/** The workspace's demo accounts, whose ids are drawn after every other draw of the seed. */
export const workspaceAccountKeys = ["chair", "vicechair", "member", "secretary"] as const;

/** The demo company: its tax code's check digit is right (lib/organisations/taxCode.ts). */
export const demoOrganisation = {
  taxCode: "0901234564",
  name: "Công ty TNHH Thương mại Phố Hiến",
  address: { province: "33", commune: "11953", street: "Số 18 đường Điện Biên" },
  legalRepresentative: "Trần Thị Bích Ngọc",
  legalRepresentativeTitle: "Giám đốc",
  phone: "02213862468",
  email: "lienhe@thuongmaiphohien.example.vn",
};

const deciding: AgencyKey[] = ["justice", "construction", "finance", "police", "phoHien", "thaiBinh"];

/** Each staff account's roles, by agency. */
export const demoStaffRoles: Record<
  "receiver" | "specialist" | "head" | "police" | "admin" | "agencyAdmin",
  { agency: AgencyKey; role: StaffRole }[]
> = {
  receiver: (["centre", "phoHien", "thaiBinh"] as const).map((agency) => ({ agency, role: "receiver" })),
  specialist: deciding.map((agency) => ({ agency, role: "specialist" })),
  head: deciding.map((agency) => ({ agency, role: "head" })),
  // One agency only: signed in as them, a consultation or a transfer is seen from the other side.
  police: [
    { agency: "police", role: "specialist" },
    { agency: "police", role: "head" },
  ],
  admin: [{ agency: "centre", role: "system_admin" }],
  agencyAdmin: [{ agency: "phoHien", role: "agency_admin" }],
};

/** A citizen who owns seeded dossiers (no password: they cannot sign in). */
export type SeedPerson = {
  fullName: string;
  sex: "male" | "female";
  birthYear: number;
  idNumber: string;
  email: string;
  phone: string;
};

const familyNames = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Ngô",
  "Dương",
  "Đào",
  "Đinh",
  "Lương",
  "Phan",
  "Tạ",
];
const middleNames = {
  male: ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Ngọc"],
  female: ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Thị Thu", "Phương", "Hồng"],
};
const givenNames = {
  male: [
    "Hùng",
    "Dũng",
    "Nam",
    "Long",
    "Sơn",
    "Tùng",
    "Hải",
    "Quân",
    "Khánh",
    "Phúc",
    "Thịnh",
    "Trung",
    "Bình",
    "Cường",
    "Hiếu",
    "Đạt",
  ],
  female: [
    "Lan",
    "Hương",
    "Mai",
    "Hoa",
    "Linh",
    "Trang",
    "Thảo",
    "Hằng",
    "Yến",
    "Nhung",
    "Giang",
    "Huyền",
    "Loan",
    "Vân",
    "Oanh",
    "Thủy",
  ],
};

/** Plain ASCII for e-mail addresses: the same folding as search. */
export const asciiName = searchable;

/**
 * A 12-digit personal identification number shaped like a real one: the birth province code
 * (033 Hưng Yên, 034 former Thái Bình), a digit for sex and century, two for the birth year, six
 * random digits.
 */
export function personalIdNumber(random: Random, sex: "male" | "female", birthYear: number): string {
  const province = random.pick(["033", "034"]);
  const century = birthYear >= 2000 ? 2 : 0;
  const sexDigit = century + (sex === "female" ? 1 : 0);
  const serial = String(random.int(0, 999_999)).padStart(6, "0");
  return `${province}${sexDigit}${String(birthYear % 100).padStart(2, "0")}${serial}`;
}

export function personName(random: Random, sex: "male" | "female"): string {
  return `${random.pick(familyNames)} ${random.pick(middleNames[sex])} ${random.pick(givenNames[sex])}`;
}

export function seedPeople(random: Random, count: number): SeedPerson[] {
  const used = new Set<string>();
  const people: SeedPerson[] = [];
  while (people.length < count) {
    const sex = random.chance(0.5) ? "male" : "female";
    const fullName = personName(random, sex);
    if (used.has(fullName)) continue;
    used.add(fullName);
    const birthYear = random.int(1958, 2004);
    const parts = asciiName(fullName).split(" ");
    const given = parts[parts.length - 1]!;
    const rest = parts.slice(0, -1).join("");
    people.push({
      fullName,
      sex,
      birthYear,
      idNumber: personalIdNumber(random, sex, birthYear),
      // example.com is reserved for examples: no mail can ever reach a real person.
      email: `${given}.${rest}.${people.length + 1}@example.com`,
      phone: `0${random.pick(["912", "983", "868", "977", "936", "904", "389", "357"])}${String(random.int(0, 999_999)).padStart(6, "0")}`,
    });
  }
  return people;
}
