import { localDate } from "@/lib/calendar/rules";
import { communePlaces } from "./agencies";
import { personalIdNumber, personName, type SeedPerson } from "./accounts";
import type { Random } from "./random";

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

function address(random: Random, commune: keyof typeof communePlaces): string {
  const place = communePlaces[commune];
  return `Số ${random.int(1, 220)} đường ${random.pick(place.streets)}, ${place.ward}`;
}

function daysBefore(at: Date, min: number, max: number, random: Random): string {
  return localDate(new Date(at.getTime() - (min + random.int(0, max - min)) * dayMs));
}

function birthDate(random: Random, year: number): string {
  const month = String(random.int(1, 12)).padStart(2, "0");
  const day = String(random.int(1, 28)).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

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
const businessLines = [
  "Bán lẻ lương thực, thực phẩm, đồ uống",
  "Sửa chữa, bảo dưỡng mô tô, xe máy",
  "Dịch vụ ăn uống",
  "Bán buôn nông sản (nhãn, vải, gạo)",
  "Xây dựng nhà các loại",
  "Vận tải hàng hóa bằng đường bộ",
  "Sản xuất sản phẩm từ cói, mây, tre",
  "Bán lẻ thiết bị điện tử, điện thoại",
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

const generators: Record<string, Generator> = {
  "1.001193": ({ random, applicant, commune, submittedAt }) => {
    const childSex = random.chance(0.5) ? "male" : "female";
    const family = applicant.fullName.split(" ")[0]!;
    const childName = `${family} ${personName(random, childSex).split(" ").slice(1).join(" ")}`;
    const partnerName = personName(random, opposite(applicant.sex));
    const [mother, father] =
      applicant.sex === "female" ? [applicant.fullName, partnerName] : [partnerName, applicant.fullName];
    return {
      childFullName: childName,
      childDateOfBirth: daysBefore(submittedAt, 3, 55, random),
      childSex,
      placeOfBirth: random.pick(hospitals[commune]),
      motherFullName: mother,
      ...(random.chance(0.95) ? { fatherFullName: father } : {}),
      applicantIdNumber: applicant.idNumber,
    };
  },
  "1.000894": ({ random, applicant }) => {
    const partnerSex = opposite(applicant.sex);
    const partnerYear = applicant.birthYear + random.int(-4, 4);
    const partner = {
      fullName: personName(random, partnerSex),
      idNumber: personalIdNumber(random, partnerSex, partnerYear),
    };
    const [groom, bride] = applicant.sex === "male" ? [applicant, partner] : [partner, applicant];
    return {
      groomFullName: groom.fullName,
      groomIdNumber: groom.idNumber,
      brideFullName: bride.fullName,
      brideIdNumber: bride.idNumber,
      phone: applicant.phone,
    };
  },
  "1.000656": ({ random, applicant, commune, submittedAt }) => ({
    deceasedFullName: `${applicant.fullName.split(" ")[0]} ${personName(
      random,
      random.chance(0.5) ? "male" : "female",
    )
      .split(" ")
      .slice(1)
      .join(" ")}`,
    dateOfDeath: daysBefore(submittedAt, 1, 14, random),
    placeOfDeath: random.chance(0.6) ? address(random, commune) : random.pick(hospitals[commune]),
    relationship: random.pick(relationships),
    applicantIdNumber: applicant.idNumber,
  }),
  "3.000333": ({ random, applicant }) => ({
    fullName: applicant.fullName,
    dateOfBirth: birthDate(random, applicant.birthYear),
    idNumber: applicant.idNumber,
    certificateType: random.chance(0.8) ? "1" : "2",
    purpose: random.pick(judicialPurposes),
    copies: random.int(1, 3),
  }),
  "2.000815": ({ random, applicant }) => ({
    documentName: random.pick(documentsToCertify),
    pages: random.int(1, 6),
    copies: random.int(1, 5),
    applicantIdNumber: applicant.idNumber,
  }),
  "1.001612": ({ random, applicant, commune }) => ({
    businessName: `Hộ kinh doanh ${random.pick(householdNames)}`,
    businessAddress: address(random, commune),
    businessLine: random.pick(businessLines),
    capitalVnd: random.int(5, 60) * 10_000_000,
    ownerIdNumber: applicant.idNumber,
    phone: applicant.phone,
  }),
  "1.013225": ({ random, applicant, commune }) => ({
    constructionAddress: address(random, commune),
    landParcel: `Thửa ${random.int(10, 480)}, tờ bản đồ số ${random.int(1, 40)}`,
    floors: random.int(2, 5),
    floorAreaM2: random.int(12, 60) * 10,
    ownerIdNumber: applicant.idNumber,
    phone: applicant.phone,
  }),
  "1.004222": ({ random, applicant, commune }) => {
    const joins = random.chance(0.5);
    return {
      fullName: applicant.fullName,
      idNumber: applicant.idNumber,
      newAddress: address(random, commune),
      ...(joins
        ? {
            householdHeadName: personName(random, random.chance(0.5) ? "male" : "female"),
            relationshipToHead: random.pick(relationships),
          }
        : {}),
    };
  },
  "1.004194": ({ random, applicant, commune, submittedAt }) => ({
    fullName: applicant.fullName,
    idNumber: applicant.idNumber,
    temporaryAddress: address(random, commune),
    fromDate: daysBefore(submittedAt, 0, 10, random),
    months: random.pick([6, 12, 12, 24]),
  }),
  "2.001610": ({ random, applicant, commune }) => ({
    enterpriseName: `Doanh nghiệp tư nhân ${random.pick(companyNames)}`,
    headOfficeAddress: address(random, commune),
    mainBusinessLine: random.pick(businessLines),
    investedCapitalVnd: random.int(2, 50) * 100_000_000,
    ownerIdNumber: applicant.idNumber,
    email: applicant.email,
  }),
  "2.001583": ({ random, applicant, commune, companyName }) => ({
    companyName: companyName ?? `Công ty TNHH ${random.pick(companyNames)}`,
    headOfficeAddress: address(random, commune),
    charterCapitalVnd: random.int(1, 30) * 1_000_000_000,
    legalRepresentative: applicant.fullName,
    legalRepresentativeIdNumber: applicant.idNumber,
    email: applicant.email,
  }),
  "1.004873": ({ random, applicant }) => {
    const marriage = random.chance(0.7);
    return {
      fullName: applicant.fullName,
      dateOfBirth: birthDate(random, applicant.birthYear),
      idNumber: applicant.idNumber,
      purpose: marriage ? "marriage" : "other",
      ...(marriage
        ? {}
        : {
            purposeDetail: random.pick([
              "Bổ sung hồ sơ vay vốn ngân hàng",
              "Hồ sơ mua bán nhà đất",
              "Hồ sơ xuất khẩu lao động",
            ]),
          }),
    };
  },
};

export function answersFor(procedureCode: string, context: AnswerContext): Record<string, unknown> {
  const generate = generators[procedureCode];
  if (!generate) throw new Error(`No answer generator for ${procedureCode}`);
  return generate(context);
}
