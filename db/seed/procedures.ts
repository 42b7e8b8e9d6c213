import type { procedureAgencies, procedures, procedureVersions } from "@/db/schema";
import type { Channel, Fee, ProcedureDetails, RequiredDocument, TimeLimits } from "@/lib/catalog/types";
import { hoursPerWorkingDay } from "@/lib/calendar/rules";
import { singlePage } from "@/lib/forms/definition";
import type { FormDefinition, FormField, LocalisedText } from "@/lib/forms/types";
import { searchable } from "@/lib/text/normalize";
import type { AgencyKey } from "./agencies";
import { communeKeys } from "./agencies";
import source from "./data/procedures.json";

/**
 * The catalogue: 12 real procedures as the national portal publishes them (./data/procedures.json),
 * plus what the data lacks and the portal needs. Everything in `overlays` that is not a translation
 * is a DEMO CHOICE (online level, time limits the portal leaves blank, which documents an online
 * dossier must upload) and says so in the version's details.notes.
 */

type SourceProcedure = (typeof source.procedures)[number];

const channelOf: Record<string, Channel> = {
  "Trực tuyến": "online",
  "Trực tiếp": "desk",
  "Dịch vụ bưu chính": "post",
};

const targetGroupEn: Record<string, string> = {
  "Công dân Việt Nam": "Vietnamese citizens",
  "Người Việt Nam định cư ở nước ngoài": "Vietnamese people living abroad",
  "Người nước ngoài cư trú tại Việt Nam": "Foreigners living in Viet Nam",
  "Người nước ngoài": "Foreigners",
  "Doanh nghiệp": "Enterprises",
  "Doanh nghiệp có vốn đầu tư nước ngoài": "Foreign-invested enterprises",
  "Hợp tác xã": "Cooperatives",
  "Tổ chức (không bao gồm doanh nghiệp, HTX)": "Organisations (other than enterprises and cooperatives)",
};

/**
 * Many published document names are whole paragraphs (conditions, legal references, examples). Those
 * get a short Vietnamese title written by hand (`vi`) and a one-sentence English gist; the published
 * text is kept whole as the document's description.
 */
type DocumentOverlay = { key: string; en: string; required: boolean; vi?: string; gist?: string };

/** Longer published names need a short title: lists and form labels stay readable on a phone. */
const maxDocumentTitle = 120;

// Paragraphs the civil status procedures publish word for word alike.
const identityDocument = {
  vi: "Giấy tờ tùy thân (xuất trình khi nộp trực tiếp)",
  gist: "A valid passport, identity card, electronic identity or other photo identity document issued by an authority, shown when you apply in person.",
};
const residenceProof = {
  vi: "Giấy tờ chứng minh nơi cư trú (nếu không tra cứu được)",
  gist: "Proof of residence, needed only when the civil status office cannot look up where you live in the national population database.",
};

type Overlay = {
  fieldEn: string;
  onlineLevel: "whole" | "partial";
  popularRank?: number;
  /** Who decides a province-level procedure; commune-level ones are decided by each commune committee. */
  competent?: Exclude<AgencyKey, "centre" | "phoHien" | "thaiBinh">;
  /** One per published document, in the data's order. */
  documents: DocumentOverlay[];
  resultEn: string;
  /** Used where the portal publishes no time limit ("Không có thông tin"). */
  demoTimeLimitDays?: number;
  notes: { vi: string[]; en: string[] };
  form: FormField[];
};

// Form fields used by several procedures.
const t = (vi: string, en: string): LocalisedText => ({ vi, en });
/** A person's name: personal data, kept out of published decisions. */
const nameField = (name: string, label: LocalisedText, required = true, hint?: LocalisedText): FormField => ({
  name,
  type: "text",
  label,
  required,
  maxLength: 100,
  personal: "name",
  ...(hint ? { hint } : {}),
});
/** A short answer that is not personal data (a relationship, for example). */
const shortField = (
  name: string,
  label: LocalisedText,
  required = true,
  hint?: LocalisedText,
): FormField => ({
  name,
  type: "text",
  label,
  required,
  maxLength: 100,
  ...(hint ? { hint } : {}),
});
const idField = (name: string, label: LocalisedText, required = true): FormField => ({
  name,
  type: "idNumber",
  label,
  required,
  hint: t("12 chữ số in trên thẻ căn cước.", "The 12 digits printed on the identity card."),
});
const birthDateField = (name: string, label: LocalisedText): FormField => ({
  name,
  type: "date",
  label,
  required: true,
  notInFuture: true,
});
/** Where a person lives or builds: personal data, kept out of published decisions. */
const addressField = (name: string, label: LocalisedText, hint?: LocalisedText): FormField => ({
  name,
  type: "text",
  label,
  required: true,
  maxLength: 200,
  personal: "address",
  hint: hint ?? t("Số nhà, đường, phường hoặc xã.", "House number, street, and ward or commune."),
});
/** A business's registered address: public in the business registers, not personal data. */
const businessAddressField = (name: string, label: LocalisedText): FormField => ({
  ...addressField(name, label),
  personal: undefined,
});
const phoneField: FormField = {
  name: "phone",
  type: "tel",
  label: t("Số điện thoại liên hệ", "Contact phone number"),
  required: true,
  hint: t("Để cán bộ liên hệ khi cần.", "So that an officer can call you if needed."),
};
const emailField: FormField = {
  name: "email",
  type: "email",
  label: t("Thư điện tử của doanh nghiệp", "Business email address"),
  required: true,
};
const yourId = t("Số định danh cá nhân của người nộp", "Your personal identification number");

const onlineLevelNote = {
  whole: t(
    "Mức độ dịch vụ công trực tuyến (toàn trình) là lựa chọn của bản demo: dữ liệu thu thập không có thông tin này.",
    "The online level (whole process online) is a demo choice: the source data does not give it.",
  ),
  partial: t(
    "Mức độ dịch vụ công trực tuyến (một phần) là lựa chọn của bản demo: dữ liệu thu thập không có thông tin này.",
    "The online level (partly online) is a demo choice: the source data does not give it.",
  ),
};
const workingDaysNote = t(
  "Cổng chỉ ghi con số, không ghi đơn vị; bản demo tính theo ngày làm việc, nhận sau 15 giờ thì tính từ ngày làm việc tiếp theo.",
  "The portal gives only a number, without a unit; the demo counts working days, and a dossier received after 15:00 counts from the next working day.",
);

const overlays: Record<string, Overlay> = {
  "1.001193": {
    fieldEn: "Civil status",
    onlineLevel: "whole",
    popularRank: 1,
    documents: [
      {
        key: "bien_ban_tre_bi_bo_roi",
        en: "Record of the child's abandonment (abandoned children only)",
        required: false,
      },
      {
        key: "van_ban_uy_quyen",
        en: "Letter of authorisation (if someone registers for you)",
        vi: "Văn bản ủy quyền (nếu nhờ người khác đăng ký thay)",
        gist: "If someone registers the birth for you, a certified letter of authorisation; it need not be certified when that person is your grandparent, parent, child, spouse, brother or sister.",
        required: false,
      },
      {
        key: "xac_nhan_mang_thai_ho",
        en: "Clinic's confirmation of surrogacy (surrogacy only)",
        vi: "Văn bản xác nhận của cơ sở y tế về việc mang thai hộ",
        gist: "For a child born through surrogacy, a confirmation from the clinic that carried out the assisted reproduction.",
        required: false,
      },
      {
        key: "giay_chung_sinh",
        en: "Birth certificate from the hospital (or a witness's statement)",
        vi: "Giấy chứng sinh (hoặc văn bản của người làm chứng)",
        gist: "The birth certificate from the hospital; without it, a witness's written confirmation of the birth, or if there is no witness, a written declaration about the birth.",
        required: true,
      },
      {
        key: "giay_to_cu_tru",
        en: "Proof of residence (only if it cannot be looked up)",
        ...residenceProof,
        required: false,
      },
      {
        key: "giay_to_tuy_than",
        en: "Identity document (shown at the desk)",
        ...identityDocument,
        required: false,
      },
      {
        key: "to_khai_khai_sinh",
        en: "Birth registration form (desk or post)",
        vi: "Tờ khai đăng ký khai sinh (nộp trực tiếp hoặc qua bưu chính)",
        gist: "The birth registration form, if you apply at the desk or by post.",
        required: false,
      },
      {
        key: "mau_dien_tu_khai_sinh",
        en: "Online birth registration form (this form)",
        vi: "Mẫu điện tử tương tác đăng ký khai sinh (nộp trực tuyến)",
        gist: "The interactive birth registration form that you fill in on the public service portal when you apply online.",
        required: false,
      },
    ],
    resultEn: "Birth certificate (giấy khai sinh)",
    notes: { vi: [], en: [] },
    form: [
      nameField(
        "childFullName",
        t("Họ, chữ đệm và tên của trẻ", "Child's full name"),
        true,
        t("Viết đủ dấu, ví dụ: Nguyễn Minh Anh.", "With Vietnamese accents, for example: Nguyễn Minh Anh."),
      ),
      birthDateField("childDateOfBirth", t("Ngày sinh của trẻ", "Child's date of birth")),
      {
        name: "childSex",
        type: "select",
        label: t("Giới tính của trẻ", "Child's sex"),
        required: true,
        options: [
          { value: "male", label: t("Nam", "Male") },
          { value: "female", label: t("Nữ", "Female") },
        ],
      },
      {
        name: "placeOfBirth",
        type: "text",
        personal: "address",
        label: t("Nơi sinh", "Place of birth"),
        required: true,
        maxLength: 200,
        hint: t(
          "Tên cơ sở y tế, hoặc địa chỉ nếu sinh ngoài cơ sở y tế.",
          "The name of the hospital or clinic, or the address if the child was born elsewhere.",
        ),
      },
      nameField("motherFullName", t("Họ, chữ đệm và tên của mẹ", "Mother's full name")),
      nameField(
        "fatherFullName",
        t("Họ, chữ đệm và tên của cha", "Father's full name"),
        false,
        t("Bỏ trống nếu chưa xác định được cha.", "Leave blank if the father is not established."),
      ),
      idField("applicantIdNumber", yourId),
    ],
  },
  "1.000894": {
    fieldEn: "Civil status",
    onlineLevel: "whole",
    popularRank: 4,
    documents: [
      {
        key: "giay_to_tuy_than",
        en: "Identity documents of both partners",
        ...identityDocument,
        required: true,
      },
      {
        key: "giay_to_cu_tru",
        en: "Proof of residence (only if it cannot be looked up)",
        ...residenceProof,
        required: false,
      },
      {
        key: "mau_dien_tu_ket_hon",
        en: "Online marriage registration form (this form)",
        vi: "Mẫu điện tử tương tác đăng ký kết hôn (nộp trực tuyến)",
        gist: "The interactive marriage registration form that you fill in on the public service portal when you apply online.",
        required: false,
      },
      {
        key: "to_khai_ket_hon",
        en: "Marriage registration form (at the desk)",
        vi: "Tờ khai đăng ký kết hôn (nộp trực tiếp)",
        gist: "The marriage registration form with the details of both partners, who may share one form, if you apply at the desk.",
        required: false,
      },
    ],
    resultEn: "Marriage certificate",
    notes: {
      vi: ["Trường hợp cần xác minh tình trạng hôn nhân, thời hạn có thể kéo dài theo quy định."],
      en: ["If marital status has to be verified, the time limit may be longer, as the law allows."],
    },
    form: [
      nameField("groomFullName", t("Họ, chữ đệm và tên bên nam", "Groom's full name")),
      idField("groomIdNumber", t("Số định danh cá nhân bên nam", "Groom's personal identification number")),
      nameField("brideFullName", t("Họ, chữ đệm và tên bên nữ", "Bride's full name")),
      idField("brideIdNumber", t("Số định danh cá nhân bên nữ", "Bride's personal identification number")),
      phoneField,
    ],
  },
  "1.000656": {
    fieldEn: "Civil status",
    onlineLevel: "whole",
    documents: [
      {
        key: "giay_bao_tu",
        en: "Death notice (or a document that replaces it)",
        vi: "Giấy báo tử hoặc giấy tờ thay Giấy báo tử",
        gist: "The death notice, or a document that replaces it, issued by an authority; no paper copy is needed if an electronic one was sent or can be looked up.",
        required: true,
      },
      {
        key: "van_ban_uy_quyen",
        en: "Letter of authorisation (if someone registers for you)",
        vi: "Văn bản ủy quyền (nếu nhờ người khác đăng ký thay)",
        gist: "If someone registers the death for you, a certified letter of authorisation; it need not be certified when that person is your grandparent, parent, child, spouse, brother or sister.",
        required: false,
      },
      {
        key: "giay_to_chung_minh_su_kien_chet",
        en: "Evidence of the death (long-past deaths without a death notice)",
        vi: "Giấy tờ chứng minh sự kiện chết (khi không có Giấy báo tử)",
        gist: "For a death long ago with no death notice, documents issued or confirmed by an authority that prove the death.",
        required: false,
      },
      {
        key: "giay_to_noi_chet",
        en: "Proof of the place of death (if the last residence is unknown)",
        vi: "Giấy tờ chứng minh nơi chết hoặc nơi phát hiện thi thể",
        gist: "If the last residence of the deceased is not known, proof of where the person died or where the body was found.",
        required: false,
      },
      {
        key: "giay_to_cu_tru_cuoi_cung",
        en: "Proof of the deceased's last residence (only if it cannot be looked up)",
        vi: "Giấy tờ chứng minh nơi cư trú cuối cùng của người chết (nếu không tra cứu được)",
        gist: "Proof of the last residence of the deceased, which decides the office in charge, needed only when it cannot be looked up in the national population database.",
        required: false,
      },
      {
        key: "giay_to_tuy_than",
        en: "Identity document (shown at the desk)",
        ...identityDocument,
        required: false,
      },
      {
        key: "mau_dien_tu_khai_tu",
        en: "Online death registration form (this form)",
        vi: "Mẫu điện tử tương tác đăng ký khai tử (nộp trực tuyến)",
        gist: "The interactive death registration form that you fill in on the public service portal when you apply online.",
        required: false,
      },
      { key: "to_khai_khai_tu", en: "Death registration form (at the desk)", required: false },
    ],
    resultEn: "Death registration extract",
    notes: {
      vi: [],
      en: [
        "The portal says free of charge, but its text says the provincial council sets the fee and waives it for registration on time; the amount is left blank.",
      ],
    },
    form: [
      nameField("deceasedFullName", t("Họ, chữ đệm và tên người đã mất", "Full name of the person who died")),
      birthDateField("dateOfDeath", t("Ngày mất", "Date of death")),
      {
        name: "placeOfDeath",
        type: "text",
        personal: "address",
        label: t("Nơi mất", "Place of death"),
        required: true,
        maxLength: 200,
      },
      shortField(
        "relationship",
        t("Quan hệ với người đã mất", "Your relationship to the person who died"),
        true,
        t("Ví dụ: con, vợ, chồng.", "For example: son, daughter, wife, husband."),
      ),
      idField("applicantIdNumber", yourId),
    ],
  },
  "3.000333": {
    fieldEn: "Judicial records",
    onlineLevel: "whole",
    popularRank: 2,
    competent: "police",
    documents: [
      {
        key: "to_khai_uy_quyen",
        en: "Request form for an authorised person or a minor's parent (form 02/2025/LLTP)",
        vi: "Tờ khai khi ủy quyền hoặc cha, mẹ yêu cầu cho con chưa thành niên (Mẫu số 02/2025/LLTP)",
        gist: "The request form for an authorised person applying for certificate No. 1, or for a parent applying for a minor's certificate No. 1 or No. 2 (form 02/2025/LLTP).",
        required: false,
      },
      {
        key: "to_khai_dien_tu_uy_quyen",
        en: "Online request form for an authorised person or a minor's parent (form 05/2025/LLTP)",
        vi: "Tờ khai điện tử khi ủy quyền hoặc cha, mẹ yêu cầu cho con chưa thành niên (Mẫu số 05/2025/LLTP)",
        gist: "The interactive online version of the request form for an authorised person or a minor's parent (form 05/2025/LLTP).",
        required: false,
      },
      {
        key: "ban_sao_can_cuoc",
        en: "Copy of the identity card or passport of the person the record is for",
        vi: "Bản sao thẻ căn cước hoặc hộ chiếu của người được cấp Phiếu",
        gist: "A copy of the identity card, identity certificate or passport of the person the certificate is for; show the original, or give a certified copy if you do not have it.",
        required: true,
      },
      { key: "to_khai_lltp", en: "Request form (form 01/2025/LLTP, at the desk)", required: false },
      { key: "giay_to_mien_giam_phi", en: "Proof of a fee waiver or reduction (if any)", required: false },
      {
        key: "van_ban_uy_quyen",
        en: "Letter of authorisation (certificate No. 1, if someone applies for you)",
        vi: "Văn bản ủy quyền yêu cầu cấp Phiếu Lý lịch tư pháp số 1 (nếu ủy quyền)",
        gist: "If someone applies for certificate No. 1 for you, a notarised or certified letter of authorisation (not needed for your parent, spouse or child); nobody can apply for certificate No. 2 for you, except a parent for a minor.",
        required: false,
      },
      {
        key: "to_khai_dien_tu_lltp",
        en: "Online request form (form 04/2025/LLTP, this form)",
        vi: "Tờ khai điện tử tương tác yêu cầu cấp Phiếu Lý lịch tư pháp (Mẫu số 04/2025/LLTP)",
        gist: "The interactive online request form for a person applying for their own certificate (form 04/2025/LLTP).",
        required: false,
      },
    ],
    resultEn: "Judicial record certificate No. 1 or No. 2",
    notes: {
      vi: ['Thời hạn ghi "10 Ngày"; bản demo tính là 10 ngày làm việc.'],
      en: [
        'The time limit is published as "10 days"; the demo counts 10 working days.',
        "The portal says free of charge but refers to Circular 244/2016/TT-BTC, which sets a fee; the amount is left blank.",
        "Since 2025 the provincial police issue judicial records (Decision 1025/QĐ-BCA), no longer the Department of Justice.",
      ],
    },
    form: [
      nameField(
        "fullName",
        t("Họ, chữ đệm và tên người được cấp phiếu", "Full name of the person the record is for"),
      ),
      birthDateField("dateOfBirth", t("Ngày sinh", "Date of birth")),
      idField("idNumber", t("Số định danh cá nhân", "Personal identification number")),
      {
        name: "certificateType",
        type: "select",
        label: t("Loại phiếu", "Type of certificate"),
        required: true,
        hint: t(
          "Phiếu số 2 ghi đầy đủ án tích, kể cả án tích đã được xóa.",
          "Certificate No. 2 lists every conviction, including those expunged.",
        ),
        options: [
          { value: "1", label: t("Phiếu Lý lịch tư pháp số 1", "Judicial record certificate No. 1") },
          { value: "2", label: t("Phiếu Lý lịch tư pháp số 2", "Judicial record certificate No. 2") },
        ],
      },
      {
        name: "purpose",
        type: "textarea",
        label: t("Mục đích sử dụng phiếu", "What you need the certificate for"),
        required: true,
        maxLength: 500,
      },
      {
        name: "copies",
        type: "number",
        label: t("Số lượng phiếu", "Number of copies"),
        required: true,
        min: 1,
        max: 10,
      },
    ],
  },
  "2.000815": {
    fieldEn: "Certification",
    onlineLevel: "partial",
    demoTimeLimitDays: 1,
    documents: [
      {
        key: "ban_chinh_va_ban_sao",
        en: "The original document and the copies to certify",
        vi: "Bản chính giấy tờ và bản sao cần chứng thực",
        gist: "The original document and the copies to certify; if you bring only the original, the office copies it, and a copy must include every page of the original that has information on it.",
        required: true,
      },
    ],
    resultEn: "Certified copy of the original",
    notes: {
      vi: [
        'Thời hạn giải quyết: Cổng ghi "Không có thông tin"; bản demo dùng 01 ngày làm việc (chứng thực trong ngày, nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo).',
        "Phí 10 USD/bản chỉ áp dụng tại cơ quan đại diện Việt Nam ở nước ngoài nên không đưa vào đây.",
      ],
      en: [
        'The portal gives no time limit ("no information"); the demo uses 1 working day (same day, or the next working day after 15:00).',
        "The published channel is the desk only. The fee is 2,000 VND per page; from the third page 1,000 VND per page, at most 200,000 VND per copy.",
      ],
    },
    form: [
      {
        name: "documentName",
        type: "text",
        label: t("Tên giấy tờ cần chứng thực", "Document to certify"),
        required: true,
        maxLength: 200,
        hint: t("Ví dụ: Bằng tốt nghiệp đại học.", "For example: university degree."),
      },
      {
        name: "pages",
        type: "number",
        label: t("Số trang của bản chính", "Number of pages of the original"),
        required: true,
        min: 1,
        max: 500,
      },
      {
        name: "copies",
        type: "number",
        label: t("Số bản sao cần chứng thực", "Number of copies to certify"),
        required: true,
        min: 1,
        max: 50,
      },
      idField("applicantIdNumber", yourId),
    ],
  },
  "1.001612": {
    fieldEn: "Household businesses",
    onlineLevel: "partial",
    demoTimeLimitDays: 3,
    documents: [
      { key: "giay_de_nghi_dang_ky_hkd", en: "Household business registration application", required: true },
      {
        key: "van_ban_uy_quyen_thanh_vien",
        en: "Copy of the family members' authorisation (family-run businesses)",
        vi: "Bản sao văn bản ủy quyền của các thành viên hộ gia đình (nếu có)",
        gist: "If family members set up the business together, a copy of their notarised or certified authorisation naming one of them as the owner.",
        required: false,
      },
    ],
    resultEn: "Household business registration certificate",
    notes: {
      vi: [
        'Thời hạn giải quyết: Cổng ghi "Không có thông tin"; bản demo dùng 03 ngày làm việc như trình tự thực hiện ghi.',
      ],
      en: [
        'The portal gives no time limit ("no information"); the demo uses 3 working days, as the procedure\'s steps state.',
        "The provincial council sets the fee; the amounts shown are those the portal publishes.",
      ],
    },
    form: [
      {
        name: "businessName",
        type: "text",
        label: t("Tên hộ kinh doanh", "Business name"),
        required: true,
        maxLength: 150,
        hint: t("Ví dụ: Hộ kinh doanh Tạp hóa Minh Hằng.", "For example: Hộ kinh doanh Tạp hóa Minh Hằng."),
      },
      businessAddressField("businessAddress", t("Địa điểm kinh doanh", "Business address")),
      {
        name: "businessLine",
        type: "textarea",
        label: t("Ngành, nghề kinh doanh", "What the business does"),
        required: true,
        maxLength: 500,
      },
      {
        name: "capitalVnd",
        type: "number",
        label: t("Vốn kinh doanh (đồng)", "Capital (VND)"),
        required: true,
        min: 0,
      },
      idField(
        "ownerIdNumber",
        t("Số định danh cá nhân của chủ hộ", "Owner's personal identification number"),
      ),
      phoneField,
    ],
  },
  "1.013225": {
    fieldEn: "Construction",
    onlineLevel: "partial",
    popularRank: 5,
    documents: [
      {
        key: "giay_to_dat_dai",
        en: "One of the legal land documents (land use right certificate)",
        vi: "Giấy tờ hợp pháp về đất đai (theo Điều 53 Nghị định 175/2024/NĐ-CP)",
        gist: "One of the legal land documents listed in Article 53 of Decree 175/2024/NĐ-CP showing that the land use and ownership allow the building, such as a land use right certificate, a land allocation or lease decision, and a lease agreement if you rent the land or building.",
        required: true,
      },
      {
        key: "giay_chung_nhan_qsdd",
        en: "Land use right certificate (one of the accepted land documents)",
        vi: "Giấy chứng nhận quyền sử dụng đất",
        gist: "A land use right certificate issued under the Land Law at any time; once it is in the national land database, the data there replaces it.",
        required: false,
      },
      {
        key: "don_de_nghi_cap_phep",
        en: "Application for a building permit (form No. 1, Decree 175/2024/NĐ-CP)",
        vi: "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 1, Nghị định 175/2024/NĐ-CP)",
        gist: "The application form No. 1 in Appendix II of Decree 175/2024/NĐ-CP (the published text calls it the application for a repair or renovation permit).",
        required: true,
      },
      {
        key: "giay_chung_nhan_nha_o",
        en: "House ownership and land use certificate (one of the accepted land documents)",
        vi: "Giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở",
        gist: "A house ownership and residential land use certificate issued at any time; once it is in the national land database, the data there replaces it.",
        required: false,
      },
      {
        key: "giay_chung_nhan_qsdd_tai_san",
        en: "Land use right and property certificate (one of the accepted land documents)",
        vi: "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        gist: "A certificate of land use rights and ownership of property on the land, issued at any time; once it is in the national land database, the data there replaces it.",
        required: false,
      },
      {
        key: "ho_so_thiet_ke",
        en: "Design drawings (2 sets)",
        vi: "Bản vẽ thiết kế xây dựng (02 bộ)",
        gist: "Two sets of design drawings (site plan and location, floor plans, elevations and main sections, foundation plan with water and power connections), with the fire safety result, the design review report where the law asks for one, and a safety commitment when there are adjoining buildings.",
        required: true,
      },
    ],
    resultEn: "Building permit, with the stamped design drawings",
    notes: {
      vi: [
        'Thời hạn ghi "20 Ngày" (trực tuyến, bưu chính) và "15 Ngày" (trực tiếp); bản demo tính là ngày làm việc.',
      ],
      en: [
        'The time limit is published as "20 days" (online, post) and "15 days" (desk); the demo counts working days.',
        "Documents listed are those for detached houses only.",
        "The provincial council sets the fee; the amount is left blank.",
      ],
    },
    form: [
      addressField("constructionAddress", t("Địa chỉ công trình", "Address of the building work")),
      {
        name: "landParcel",
        type: "text",
        label: t("Thửa đất số, tờ bản đồ số", "Land parcel and map sheet numbers"),
        required: true,
        maxLength: 100,
        hint: t(
          "Theo Giấy chứng nhận quyền sử dụng đất, ví dụ: thửa 125, tờ bản đồ số 12.",
          "As on the land use right certificate, for example: parcel 125, map sheet 12.",
        ),
      },
      {
        name: "floors",
        type: "number",
        label: t("Số tầng", "Number of floors"),
        required: true,
        min: 1,
        max: 7,
      },
      {
        name: "floorAreaM2",
        type: "number",
        label: t("Tổng diện tích sàn (m²)", "Total floor area (m²)"),
        required: true,
        min: 10,
        max: 5000,
      },
      idField(
        "ownerIdNumber",
        t("Số định danh cá nhân của chủ đầu tư", "Owner's personal identification number"),
      ),
      phoneField,
    ],
  },
  "1.004222": {
    fieldEn: "Residence registration",
    onlineLevel: "whole",
    documents: [
      {
        key: "thong_tin_quan_he_nhan_than",
        en: "Proof of family relationship with the head of household (moving in with relatives)",
        vi: "Giấy tờ chứng minh quan hệ nhân thân với chủ hộ (nếu không tra cứu được)",
        gist: "Proof that you are related to the head of household or a member of the household, needed only when it cannot be looked up electronically, for example in the civil status database.",
        required: false,
      },
      {
        key: "hop_dong_thue_muon",
        en: "Notarised rental, loan or lodging agreement (rented or borrowed homes)",
        required: false,
      },
      {
        key: "thong_tin_dien_tich",
        en: "Proof of enough floor space (rented or borrowed homes)",
        vi: "Giấy tờ chứng minh đủ diện tích nhà ở (nhà thuê, mượn, ở nhờ)",
        gist: "For a rented, borrowed or lodged home, proof that it has enough floor space per person, needed only when it cannot be looked up: a land or property certificate, or the commune's confirmation (form 02, Decree 154/2024/NĐ-CP).",
        required: false,
      },
      {
        key: "thong_tin_cho_o_hop_phap",
        en: "Proof of a lawful home you own (looked up electronically)",
        vi: "Giấy tờ chứng minh chỗ ở hợp pháp (nếu không tra cứu được)",
        gist: "Proof of a lawful home, needed only when it cannot be looked up electronically, for example a land or property certificate.",
        required: false,
      },
      {
        key: "to_khai_ct01",
        en: "Residence information change form (form CT01)",
        vi: "Tờ khai thay đổi thông tin cư trú (mẫu CT01 hoặc CT02)",
        gist: "The residence information change form CT01, or CT02 for Vietnamese people living abroad without a valid Vietnamese passport (Circular 53/2025/TT-BCA).",
        required: true,
      },
    ],
    resultEn: "Residence database updated and a notice of the result",
    notes: {
      vi: [],
      en: [
        "Only the three common cases are listed: your own home, a relative's home, a rented or borrowed home.",
      ],
    },
    form: [
      nameField("fullName", t("Họ, chữ đệm và tên", "Full name")),
      idField("idNumber", t("Số định danh cá nhân", "Personal identification number")),
      addressField(
        "newAddress",
        t("Địa chỉ đăng ký thường trú", "Address to register as permanent residence"),
      ),
      nameField(
        "householdHeadName",
        t("Họ và tên chủ hộ", "Name of the head of household"),
        false,
        t("Chỉ điền khi nhập vào hộ đã có.", "Only if you join an existing household."),
      ),
      shortField(
        "relationshipToHead",
        t("Quan hệ với chủ hộ", "Relationship to the head of household"),
        false,
      ),
    ],
  },
  "1.004194": {
    fieldEn: "Residence registration",
    onlineLevel: "whole",
    popularRank: 3,
    documents: [
      {
        key: "thong_tin_cho_o_hop_phap",
        en: "Proof of a lawful home (looked up electronically)",
        vi: "Giấy tờ chứng minh chỗ ở hợp pháp (nếu không tra cứu được)",
        gist: "Proof of a lawful home, needed only when it cannot be looked up electronically (Article 5, Decree 154/2024/NĐ-CP).",
        required: false,
      },
      {
        key: "to_khai_ct01",
        en: "Residence information change form (form CT01)",
        vi: "Tờ khai thay đổi thông tin cư trú (mẫu CT01)",
        gist: "The residence information change form CT01 (Circular 53/2025/TT-BCA); for a minor, the form must show the consent of a parent or guardian unless it was given in writing.",
        required: true,
      },
    ],
    resultEn: "Residence database updated and a notice of the result",
    notes: {
      vi: [],
      en: ["The desk fee published (10,000 VND) is the one for registering a list of people."],
    },
    form: [
      nameField("fullName", t("Họ, chữ đệm và tên", "Full name")),
      idField("idNumber", t("Số định danh cá nhân", "Personal identification number")),
      addressField(
        "temporaryAddress",
        t("Địa chỉ đăng ký tạm trú", "Address to register as temporary residence"),
      ),
      {
        name: "fromDate",
        type: "date",
        label: t("Ngày bắt đầu tạm trú", "Date you start living there"),
        required: true,
      },
      {
        name: "months",
        type: "number",
        label: t("Thời hạn tạm trú (tháng)", "How long you will live there (months)"),
        required: true,
        min: 1,
        max: 24,
      },
    ],
  },
  "2.001610": {
    fieldEn: "Enterprises",
    onlineLevel: "partial",
    competent: "finance",
    documents: [
      { key: "giay_de_nghi_dang_ky_dn", en: "Enterprise registration application", required: true },
      { key: "giay_to_phap_ly_chu_dn", en: "Copy of the owner's identity papers", required: true },
    ],
    resultEn: "Enterprise registration certificate (private enterprise)",
    notes: {
      vi: [],
      en: [
        'The portal shows "100 VND" for the online channel while its text says 100,000 VND per announcement; the demo uses 100,000 VND.',
      ],
    },
    form: [
      {
        name: "enterpriseName",
        type: "text",
        label: t("Tên doanh nghiệp", "Enterprise name"),
        required: true,
        maxLength: 150,
        hint: t("Ví dụ: Doanh nghiệp tư nhân Minh Phát.", "For example: Doanh nghiệp tư nhân Minh Phát."),
      },
      businessAddressField("headOfficeAddress", t("Địa chỉ trụ sở chính", "Head office address")),
      {
        name: "mainBusinessLine",
        type: "textarea",
        label: t("Ngành, nghề kinh doanh chính", "Main line of business"),
        required: true,
        maxLength: 500,
      },
      {
        name: "investedCapitalVnd",
        type: "number",
        label: t("Vốn đầu tư (đồng)", "Invested capital (VND)"),
        required: true,
        min: 1,
      },
      idField(
        "ownerIdNumber",
        t("Số định danh cá nhân của chủ doanh nghiệp", "Owner's personal identification number"),
      ),
      emailField,
    ],
  },
  "2.001583": {
    fieldEn: "Enterprises",
    onlineLevel: "partial",
    popularRank: 6,
    competent: "finance",
    documents: [
      { key: "giay_de_nghi_dang_ky_dn", en: "Enterprise registration application", required: true },
      { key: "dieu_le_cong_ty", en: "Company charter", required: true },
      { key: "danh_sach_chu_so_huu_huong_loi", en: "List of beneficial owners (if any)", required: false },
      {
        key: "giay_to_phap_ly",
        en: "Copies of the identity papers of the owner and the legal representative",
        vi: "Bản sao giấy tờ pháp lý của thành viên và người đại diện theo pháp luật",
        gist: "Copies of the legal papers of the members, the legal representative and any authorised representative, legalised if a member is a foreign organisation, and the investment certificate for foreign investors; not needed for people who give their personal identification number.",
        required: true,
      },
    ],
    resultEn: "Enterprise registration certificate (single-member limited liability company)",
    notes: {
      vi: [],
      en: [
        "Each channel on the portal shows one charge only (announcement fee or registration fee); whether the others also apply is not clear.",
      ],
    },
    form: [
      {
        name: "companyName",
        type: "text",
        label: t("Tên công ty", "Company name"),
        required: true,
        maxLength: 150,
        hint: t("Ví dụ: Công ty TNHH Thương mại Phố Hiến.", "For example: Công ty TNHH Thương mại Phố Hiến."),
      },
      businessAddressField("headOfficeAddress", t("Địa chỉ trụ sở chính", "Head office address")),
      {
        name: "charterCapitalVnd",
        type: "number",
        label: t("Vốn điều lệ (đồng)", "Charter capital (VND)"),
        required: true,
        min: 1,
      },
      nameField("legalRepresentative", t("Người đại diện theo pháp luật", "Legal representative")),
      idField(
        "legalRepresentativeIdNumber",
        t("Số định danh cá nhân của người đại diện", "Legal representative's personal identification number"),
      ),
      emailField,
    ],
  },
  "1.004873": {
    fieldEn: "Civil status",
    onlineLevel: "whole",
    documents: [
      {
        key: "giay_xac_nhan_cu",
        en: "The marital status certificate issued before (when asking for a new one)",
        vi: "Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó (nếu xin cấp lại)",
        gist: "If you ask for a new certificate for another purpose, or because the old one has expired, hand back the one issued before.",
        required: false,
      },
      {
        key: "van_ban_uy_quyen",
        en: "Letter of authorisation (if someone applies for you)",
        vi: "Văn bản ủy quyền (nếu nhờ người khác làm thay)",
        gist: "If someone applies for you, a letter of authorisation; it need not be certified when that person is your grandparent, parent, child, spouse, brother or sister.",
        required: false,
      },
      { key: "giay_to_tuy_than", en: "Identity document", ...identityDocument, required: true },
      {
        key: "giay_to_cu_tru",
        en: "Proof of residence (only if it cannot be looked up)",
        ...residenceProof,
        required: false,
      },
      {
        key: "mau_dien_tu",
        en: "Online marital status form (this form)",
        vi: "Mẫu điện tử tương tác cấp Giấy xác nhận tình trạng hôn nhân (nộp trực tuyến)",
        gist: "The interactive form for a certificate of marital status that you fill in on the public service portal when you apply online.",
        required: false,
      },
      { key: "to_khai", en: "Marital status request form (at the desk)", required: false },
    ],
    resultEn: "Certificate of marital status",
    notes: {
      vi: [],
      en: [
        "The portal says free of charge, but its text says the provincial council sets the fee; the amount is left blank.",
      ],
    },
    form: [
      nameField("fullName", t("Họ, chữ đệm và tên", "Full name")),
      birthDateField("dateOfBirth", t("Ngày sinh", "Date of birth")),
      idField("idNumber", t("Số định danh cá nhân", "Personal identification number")),
      {
        name: "purpose",
        type: "select",
        label: t("Mục đích sử dụng", "What you need it for"),
        required: true,
        options: [
          { value: "marriage", label: t("Để đăng ký kết hôn", "To register a marriage") },
          { value: "other", label: t("Mục đích khác", "Another purpose") },
        ],
      },
      {
        name: "purposeDetail",
        type: "textarea",
        label: t("Nêu rõ mục đích khác", "Describe the other purpose"),
        required: false,
        maxLength: 500,
      },
    ],
  },
};

function timeLimitDays(asPublished: string, fallback: number | undefined, code: string): number {
  const match = /^\s*(\d+)/.exec(asPublished);
  if (match) return Number(match[1]);
  if (fallback === undefined) throw new Error(`No time limit for ${code}: "${asPublished}"`);
  return fallback;
}

/**
 * Inter-agency processing (liên thông) for the demo: the judicial record certificate is looked up
 * by the provincial police, records kept before 1 July 2025 are checked with the Department of
 * Justice, and the police issue the certificate. The shares (5 + 3 + 2 working days of the ten)
 * are DEMO VALUES: the published procedure gives only the total.
 */
export const demoHandlingChains: Record<string, { agency: AgencyKey; days: number }[]> = {
  "3.000333": [
    { agency: "police", days: 5 },
    { agency: "justice", days: 3 },
    { agency: "police", days: 2 },
  ],
};

export type SeedProcedure = {
  code: string;
  level: "province" | "commune";
  competent: Overlay["competent"];
  channels: Channel[];
  timeLimitHours: TimeLimits;
  documents: RequiredDocument[];
  form: FormDefinition;
  row: Omit<typeof procedures.$inferInsert, "id">;
  version: Omit<typeof procedureVersions.$inferInsert, "id" | "procedureId">;
};

function build(data: SourceProcedure): SeedProcedure {
  const overlay = overlays[data.nationalCode];
  if (!overlay) throw new Error(`No overlay for ${data.nationalCode}`);
  if (overlay.documents.length !== data.requiredDocuments.length) {
    throw new Error(
      `${data.nationalCode}: ${data.requiredDocuments.length} documents, ${overlay.documents.length} overlays`,
    );
  }
  const level = data.level === "tinh" ? "province" : "commune";
  const channels = [...new Set(data.channels.map((c) => channelOf[c]!))];

  const timeLimitHours: TimeLimits = { online: null, desk: null, post: null };
  for (const limit of data.timeLimit) {
    const days = timeLimitDays(limit.asPublished, overlay.demoTimeLimitDays, data.nationalCode);
    timeLimitHours[channelOf[limit.channel]!] = days * hoursPerWorkingDay;
  }

  const fees: Fee[] = data.fees
    // A fee charged only by Vietnamese missions abroad cannot apply at a commune of Hưng Yên.
    .filter((fee) => !fee.asPublished.includes("USD"))
    .map((fee) => ({
      channel: channelOf[fee.channel]!,
      amountVnd: fee.amountVnd,
      asPublished: fee.asPublished,
    }));

  const documents: RequiredDocument[] = data.requiredDocuments.map((document, i) => {
    const own = overlay.documents[i]!;
    if (document.name.length > maxDocumentTitle && !own.vi) {
      throw new Error(`${data.nationalCode}: document ${own.key} needs a short Vietnamese title`);
    }
    if (own.vi && !own.gist)
      throw new Error(`${data.nationalCode}: document ${own.key} needs an English gist`);
    return {
      key: own.key,
      name: { vi: own.vi ?? document.name, en: own.en },
      ...(own.vi ? { description: { vi: document.name, en: own.gist! } } : {}),
      required: own.required,
      originals: document.original,
      copies: document.copy,
    };
  });

  const notesVi = [
    onlineLevelNote[overlay.onlineLevel].vi,
    ...overlay.notes.vi,
    ...(["1", "3"].includes(data.timeLimit[0]?.asPublished ?? "") ? [workingDaysNote.vi] : []),
    ...[data.timeLimitNote, data.feesNote, data.agencyNote, data.requiredDocumentsNote].filter(
      (n): n is string => !!n,
    ),
  ];
  const notesEn = [
    onlineLevelNote[overlay.onlineLevel].en,
    ...(["1", "3"].includes(data.timeLimit[0]?.asPublished ?? "") ? [workingDaysNote.en] : []),
    ...overlay.notes.en,
  ];
  const details: ProcedureDetails = {
    targetGroups: data.targetGroups.map((group) => ({ vi: group, en: targetGroupEn[group] ?? group })),
    channels,
    result: { vi: data.result.join("; "), en: overlay.resultEn },
    legalBasis: data.legalBasis.map((law) => `${law.type} ${law.code}`),
    sourceUrl: data.sourceUrl,
    notes: { vi: notesVi.join(" "), en: notesEn.join(" ") },
  };

  return {
    code: data.nationalCode,
    level,
    competent: overlay.competent,
    channels,
    timeLimitHours,
    documents,
    form: singlePage(overlay.form),
    row: {
      code: data.nationalCode,
      nameVi: data.nameVi,
      nameEn: data.nameEn,
      fieldVi: data.field,
      fieldEn: overlay.fieldEn,
      level,
      onlineLevel: overlay.onlineLevel,
      searchText: searchable([data.nameVi, data.nameEn, data.field, overlay.fieldEn].join(" ")),
      popularRank: overlay.popularRank ?? null,
    },
    version: {
      version: 1,
      isCurrent: true,
      decisionNo: data.decisionNo,
      timeLimitHours,
      fees,
      documents,
      form: singlePage(overlay.form),
      details,
    },
  };
}

export const seedProcedures: readonly SeedProcedure[] = source.procedures.map(build);

/** Where each procedure is done: commune-level at each commune committee, province-level at its department via the centre. */
export function procedureAgencyPairs(
  procedure: SeedProcedure,
): { competent: AgencyKey; receiving: AgencyKey }[] {
  if (procedure.level === "commune") return communeKeys.map((key) => ({ competent: key, receiving: key }));
  if (!procedure.competent)
    throw new Error(`${procedure.code}: a province-level procedure needs a competent department`);
  return [{ competent: procedure.competent, receiving: "centre" }];
}

export function procedureAgencyRows(
  procedureIds: Record<string, string>,
  agencyIds: Record<AgencyKey, string>,
): (typeof procedureAgencies.$inferInsert)[] {
  return seedProcedures.flatMap((procedure) =>
    procedureAgencyPairs(procedure).map((pair) => ({
      procedureId: procedureIds[procedure.code]!,
      competentAgencyId: agencyIds[pair.competent],
      receivingAgencyId: agencyIds[pair.receiving],
    })),
  );
}
