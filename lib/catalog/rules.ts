import { hoursPerWorkingDay } from "@/lib/calendar/rules";
import { searchable } from "@/lib/text/normalize";
import type { Channel, Fee, TimeLimits } from "./types";

/** The order channels are shown in: online first, as the portal wants people to use it. */
export const channelOrder: readonly Channel[] = ["online", "desk", "post"];

/** A time limit stored in working hours, in working days (half days stay half days). */
export function timeLimitDays(hours: number): number {
  return Math.round((hours / hoursPerWorkingDay) * 10) / 10;
}

/** Online filing is possible when the procedure publishes a time limit for the online channel. */
export function acceptsOnline(timeLimits: TimeLimits, channels: readonly Channel[]): boolean {
  return channels.includes("online") || timeLimits.online !== null;
}

/** Fees of one channel, in the order published. */
export function feesFor(fees: readonly Fee[], channel: Channel): Fee[] {
  return fees.filter((fee) => fee.channel === channel);
}

/**
 * Whether a fee's published wording says more than its amount ("8.000 đồng/bản" does,
 * "100.000 Việt Nam Đồng" does not), so the page shows it only when it helps.
 */
export function feeTextAddsDetail(fee: Fee): boolean {
  const rest = searchable(fee.asPublished)
    .replace(/[\d.,\s]/g, " ")
    .replace(/\b(viet nam dong|dong|vnd|d)\b/g, " ")
    .trim();
  return rest.length > 0;
}

/** Free when the amount is 0, or when no amount is given but the published wording says "Miễn phí". */
export function isFree(fee: Fee): boolean {
  return fee.amountVnd === 0 || (fee.amountVnd === null && searchable(fee.asPublished) === "mien phi");
}
