"use client";

import { useEffect } from "react";
import { unstable_isUnrecognizedActionError } from "next/navigation";
import { recoverFromStaleAction } from "@/components/forms/StaleForm";

/** Last resort when even the layout failed: both languages, no details. */
export default function GlobalError({ error }: { error: Error }) {
  // A form of the layout (sign out) posted to an action of an earlier build: load the page again.
  const staleAction = unstable_isUnrecognizedActionError(error as unknown);
  useEffect(() => {
    if (staleAction) recoverFromStaleAction();
  }, [staleAction]);
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", maxWidth: "40rem" }}>
        <h1>Hệ thống đang gặp sự cố</h1>
        <p>Xin lỗi, đã có lỗi xảy ra. Dữ liệu bạn đã gửi không bị mất. Vui lòng thử lại sau ít phút.</p>
        <h2 lang="en">Sorry, there is a problem with the service</h2>
        <p lang="en">Nothing you sent has been lost. Please try again in a few minutes.</p>
        <p>
          {/* The app failed at its root: a full page load is the safest way back. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Trang chủ / Home</a>
        </p>
      </body>
    </html>
  );
}
