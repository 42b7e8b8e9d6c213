import type { procedureAgencies, procedures, procedureVersions } from "@/db/schema";
import type { Channel, Fee, ProcedureDetails, RequiredDocument, TimeLimits } from "@/lib/catalog/types";
import { hoursPerWorkingDay } from "@/lib/calendar/rules";
import type { FormDefinition } from "@/lib/forms/types";
import { searchable } from "@/lib/text/normalize";
import type { AgencyKey } from "./agencies";
import { communeKeys } from "./agencies";
import { demoForms } from "./data/forms";
import source from "./data/procedures.json";

/**
 * The catalogue: 12 real procedures as the national portal publishes them (./data/procedures.json),
 * plus what the data lacks and the portal needs. Everything in `overlays` that is not a translation
 * is a DEMO CHOICE (online level, time limits the portal leaves blank, which documents an online
 * dossier must upload) or a correction of the published data, each explained in a code comment: the
 * version's details.notes are published to citizens and hold only what they need to know. The online
 * level is not in the data (the demo chooses it); time limits published without a unit ("1", "3")
 * are counted in working days, as the procedures' steps say. The forms are in ./data/forms.ts.
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
  /**
   * Decided collectively by the people's committee (procedures.needs_committee_decision): its
   * dossiers may go to a meeting's agenda from the staff dossier page (the demo meeting's e2e).
   */
  needsCommitteeDecision?: boolean;
  /**
   * The fees as the legal texts set them, where the portal's published fees are wrong or say "free"
   * for a fee set elsewhere (the reason is a comment beside each). Otherwise the data's fees.
   */
  fees?: Fee[];
  /** Legal texts the portal leaves out of the legal basis (the fee circular it refers to). */
  extraLegalBasis?: string[];
  /**
   * What a citizen needs to know, published on the procedure page in both languages (one sentence
   * per entry, the same entries in each). Data-cleaning notes for developers are code comments.
   */
  notes: { vi: string[]; en: string[] };
};

const allChannels: Channel[] = ["online", "post", "desk"];

/** A fee the provincial People's Council sets: no amount, and the wording says where it is set. */
function councilFee(asPublished: string, channels: Channel[] = allChannels): Fee[] {
  return channels.map((channel) => ({ channel, amountVnd: null, asPublished }));
}

/**
 * A civil status registration free when made on time (Article 11, Law on Civil Status 60/2014/QH13)
 * and charged, at the provincial council's rate, when late.
 */
function civilStatusLate(onTime: string, lateCase: string): Fee[] {
  return allChannels.flatMap((channel): Fee[] => [
    { channel, amountVnd: 0, asPublished: `Miễn phí khi đăng ký đúng hạn (${onTime})` },
    {
      channel,
      amountVnd: null,
      asPublished: `${lateCase}: mức lệ phí do Hội đồng nhân dân tỉnh quy định`,
    },
  ]);
}

/**
 * Circular 244/2016/TT-BTC (as amended), art. 4: 200,000 đồng per request per person; 100,000 for
 * pupils, students, people with merit for the revolution and martyrs' relatives; 5,000 more per
 * certificate from the third asked for at once. Art. 5 exemptions (children, the elderly, people with
 * disabilities, poor households, residents of extremely disadvantaged communes) are in the notes:
 * a "free" row here would read as free for everyone.
 */
const judicialRecordFees: Fee[] = allChannels.flatMap((channel): Fee[] => [
  { channel, amountVnd: 200000, asPublished: "200.000 đồng/lần/người" },
  {
    channel,
    amountVnd: 100000,
    asPublished:
      "100.000 đồng/lần/người: học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ",
  },
  { channel, amountVnd: 5000, asPublished: "5.000 đồng/Phiếu, từ Phiếu thứ 3 trở đi" },
]);

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
    // Data cleaning: the portal gives the time limit as "1" without a unit; counted in working days,
    // with the 15:00 cut-off its steps state.
    notes: {
      vi: [
        "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh) được miễn lệ phí (Điều 11 Luật Hộ tịch).",
        "Hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo.",
      ],
      en: [
        "Registering a birth on time (within 60 days of the birth) is free of charge (Article 11, Law on Civil Status).",
        "A dossier received after 15:00 is answered on the next working day.",
      ],
    },
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
    // Data cleaning: the time limit is published as "1" without a unit (working days, 15:00 cut-off).
    notes: {
      vi: [
        "Đăng ký kết hôn của công dân Việt Nam cư trú trong nước được miễn lệ phí (Điều 11 Luật Hộ tịch).",
        "Hai bên nam, nữ phải cùng có mặt khi đăng ký kết hôn.",
        "Trường hợp cần xác minh tình trạng hôn nhân, thời hạn có thể kéo dài theo quy định.",
      ],
      en: [
        "Marriage registration of Vietnamese citizens living in Viet Nam is free of charge (Article 11, Law on Civil Status).",
        "Both partners must be present when the marriage is registered.",
        "If marital status has to be verified, the time limit may be longer, as the law allows.",
      ],
    },
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
    // Data cleaning: the portal shows "free" for every channel, but its text says the provincial
    // council sets the fee and waives it for registration on time: the fees below say both. The time
    // limit is published as "1" without a unit (working days, 15:00 cut-off).
    fees: civilStatusLate("trong 15 ngày kể từ ngày mất", "Đăng ký khai tử quá hạn"),
    notes: {
      vi: [
        "Đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày mất) được miễn lệ phí (Điều 11 Luật Hộ tịch); đăng ký quá hạn nộp lệ phí theo mức do Hội đồng nhân dân tỉnh quy định.",
        "Hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo.",
      ],
      en: [
        "Registering a death on time (within 15 days of the death) is free of charge (Article 11, Law on Civil Status); a late registration pays the fee set by the provincial People's Council.",
        "A dossier received after 15:00 is answered on the next working day.",
      ],
    },
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
    // Data cleaning: the time limit is published as "10 days" (counted as working days); the portal
    // shows "free" but refers to Circular 244/2016/TT-BTC, which sets the fee: the fees below are the
    // circular's (as amended), and the circular is added to the legal basis.
    fees: judicialRecordFees,
    extraLegalBasis: ["Thông tư 244/2016/TT-BTC"],
    notes: {
      vi: [
        "Phí cung cấp thông tin lý lịch tư pháp (Thông tư 244/2016/TT-BTC): 200.000 đồng/lần/người; 100.000 đồng/lần/người đối với học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ (cha, mẹ, vợ, chồng, con). Yêu cầu trên 02 Phiếu trong một lần thì từ Phiếu thứ 3 trở đi nộp thêm 5.000 đồng/Phiếu.",
        "Miễn phí cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người cư trú tại xã đặc biệt khó khăn và đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn; nộp kèm giấy tờ chứng minh.",
        "Từ năm 2025, Phiếu Lý lịch tư pháp do Công an cấp tỉnh cấp (không còn là Sở Tư pháp).",
      ],
      en: [
        "Fee for judicial record information (Circular 244/2016/TT-BTC): 200,000 VND per request per person; 100,000 VND for pupils and students, people with merit for the revolution and martyrs' relatives (parents, spouse, children). From the third certificate asked for at once, 5,000 VND more per certificate.",
        "Free for children, the elderly, people with disabilities, members of poor households, residents of extremely disadvantaged communes and ethnic minority people in communes with extremely difficult conditions; send the proof with your request.",
        "Since 2025 the provincial police issue judicial record certificates, no longer the Department of Justice.",
      ],
    },
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
    // Data cleaning: the portal gives no time limit ("no information"); the demo uses 1 working day, as
    // Decree 23/2015/NĐ-CP sets (same day, next working day after 15:00). The 10 USD fee applies only
    // at Vietnamese missions abroad and is left out. The published channel is the desk only.
    fees: [
      {
        channel: "desk",
        amountVnd: 2000,
        asPublished: "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản",
      },
    ],
    notes: {
      vi: [
        "Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
        "Chứng thực trong ngày; yêu cầu nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. Mang theo bản chính để đối chiếu.",
      ],
      en: [
        "Fee for certifying a copy: 2,000 VND a page; from the third page on, 1,000 VND a page, at most 200,000 VND a copy.",
        "Certified the same day; a request received after 15:00 is ready the next working day. Bring the original to be compared.",
      ],
    },
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
    // Data cleaning: the portal gives no time limit ("no information"); the demo uses the 3 working
    // days its steps state. The fee amounts are those the portal publishes; its text says the
    // provincial council sets them (Circular 85/2019/TT-BTC).
    notes: {
      vi: [
        "Lệ phí đăng ký hộ kinh doanh do Hội đồng nhân dân tỉnh quy định (Thông tư 85/2019/TT-BTC); mức thu trên là mức Cổng Dịch vụ công quốc gia công bố.",
      ],
      en: [
        "The registration fee is set by the provincial People's Council (Circular 85/2019/TT-BTC); the amounts above are those the National Public Service Portal publishes.",
      ],
    },
  },
  "1.013225": {
    fieldEn: "Construction",
    onlineLevel: "partial",
    // The demo's dossier for the committee: a building permit the committee decides collectively.
    needsCommitteeDecision: true,
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
    // Data cleaning: the time limit is published as "20 days" (online, post) and "15 days" (desk),
    // counted as working days; only the documents for detached houses are listed. The portal shows
    // "free" with the words "as the provincial council decides": the amount is left blank and says so.
    fees: councilFee("Lệ phí cấp giấy phép xây dựng do Hội đồng nhân dân tỉnh quy định", [
      "online",
      "post",
      "desk",
    ]),
    notes: {
      vi: [
        "Lệ phí cấp giấy phép xây dựng do Hội đồng nhân dân tỉnh quy định; cán bộ tiếp nhận thông báo số tiền khi nhận hồ sơ.",
        "Danh sách giấy tờ trên dành cho nhà ở riêng lẻ.",
      ],
      en: [
        "The building permit fee is set by the provincial People's Council; the receiving officer tells you the amount when the dossier is received.",
        "The documents listed are those for a detached house.",
      ],
    },
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
    // Data cleaning: only the three common cases are listed (own home, a relative's home, a rented
    // or borrowed home); the crawl's first group of documents had a wrong heading and is not used.
    notes: {
      vi: [
        "Giấy tờ trên dành cho ba trường hợp thường gặp: chỗ ở của mình, chỗ ở của người thân, chỗ ở thuê, mượn hoặc ở nhờ. Trường hợp khác, hỏi Công an cấp xã.",
      ],
      en: [
        "The documents listed cover the three common cases: your own home, a relative's home, and a rented, borrowed or lodged home. For other cases, ask the commune police.",
      ],
    },
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
    // Data cleaning: the portal's desk fee (10,000 VND) is the one for registering a list of people
    // (Circular 75/2022/TT-BTC); one person or one household pays 15,000 VND at the desk and 7,000 VND
    // online under that circular.
    fees: [
      { channel: "online", amountVnd: 7000, asPublished: "7.000 đồng/lần đăng ký" },
      { channel: "desk", amountVnd: 15000, asPublished: "15.000 đồng/lần đăng ký" },
    ],
    notes: {
      vi: [
        "Lệ phí đăng ký tạm trú (Thông tư 75/2022/TT-BTC): 15.000 đồng/lần khi nộp trực tiếp, 7.000 đồng/lần khi nộp trực tuyến; đăng ký tạm trú theo danh sách: 10.000 đồng/người/lần.",
      ],
      en: [
        "Temporary residence registration fee (Circular 75/2022/TT-BTC): 15,000 VND at the desk, 7,000 VND online; registering a list of people: 10,000 VND per person.",
      ],
    },
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
    // Data cleaning: the portal shows "100 VND" for the online channel while its text says 100,000 VND
    // per announcement (Circular 47/2019/TT-BTC): 100,000 VND on every channel.
    fees: (["online", "post", "desk"] as const).map((channel) => ({
      channel,
      amountVnd: 100000,
      asPublished: "100.000 đồng/lần (phí công bố nội dung đăng ký doanh nghiệp)",
    })),
    notes: {
      vi: ["Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần (Thông tư 47/2019/TT-BTC)."],
      en: ["Fee for announcing the enterprise registration: 100,000 VND (Circular 47/2019/TT-BTC)."],
    },
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
    // Data cleaning: each channel on the portal shows one charge only (the announcement fee online and
    // by post, the registration fee at the desk); whether the others also apply is not clear, so the
    // amounts stay as published and the wording says which charge each is.
    fees: [
      {
        channel: "online",
        amountVnd: 100000,
        asPublished: "100.000 đồng/lần (phí công bố nội dung đăng ký doanh nghiệp)",
      },
      {
        channel: "post",
        amountVnd: 100000,
        asPublished: "100.000 đồng/lần (phí công bố nội dung đăng ký doanh nghiệp)",
      },
      {
        channel: "desk",
        amountVnd: 50000,
        asPublished: "50.000 đồng/lần (lệ phí đăng ký doanh nghiệp, Thông tư 64/2025/TT-BTC)",
      },
    ],
    notes: {
      vi: [
        "Phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng/lần (Thông tư 47/2019/TT-BTC); lệ phí đăng ký doanh nghiệp theo Thông tư 64/2025/TT-BTC.",
      ],
      en: [
        "Fee for announcing the registration: 100,000 VND (Circular 47/2019/TT-BTC); the registration fee follows Circular 64/2025/TT-BTC.",
      ],
    },
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
    // Data cleaning: the portal shows "free", but its text says the provincial council sets the fee
    // (waived for families with merit, poor households and people with disabilities): the amount is left
    // blank and says so. The time limit is published as "3" without a unit (working days).
    fees: councilFee("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân do Hội đồng nhân dân tỉnh quy định", [
      "online",
      "post",
      "desk",
    ]),
    notes: {
      vi: [
        "Lệ phí cấp Giấy xác nhận tình trạng hôn nhân do Hội đồng nhân dân tỉnh quy định; miễn cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật (Điều 11 Luật Hộ tịch).",
      ],
      en: [
        "The fee for a marital status certificate is set by the provincial People's Council; it is waived for families with merit for the revolution, poor households and people with disabilities (Article 11, Law on Civil Status).",
      ],
    },
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

  const fees: Fee[] =
    overlay.fees ??
    data.fees
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

  if (overlay.notes.vi.length !== overlay.notes.en.length) {
    throw new Error(`${data.nationalCode}: the notes differ in number between Vietnamese and English`);
  }
  const form = demoForms[data.nationalCode];
  if (!form) throw new Error(`No form for ${data.nationalCode}`);

  const details: ProcedureDetails = {
    targetGroups: data.targetGroups.map((group) => ({ vi: group, en: targetGroupEn[group] ?? group })),
    channels,
    result: { vi: data.result.join("; "), en: overlay.resultEn },
    legalBasis: [
      ...data.legalBasis.map((law) => `${law.type} ${law.code}`),
      ...(overlay.extraLegalBasis ?? []),
    ],
    sourceUrl: data.sourceUrl,
    ...(overlay.notes.vi.length > 0
      ? { notes: { vi: overlay.notes.vi.join(" "), en: overlay.notes.en.join(" ") } }
      : {}),
  };

  return {
    code: data.nationalCode,
    level,
    competent: overlay.competent,
    channels,
    timeLimitHours,
    documents,
    form,
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
      needsCommitteeDecision: overlay.needsCommitteeDecision ?? false,
    },
    version: {
      version: 1,
      isCurrent: true,
      decisionNo: data.decisionNo,
      timeLimitHours,
      fees,
      documents,
      form,
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
