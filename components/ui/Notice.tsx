import type { ReactNode } from "react";

export function Notice({
  tone = "info",
  children,
}: {
  tone?: "info" | "success" | "warning";
  children: ReactNode;
}) {
  return (
    <div
      className={tone === "info" ? "notice" : `notice notice--${tone}`}
      role={tone === "info" ? undefined : "status"}
    >
      {children}
    </div>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="panel">
      <h1>{title}</h1>
      {children ? <div className="panel__body">{children}</div> : null}
    </div>
  );
}
