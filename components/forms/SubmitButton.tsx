"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/Button";

/** A submit button that is disabled while its form is being sent, so one click makes one request. */
export function SubmitButton({
  children,
  variant,
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "warning" | "start";
}) {
  const { pending } = useFormStatus();
  return (
    <Button variant={variant} disabled={pending} aria-disabled={pending || undefined}>
      {children}
    </Button>
  );
}
