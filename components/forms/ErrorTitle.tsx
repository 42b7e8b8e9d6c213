"use client";

import { useEffect } from "react";

/**
 * Puts "Lỗi: " / "Error: " before the page title while the form shows errors, and takes it off
 * again when they are fixed (GOV.UK error pattern). Without JavaScript the page renders the
 * same <title> on the server.
 */
export function ErrorTitle({ title, prefix, active }: { title: string; prefix: string; active: boolean }) {
  useEffect(() => {
    const plain = document.title.replace(new RegExp(`^${prefix}: `), "");
    document.title = active ? `${prefix}: ${plain}` : plain;
  }, [active, prefix]);
  return active ? <title>{`${prefix}: ${title}`}</title> : null;
}
