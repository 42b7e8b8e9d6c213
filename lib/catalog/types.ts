import type { LocalisedText } from "@/lib/forms/types";

export type Channel = "online" | "desk" | "post";

/** Working hours per channel (1 working day = 8 h); null when the procedure is not offered on it. */
export type TimeLimits = Record<Channel, number | null>;

export type Fee = {
  channel: Channel;
  /** null when the amount is set elsewhere (e.g. by the provincial council) */
  amountVnd: number | null;
  asPublished: string;
};

/** A required document (thành phần hồ sơ); key is stable and names the upload. */
export type RequiredDocument = {
  key: string;
  /** A plain title of at most about 120 characters, fit for a list or a label. */
  name: LocalisedText;
  /** The full text as published, when it says more than the title (conditions, legal references). */
  description?: LocalisedText;
  /** must be uploaded for an online dossier */
  required: boolean;
  originals: number;
  copies: number;
  /**
   * File kinds taken beyond PDF, JPG, PNG and HEIC (lib/files/types): ["docx"] where the procedure
   * accepts a Word file (e.g. a draft contract). Absent: the defaults.
   */
  mediaTypes?: "docx"[];
};

export type ProcedureDetails = {
  targetGroups: LocalisedText[];
  channels: Channel[];
  result: LocalisedText;
  legalBasis: string[];
  /** Link to the procedure on the national portal. */
  sourceUrl?: string;
  /** Extra conditions or notes as published. */
  notes?: LocalisedText;
};

/** One agency's turn in an inter-agency chain (liên thông) and its share of the time limit. */
export type HandlingStep = {
  agencyId: string;
  /** Its share of the time limit, in working days. */
  days: number;
};
