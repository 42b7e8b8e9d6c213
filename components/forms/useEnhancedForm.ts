"use client";

import {
  startTransition,
  useActionState,
  useEffect,
  useMemo,
  useState,
  type FormEvent,
  type RefObject,
} from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { $ZodType } from "zod/v4/core";
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

/** The server's issues with `extra` in their fields' place (fields only in `extra` come last). */
function mergeIssues(
  server: Record<string, string[]>,
  extra: Record<string, string[]>,
): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(server)) merged[field] = extra[field] ?? list;
  for (const [field, list] of Object.entries(extra)) merged[field] ??= list;
  return merged;
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
  schema: $ZodType<Values, Values>,
  action: (state: FormState, data: FormData) => Promise<FormState>,
  initial: FormState,
  /** Checks the schema cannot make in the browser (e.g. a file chosen for each required document). */
  extraIssues?: (form: HTMLFormElement) => Record<string, string[]>,
  /**
   * Work done before the post, with JavaScript only (e.g. sending files one by one): it may change
   * the data posted, and its issues are shown with the server's answer, taking their fields' place.
   */
  beforePost?: (data: FormData) => Promise<Record<string, string[]>>,
) {
  // A post to an action of an earlier build came back (no JavaScript): show what was typed.
  const stale = useStaleForm();
  const start = useMemo(
    () => (stale ? { ...initial, values: { ...initial.values, ...stale.values } } : initial),
    [initial, stale],
  );
  const [state, formAction, pending] = useActionState(action, start);
  const [preparing, setPreparing] = useState(false);
  // Issues of beforePost, shown with the first answer the server gives after them.
  const [carried, setCarried] = useState<{ before: FormState; issues: Record<string, string[]> } | null>(
    null,
  );
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
  const shown = useMemo(() => {
    if (client && client.for === state)
      return { issues: client.issues, formError: null, formErrorField: undefined };
    const issues =
      carried && carried.before !== state ? mergeIssues(state.issues, carried.issues) : state.issues;
    return {
      issues,
      formError: state.formError ?? null,
      formErrorField: state.formErrorField,
      formErrorParams: state.formErrorParams,
    };
  }, [client, carried, state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(element, submitter);
    const post = () => {
      if (!beforePost) {
        setCarried(null);
        startTransition(() => formAction(data));
        return;
      }
      setPreparing(true);
      void beforePost(data)
        .then((issues) => {
          setCarried(Object.keys(issues).length > 0 ? { before: state, issues } : null);
          startTransition(() => formAction(data));
        })
        .finally(() => setPreparing(false));
    };
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

  return { state, formAction, pending: pending || preparing, register: form.register, shown, onSubmit };
}

/**
 * After each answer from the server the files sent are listed as uploaded: the form's file inputs
 * are emptied so the same files are not sent twice.
 */
export function useClearedFileInputs(form: RefObject<HTMLFormElement | null>, state: unknown) {
  useEffect(() => {
    form.current?.querySelectorAll<HTMLInputElement>('input[type="file"]').forEach((input) => {
      input.value = "";
    });
  }, [form, state]);
}
