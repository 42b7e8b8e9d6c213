import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

type Variant = "primary" | "secondary" | "warning" | "start";

function classes(variant: Variant) {
  return variant === "primary"
    ? "button"
    : variant === "start"
      ? "button button--start"
      : `button button--${variant}`;
}

export function Button({
  variant = "primary",
  className,
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return (
    <button type="submit" {...props} className={[classes(variant), className].filter(Boolean).join(" ")} />
  );
}

export function ButtonLink({
  href,
  variant = "primary",
  children,
}: {
  href: string;
  variant?: Variant;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={classes(variant)} role="button" draggable={false}>
      {children}
    </Link>
  );
}
