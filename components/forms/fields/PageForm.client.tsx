"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { FormDefinition, FormPage } from "@/lib/forms/types";
import { conditionHolds, type Answers } from "@/lib/forms/flow";
import { answersFromPost, fieldAtKey, issueAnchor } from "@/lib/forms/posted";
import { validatePage, type AnswerIssues as Issues } from "@/lib/forms/schema";
import type { Lang } from "@/lib/i18n/settings";
import { translator, type Messages } from "@/lib/i18n/messages";
import { maxFileBytes } from "@/lib/files/limits";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import {
  FormPageFields,
  fieldMessage,
  type AttachedFile,
  type Lookups,
  type UploadProgress,
} from "./FormPageFields";
import styles from "./fields.module.css";

/**
 * The fields are rendered afresh (typed values from the stored answers) only when their shape
 * changed: an item added or removed, a file attached or taken off. Any other save keeps the inputs
 * as they are, so words typed while the save was on its way stay. The key is not the component's:
 * a post without JavaScript finds its state by the form's place in the tree.
 */
function fieldsShape(page: FormPage, stored: Answers, files: Record<string, AttachedFile[]>): string {
  const items = page.fields
    .filter((field) => field.type === "group")
    .map((field) => (Array.isArray(stored[field.name]) ? (stored[field.name] as unknown[]).length : 0));
  const attached = Object.values(files).flatMap((list) => list.map((file) => file.id));
  return `${items.join(",")}|${attached.join(",")}`;
}

/** What the page's server action answers when the page stays: what was typed and what is wrong. */
export type PageState = { answers: Answers; issues: Issues };

/**
 * One question page of a draft. Without JavaScript it posts to the server action (which saves what
 * was typed, valid or not, and goes on or shows the page again with the errors). With JavaScript the
 * same per-page schema checks first and shows its errors at once, but the page is posted anyway:
 * the server saves every word before the errors are shown. Files go one per request with their
 * progress; leaving the page (pagehide, hidden tab) saves what was typed with a beacon.
 */
export function PageForm({
  lang,
  messages,
  dossierId,
  definition,
  page,
  stored,
  initial,
  action,
  lookups,
  files,
  title,
  hidden,
  saveUrl,
  uploadUrl,
  children,
}: {
  lang: Lang;
  messages: Messages;
  dossierId: string;
  definition: FormDefinition;
  page: FormPage;
  /** Every answer stored in the draft (conditions read earlier pages). */
  stored: Answers;
  initial: PageState;
  action: (state: PageState, data: FormData) => Promise<PageState>;
  lookups: Lookups;
  files: Record<string, AttachedFile[]>;
  /** The page's <title> (with "Error: " in front while errors show). */
  title: string;
  hidden: Record<string, string>;
  /** Where a beacon saves the page when it is left (route handler). */
  saveUrl: string;
  /** Where one file is sent with its progress (route handler). */
  uploadUrl: string;
  /** The page's heading and hint, above the fields. */
  children?: React.ReactNode;
}) {
  const t = useMemo(() => translator(lang, messages, "forms"), [lang, messages]);
  const [state, formAction, pending] = useActionState(action, initial);
  const [client, setClient] = useState<{ for: PageState; issues: Issues } | null>(null);
  const [progress, setProgress] = useState<Record<string, UploadProgress[]>>({});
  const [uploading, setUploading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = useRef(false);
  const issues = client && client.for === state ? client.issues : state.issues;
  const answers = { ...stored, ...state.answers };

  // Fields shown by an answer on this same page follow that answer as it changes.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const update = () => {
      const typed = answersFromPost(page, new FormData(form).entries(), stored);
      form.querySelectorAll<HTMLElement>("[data-show-if]").forEach((element) => {
        element.hidden = !conditionHolds(JSON.parse(element.dataset.showIf!), typed);
      });
      // A commune list shows the chosen province's communes only.
      form.querySelectorAll<HTMLSelectElement>("select[data-province-select]").forEach((select) => {
        const communes = document.getElementById(select.dataset.provinceSelect!);
        communes?.querySelectorAll<HTMLOptGroupElement>("optgroup").forEach((group) => {
          const match = select.value === "" || group.dataset.province === select.value;
          group.hidden = !match;
          group.disabled = !match;
        });
      });
    };
    update();
    const changed = () => {
      dirty.current = true;
      update();
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    return () => {
      form.removeEventListener("input", changed);
      form.removeEventListener("change", changed);
    };
  }, [page, stored, state]);

  // Leaving the page mid-way (another tab, closing, going back) saves what was typed.
  useEffect(() => {
    // Kept here: on unmount the ref is already cleared when this effect's cleanup runs.
    const form = formRef.current;
    const save = () => {
      if (!form || !dirty.current || !saveUrl) return;
      const data = new FormData(form);
      for (const [name, value] of [...data.entries()]) if (typeof value !== "string") data.delete(name);
      if (navigator.sendBeacon(saveUrl, data)) dirty.current = false;
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") save();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", save);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", save);
      // Leaving by a link (Back, the header) unmounts the form: what was typed is saved too.
      save();
    };
  }, [saveUrl]);

  /** Each chosen file on its own request, with its progress; returns the refusals per document. */
  async function sendFiles(data: FormData): Promise<Issues> {
    const chosen: { key: string; file: File }[] = [];
    for (const [name, value] of [...data.entries()]) {
      if (!name.startsWith("doc_") || !(value instanceof File)) continue;
      if (value.size > 0) chosen.push({ key: name.slice(4), file: value });
    }
    for (const name of new Set([...data.keys()].filter((key) => key.startsWith("doc_")))) data.delete(name);
    const refused: Issues = {};
    const refuse = (key: string, message: string) => (refused[`doc_${key}`] ??= []).push(message);
    const show = (key: string, index: number, item: UploadProgress) =>
      setProgress((current) => {
        const list = [...(current[key] ?? [])];
        list[index] = item;
        return { ...current, [key]: list };
      });
    const counters: Record<string, number> = {};
    for (const { key, file } of chosen) {
      const index = (counters[key] = (counters[key] ?? -1) + 1);
      if (file.size > maxFileBytes) {
        refuse(key, `dossiers:errors.file_too_large::${file.name}`);
        continue;
      }
      show(key, index, { name: file.name, percent: 0 });
      const body = new FormData();
      body.set("documentKey", key);
      body.set("file", file);
      const description = data.get("otherDescription");
      if (key === "other" && typeof description === "string") body.set("otherDescription", description);
      const result = await new Promise<{ status: number; issues?: Issues }>((resolve) => {
        const request = new XMLHttpRequest();
        request.open("POST", uploadUrl);
        request.upload.onprogress = (event) => {
          if (event.lengthComputable)
            show(key, index, { name: file.name, percent: Math.round((event.loaded / event.total) * 100) });
        };
        request.onload = () => {
          let parsed: { issues?: Issues } = {};
          try {
            parsed = JSON.parse(request.responseText) as { issues?: Issues };
          } catch {
            // Not JSON: the status says enough.
          }
          resolve({ status: request.status, issues: parsed.issues });
        };
        request.onerror = () => resolve({ status: 0 });
        request.send(body);
      });
      if (result.status === 200) show(key, index, { name: file.name, percent: 100 });
      else {
        show(key, index, { name: file.name, percent: 0, failed: true });
        const list = result.issues ? Object.values(result.issues).flat() : [];
        if (list.length > 0) for (const message of list) refuse(key, message);
        else refuse(key, `dossiers:errors.upload_failed::${file.name}`);
      }
    }
    return refused;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(form, submitter);
    const skip = submitter instanceof HTMLElement && submitter.dataset.skipValidation !== undefined;
    const later = data.get("intent") === "later";
    let browserIssues: Issues = {};
    if (!skip && !later) {
      const typed = answersFromPost(page, data.entries(), stored);
      const checked = validatePage(definition, page.id, typed);
      browserIssues = checked.ok ? {} : checked.issues;
      // Shown at once; the page is saved all the same (never lose a word).
      if (!checked.ok) setClient({ for: state, issues: browserIssues });
    }
    dirty.current = false;
    setUploading(true);
    void sendFiles(data)
      .then((refused) => {
        if (Object.keys(refused).length > 0) {
          setClient({ for: state, issues: { ...browserIssues, ...refused } });
          // The answers are saved, but the page stays so the refusal is read.
          data.set("intent", "stay");
        }
        startTransition(() => formAction(data));
      })
      .finally(() => setUploading(false));
  }

  const links = Object.entries(issues).flatMap(([key, list]) =>
    list.map((message) => ({
      href: `#${issueAnchor(page, key)}`,
      message: fieldMessage(fieldAtKey(page, key)?.field, message, t, lang),
    })),
  );
  const busy = pending || uploading;

  return (
    <>
      <ErrorTitle title={title} prefix={t("common:errorTitlePrefix")} active={links.length > 0} />
      <ErrorSummary title={t("common:errorSummaryTitle")} errors={links} />
      {children}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="dossierId" value={dossierId} />
        {/* Enter in a field submits with the first button: make that Continue, never a Remove. */}
        <button
          type="submit"
          name="intent"
          value="continue"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
        >
          {t("common:actions.continue")}
        </button>
        <FormPageFields
          key={fieldsShape(page, stored, files)}
          page={page}
          answers={answers}
          issues={issues}
          lang={lang}
          messages={messages}
          lookups={lookups}
          files={files}
          progress={progress}
        />
        <div className={styles.actions}>
          <Button name="intent" value="continue" disabled={busy}>
            {t("common:actions.continue")}
          </Button>
          <Button name="intent" value="later" variant="secondary" data-skip-validation="" disabled={busy}>
            {t("dossiers:filing.saveLater")}
          </Button>
        </div>
      </form>
    </>
  );
}
