import { hoursPerWorkingDay } from "@/lib/calendar/rules";
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
