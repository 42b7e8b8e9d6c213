/**
 * The VietQR code an applicant scans in their bank's app: the NAPAS EMVCo payload (a dynamic code,
 * "12", with the amount and the dossier code as the transfer's content) built by vietnam-qr-pay, drawn
 * as SVG by qrcode. No I/O: the caller gives the agency's account.
 */
import QRCode from "qrcode";
import { Banks, QRPay } from "vietnam-qr-pay";

export type BankAccount = {
  /** The bank's NAPAS BIN (6 digits), e.g. 970436 for Vietcombank. */
  bankBin: string;
  accountNumber: string;
};

export type VietQrInput = BankAccount & {
  amountVnd: number;
  /** What the transfer says: the dossier code, so the agency's statement names the dossier. */
  reference: string;
};

/** The EMVCo purpose field (62-08) holds at most 25 characters; a dossier code is exactly that long. */
export const maxReferenceLength = 25;

/** A reference as banks carry it: letters, digits, dot and dash (no diacritics, which some banks drop). */
export function qrReference(reference: string): string {
  return reference
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .replace(/[^A-Za-z0-9.\- ]/g, "")
    .slice(0, maxReferenceLength);
}

/** The VietQR payload (a string of EMVCo fields ending with its CRC). */
export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new RangeError("bank BIN must be 6 digits");
  if (!/^\d{6,19}$/.test(input.accountNumber)) throw new RangeError("account number must be 6-19 digits");
  if (!Number.isSafeInteger(input.amountVnd) || input.amountVnd <= 0) throw new RangeError("amount");
  return QRPay.initVietQR({
    bankBin: input.bankBin,
    bankNumber: input.accountNumber,
    amount: String(input.amountVnd),
    purpose: qrReference(input.reference),
  }).build();
}

export type DecodedVietQr = {
  valid: boolean;
  bankBin: string | null;
  accountNumber: string | null;
  amountVnd: number | null;
  reference: string | null;
  crc: string | null;
};

/** A payload read back (as a bank's app does): its CRC checked, its account, amount and reference. */
export function decodeVietQr(payload: string): DecodedVietQr {
  const qr = new QRPay(payload);
  return {
    valid: qr.isValid,
    bankBin: qr.consumer?.bankBin ?? null,
    accountNumber: qr.consumer?.bankNumber ?? null,
    amountVnd: qr.amount ? Number(qr.amount) : null,
    reference: qr.additionalData?.purpose ?? null,
    crc: qr.crc ?? null,
  };
}

/** The CRC-16/CCITT-FALSE of a payload without its last four characters, as four hex digits. */
export function payloadCrc(payload: string): string {
  return QRPay.genCRCCode(payload.slice(0, -4));
}

/** The payload as an SVG image (dark on white, a quiet zone of 4 modules as the QR standard asks). */
export async function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 4, width: 240 });
}

/** A bank by its NAPAS BIN, as the applicant knows it: its short name and full Vietnamese name. */
export function bankByBin(bin: string): { shortName: string; name: string } | null {
  const bank = Banks.find((b) => b.bin === bin);
  return bank ? { shortName: bank.shortName, name: bank.name } : null;
}
