/**
 * Rules of the decisions registry (pure: no I/O): who may publish a dossier's decision and when (the
 * one definition: lib/dossiers/rules.ts asks it for the `publish_decision` action, so it comes back
 * in allowedActions with the dossier detail, and publishing goes through that transition), and that
 * published text holds no personal data.
 */
import { hasRole, type Actor } from "@/lib/identity/types";
import type { DossierStatus, Outcome } from "@/lib/dossiers/types";
import type { PersonalDatum, PersonalKind } from "@/lib/forms/personal";
import { searchable } from "@/lib/text/normalize";

/* ---- Who may publish, and when ---- */

/** What the rule needs to know about a dossier. */
export type PublishableDossier = {
  status: DossierStatus;
  outcome: Outcome | null;
  competentAgencyId: string;
  /** a decision of this dossier is already in the register (one per dossier) */
  decisionPublished: boolean;
};

/** Why a dossier's decision cannot be published now; null when it can. */
export type PublishRefusal = "not_decided" | "already_published";

/** Decided (done, or its result returned, with an outcome) and not published yet. */
export function publishRefusal(dossier: PublishableDossier): PublishRefusal | null {
  const decided = (dossier.status === "done" || dossier.status === "returned") && dossier.outcome !== null;
  if (!decided) return "not_decided";
  if (dossier.decisionPublished) return "already_published";
  return null;
}

/** A head of the competent agency: the one who signed the decision publishes it. */
export function isDecisionPublisher(dossier: PublishableDossier, actor: Actor): boolean {
  return hasRole(actor, dossier.competentAgencyId, "head");
}

/** Whether this actor may publish this dossier's decision now. */
export function mayPublishDecision(dossier: PublishableDossier, actor: Actor): boolean {
  return publishRefusal(dossier) === null && isDecisionPublisher(dossier, actor);
}

/* ---- No personal data in published text (ARCHITECTURE invariant 9) ---- */

/**
 * Words that only say what kind of place follows ("số 12 đường Lê Lợi" is found as "12 Lê Lợi"):
 * dropped from both the address and the text before they are compared.
 */
const addressWords = new Set([
  "so",
  "duong",
  "pho",
  "ngo",
  "ngach",
  "hem",
  "kiet",
  "thon",
  "xom",
  "ap",
  "to",
  "khu",
  "nha",
  "street",
  "road",
  "no",
]);

/** Shorter than this (letters and digits), a value says too little to be looked for. */
const minLength = 5;
/** Identity and phone numbers are looked for only from this many digits. */
const minDigits = 6;

/** Lower-case words without accents (đ -> d), punctuation dropped: "Lê Lợi," -> ["le", "loi"]. */
function words(text: string): string[] {
  return searchable(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether `needle` appears in `haystack` as consecutive words. */
function hasSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const long = (sequence: readonly string[]) => sequence.join("").length >= minLength;

/** The word sequences that would give a datum away; none when it is too short to look for. */
function nameSequences(value: string): string[][] {
  const all = words(value);
  // The whole name, and the middle and given names without the family name ("Minh Khang"): the
  // given name alone, or the family name alone, is too common to mean this person.
  const sequences = [all];
  if (all.length >= 3) sequences.push(all.slice(-2));
  return sequences.filter((s) => s.length >= 2 && long(s));
}

function addressSequences(value: string): string[][] {
  const sequences: string[][] = [];
  const whole = words(value).filter((w) => !addressWords.has(w));
  sequences.push(whole);
  for (const part of value.split(/[,;\n]/)) {
    const partWords = words(part).filter((w) => !addressWords.has(w));
    // A part holding a house number is the street address: found whole, or as the number and the
    // two words after it ("12 Lê Lợi", "45 Nguyễn Văn…").
    const number = partWords.findIndex((w) => /\d/.test(w));
    if (number === -1) continue;
    sequences.push(partWords);
    if (partWords.length >= number + 3) sequences.push(partWords.slice(number, number + 3));
  }
  return sequences.filter((s) => s.length >= 2 && long(s));
}

/** The forms a number takes once separators are dropped; a phone number also with +84 for its 0. */
function numberForms(kind: "idNumber" | "phone", value: string): string[] {
  const compact = searchable(value).replace(/[^a-z0-9]/g, "");
  if (compact.replace(/\D/g, "").length < minDigits) return [];
  if (kind === "phone") {
    if (compact.startsWith("84")) return [compact, `0${compact.slice(2)}`];
    if (compact.startsWith("0")) return [compact, `84${compact.slice(1)}`];
  }
  return [compact];
}

/** Whether one datum appears in the text (already split into words and compacted). */
function appears(datum: PersonalDatum, text: { words: string[]; compact: string; plain: string }): boolean {
  switch (datum.kind) {
    case "name":
      return nameSequences(datum.value).some((s) => hasSequence(text.words, s));
    case "address": {
      const textWords = text.words.filter((w) => !addressWords.has(w));
      return addressSequences(datum.value).some((s) => hasSequence(textWords, s));
    }
    case "idNumber":
    case "phone":
      return numberForms(datum.kind, datum.value).some((form) => text.compact.includes(form));
    case "email": {
      const email = searchable(datum.value);
      return email.length >= minLength && text.plain.includes(email);
    }
  }
}

/**
 * The personal data of a dossier that appears in any of the texts: its applicant's or anyone's
 * name from its answers, an identity or phone number, an e-mail, a home or building address.
 * Accents, case, punctuation and separators in numbers are ignored, and values too short to mean
 * anyone are not looked for.
 */
export function personalDataIn(
  texts: readonly string[],
  personalData: readonly PersonalDatum[],
): PersonalDatum[] {
  const prepared = texts.map((text) => ({
    words: words(text),
    compact: searchable(text).replace(/[^a-z0-9]/g, ""),
    plain: searchable(text),
  }));
  return personalData.filter((datum) => prepared.some((text) => appears(datum, text)));
}

/**
 * Per published field, the kinds of personal data it holds, as message keys
 * (`errors.personalData.<kind>`); null when every field is clean.
 */
export function personalDataIssues(
  fields: Record<string, string>,
  personalData: readonly PersonalDatum[],
): Record<string, string[]> | null {
  const issues: Record<string, string[]> = {};
  for (const [field, text] of Object.entries(fields)) {
    const kinds = [...new Set(personalDataIn([text], personalData).map((d) => d.kind))];
    if (kinds.length > 0) issues[field] = kinds.map((kind: PersonalKind) => `errors.personalData.${kind}`);
  }
  return Object.keys(issues).length > 0 ? issues : null;
}
