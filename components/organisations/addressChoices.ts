import "server-only";
import { communesOf, listProvinces, unitNames } from "@/lib/places/service";
import type { AddressChoices } from "./particulars";

/** The provinces, and the communes the units table holds, listed under their province's name. */
export async function addressChoices(): Promise<AddressChoices> {
  const provinces = await listProvinces();
  const communes: AddressChoices["communes"] = [];
  for (const province of provinces) {
    const units = await communesOf(province.code);
    for (const unit of units ?? [])
      communes.push({ value: unit.code, label: unit.name, group: province.name });
  }
  return { provinces: provinces.map((unit) => ({ value: unit.code, label: unit.name })), communes };
}

/** "Số 18 đường Điện Biên, Phường Phố Hiến, Tỉnh Hưng Yên": an organisation's address as one line. */
export async function addressLine(
  address: { province?: string; commune?: string; street?: string } | null | undefined,
): Promise<string> {
  if (!address) return "";
  const codes = [address.commune, address.province].filter((code): code is string => Boolean(code));
  const names = await unitNames(codes);
  return [address.street, ...codes.map((code) => names.get(code) ?? code)].filter(Boolean).join(", ");
}
