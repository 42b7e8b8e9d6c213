import { localDate } from "@/lib/calendar/rules";
import { communePlaces } from "./agencies";
import { personalIdNumber, personName, type SeedPerson } from "./accounts";
import communes from "./data/communes-hung-yen.json";
import { createRandom, type Random } from "./random";

/**
 * Form answers for seeded dossiers, one generator per procedure; the keys are the procedure's form
 * fields (procedures.ts), which the seed test checks.
 */
export type AnswerContext = {
  random: Random;
  applicant: SeedPerson;
  /** Where the dossier is done; province-level dossiers use either ward for addresses. */
  commune: keyof typeof communePlaces;
  submittedAt: Date;
  /** The business's own company name when it files for itself. */
  companyName?: string;
};

const dayMs = 24 * 60 * 60 * 1000;

const hospitals = {
  phoHien: ["Bệnh viện Đa khoa tỉnh Hưng Yên", "Bệnh viện Sản Nhi Hưng Yên"],
  thaiBinh: ["Bệnh viện Đa khoa tỉnh Thái Bình", "Bệnh viện Phụ Sản Thái Bình"],
};

const companyNames = [
  "Thương mại Dịch vụ Hưng Thịnh",
  "Xây dựng Phú An",
  "Nông sản Sạch Văn Giang",
  "Cơ khí Tân Tiến",
  "May mặc Phố Hiến",
  "Vận tải Thái Bình",
  "Thực phẩm Minh Châu",
  "Nhãn lồng Hưng Yên",
  "Chiếu cói Kiến Xương",
  "Điện máy Hoàng Long",
  "Logistics Phố Nối",
  "Thủy sản Tiền Hải",
];
const householdNames = [
  "Tạp hóa Minh Hằng",
  "Cơm bình dân Bà Tư",
  "Sửa chữa xe máy Tuấn Anh",
  "Nhãn lồng Phương Hoa",
  "Bánh cáy Thu Trang",
  "Cắt tóc Hoàng Nam",
  "Điện thoại Hải Đăng",
  "Văn phòng phẩm Ánh Dương",
];
const documentsToCertify = [
  "Bằng tốt nghiệp đại học",
  "Giấy khai sinh",
  "Học bạ trung học phổ thông",
  "Giấy chứng nhận quyền sử dụng đất",
  "Sổ hộ khẩu (bản cũ)",
  "Hợp đồng lao động",
];
const judicialPurposes = [
  "Bổ sung hồ sơ xin việc",
  "Hồ sơ du học",
  "Hồ sơ xin thị thực lao động ở nước ngoài",
  "Bổ sung hồ sơ đăng ký kinh doanh",
  "Hồ sơ nhập quốc tịch cho vợ/chồng ở nước ngoài",
];
const relationships = ["Con", "Vợ", "Chồng", "Cháu", "Anh trai", "Em gái"];

type Generator = (context: AnswerContext) => Record<string, unknown>;

const opposite = (sex: "male" | "female") => (sex === "male" ? "female" : "male");

/** The demo province and the unit code of each demo commune (administrative_units). */
const province = "33";
const communeCodes: Record<keyof typeof communePlaces, string> = { phoHien: "11953", thaiBinh: "13225" };
const otherCommunes = communes.map((c) => c.code);

type Address = { province: string; commune: string; street: string };

/** An address answer in the dossier's commune: unit codes and the street as typed. */
function address(random: Random, commune: keyof typeof communePlaces): Address {
  const place = communePlaces[commune];
  return {
    province,
    commune: communeCodes[commune],
    street: `Số ${random.int(1, 220)} đường ${random.pick(place.streets)}`,
  };
}

/** An address anywhere in the province (a village of another commune). */
function addressInProvince(random: Random): Address {
  return {
    province,
    commune: random.pick(otherCommunes),
    street: `Thôn ${random.pick(["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung"])} ${random.int(1, 9)}`,
  };
}

function daysBefore(at: Date, min: number, max: number, random: Random): string {
  return localDate(new Date(at.getTime() - (min + random.int(0, max - min)) * dayMs));
}

function daysAfter(at: Date, min: number, max: number, random: Random): string {
  return localDate(new Date(at.getTime() + (min + random.int(0, max - min)) * dayMs));
}

function birthDate(random: Random, year: number): string {
  const month = String(random.int(1, 12)).padStart(2, "0");
  const day = String(random.int(1, 28)).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

/** Mostly Kinh ("01"), as in the province; sometimes Tày ("02") or Mường ("06"). */
function ethnicityCode(random: Random): string {
  return random.chance(0.92) ? "01" : random.pick(["02", "06"]);
}

const hometowns = [
  "xã Tân Hưng, tỉnh Hưng Yên",
  "phường Phố Hiến, tỉnh Hưng Yên",
  "xã Kiến Xương, tỉnh Hưng Yên",
  "xã Tiền Hải, tỉnh Hưng Yên",
  "phường Thái Bình, tỉnh Hưng Yên",
  "xã Văn Giang, tỉnh Hưng Yên",
];

const vsic: [string, string][] = [
  ["4711", "Bán lẻ lương thực, thực phẩm, đồ uống trong cửa hàng kinh doanh tổng hợp"],
  ["4542", "Bảo dưỡng, sửa chữa mô tô, xe máy"],
  ["5610", "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động"],
  ["4620", "Bán buôn nông, lâm sản nguyên liệu (trừ gỗ, tre, nứa)"],
  ["4100", "Xây dựng nhà các loại"],
  ["4933", "Vận tải hàng hóa bằng đường bộ"],
  ["1629", "Sản xuất sản phẩm khác từ gỗ; sản xuất sản phẩm từ tre, nứa, rơm, rạ và vật liệu tết bện"],
  ["4741", "Bán lẻ máy vi tính, thiết bị ngoại vi, phần mềm và thiết bị viễn thông"],
];

function lines(random: Random, count: number): { name: string; code: string }[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, vsic.length - 1));
  return [...chosen].map((i) => ({ code: vsic[i]![0], name: vsic[i]![1] }));
}

/** A person's particulars for the owner pages of the business forms. */
function owner(random: Random, applicant: SeedPerson, commune: keyof typeof communePlaces) {
  return {
    ownerFullName: applicant.fullName,
    ownerDateOfBirth: birthDate(random, applicant.birthYear),
    ownerSex: applicant.sex,
    ownerEthnicity: ethnicityCode(random),
    ownerNationality: "VN",
    ownerIdNumber: applicant.idNumber,
    ownerResidence: address(random, commune),
    phone: applicant.phone,
  };
}

function householdMembers(random: Random, count: number, family: string) {
  return Array.from({ length: count }, () => {
    const sex = random.chance(0.5) ? "male" : "female";
    const year = random.int(1960, 2008);
    return {
      fullName: `${family} ${personName(random, sex).split(" ").slice(1).join(" ")}`,
      dateOfBirth: birthDate(random, year),
      sex,
      idNumber: personalIdNumber(random, sex, year),
      relationshipToHead: random.pick(["spouse", "child", "parent", "sibling"]),
    };
  });
}

const generators: Record<string, Generator> = {
  "1.001193": ({ random, applicant, commune, submittedAt }) => {
    const childSex = random.chance(0.5) ? "male" : "female";
    const family = applicant.fullName.split(" ")[0]!;
    const childName = `${family} ${personName(random, childSex).split(" ").slice(1).join(" ")}`;
    const partnerYear = applicant.birthYear + random.int(-3, 3);
    const partner = {
      fullName: personName(random, opposite(applicant.sex)),
      birthYear: partnerYear,
      idNumber: personalIdNumber(random, opposite(applicant.sex), partnerYear),
    };
    const [mother, father] = applicant.sex === "female" ? [applicant, partner] : [partner, applicant];
    const home = address(random, commune);
    const ethnicity = ethnicityCode(random);
    const fatherNamed = random.chance(0.95);
    const inHospital = random.chance(0.9);
    return {
      childFullName: childName,
      childDateOfBirth: daysBefore(submittedAt, 3, 55, random),
      childSex,
      ...(inHospital ? { birthFacility: random.pick(hospitals[commune]) } : {}),
      placeOfBirth: inHospital ? address(random, commune) : home,
      childEthnicity: ethnicity,
      childNationality: "VN",
      hometown: random.pick(hometowns),
      motherFullName: mother.fullName,
      motherBirthYear: mother.birthYear,
      motherEthnicity: ethnicity,
      motherNationality: "VN",
      motherIdNumber: mother.idNumber,
      motherResidence: home,
      fatherNamed: fatherNamed ? "yes" : "no",
      ...(fatherNamed
        ? {
            fatherFullName: father.fullName,
            fatherBirthYear: father.birthYear,
            fatherEthnicity: ethnicity,
            fatherNationality: "VN",
            fatherIdNumber: father.idNumber,
            fatherResidence: home,
          }
        : {}),
      declarantFullName: applicant.fullName,
      declarantIdNumber: applicant.idNumber,
      declarantRelationship: applicant.sex === "female" ? "mother" : "father",
      declarantResidence: home,
      declarantPhone: applicant.phone,
      declarantEmail: applicant.email,
      extractCopies: random.int(0, 3),
    };
  },
  "1.000894": ({ random, applicant, commune, submittedAt }) => {
    const partnerSex = opposite(applicant.sex);
    const partnerYear = applicant.birthYear + random.int(-4, 4);
    const party = (person: { fullName: string; idNumber: string; birthYear: number }) => {
      const status = random.weighted({ never: 90, divorced: 8, widowed: 2 });
      return {
        FullName: person.fullName,
        DateOfBirth: birthDate(random, person.birthYear),
        Ethnicity: ethnicityCode(random),
        Nationality: "VN",
        IdNumber: person.idNumber,
        Residence: random.chance(0.6) ? address(random, commune) : addressInProvince(random),
        MaritalStatus: status,
        ...(status === "never" ? {} : { MarriageNumber: 2 }),
      };
    };
    const own = party(applicant);
    const other = party({
      fullName: personName(random, partnerSex),
      idNumber: personalIdNumber(random, partnerSex, partnerYear),
      birthYear: partnerYear,
    });
    const [bride, groom] = applicant.sex === "female" ? [own, other] : [other, own];
    const prefixed = (prefix: string, answers: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(answers).map(([key, value]) => [`${prefix}${key}`, value]));
    return {
      ...prefixed("bride", bride),
      ...prefixed("groom", groom),
      desiredDate: daysAfter(submittedAt, 3, 20, random),
      phone: applicant.phone,
      email: applicant.email,
    };
  },
  "1.000656": ({ random, applicant, commune, submittedAt }) => {
    const sex = random.chance(0.5) ? "male" : "female";
    const year = random.int(1925, 1960);
    const home = address(random, commune);
    const inHospital = random.chance(0.4);
    return {
      deceasedFullName: `${applicant.fullName.split(" ")[0]} ${personName(random, sex).split(" ").slice(1).join(" ")}`,
      deceasedDateOfBirth: birthDate(random, year),
      deceasedSex: sex,
      deceasedEthnicity: ethnicityCode(random),
      deceasedNationality: "VN",
      deceasedIdNumber: personalIdNumber(random, sex, year),
      deceasedLastResidence: home,
      dateOfDeath: daysBefore(submittedAt, 1, 14, random),
      placeOfDeath: inHospital ? address(random, commune) : home,
      ...(random.chance(0.7)
        ? { causeOfDeath: random.pick(["Bệnh già", "Bệnh tim mạch", "Tai biến mạch máu não"]) }
        : {}),
      declarantFullName: applicant.fullName,
      applicantIdNumber: applicant.idNumber,
      relationship: random.pick(relationships),
      declarantResidence: home,
      declarantPhone: applicant.phone,
      extractCopies: random.int(1, 4),
    };
  },
  "3.000333": ({ random, applicant, commune }) => {
    const certificateType = random.chance(0.8) ? "1" : "2";
    const adult = applicant.birthYear + 14;
    const moved = random.int(adult + 4, 2024);
    return {
      fullName: applicant.fullName,
      sex: applicant.sex,
      dateOfBirth: birthDate(random, applicant.birthYear),
      placeOfBirth: random.pick(hometowns),
      nationality: "VN",
      ethnicity: ethnicityCode(random),
      idNumber: applicant.idNumber,
      residence: address(random, commune),
      phone: applicant.phone,
      email: applicant.email,
      fatherFullName: personName(random, "male"),
      motherFullName: personName(random, "female"),
      residenceHistory: [
        {
          fromYear: moved,
          place: `${communePlaces[commune].ward}`,
          occupation: random.pick(["Nhân viên văn phòng", "Kỹ sư", "Giáo viên", "Kinh doanh tự do"]),
        },
        { fromYear: adult, toYear: moved, place: random.pick(hometowns), occupation: "Học sinh, sinh viên" },
      ],
      certificateType,
      ...(certificateType === "1" ? { managementBanCheck: random.chance(0.2) ? "yes" : "no" } : {}),
      purpose: random.pick(judicialPurposes),
      copies: random.int(1, 3),
      feeCase: random.weighted({ standard: 85, reduced: 12, exempt: 3 }),
    };
  },
  "2.000815": ({ random, applicant }) => ({
    documentName: random.pick(documentsToCertify),
    pages: random.int(1, 6),
    copies: random.int(1, 5),
    applicantFullName: applicant.fullName,
    applicantIdNumber: applicant.idNumber,
    phone: applicant.phone,
  }),
  "1.001612": ({ random, applicant, commune }) => {
    const familyRun = random.chance(0.3);
    return {
      businessName: `Hộ kinh doanh ${random.pick(householdNames)}`,
      businessAddress: address(random, commune),
      businessLines: lines(random, random.int(1, 2)),
      capitalVnd: random.int(5, 60) * 10_000_000,
      employees: random.int(1, 6),
      ...owner(random, applicant, commune),
      familyRun: familyRun ? "yes" : "no",
      ...(familyRun
        ? {
            householdMembers: householdMembers(
              random,
              random.int(1, 2),
              applicant.fullName.split(" ")[0]!,
            ).map(({ fullName, dateOfBirth, idNumber }) => ({
              fullName,
              dateOfBirth,
              idNumber,
              relationship: random.pick(["Vợ", "Chồng", "Con"]),
            })),
          }
        : {}),
    };
  },
  "1.013225": ({ random, applicant, commune }) => {
    const floors = random.int(2, 5);
    const groundArea = random.int(6, 20) * 5;
    const home = address(random, commune);
    return {
      ownerFullName: applicant.fullName,
      ownerIdNumber: applicant.idNumber,
      phone: applicant.phone,
      ownerAddress: home,
      constructionAddress: random.chance(0.7) ? home : address(random, commune),
      parcelNumber: String(random.int(10, 480)),
      mapSheetNumber: String(random.int(1, 40)),
      landCertificateNumber: `${random.pick(["AB", "BC", "CD", "DA"])} ${random.int(100000, 999999)}`,
      plotAreaM2: groundArea + random.int(10, 60),
      worksType: random.chance(0.8) ? "house" : "houseWithShop",
      floors,
      heightM: floors * 3 + 2,
      constructionAreaM2: groundArea,
      floorAreaM2: groundArea * floors,
    };
  },
  "1.004222": ({ random, applicant, commune }) => {
    const joins = random.chance(0.5);
    const others = random.chance(0.3);
    return {
      fullName: applicant.fullName,
      dateOfBirth: birthDate(random, applicant.birthYear),
      sex: applicant.sex,
      idNumber: applicant.idNumber,
      phone: applicant.phone,
      newAddress: address(random, commune),
      housingBasis: joins ? "relative" : random.pick(["own", "own", "rented"]),
      joinsHousehold: joins ? "yes" : "no",
      ...(joins
        ? {
            householdHeadName: personName(random, random.chance(0.5) ? "male" : "female"),
            householdHeadIdNumber: personalIdNumber(random, "male", random.int(1950, 1980)),
            relationshipToHead: random.pick(["child", "spouse", "grandchild", "sibling"]),
          }
        : {}),
      othersMoving: others ? "yes" : "no",
      ...(others
        ? { householdMembers: householdMembers(random, random.int(1, 3), applicant.fullName.split(" ")[0]!) }
        : {}),
    };
  },
  "1.004194": ({ random, applicant, commune, submittedAt }) => ({
    fullName: applicant.fullName,
    dateOfBirth: birthDate(random, applicant.birthYear),
    sex: applicant.sex,
    idNumber: applicant.idNumber,
    phone: applicant.phone,
    email: applicant.email,
    temporaryAddress: address(random, commune),
    fromDate: daysBefore(submittedAt, 0, 10, random),
    months: random.pick([6, 12, 12, 24]),
    housingBasis: random.pick(["rented", "rented", "relative"]),
    joinsHousehold: "no",
    othersMoving: "no",
  }),
  "2.001610": ({ random, applicant, commune }) => ({
    enterpriseName: `Doanh nghiệp tư nhân ${random.pick(companyNames)}`,
    headOfficeAddress: address(random, commune),
    companyPhone: applicant.phone,
    email: applicant.email,
    businessLines: lines(random, random.int(1, 3)),
    investedCapitalVnd: random.int(2, 50) * 100_000_000,
    ...owner(random, applicant, commune),
  }),
  "2.001583": ({ random, applicant, commune, companyName }) => ({
    companyName: companyName ?? `Công ty TNHH ${random.pick(companyNames)}`,
    headOfficeAddress: address(random, commune),
    companyPhone: applicant.phone,
    email: applicant.email,
    businessLines: lines(random, random.int(1, 4)),
    charterCapitalVnd: random.int(1, 30) * 1_000_000_000,
    ownerKind: "person",
    ownerFullName: applicant.fullName,
    ownerDateOfBirth: birthDate(random, applicant.birthYear),
    ownerNationality: "VN",
    ownerIdNumber: applicant.idNumber,
    ownerResidence: address(random, commune),
    legalRepresentatives: [
      {
        fullName: applicant.fullName,
        title: "Giám đốc",
        dateOfBirth: birthDate(random, applicant.birthYear),
        idNumber: applicant.idNumber,
        residence: address(random, commune),
      },
    ],
  }),
  "1.004873": ({ random, applicant, commune }) => {
    const marriage = random.chance(0.7);
    return {
      fullName: applicant.fullName,
      dateOfBirth: birthDate(random, applicant.birthYear),
      sex: applicant.sex,
      ethnicity: ethnicityCode(random),
      nationality: "VN",
      idNumber: applicant.idNumber,
      residence: address(random, commune),
      maritalStatus: random.weighted({ never: 80, divorced: 15, widowed: 5 }),
      purpose: marriage ? "marriage" : "other",
      ...(marriage
        ? {
            partnerFullName: personName(random, opposite(applicant.sex)),
            partnerNationality: random.chance(0.9) ? "VN" : random.pick(["KR", "JP", "TW"]),
            marriagePlace: `Ủy ban nhân dân ${communePlaces[commune].ward}`,
          }
        : {
            purposeDetail: random.pick([
              "Bổ sung hồ sơ vay vốn ngân hàng",
              "Hồ sơ mua bán nhà đất",
              "Hồ sơ xuất khẩu lao động",
            ]),
          }),
      copies: random.int(1, 2),
    };
  },
};

/**
 * Each dossier's answers come from a stream of their own, seeded by one draw from the seed's: the
 * forms can change without moving the rest of the demo data.
 */
export function answersFor(procedureCode: string, context: AnswerContext): Record<string, unknown> {
  const generate = generators[procedureCode];
  if (!generate) throw new Error(`No answer generator for ${procedureCode}`);
  return generate({ ...context, random: createRandom(context.random.int(1, 2 ** 31 - 1)) });
}
