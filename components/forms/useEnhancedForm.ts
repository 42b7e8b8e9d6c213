"use client";

import { startTransition, useActionState, useMemo, useState, type FormEvent } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FormState } from "./formState";
import { useStaleForm } from "./StaleForm";

type Values = Record<string, unknown>;

function issuesFromErrors(errors: FieldErrors<Values>): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const [name, error] of Object.entries(errors)) {
    const message = error?.message;
    if (typeof message === "string" && message) issues[name] = [message];
  }
  return issues;
}

/**
 * A form that works without JavaScript (it posts to a server action that validates and answers with
 * a FormState) and, with JavaScript, validates the same zod schema in the browser first
 * (react-hook-form) so most mistakes are shown without a round trip.
 *
 * The post is made by hand rather than by React's form action so React does not reset the form on
 * completion: what the person typed stays in the fields. Buttons marked data-skip-validation (e.g.
 * "Remove" a file) post without the browser check.
 */
export function useEnhancedForm(
  schema: z.ZodType<Values, Values>,
  action: (state: FormState, data: FormData) => Promise<FormState>,
  initial: FormState,
  /** Checks the schema cannot make in the browser (e.g. a file chosen for each required document). */
  extraIssues?: (form: HTMLFormElement) => Record<string, string[]>,
) {
  // A post to an action of an earlier build came back (no JavaScript): show what was typed.
  const stale = useStaleForm();
  const start = useMemo(
    () => (stale ? { ...initial, values: { ...initial.values, ...stale.values } } : initial),
    [initial, stale],
  );
  const [state, formAction, pending] = useActionState(action, start);
  const form = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: start.values,
    mode: "onSubmit",
    // The summary moves focus; re-validating on every key would pull focus away while typing.
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  // Browser-side issues, valid until the next answer from the server.
  const [client, setClient] = useState<{ for: FormState; issues: Record<string, string[]> } | null>(null);
  const shown = useMemo(
    () =>
      client && client.for === state
        ? { issues: client.issues, formError: null, formErrorField: undefined }
        : {
            issues: state.issues,
            formError: state.formError ?? null,
            formErrorField: state.formErrorField,
            formErrorParams: state.formErrorParams,
          },
    [client, state],
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(element, submitter);
    const post = () => startTransition(() => formAction(data));
    if (submitter instanceof HTMLElement && submitter.dataset.skipValidation !== undefined) {
      post();
      return;
    }
    const extra = () => extraIssues?.(element) ?? {};
    void form.handleSubmit(
      () => {
        const more = extra();
        if (Object.keys(more).length > 0) {
          setClient({ for: state, issues: more });
          return;
        }
        setClient(null);
        post();
      },
      (errors) => setClient({ for: state, issues: { ...issuesFromErrors(errors), ...extra() } }),
    )();
  }

  return { state, formAction, pending, register: form.register, shown, onSubmit };
}
