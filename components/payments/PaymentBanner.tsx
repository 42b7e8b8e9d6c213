import { Notice } from "@/components/ui/Notice";
import type { T } from "@/lib/i18n/server";

/**
 * What the dossier page says when the applicant comes back from the payment provider
 * (?payment=paid from the sandbox, or a provider's return URL; ?payment=cancelled).
 */
export function PaymentBanner({ flag, t }: { flag: unknown; t: T }) {
  if (flag === "paid") {
    return (
      <Notice tone="success">
        <p>
          <strong>{t("payments:banner.paidTitle")}</strong>
        </p>
        <p>{t("payments:banner.paidBody")}</p>
      </Notice>
    );
  }
  if (flag === "cancelled") {
    return (
      <Notice>
        <p>{t("payments:banner.cancelled")}</p>
      </Notice>
    );
  }
  return null;
}
