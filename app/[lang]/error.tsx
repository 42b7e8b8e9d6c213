"use client";

import { useEffect } from "react";
import { unstable_isUnrecognizedActionError, useParams } from "next/navigation";
import { usePageErrorText } from "@/components/layout/PageErrorText.client";
import { recoverFromStaleAction } from "@/components/forms/StaleForm";

/** A failure while rendering a page: say so plainly, never show the error itself. */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = usePageErrorText();
  const { lang } = useParams<{ lang: string }>();
  // A form posted to a server action of an earlier build: the page again, with what was typed.
  const staleAction = unstable_isUnrecognizedActionError(error as unknown);
  useEffect(() => {
    if (staleAction) recoverFromStaleAction();
  }, [staleAction]);
  if (staleAction) return <p role="status">{t("forms:staleAction.reloading")}</p>;
  return (
    <>
      <h1>{t("serverError.title")}</h1>
      <p>{t("serverError.body")}</p>
      {error.digest ? (
        <p className="muted small">
          {t("serverError.reference")}: {error.digest}
        </p>
      ) : null}
      <p>
        <button type="button" className="button button--secondary" onClick={() => reset()}>
          {t("serverError.retry")}
        </button>
      </p>
      <p>
        <a href={`/${lang === "en" ? "en" : "vi"}`}>{t("notFound.home")}</a>
      </p>
    </>
  );
}
