import type { DossierStatus } from "@/lib/dossiers/types";

const colour: Record<DossierStatus, string> = {
  draft: "tag tag--grey",
  submitted: "tag",
  supplement_requested: "tag tag--yellow",
  received: "tag",
  in_progress: "tag",
  proposed: "tag",
  awaiting_payment: "tag tag--yellow",
  done: "tag tag--green",
  returned: "tag tag--green",
  refused: "tag tag--red",
  withdrawn: "tag tag--grey",
  stopped: "tag tag--red",
};

/** A dossier's state; the label is translated by the caller (dossiers:status.<status>). */
export function StatusTag({ status, label }: { status: DossierStatus; label: string }) {
  return <strong className={colour[status]}>{label}</strong>;
}

export function Tag({
  tone = "blue",
  children,
}: {
  tone?: "blue" | "grey" | "green" | "yellow" | "red" | "orange";
  children: React.ReactNode;
}) {
  return <strong className={tone === "blue" ? "tag" : `tag tag--${tone}`}>{children}</strong>;
}
