import type {
  Condition,
  FieldOption,
  FormDefinition,
  FormField,
  FormPage,
  LocalisedText,
} from "@/lib/forms/types";

/**
 * The online forms of the 12 demo procedures, following the declarations the law prescribes for
 * each (the paper form's questions, one or a few related ones per page):
 * - birth registration: tờ khai đăng ký khai sinh (Circular 04/2020/TT-BTP, form as amended by
 *   Circular 04/2024/TT-BTP, which adds the parents' personal identification numbers);
 * - marriage: tờ khai đăng ký kết hôn (same circulars), both parties' particulars;
 * - death: tờ khai đăng ký khai tử; marital status: tờ khai cấp Giấy xác nhận tình trạng hôn nhân;
 * - judicial record: tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (form 04/2025/LLTP, online);
 * - certified copies: the request at the desk (Decree 23/2015/NĐ-CP);
 * - household business: giấy đề nghị đăng ký hộ kinh doanh (Decree 168/2025/NĐ-CP);
 * - building permit: đơn đề nghị cấp giấy phép xây dựng (form No. 1, Decree 175/2024/NĐ-CP);
 * - permanent and temporary residence: tờ khai thay đổi thông tin cư trú CT01 (Circular 53/2025/TT-BCA);
 * - private enterprise and one-member LLC: giấy đề nghị đăng ký doanh nghiệp (Decree 168/2025/NĐ-CP).
 * The names of the fields are the keys of the dossiers' formData (db/seed/answers.ts writes them).
 * A document field's key is one of the version's required documents (procedures.ts).
 */

const t = (vi: string, en: string): LocalisedText => ({ vi, en });

type Extra = Partial<Omit<FormField, "name" | "type" | "label">>;

const field = (
  name: string,
  type: FormField["type"],
  label: LocalisedText,
  extra: Extra = {},
): FormField => ({
  name,
  type,
  label,
  required: true,
  ...extra,
});

/** A person's name: personal data, kept out of published decisions. */
const personName = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "text", label, {
    maxLength: 100,
    personal: "name",
    hint: t("Viết đủ dấu, ví dụ: Nguyễn Thị Lan.", "With Vietnamese accents, for example: Nguyễn Thị Lan."),
    ...extra,
  });

const idHint = t(
  "12 chữ số in trên thẻ căn cước (số định danh cá nhân).",
  "The 12 digits printed on the identity card (personal identification number).",
);
const idNumber = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "idNumber", label, { hint: idHint, ...extra });

const date = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "date", label, {
    hint: t("Ví dụ: 27 3 2024", "For example: 27 3 2024"),
    ...extra,
  });
const pastDate = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  date(name, label, { notInFuture: true, ...extra });

const thisYear = new Date().getFullYear();
const birthYear = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "number", label, {
    min: 1900,
    max: thisYear,
    hint: t("4 chữ số, ví dụ: 1995.", "4 digits, for example: 1995."),
    ...extra,
  });

const sexOptions: FieldOption[] = [
  { value: "male", label: t("Nam", "Male") },
  { value: "female", label: t("Nữ", "Female") },
];
const sex = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "radio", label, { options: sexOptions, ...extra });

const ethnicity = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "ethnicity", label, extra);
const nationality = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "nationality", label, extra);

/** Where a person lives: personal data. */
const residence = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "address", label, {
    personal: "address",
    hint: t(
      "Tỉnh, thành phố; phường, xã; số nhà, đường, thôn hoặc tổ dân phố.",
      "Province or city; ward or commune; house number and street, village or residential group.",
    ),
    ...extra,
  });
/** A business's or a building's place: chosen in the same lists, public in the registers. */
const place = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "address", label, {
    hint: t(
      "Tỉnh, thành phố; phường, xã; số nhà, đường, thôn hoặc tổ dân phố.",
      "Province or city; ward or commune; house number and street, village or residential group.",
    ),
    ...extra,
  });

const phone = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "tel", label, {
    hint: t("Ví dụ: 0912 345 678.", "For example: 0912 345 678."),
    ...extra,
  });
const email = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "email", label, extra);

const text = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "text", label, { maxLength: 200, ...extra });
const longText = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "textarea", label, { maxLength: 1000, ...extra });
const number = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "number", label, extra);
const money = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "money", label, {
    min: 1,
    hint: t("Bằng đồng Việt Nam, ví dụ: 500.000.000.", "In Vietnamese đồng, for example: 500,000,000."),
    ...extra,
  });
const yesNo = (name: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(name, "yesNo", label, extra);
const choice = (
  name: string,
  label: LocalisedText,
  options: [string, LocalisedText][],
  extra: Extra = {},
): FormField =>
  field(name, "radio", label, {
    options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })),
    ...extra,
  });
/** An upload answering the version's required document `key`: no answer, the files are attachments. */
const upload = (key: string, label: LocalisedText, extra: Extra = {}): FormField =>
  field(`doc_${key}`, "document", label, { documentKey: key, ...extra });
const group = (
  name: string,
  label: LocalisedText,
  itemLabel: LocalisedText,
  fields: FormField[],
  extra: Extra = {},
): FormField => field(name, "group", label, { itemLabel, fields, minItems: 1, maxItems: 20, ...extra });

const page = (
  id: string,
  title: LocalisedText,
  fields: FormField[],
  extra: { section?: string; hint?: LocalisedText; showIf?: Condition } = {},
): FormPage => ({ id, title, fields, ...extra });

const yes: Condition["in"] = ["yes"];

const copiesHint = t(
  "Ngoài bản chính, bạn có thể xin thêm bản sao trích lục. Ghi 0 nếu không cần.",
  "Besides the original, you may ask for certified extracts. Enter 0 if you need none.",
);

// ---------------------------------------------------------------------------------------------
// Birth registration (1.001193)

const birth: FormDefinition = {
  sections: [
    { id: "child", title: t("Thông tin của trẻ", "The child") },
    { id: "mother", title: t("Thông tin người mẹ", "The mother") },
    { id: "father", title: t("Thông tin người cha", "The father") },
    { id: "declarant", title: t("Người đi đăng ký", "The person registering") },
    { id: "copies", title: t("Bản sao và giấy tờ", "Copies and documents") },
  ],
  pages: [
    page(
      "child-name",
      t("Họ, chữ đệm và tên của trẻ", "Child's full name"),
      [
        personName("childFullName", t("Họ, chữ đệm và tên của trẻ", "Child's full name"), {
          hint: t(
            "Viết đủ dấu, như sẽ ghi trong Giấy khai sinh, ví dụ: Nguyễn Minh Anh.",
            "With Vietnamese accents, as it will be written on the birth certificate, for example: Nguyễn Minh Anh.",
          ),
        }),
      ],
      { section: "child" },
    ),
    page(
      "child-birth",
      t("Ngày sinh và giới tính của trẻ", "Child's date of birth and sex"),
      [
        pastDate("childDateOfBirth", t("Ngày sinh của trẻ", "Child's date of birth")),
        sex("childSex", t("Giới tính của trẻ", "Child's sex")),
      ],
      { section: "child" },
    ),
    page(
      "child-place-of-birth",
      t("Trẻ sinh ra ở đâu?", "Where was the child born?"),
      [
        text("birthFacility", t("Tên cơ sở y tế nơi trẻ sinh ra", "Name of the hospital or clinic"), {
          required: false,
          hint: t(
            "Như ghi trong Giấy chứng sinh. Bỏ trống nếu trẻ sinh ngoài cơ sở y tế.",
            "As on the birth certificate from the hospital. Leave blank if the child was born elsewhere.",
          ),
        }),
        place("placeOfBirth", t("Địa chỉ nơi sinh", "Address of the place of birth")),
      ],
      { section: "child" },
    ),
    page(
      "child-origin",
      t("Dân tộc, quốc tịch và quê quán của trẻ", "Child's ethnicity, nationality and hometown"),
      [
        ethnicity("childEthnicity", t("Dân tộc", "Ethnicity"), {
          hint: t(
            "Theo dân tộc của cha hoặc mẹ, theo thỏa thuận của cha mẹ.",
            "That of the father or the mother, as the parents agree.",
          ),
        }),
        nationality("childNationality", t("Quốc tịch", "Nationality")),
        text("hometown", t("Quê quán", "Hometown (quê quán)"), {
          personal: "address",
          hint: t(
            "Quê quán của cha hoặc mẹ, theo thỏa thuận: xã, tỉnh. Ví dụ: xã Tân Hưng, tỉnh Hưng Yên.",
            "The father's or the mother's hometown, as the parents agree: commune and province. For example: xã Tân Hưng, tỉnh Hưng Yên.",
          ),
        }),
      ],
      { section: "child" },
    ),
    page(
      "mother-name",
      t("Họ tên và năm sinh của mẹ", "Mother's name and year of birth"),
      [
        personName("motherFullName", t("Họ, chữ đệm và tên của mẹ", "Mother's full name")),
        birthYear("motherBirthYear", t("Năm sinh của mẹ", "Mother's year of birth")),
      ],
      { section: "mother" },
    ),
    page(
      "mother-identity",
      t("Dân tộc, quốc tịch và giấy tờ của mẹ", "Mother's ethnicity, nationality and identity number"),
      [
        ethnicity("motherEthnicity", t("Dân tộc của mẹ", "Mother's ethnicity")),
        nationality("motherNationality", t("Quốc tịch của mẹ", "Mother's nationality")),
        idNumber(
          "motherIdNumber",
          t("Số định danh cá nhân của mẹ", "Mother's personal identification number"),
          {
            required: false,
            hint: t(
              "12 chữ số in trên thẻ căn cước. Bỏ trống nếu mẹ không có số định danh cá nhân Việt Nam.",
              "The 12 digits printed on the identity card. Leave blank if the mother has no Vietnamese personal identification number.",
            ),
          },
        ),
      ],
      { section: "mother" },
    ),
    page(
      "mother-residence",
      t("Nơi cư trú của mẹ", "Where the mother lives"),
      [residence("motherResidence", t("Nơi cư trú của mẹ", "Mother's place of residence"))],
      { section: "mother" },
    ),
    page(
      "father-named",
      t("Có ghi thông tin người cha không?", "Is the father named on the registration?"),
      [
        yesNo(
          "fatherNamed",
          t("Có ghi thông tin người cha không?", "Is the father named on the registration?"),
          {
            hint: t(
              "Chọn “Không” nếu chưa xác định được cha: phần ghi về người cha để trống, có thể bổ sung sau khi đăng ký nhận cha con.",
              "Choose “No” if the father is not established: his part is left blank and can be added later by registering the acknowledgement of paternity.",
            ),
          },
        ),
      ],
      { section: "father" },
    ),
    page(
      "father-name",
      t("Họ tên và năm sinh của cha", "Father's name and year of birth"),
      [
        personName("fatherFullName", t("Họ, chữ đệm và tên của cha", "Father's full name")),
        birthYear("fatherBirthYear", t("Năm sinh của cha", "Father's year of birth")),
      ],
      { section: "father", showIf: { field: "fatherNamed", in: yes } },
    ),
    page(
      "father-identity",
      t("Dân tộc, quốc tịch và giấy tờ của cha", "Father's ethnicity, nationality and identity number"),
      [
        ethnicity("fatherEthnicity", t("Dân tộc của cha", "Father's ethnicity")),
        nationality("fatherNationality", t("Quốc tịch của cha", "Father's nationality")),
        idNumber(
          "fatherIdNumber",
          t("Số định danh cá nhân của cha", "Father's personal identification number"),
          {
            required: false,
            hint: t(
              "12 chữ số in trên thẻ căn cước. Bỏ trống nếu cha không có số định danh cá nhân Việt Nam.",
              "The 12 digits printed on the identity card. Leave blank if the father has no Vietnamese personal identification number.",
            ),
          },
        ),
      ],
      { section: "father", showIf: { field: "fatherNamed", in: yes } },
    ),
    page(
      "father-residence",
      t("Nơi cư trú của cha", "Where the father lives"),
      [residence("fatherResidence", t("Nơi cư trú của cha", "Father's place of residence"))],
      { section: "father", showIf: { field: "fatherNamed", in: yes } },
    ),
    page(
      "declarant",
      t("Người đi đăng ký khai sinh", "The person registering the birth"),
      [
        personName("declarantFullName", t("Họ, chữ đệm và tên", "Full name"), {
          prefill: "applicant.fullName",
        }),
        idNumber("declarantIdNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
      ],
      {
        section: "declarant",
        hint: t(
          "Người yêu cầu đăng ký khai sinh: cha, mẹ, hoặc người được ủy quyền.",
          "Whoever asks for the registration: the father, the mother, or someone they authorise.",
        ),
      },
    ),
    page(
      "declarant-relationship",
      t("Quan hệ với trẻ", "Relationship to the child"),
      [
        choice("declarantRelationship", t("Bạn là gì của trẻ?", "What is your relationship to the child?"), [
          ["mother", t("Mẹ", "Mother")],
          ["father", t("Cha", "Father")],
          ["grandparent", t("Ông, bà", "Grandparent")],
          ["sibling", t("Anh, chị", "Brother or sister")],
          ["relative", t("Người thân khác", "Another relative")],
          ["other", t("Người khác được ủy quyền", "Someone else the parents authorise")],
        ]),
      ],
      { section: "declarant" },
    ),
    page(
      "authorisation",
      t("Văn bản ủy quyền", "Letter of authorisation"),
      [
        upload(
          "van_ban_uy_quyen",
          t("Văn bản ủy quyền của cha, mẹ", "The parents' letter of authorisation"),
          {
            hint: t(
              "Văn bản ủy quyền phải được chứng thực, trừ khi người được ủy quyền là ông, bà, anh, chị, em của trẻ.",
              "The letter must be certified, unless you are the child's grandparent, brother or sister.",
            ),
          },
        ),
      ],
      {
        section: "declarant",
        showIf: { field: "declarantRelationship", in: ["grandparent", "sibling", "relative", "other"] },
      },
    ),
    page(
      "declarant-residence",
      t("Nơi cư trú của người đi đăng ký", "Where you live"),
      [residence("declarantResidence", t("Nơi cư trú", "Place of residence"))],
      { section: "declarant" },
    ),
    page(
      "declarant-contact",
      t("Cách liên hệ với bạn", "How to contact you"),
      [
        phone("declarantPhone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
        email("declarantEmail", t("Thư điện tử", "Email address"), {
          required: false,
          prefill: "applicant.email",
        }),
      ],
      { section: "declarant" },
    ),
    page(
      "copies",
      t("Số bản sao trích lục khai sinh", "Copies of the birth registration extract"),
      [
        number(
          "extractCopies",
          t("Bạn cần bao nhiêu bản sao trích lục khai sinh?", "How many certified extracts do you need?"),
          { min: 0, max: 10, hint: copiesHint },
        ),
      ],
      { section: "copies" },
    ),
    page(
      "birth-certificate",
      t("Giấy chứng sinh", "Birth certificate from the hospital"),
      [
        upload("giay_chung_sinh", t("Giấy chứng sinh", "Birth certificate from the hospital"), {
          hint: t(
            "Ảnh chụp hoặc bản quét rõ nét. Nếu không có Giấy chứng sinh: văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh.",
            "A clear photo or scan. Without it: a witness's written confirmation, or your own written declaration of the birth.",
          ),
        }),
      ],
      { section: "copies" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Marriage registration (1.000894): both parties, each with the same questions.

const maritalStatusOptions: [string, LocalisedText][] = [
  ["never", t("Chưa kết hôn lần nào", "Never married")],
  ["divorced", t("Đã ly hôn", "Divorced")],
  ["widowed", t("Vợ hoặc chồng đã chết", "Widowed")],
];

function partyPages(prefix: "bride" | "groom", section: string, who: { vi: string; en: string }): FormPage[] {
  const n = (rest: string) => `${prefix}${rest}`;
  const l = (vi: string, en: string) => t(`${vi} ${who.vi}`, `${who.en}'s ${en}`);
  return [
    page(
      `${prefix}-name`,
      t(`Họ tên và ngày sinh ${who.vi}`, `${who.en}'s name and date of birth`),
      [
        personName(n("FullName"), l("Họ, chữ đệm và tên", "full name")),
        pastDate(n("DateOfBirth"), l("Ngày sinh", "date of birth"), {
          hint: t(
            "Nữ từ đủ 18 tuổi, nam từ đủ 20 tuổi. Ví dụ: 27 3 1998",
            "Women must be at least 18, men at least 20. For example: 27 3 1998",
          ),
        }),
      ],
      { section },
    ),
    page(
      `${prefix}-identity`,
      t(`Dân tộc, quốc tịch và giấy tờ ${who.vi}`, `${who.en}'s ethnicity, nationality and identity number`),
      [
        ethnicity(n("Ethnicity"), l("Dân tộc", "ethnicity")),
        nationality(n("Nationality"), l("Quốc tịch", "nationality")),
        idNumber(n("IdNumber"), l("Số định danh cá nhân", "personal identification number")),
      ],
      { section },
    ),
    page(
      `${prefix}-residence`,
      t(`Nơi cư trú ${who.vi}`, `Where the ${who.en.toLowerCase()} lives`),
      [residence(n("Residence"), l("Nơi cư trú", "place of residence"))],
      { section },
    ),
    page(
      `${prefix}-status`,
      t(`Tình trạng hôn nhân ${who.vi}`, `${who.en}'s marital status`),
      [
        choice(n("MaritalStatus"), l("Tình trạng hôn nhân", "marital status"), maritalStatusOptions),
        number(n("MarriageNumber"), t("Đây là lần kết hôn thứ mấy?", "Which marriage is this?"), {
          min: 2,
          max: 10,
          hint: t("Ví dụ: 2 nếu đây là lần kết hôn thứ hai.", "For example: 2 for a second marriage."),
          showIf: { field: n("MaritalStatus"), in: ["divorced", "widowed"] },
        }),
      ],
      { section },
    ),
  ];
}

const marriage: FormDefinition = {
  sections: [
    { id: "bride", title: t("Bên nữ", "The bride") },
    { id: "groom", title: t("Bên nam", "The groom") },
    { id: "registration", title: t("Ngày đăng ký và giấy tờ", "Registration date and documents") },
  ],
  pages: [
    ...partyPages("bride", "bride", { vi: "bên nữ", en: "Bride" }),
    ...partyPages("groom", "groom", { vi: "bên nam", en: "Groom" }),
    page(
      "registration-date",
      t("Ngày bạn muốn đăng ký kết hôn", "When you would like to register"),
      [
        date("desiredDate", t("Ngày mong muốn đăng ký", "Preferred registration date"), {
          hint: t(
            "Hai bên phải cùng có mặt khi đăng ký kết hôn; cơ quan đăng ký hộ tịch sẽ xác nhận ngày. Ví dụ: 15 8 2026",
            "Both of you must be present at the registration; the civil status office confirms the date. For example: 15 8 2026",
          ),
        }),
      ],
      { section: "registration" },
    ),
    page(
      "contact",
      t("Cách liên hệ với bạn", "How to contact you"),
      [
        phone("phone", t("Số điện thoại liên hệ", "Contact phone number"), { prefill: "applicant.phone" }),
        email("email", t("Thư điện tử", "Email address"), { required: false, prefill: "applicant.email" }),
      ],
      { section: "registration" },
    ),
    page(
      "identity-documents",
      t("Giấy tờ tùy thân của hai bên", "Both partners' identity documents"),
      [
        upload("giay_to_tuy_than", t("Giấy tờ tùy thân của hai bên", "Both partners' identity documents"), {
          hint: t(
            "Ảnh chụp hai mặt thẻ căn cước hoặc trang hộ chiếu có ảnh của từng bên.",
            "A photo of both sides of each partner's identity card, or of the passport's photo page.",
          ),
        }),
      ],
      { section: "registration" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Death registration (1.000656)

const death: FormDefinition = {
  sections: [
    { id: "deceased", title: t("Người đã mất", "The person who died") },
    { id: "declarant", title: t("Người đi đăng ký", "The person registering") },
    { id: "documents", title: t("Bản sao và giấy tờ", "Copies and documents") },
  ],
  pages: [
    page(
      "deceased-name",
      t("Người đã mất", "The person who died"),
      [
        personName(
          "deceasedFullName",
          t("Họ, chữ đệm và tên người đã mất", "Full name of the person who died"),
        ),
        pastDate("deceasedDateOfBirth", t("Ngày sinh", "Date of birth")),
        sex("deceasedSex", t("Giới tính", "Sex")),
      ],
      { section: "deceased" },
    ),
    page(
      "deceased-identity",
      t("Dân tộc, quốc tịch và giấy tờ của người đã mất", "Ethnicity, nationality and identity number"),
      [
        ethnicity("deceasedEthnicity", t("Dân tộc", "Ethnicity")),
        nationality("deceasedNationality", t("Quốc tịch", "Nationality")),
        idNumber("deceasedIdNumber", t("Số định danh cá nhân", "Personal identification number"), {
          required: false,
          hint: t(
            "12 chữ số in trên thẻ căn cước của người đã mất, nếu có.",
            "The 12 digits on the identity card of the person who died, if they had one.",
          ),
        }),
      ],
      { section: "deceased" },
    ),
    page(
      "deceased-residence",
      t("Nơi cư trú cuối cùng", "Last place of residence"),
      [
        residence(
          "deceasedLastResidence",
          t("Nơi cư trú cuối cùng của người đã mất", "Last place of residence"),
        ),
      ],
      { section: "deceased" },
    ),
    page(
      "death",
      t("Thời gian và nơi mất", "When and where the person died"),
      [
        pastDate("dateOfDeath", t("Ngày mất", "Date of death")),
        place("placeOfDeath", t("Nơi mất", "Place of death"), { personal: "address" }),
        text("causeOfDeath", t("Nguyên nhân mất", "Cause of death"), {
          required: false,
          hint: t("Như ghi trong Giấy báo tử, nếu có.", "As on the death notice, if it says."),
        }),
      ],
      { section: "deceased" },
    ),
    page(
      "declarant",
      t("Người đi đăng ký khai tử", "The person registering the death"),
      [
        personName("declarantFullName", t("Họ, chữ đệm và tên", "Full name"), {
          prefill: "applicant.fullName",
        }),
        idNumber("applicantIdNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
        text("relationship", t("Quan hệ với người đã mất", "Your relationship to the person who died"), {
          maxLength: 100,
          hint: t("Ví dụ: con, vợ, chồng.", "For example: son, daughter, wife, husband."),
        }),
      ],
      { section: "declarant" },
    ),
    page(
      "declarant-contact",
      t("Nơi cư trú và cách liên hệ với bạn", "Where you live and how to contact you"),
      [
        residence("declarantResidence", t("Nơi cư trú", "Place of residence")),
        phone("declarantPhone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
      ],
      { section: "declarant" },
    ),
    page(
      "copies",
      t("Số bản sao trích lục khai tử", "Copies of the death registration extract"),
      [
        number(
          "extractCopies",
          t("Bạn cần bao nhiêu bản sao trích lục khai tử?", "How many certified extracts do you need?"),
          {
            min: 0,
            max: 10,
            hint: copiesHint,
          },
        ),
      ],
      { section: "documents" },
    ),
    page(
      "death-notice",
      t("Giấy báo tử", "Death notice"),
      [
        upload(
          "giay_bao_tu",
          t("Giấy báo tử hoặc giấy tờ thay Giấy báo tử", "Death notice, or a document that replaces it"),
          {
            hint: t(
              "Do bệnh viện, cơ quan công an hoặc Ủy ban nhân dân cấp xã cấp.",
              "Issued by the hospital, the police or the commune People's Committee.",
            ),
          },
        ),
      ],
      { section: "documents" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Judicial record certificate (3.000333): form 04/2025/LLTP

const judicialRecord: FormDefinition = {
  sections: [
    { id: "person", title: t("Người được cấp Phiếu", "The person the certificate is for") },
    { id: "family", title: t("Gia đình", "Family") },
    { id: "history", title: t("Quá trình cư trú", "Where the person has lived") },
    { id: "request", title: t("Yêu cầu cấp Phiếu", "The request") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    page(
      "person-name",
      t("Họ tên của người được cấp Phiếu", "Name of the person the certificate is for"),
      [
        personName("fullName", t("Họ, chữ đệm và tên", "Full name"), { prefill: "applicant.fullName" }),
        personName("otherNames", t("Tên gọi khác", "Other names"), {
          required: false,
          hint: t(
            "Tên đã dùng trước đây hoặc tên thường gọi, nếu có.",
            "Names used before, or the name people usually call you, if any.",
          ),
        }),
        sex("sex", t("Giới tính", "Sex")),
      ],
      { section: "person" },
    ),
    page(
      "person-birth",
      t("Ngày và nơi sinh", "Date and place of birth"),
      [
        pastDate("dateOfBirth", t("Ngày sinh", "Date of birth")),
        text("placeOfBirth", t("Nơi sinh", "Place of birth"), {
          personal: "address",
          hint: t(
            "Như ghi trong Giấy khai sinh: xã, tỉnh (hoặc nước, nếu sinh ở nước ngoài).",
            "As on the birth certificate: commune and province (or the country, if born abroad).",
          ),
        }),
      ],
      { section: "person" },
    ),
    page(
      "person-identity",
      t("Quốc tịch, dân tộc và giấy tờ", "Nationality, ethnicity and identity number"),
      [
        nationality("nationality", t("Quốc tịch", "Nationality")),
        ethnicity("ethnicity", t("Dân tộc", "Ethnicity")),
        idNumber("idNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
      ],
      { section: "person" },
    ),
    page(
      "person-residence",
      t("Nơi cư trú và cách liên hệ", "Where you live and how to contact you"),
      [
        residence("residence", t("Nơi thường trú hoặc tạm trú", "Permanent or temporary residence")),
        phone("phone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
        email("email", t("Thư điện tử", "Email address"), { required: false, prefill: "applicant.email" }),
      ],
      { section: "person" },
    ),
    page(
      "family",
      t("Cha, mẹ và vợ hoặc chồng", "Parents and spouse"),
      [
        personName("fatherFullName", t("Họ và tên cha", "Father's full name"), {
          required: false,
          hint: t("Bỏ trống nếu không có thông tin.", "Leave blank if not known."),
        }),
        personName("motherFullName", t("Họ và tên mẹ", "Mother's full name")),
        personName("spouseFullName", t("Họ và tên vợ hoặc chồng", "Spouse's full name"), {
          required: false,
          hint: t("Bỏ trống nếu chưa kết hôn.", "Leave blank if not married."),
        }),
      ],
      { section: "family" },
    ),
    page(
      "residence-history",
      t("Quá trình cư trú từ khi đủ 14 tuổi", "Where you have lived since the age of 14"),
      [
        group(
          "residenceHistory",
          t("Các nơi đã cư trú", "Places lived"),
          t("Nơi cư trú", "Place lived"),
          [
            number("fromYear", t("Từ năm", "From (year)"), { min: 1900, max: thisYear }),
            number("toYear", t("Đến năm", "To (year)"), {
              min: 1900,
              max: thisYear,
              required: false,
              hint: t("Bỏ trống nếu vẫn ở đó.", "Leave blank if you still live there."),
            }),
            text("place", t("Nơi cư trú", "Place of residence"), { personal: "address" }),
            text("occupation", t("Nghề nghiệp, nơi làm việc", "Occupation and workplace"), {
              required: false,
            }),
          ],
          {
            hint: t(
              "Mỗi nơi đã thường trú hoặc tạm trú, từ nơi gần đây nhất.",
              "Each place of permanent or temporary residence, the most recent first.",
            ),
          },
        ),
      ],
      { section: "history" },
    ),
    page(
      "certificate-type",
      t("Bạn cần loại Phiếu nào?", "Which certificate do you need?"),
      [
        choice(
          "certificateType",
          t("Loại Phiếu Lý lịch tư pháp", "Type of certificate"),
          [
            ["1", t("Phiếu số 1", "Certificate No. 1")],
            ["2", t("Phiếu số 2", "Certificate No. 2")],
          ],
          {
            hint: t(
              "Phiếu số 1 ghi án tích chưa được xóa; Phiếu số 2 ghi đầy đủ án tích, kể cả án tích đã được xóa, và chỉ người được cấp Phiếu tự yêu cầu.",
              "Certificate No. 1 lists convictions not yet expunged; No. 2 lists every conviction, including expunged ones, and only the person it is about may ask for it.",
            ),
          },
        ),
        yesNo(
          "managementBanCheck",
          t(
            "Xác nhận việc có bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã hay không?",
            "Should the certificate confirm whether you are banned from holding posts, founding or managing enterprises or cooperatives?",
          ),
          { showIf: { field: "certificateType", in: ["1"] } },
        ),
      ],
      { section: "request" },
    ),
    page(
      "purpose",
      t("Mục đích và số lượng Phiếu", "Purpose and number of certificates"),
      [
        longText("purpose", t("Mục đích sử dụng Phiếu", "What you need the certificate for"), {
          maxLength: 500,
          hint: t("Ví dụ: bổ sung hồ sơ xin việc.", "For example: a job application."),
        }),
        number("copies", t("Số lượng Phiếu", "Number of certificates"), {
          min: 1,
          max: 10,
          hint: t(
            "Từ Phiếu thứ 3 trở đi, mỗi Phiếu thu thêm 5.000 đồng.",
            "From the third certificate on, each one costs 5,000 VND more.",
          ),
        }),
      ],
      { section: "request" },
    ),
    page(
      "fee-case",
      t("Mức phí áp dụng", "Which fee applies to you"),
      [
        choice(
          "feeCase",
          t("Bạn thuộc trường hợp nào?", "Which case are you?"),
          [
            ["standard", t("Mức thông thường (200.000 đồng)", "The standard fee (200,000 VND)")],
            [
              "reduced",
              t(
                "Học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ (100.000 đồng)",
                "A pupil or student, a person with merit for the revolution, or a martyr's relative (100,000 VND)",
              ),
            ],
            [
              "exempt",
              t(
                "Trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người cư trú tại xã đặc biệt khó khăn (miễn phí)",
                "A child, an elderly person, a person with a disability, a member of a poor household, or a resident of an extremely disadvantaged commune (free)",
              ),
            ],
          ],
          {
            hint: t(
              "Theo Thông tư 244/2016/TT-BTC. Trường hợp giảm hoặc miễn phí cần giấy tờ chứng minh.",
              "Under Circular 244/2016/TT-BTC. A reduction or exemption needs proof.",
            ),
          },
        ),
      ],
      { section: "request" },
    ),
    page(
      "fee-proof",
      t("Giấy tờ chứng minh được giảm, miễn phí", "Proof of the fee reduction or exemption"),
      [
        upload(
          "giay_to_mien_giam_phi",
          t("Giấy tờ chứng minh được giảm, miễn phí", "Proof of the fee reduction or exemption"),
        ),
      ],
      { section: "documents", showIf: { field: "feeCase", in: ["reduced", "exempt"] } },
    ),
    page(
      "identity-copy",
      t("Bản sao giấy tờ tùy thân", "Copy of your identity document"),
      [
        upload(
          "ban_sao_can_cuoc",
          t("Bản sao thẻ căn cước hoặc hộ chiếu", "Copy of the identity card or passport"),
          {
            hint: t(
              "Ảnh chụp hai mặt thẻ căn cước, hoặc trang hộ chiếu có ảnh.",
              "A photo of both sides of the identity card, or of the passport's photo page.",
            ),
          },
        ),
      ],
      { section: "documents" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Certified copies (2.000815)

const certifiedCopies: FormDefinition = {
  pages: [
    page("document", t("Giấy tờ cần chứng thực", "The document to certify"), [
      text("documentName", t("Tên giấy tờ cần chứng thực", "Document to certify"), {
        hint: t("Ví dụ: Bằng tốt nghiệp đại học.", "For example: university degree."),
      }),
      text("issuedBy", t("Cơ quan, tổ chức cấp giấy tờ", "Authority that issued it"), {
        required: false,
        hint: t(
          "Ví dụ: Trường Đại học Sư phạm Kỹ thuật Hưng Yên.",
          "For example: Hung Yen University of Technology and Education.",
        ),
      }),
    ]),
    page("pages-and-copies", t("Số trang và số bản sao", "Pages and copies"), [
      number("pages", t("Số trang của bản chính", "Number of pages of the original"), {
        min: 1,
        max: 500,
        hint: t(
          "Phí 2.000 đồng/trang cho hai trang đầu, từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
          "2,000 VND a page for the first two pages, 1,000 VND a page from the third, at most 200,000 VND a copy.",
        ),
      }),
      number("copies", t("Số bản sao cần chứng thực", "Number of copies to certify"), { min: 1, max: 50 }),
    ]),
    page("applicant", t("Người yêu cầu chứng thực", "The person asking for the certification"), [
      personName("applicantFullName", t("Họ, chữ đệm và tên", "Full name"), {
        prefill: "applicant.fullName",
      }),
      idNumber("applicantIdNumber", t("Số định danh cá nhân", "Personal identification number"), {
        prefill: "applicant.idNumber",
      }),
      phone("phone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
    ]),
    page("original", t("Bản chính và bản sao", "The original and the copies"), [
      upload("ban_chinh_va_ban_sao", t("Bản chụp bản chính giấy tờ", "A scan of the original document"), {
        hint: t(
          "Mang bản chính khi đến nhận: cán bộ đối chiếu trước khi chứng thực.",
          "Bring the original when you collect the copies: the officer compares them before certifying.",
        ),
      }),
    ]),
  ],
};

// ---------------------------------------------------------------------------------------------
// Household business (1.001612)

const businessLines = (hint: LocalisedText) =>
  group(
    "businessLines",
    t("Ngành, nghề kinh doanh", "Lines of business"),
    t("Ngành, nghề", "Line of business"),
    [
      text("name", t("Tên ngành, nghề", "Line of business"), { maxLength: 300 }),
      text("code", t("Mã ngành (VSIC, cấp 4)", "Industry code (VSIC, 4 digits)"), {
        required: false,
        maxLength: 4,
        minLength: 4,
        hint: t(
          "Ví dụ: 4711. Bỏ trống nếu chưa biết.",
          "For example: 4711. Leave blank if you do not know it.",
        ),
      }),
    ],
    { hint },
  );

/** The owner's particulars, as the business registration application asks for them. */
function ownerPages(section: string, who: LocalisedText): FormPage[] {
  return [
    page(
      "owner",
      who,
      [
        personName("ownerFullName", t("Họ, chữ đệm và tên", "Full name"), { prefill: "applicant.fullName" }),
        pastDate("ownerDateOfBirth", t("Ngày sinh", "Date of birth")),
        sex("ownerSex", t("Giới tính", "Sex")),
      ],
      { section },
    ),
    page(
      "owner-identity",
      t("Dân tộc, quốc tịch và giấy tờ", "Ethnicity, nationality and identity number"),
      [
        ethnicity("ownerEthnicity", t("Dân tộc", "Ethnicity")),
        nationality("ownerNationality", t("Quốc tịch", "Nationality")),
        idNumber("ownerIdNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
      ],
      { section },
    ),
    page(
      "owner-residence",
      t("Nơi cư trú và cách liên hệ", "Where you live and how to contact you"),
      [
        residence("ownerResidence", t("Nơi thường trú", "Permanent residence")),
        phone("phone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
      ],
      { section },
    ),
  ];
}

const householdBusiness: FormDefinition = {
  sections: [
    { id: "business", title: t("Hộ kinh doanh", "The business") },
    { id: "owner", title: t("Chủ hộ kinh doanh", "The owner") },
    { id: "members", title: t("Thành viên hộ gia đình", "Household members") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    page(
      "business-name",
      t("Tên hộ kinh doanh", "Name of the business"),
      [
        text("businessName", t("Tên hộ kinh doanh", "Name of the business"), {
          maxLength: 150,
          hint: t(
            "Gồm cụm từ “Hộ kinh doanh” và tên riêng, ví dụ: Hộ kinh doanh Tạp hóa Minh Hằng.",
            "“Hộ kinh doanh” followed by its own name, for example: Hộ kinh doanh Tạp hóa Minh Hằng.",
          ),
        }),
      ],
      { section: "business" },
    ),
    page(
      "business-address",
      t("Địa điểm kinh doanh", "Where the business is"),
      [
        place("businessAddress", t("Địa chỉ trụ sở hộ kinh doanh", "Business address")),
        phone("businessPhone", t("Số điện thoại của hộ kinh doanh", "Business phone number"), {
          required: false,
        }),
      ],
      { section: "business" },
    ),
    page(
      "business-lines",
      t("Ngành, nghề kinh doanh", "What the business does"),
      [businessLines(t("Ghi ngành, nghề chính trước.", "List the main line first."))],
      { section: "business" },
    ),
    page(
      "capital",
      t("Vốn và lao động", "Capital and workers"),
      [
        money("capitalVnd", t("Vốn kinh doanh (đồng)", "Business capital (VND)")),
        number("employees", t("Số lao động dự kiến", "Expected number of workers"), {
          required: false,
          min: 0,
          max: 1000,
        }),
      ],
      { section: "business" },
    ),
    ...ownerPages("owner", t("Chủ hộ kinh doanh", "The owner of the business")),
    page(
      "family-run",
      t("Các thành viên hộ gia đình cùng đăng ký?", "Do household members set it up together?"),
      [
        yesNo(
          "familyRun",
          t(
            "Các thành viên hộ gia đình cùng đăng ký hộ kinh doanh?",
            "Do members of your household set up the business together?",
          ),
          {
            hint: t(
              "Nếu có, các thành viên ủy quyền cho một người làm chủ hộ kinh doanh.",
              "If so, the members authorise one of them to be the owner.",
            ),
          },
        ),
      ],
      { section: "members" },
    ),
    page(
      "members",
      t("Các thành viên hộ gia đình", "The household members"),
      [
        group(
          "householdMembers",
          t("Thành viên hộ gia đình tham gia", "Household members taking part"),
          t("Thành viên", "Member"),
          [
            personName("fullName", t("Họ, chữ đệm và tên", "Full name")),
            pastDate("dateOfBirth", t("Ngày sinh", "Date of birth")),
            idNumber("idNumber", t("Số định danh cá nhân", "Personal identification number")),
            text("relationship", t("Quan hệ với chủ hộ kinh doanh", "Relationship to the owner"), {
              maxLength: 100,
              hint: t("Ví dụ: vợ, con.", "For example: wife, son."),
            }),
          ],
        ),
      ],
      { section: "members", showIf: { field: "familyRun", in: yes } },
    ),
    page(
      "members-authorisation",
      t("Văn bản ủy quyền của các thành viên", "The members' authorisation"),
      [
        upload(
          "van_ban_uy_quyen_thanh_vien",
          t("Văn bản ủy quyền của các thành viên hộ gia đình", "The household members' authorisation"),
          {
            hint: t(
              "Bản sao văn bản được công chứng hoặc chứng thực.",
              "A copy of the notarised or certified authorisation.",
            ),
          },
        ),
      ],
      { section: "members", showIf: { field: "familyRun", in: yes } },
    ),
    page(
      "application",
      t("Giấy đề nghị đăng ký hộ kinh doanh", "Household business registration application"),
      [
        upload("giay_de_nghi_dang_ky_hkd", t("Giấy đề nghị đã ký", "The signed application"), {
          hint: t(
            "Bản in tờ khai này có chữ ký của chủ hộ kinh doanh, chụp hoặc quét.",
            "A printout of this form signed by the owner, photographed or scanned.",
          ),
        }),
      ],
      { section: "documents" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Building permit for a detached house (1.013225): form No. 1, Decree 175/2024/NĐ-CP

const buildingPermit: FormDefinition = {
  sections: [
    { id: "owner", title: t("Chủ đầu tư", "The owner") },
    { id: "plot", title: t("Thửa đất", "The plot") },
    { id: "works", title: t("Công trình", "The building") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    page(
      "owner",
      t("Chủ đầu tư", "The owner"),
      [
        personName("ownerFullName", t("Họ, chữ đệm và tên chủ đầu tư", "Owner's full name"), {
          prefill: "applicant.fullName",
        }),
        idNumber(
          "ownerIdNumber",
          t("Số định danh cá nhân của chủ đầu tư", "Owner's personal identification number"),
          {
            prefill: "applicant.idNumber",
          },
        ),
        phone("phone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
      ],
      { section: "owner" },
    ),
    page(
      "owner-address",
      t("Địa chỉ liên hệ của chủ đầu tư", "Owner's address"),
      [residence("ownerAddress", t("Địa chỉ liên hệ", "Contact address"))],
      { section: "owner" },
    ),
    page(
      "plot-location",
      t("Địa điểm xây dựng", "Where you will build"),
      [residence("constructionAddress", t("Địa chỉ công trình", "Address of the building work"))],
      { section: "plot" },
    ),
    page(
      "plot-parcel",
      t("Thửa đất", "The plot"),
      [
        text("parcelNumber", t("Thửa đất số", "Parcel number"), {
          maxLength: 20,
          hint: t(
            "Như ghi trên Giấy chứng nhận, ví dụ: 125.",
            "As on the land certificate, for example: 125.",
          ),
        }),
        text("mapSheetNumber", t("Tờ bản đồ số", "Map sheet number"), {
          maxLength: 20,
          hint: t("Ví dụ: 12.", "For example: 12."),
        }),
        text(
          "landCertificateNumber",
          t("Số Giấy chứng nhận quyền sử dụng đất", "Land use right certificate number"),
          {
            maxLength: 30,
            hint: t(
              "Số phát hành in trên trang 1, ví dụ: AB 123456.",
              "The serial number printed on page 1, for example: AB 123456.",
            ),
          },
        ),
        number("plotAreaM2", t("Diện tích thửa đất (m²)", "Plot area (m²)"), { min: 10, max: 100000 }),
      ],
      { section: "plot" },
    ),
    page(
      "works-type",
      t("Loại công trình", "Type of building"),
      [
        choice("worksType", t("Loại công trình", "Type of building"), [
          ["house", t("Nhà ở riêng lẻ", "Detached house")],
          ["houseWithShop", t("Nhà ở riêng lẻ kết hợp kinh doanh", "Detached house with a shop or business")],
        ]),
      ],
      { section: "works" },
    ),
    page(
      "works-size",
      t("Quy mô công trình", "Size of the building"),
      [
        number("floors", t("Số tầng", "Number of floors"), {
          min: 1,
          max: 7,
          hint: t("Kể cả tầng tum, không kể tầng hầm.", "Including the roof floor, not the basement."),
        }),
        number("heightM", t("Chiều cao công trình (m)", "Height of the building (m)"), { min: 2, max: 50 }),
        number("constructionAreaM2", t("Diện tích xây dựng tầng 1 (m²)", "Ground floor area (m²)"), {
          min: 10,
          max: 5000,
        }),
        number("floorAreaM2", t("Tổng diện tích sàn (m²)", "Total floor area (m²)"), { min: 10, max: 20000 }),
      ],
      { section: "works" },
    ),
    page(
      "works-timing",
      t("Thời gian hoàn thành dự kiến", "When the work should be finished"),
      [
        date("expectedCompletion", t("Ngày hoàn thành dự kiến", "Expected completion date"), {
          required: false,
        }),
        text("designer", t("Đơn vị hoặc người thiết kế", "Designer"), {
          required: false,
          hint: t(
            "Bỏ trống nếu bạn tự thiết kế nhà dưới 250 m² sàn, dưới 3 tầng.",
            "Leave blank if you designed a house under 250 m² of floor area and under 3 floors yourself.",
          ),
        }),
      ],
      { section: "works" },
    ),
    page(
      "documents",
      t("Giấy tờ về đất, đơn và bản vẽ", "Land documents, application and drawings"),
      [
        upload("giay_to_dat_dai", t("Giấy tờ hợp pháp về đất đai", "Legal land document"), {
          hint: t(
            "Ví dụ: Giấy chứng nhận quyền sử dụng đất.",
            "For example: the land use right certificate.",
          ),
        }),
        upload(
          "don_de_nghi_cap_phep",
          t("Đơn đề nghị cấp giấy phép xây dựng đã ký", "The signed application"),
        ),
        upload("ho_so_thiet_ke", t("Bản vẽ thiết kế xây dựng", "Design drawings"), {
          hint: t(
            "Mặt bằng vị trí, các mặt bằng, mặt đứng, mặt cắt chính và mặt bằng móng.",
            "Site plan, floor plans, elevations, main sections and the foundation plan.",
          ),
        }),
      ],
      { section: "documents" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Permanent and temporary residence (1.004222, 1.004194): form CT01

const relationshipOptions: [string, LocalisedText][] = [
  ["spouse", t("Vợ, chồng", "Wife or husband")],
  ["child", t("Con", "Son or daughter")],
  ["parent", t("Cha, mẹ", "Father or mother")],
  ["grandchild", t("Cháu", "Grandchild, niece or nephew")],
  ["sibling", t("Anh, chị, em", "Brother or sister")],
  ["other", t("Khác", "Other")],
];

function residencePeoplePages(): FormPage[] {
  return [
    page(
      "person",
      t("Người đăng ký", "The person registering"),
      [
        personName("fullName", t("Họ, chữ đệm và tên", "Full name"), { prefill: "applicant.fullName" }),
        pastDate("dateOfBirth", t("Ngày sinh", "Date of birth")),
        sex("sex", t("Giới tính", "Sex")),
      ],
      { section: "person" },
    ),
    page(
      "person-contact",
      t("Số định danh và cách liên hệ", "Identity number and contact"),
      [
        idNumber("idNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
        phone("phone", t("Số điện thoại", "Phone number"), { prefill: "applicant.phone" }),
        email("email", t("Thư điện tử", "Email address"), { required: false, prefill: "applicant.email" }),
      ],
      { section: "person" },
    ),
  ];
}

function householdPages(): FormPage[] {
  return [
    page(
      "household-head",
      t(
        "Bạn có nhập vào hộ gia đình đã có ở địa chỉ này?",
        "Will you join a household already at this address?",
      ),
      [
        yesNo("joinsHousehold", t("Nhập vào hộ gia đình đã có?", "Join an existing household?"), {
          hint: t(
            "Chọn “Không” nếu bạn là chủ hộ mới.",
            "Choose “No” if you will be the head of a new household.",
          ),
        }),
      ],
      { section: "household" },
    ),
    page(
      "head",
      t("Chủ hộ", "The head of household"),
      [
        personName("householdHeadName", t("Họ và tên chủ hộ", "Name of the head of household")),
        idNumber(
          "householdHeadIdNumber",
          t("Số định danh cá nhân của chủ hộ", "Head of household's personal identification number"),
        ),
        choice(
          "relationshipToHead",
          t("Quan hệ với chủ hộ", "Your relationship to the head of household"),
          relationshipOptions,
        ),
      ],
      { section: "household", showIf: { field: "joinsHousehold", in: yes } },
    ),
    page(
      "moving-together",
      t("Có người cùng đăng ký với bạn?", "Is anyone registering with you?"),
      [
        yesNo(
          "othersMoving",
          t(
            "Có thành viên gia đình cùng thay đổi nơi cư trú với bạn không?",
            "Are members of your family moving with you?",
          ),
        ),
      ],
      { section: "household" },
    ),
    page(
      "members",
      t("Những người cùng thay đổi nơi cư trú", "The family members moving with you"),
      [
        group(
          "householdMembers",
          t("Thành viên cùng thay đổi", "Family members moving"),
          t("Thành viên", "Member"),
          [
            personName("fullName", t("Họ, chữ đệm và tên", "Full name")),
            pastDate("dateOfBirth", t("Ngày sinh", "Date of birth")),
            sex("sex", t("Giới tính", "Sex")),
            idNumber("idNumber", t("Số định danh cá nhân", "Personal identification number"), {
              required: false,
              hint: t(
                "12 chữ số in trên thẻ căn cước; trẻ em chưa có thẻ: số định danh trên Giấy khai sinh.",
                "The 12 digits on the identity card; a child without a card: the number on the birth certificate.",
              ),
            }),
            choice(
              "relationshipToHead",
              t("Quan hệ với chủ hộ", "Relationship to the head of household"),
              relationshipOptions,
            ),
          ],
          { maxItems: 15 },
        ),
      ],
      { section: "household", showIf: { field: "othersMoving", in: yes } },
    ),
  ];
}

const housingOptions: [string, LocalisedText][] = [
  ["own", t("Nhà của tôi", "My own home")],
  ["relative", t("Nhà của người thân", "A relative's home")],
  ["rented", t("Nhà thuê, mượn hoặc ở nhờ", "A rented, borrowed or lodged home")],
];

const ct01 = upload(
  "to_khai_ct01",
  t("Tờ khai thay đổi thông tin cư trú (CT01) đã ký", "The signed form CT01"),
  {
    hint: t(
      "Bản in tờ khai này có chữ ký của bạn và ý kiến đồng ý của chủ hộ hoặc chủ nhà (nếu không phải nhà của bạn). Người chưa thành niên: có ý kiến đồng ý của cha, mẹ hoặc người giám hộ.",
      "A printout of this form with your signature and the consent of the head of household or the owner (if it is not your home). A minor: with a parent's or guardian's consent.",
    ),
  },
);

const permanentResidence: FormDefinition = {
  sections: [
    { id: "person", title: t("Người đăng ký", "The person registering") },
    { id: "address", title: t("Nơi thường trú mới", "The new address") },
    { id: "household", title: t("Hộ gia đình", "The household") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    ...residencePeoplePages(),
    page(
      "new-address",
      t("Địa chỉ đăng ký thường trú", "Address to register as permanent residence"),
      [
        residence(
          "newAddress",
          t("Địa chỉ đăng ký thường trú", "Address to register as permanent residence"),
        ),
      ],
      { section: "address" },
    ),
    page(
      "housing",
      t("Chỗ ở này là", "This home is"),
      [choice("housingBasis", t("Chỗ ở này là", "This home is"), housingOptions)],
      { section: "address" },
    ),
    ...householdPages(),
    page(
      "housing-documents",
      t("Giấy tờ về chỗ ở", "Documents about the home"),
      [
        upload(
          "hop_dong_thue_muon",
          t(
            "Hợp đồng thuê, mượn hoặc cho ở nhờ (đã công chứng, chứng thực)",
            "Notarised rental, loan or lodging agreement",
          ),
          { showIf: { field: "housingBasis", in: ["rented"] } },
        ),
        upload(
          "thong_tin_quan_he_nhan_than",
          t(
            "Giấy tờ chứng minh quan hệ nhân thân với chủ hộ",
            "Proof of family relationship with the head of household",
          ),
          {
            required: false,
            showIf: { field: "housingBasis", in: ["relative"] },
            hint: t(
              "Chỉ cần khi không tra cứu được trong cơ sở dữ liệu, ví dụ: Giấy khai sinh.",
              "Only when it cannot be looked up in the databases, for example a birth certificate.",
            ),
          },
        ),
        ct01,
      ],
      { section: "documents" },
    ),
  ],
};

const temporaryResidence: FormDefinition = {
  sections: [
    { id: "person", title: t("Người đăng ký", "The person registering") },
    { id: "address", title: t("Nơi tạm trú", "The temporary address") },
    { id: "household", title: t("Hộ gia đình", "The household") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    ...residencePeoplePages(),
    page(
      "temporary-address",
      t("Địa chỉ đăng ký tạm trú", "Address to register as temporary residence"),
      [
        residence(
          "temporaryAddress",
          t("Địa chỉ đăng ký tạm trú", "Address to register as temporary residence"),
        ),
      ],
      { section: "address" },
    ),
    page(
      "period",
      t("Thời hạn tạm trú", "How long you will stay"),
      [
        date("fromDate", t("Ngày bắt đầu tạm trú", "Date you start living there")),
        number("months", t("Thời hạn tạm trú (tháng)", "How long you will live there (months)"), {
          min: 1,
          max: 24,
          hint: t(
            "Tối đa 2 năm (24 tháng), có thể gia hạn.",
            "At most 2 years (24 months); it can be extended.",
          ),
        }),
      ],
      { section: "address" },
    ),
    page(
      "housing",
      t("Chỗ ở này là", "This home is"),
      [choice("housingBasis", t("Chỗ ở này là", "This home is"), housingOptions)],
      { section: "address" },
    ),
    ...householdPages(),
    page(
      "housing-documents",
      t("Giấy tờ về chỗ ở", "Documents about the home"),
      [
        upload("thong_tin_cho_o_hop_phap", t("Giấy tờ chứng minh chỗ ở hợp pháp", "Proof of a lawful home"), {
          required: false,
          showIf: { field: "housingBasis", in: ["rented"] },
          hint: t(
            "Ví dụ: hợp đồng thuê nhà. Chỉ cần khi không tra cứu được.",
            "For example a rental agreement. Only when it cannot be looked up.",
          ),
        }),
        ct01,
      ],
      { section: "documents" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Private enterprise (2.001610) and one-member limited liability company (2.001583)

function companyPages(kind: "enterprise" | "company"): FormPage[] {
  const prefix = kind === "enterprise" ? "enterprise" : "company";
  const example =
    kind === "enterprise"
      ? t("Ví dụ: Doanh nghiệp tư nhân Minh Phát.", "For example: Doanh nghiệp tư nhân Minh Phát.")
      : t("Ví dụ: Công ty TNHH Thương mại Phố Hiến.", "For example: Công ty TNHH Thương mại Phố Hiến.");
  return [
    page(
      "name",
      t("Tên doanh nghiệp", "The company's name"),
      [
        text(`${prefix}Name`, t("Tên tiếng Việt", "Name in Vietnamese"), { maxLength: 150, hint: example }),
        text(`${prefix}NameForeign`, t("Tên bằng tiếng nước ngoài", "Name in a foreign language"), {
          required: false,
          maxLength: 150,
          hint: t(
            "Nếu có, ví dụ: Pho Hien Trading Company Limited.",
            "If any, for example: Pho Hien Trading Company Limited.",
          ),
        }),
        text(`${prefix}NameAbbreviated`, t("Tên viết tắt", "Abbreviated name"), {
          required: false,
          maxLength: 50,
        }),
      ],
      { section: "company" },
    ),
    page(
      "head-office",
      t("Trụ sở chính", "Head office"),
      [
        place("headOfficeAddress", t("Địa chỉ trụ sở chính", "Head office address")),
        phone("companyPhone", t("Số điện thoại của doanh nghiệp", "Company phone number")),
        email("email", t("Thư điện tử của doanh nghiệp", "Company email address")),
      ],
      { section: "company" },
    ),
    page(
      "business-lines",
      t("Ngành, nghề kinh doanh", "Lines of business"),
      [
        businessLines(
          t(
            "Ghi ngành chính trước; mã ngành theo Hệ thống ngành kinh tế Việt Nam (VSIC), cấp 4.",
            "The main line first; codes from the Vietnam Standard Industrial Classification (VSIC), 4 digits.",
          ),
        ),
      ],
      { section: "company" },
    ),
  ];
}

const privateEnterprise: FormDefinition = {
  sections: [
    { id: "company", title: t("Doanh nghiệp", "The enterprise") },
    { id: "capital", title: t("Vốn đầu tư", "Capital") },
    { id: "owner", title: t("Chủ doanh nghiệp", "The owner") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    ...companyPages("enterprise"),
    page(
      "capital",
      t("Vốn đầu tư của chủ doanh nghiệp", "The owner's invested capital"),
      [money("investedCapitalVnd", t("Vốn đầu tư (đồng)", "Invested capital (VND)"))],
      { section: "capital" },
    ),
    ...ownerPages("owner", t("Chủ doanh nghiệp tư nhân", "The owner of the enterprise")),
    page(
      "documents",
      t("Giấy đề nghị và giấy tờ pháp lý", "Application and identity papers"),
      [
        upload(
          "giay_de_nghi_dang_ky_dn",
          t("Giấy đề nghị đăng ký doanh nghiệp đã ký", "The signed registration application"),
        ),
        upload(
          "giay_to_phap_ly_chu_dn",
          t("Bản sao giấy tờ pháp lý của chủ doanh nghiệp", "Copy of the owner's identity papers"),
        ),
      ],
      { section: "documents" },
    ),
  ],
};

const oneMemberCompany: FormDefinition = {
  sections: [
    { id: "company", title: t("Công ty", "The company") },
    { id: "capital", title: t("Vốn điều lệ và chủ sở hữu", "Capital and owner") },
    { id: "representative", title: t("Người đại diện theo pháp luật", "Legal representative") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    ...companyPages("company"),
    page(
      "capital",
      t("Vốn điều lệ", "Charter capital"),
      [
        money("charterCapitalVnd", t("Vốn điều lệ (đồng)", "Charter capital (VND)"), {
          hint: t(
            "Số vốn chủ sở hữu cam kết góp trong 90 ngày kể từ ngày được cấp Giấy chứng nhận.",
            "What the owner undertakes to contribute within 90 days of registration.",
          ),
        }),
      ],
      { section: "capital" },
    ),
    page(
      "owner-kind",
      t("Chủ sở hữu công ty là", "The company's owner is"),
      [
        choice("ownerKind", t("Chủ sở hữu công ty là", "The company's owner is"), [
          ["person", t("Một cá nhân", "A person")],
          ["organisation", t("Một tổ chức", "An organisation")],
        ]),
      ],
      { section: "capital" },
    ),
    page(
      "owner-person",
      t("Chủ sở hữu là cá nhân", "The owner (a person)"),
      [
        personName("ownerFullName", t("Họ, chữ đệm và tên", "Full name"), { prefill: "applicant.fullName" }),
        pastDate("ownerDateOfBirth", t("Ngày sinh", "Date of birth")),
        nationality("ownerNationality", t("Quốc tịch", "Nationality")),
        idNumber("ownerIdNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
        residence("ownerResidence", t("Nơi thường trú", "Permanent residence")),
      ],
      { section: "capital", showIf: { field: "ownerKind", in: ["person"] } },
    ),
    page(
      "owner-organisation",
      t("Chủ sở hữu là tổ chức", "The owner (an organisation)"),
      [
        // A company filing in its own name founds its subsidiary: its particulars come pre-filled.
        text("ownerOrganisationName", t("Tên tổ chức", "Organisation's name"), {
          maxLength: 150,
          prefill: "organisation.name",
        }),
        field(
          "ownerTaxCode",
          "taxCode",
          t("Mã số doanh nghiệp hoặc mã số thuế", "Enterprise code or tax code"),
          {
            hint: t("10 hoặc 13 chữ số.", "10 or 13 digits."),
            prefill: "organisation.taxCode",
          },
        ),
        place(
          "ownerOrganisationAddress",
          t("Địa chỉ trụ sở chính của tổ chức", "Organisation's head office address"),
          { prefill: "organisation.address" },
        ),
      ],
      { section: "capital", showIf: { field: "ownerKind", in: ["organisation"] } },
    ),
    page(
      "representatives",
      t("Người đại diện theo pháp luật", "Legal representatives"),
      [
        group(
          "legalRepresentatives",
          t("Người đại diện theo pháp luật", "Legal representatives"),
          t("Người đại diện", "Representative"),
          [
            personName("fullName", t("Họ, chữ đệm và tên", "Full name")),
            text("title", t("Chức danh", "Position"), {
              maxLength: 100,
              hint: t("Ví dụ: Giám đốc.", "For example: Director."),
            }),
            pastDate("dateOfBirth", t("Ngày sinh", "Date of birth")),
            idNumber("idNumber", t("Số định danh cá nhân", "Personal identification number")),
            residence("residence", t("Địa chỉ liên lạc", "Contact address")),
          ],
          {
            maxItems: 5,
            hint: t("Ít nhất một người, cư trú tại Việt Nam.", "At least one, who lives in Viet Nam."),
          },
        ),
      ],
      { section: "representative" },
    ),
    page(
      "documents",
      t("Giấy đề nghị, điều lệ và giấy tờ pháp lý", "Application, charter and identity papers"),
      [
        upload(
          "giay_de_nghi_dang_ky_dn",
          t("Giấy đề nghị đăng ký doanh nghiệp đã ký", "The signed registration application"),
        ),
        upload("dieu_le_cong_ty", t("Điều lệ công ty", "Company charter")),
        upload(
          "giay_to_phap_ly",
          t(
            "Bản sao giấy tờ pháp lý của chủ sở hữu và người đại diện",
            "Copies of the identity papers of the owner and the representatives",
          ),
          {
            hint: t(
              "Không cần với người đã khai số định danh cá nhân.",
              "Not needed for people whose personal identification number you gave.",
            ),
          },
        ),
      ],
      { section: "documents" },
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Marital status certificate (1.004873)

const maritalStatusCertificate: FormDefinition = {
  sections: [
    { id: "person", title: t("Người được xác nhận", "The person") },
    { id: "request", title: t("Yêu cầu", "The request") },
    { id: "documents", title: t("Giấy tờ", "Documents") },
  ],
  pages: [
    page(
      "person",
      t("Người cần xác nhận tình trạng hôn nhân", "Whose marital status is to be certified"),
      [
        personName("fullName", t("Họ, chữ đệm và tên", "Full name"), { prefill: "applicant.fullName" }),
        pastDate("dateOfBirth", t("Ngày sinh", "Date of birth")),
        sex("sex", t("Giới tính", "Sex")),
      ],
      { section: "person" },
    ),
    page(
      "identity",
      t("Dân tộc, quốc tịch và giấy tờ", "Ethnicity, nationality and identity number"),
      [
        ethnicity("ethnicity", t("Dân tộc", "Ethnicity")),
        nationality("nationality", t("Quốc tịch", "Nationality")),
        idNumber("idNumber", t("Số định danh cá nhân", "Personal identification number"), {
          prefill: "applicant.idNumber",
        }),
      ],
      { section: "person" },
    ),
    page(
      "residence",
      t("Nơi cư trú", "Where you live"),
      [residence("residence", t("Nơi cư trú", "Place of residence"))],
      { section: "person" },
    ),
    page(
      "status",
      t("Tình trạng hôn nhân hiện nay", "Your marital status now"),
      [
        choice("maritalStatus", t("Tình trạng hôn nhân", "Marital status"), [
          ["never", t("Chưa kết hôn lần nào", "Never married")],
          ["married", t("Đang có vợ hoặc chồng", "Married")],
          ["divorced", t("Đã ly hôn, chưa kết hôn lại", "Divorced, not remarried")],
          ["widowed", t("Vợ hoặc chồng đã chết, chưa kết hôn lại", "Widowed, not remarried")],
        ]),
      ],
      { section: "person" },
    ),
    page(
      "purpose",
      t("Mục đích sử dụng", "What you need it for"),
      [
        choice("purpose", t("Mục đích sử dụng", "What you need it for"), [
          ["marriage", t("Để đăng ký kết hôn", "To register a marriage")],
          ["other", t("Mục đích khác", "Another purpose")],
        ]),
        longText("purposeDetail", t("Nêu rõ mục đích khác", "Describe the other purpose"), {
          maxLength: 500,
          showIf: { field: "purpose", in: ["other"] },
          hint: t("Ví dụ: bổ sung hồ sơ vay vốn ngân hàng.", "For example: a bank loan application."),
        }),
      ],
      { section: "request" },
    ),
    page(
      "partner",
      t("Người bạn dự định kết hôn", "The person you intend to marry"),
      [
        personName("partnerFullName", t("Họ, chữ đệm và tên", "Full name")),
        nationality("partnerNationality", t("Quốc tịch", "Nationality")),
        text("marriagePlace", t("Nơi dự định đăng ký kết hôn", "Where you intend to register the marriage"), {
          hint: t(
            "Cơ quan đăng ký kết hôn, ví dụ: Ủy ban nhân dân phường Thái Bình, tỉnh Hưng Yên.",
            "The registering office, for example: Ủy ban nhân dân phường Thái Bình, tỉnh Hưng Yên.",
          ),
        }),
      ],
      {
        section: "request",
        showIf: { field: "purpose", in: ["marriage"] },
        hint: t(
          "Giấy xác nhận để đăng ký kết hôn ghi rõ người dự định kết hôn và nơi đăng ký.",
          "A certificate for a marriage names the intended spouse and where the marriage is registered.",
        ),
      },
    ),
    page(
      "copies",
      t("Số bản Giấy xác nhận", "Number of certificates"),
      [number("copies", t("Bạn cần bao nhiêu bản?", "How many do you need?"), { min: 1, max: 10 })],
      { section: "request" },
    ),
    page(
      "identity-document",
      t("Giấy tờ tùy thân", "Identity document"),
      [
        upload("giay_to_tuy_than", t("Giấy tờ tùy thân", "Identity document"), {
          hint: t(
            "Ảnh chụp hai mặt thẻ căn cước hoặc trang hộ chiếu có ảnh.",
            "A photo of both sides of the identity card, or of the passport's photo page.",
          ),
        }),
      ],
      { section: "documents" },
    ),
  ],
};

/** The form of each demo procedure, by national code. */
export const demoForms: Record<string, FormDefinition> = {
  "1.001193": birth,
  "1.000894": marriage,
  "1.000656": death,
  "3.000333": judicialRecord,
  "2.000815": certifiedCopies,
  "1.001612": householdBusiness,
  "1.013225": buildingPermit,
  "1.004222": permanentResidence,
  "1.004194": temporaryResidence,
  "2.001610": privateEnterprise,
  "2.001583": oneMemberCompany,
  "1.004873": maritalStatusCertificate,
};
