"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { StaleForm } from "@/lib/http/staleAction";

/*
 * A form left open across a rebuild posts to a server action the new build does not have. The page
 * then comes again with a notice ("this page was updated, please send again") and what was typed:
 * - without JavaScript, the proxy has the page rendered again with the posted text fields
 *   (lib/http/staleAction.ts); they reach the forms through this context (useEnhancedForm);
 * - with JavaScript, Next throws an UnrecognizedActionError at the form; the error page calls
 *   recoverFromStaleAction(), which keeps the fields of the form last submitted in sessionStorage and
 *   loads the page again (a new page brings the new action ids); the fields are then filled back.
 * Passwords and chosen files are never kept.
 */

const StaleFormContext = createContext<StaleForm | null>(null);

/** Values a form post brought back after a rebuild (no JavaScript), or null. */
export function useStaleForm(): StaleForm | null {
  return useContext(StaleFormContext);
}

const storageKey = "portal-stale-form";
type Saved = { url: string; form: number; entries: [string, string][] };

let lastSubmitted: Saved | null = null;

const currentUrl = () => window.location.pathname + window.location.search;
const kept = (element: Element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
  (element instanceof HTMLInputElement &&
    !["password", "file", "hidden", "submit", "button"].includes(element.type)) ||
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement;

function snapshot(form: HTMLFormElement): Saved {
  const entries: [string, string][] = [];
  for (const element of Array.from(form.elements)) {
    if (!kept(element) || !element.name) continue;
    if (element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox")) {
      if (element.checked) entries.push([element.name, element.value]);
    } else entries.push([element.name, element.value]);
  }
  return { url: currentUrl(), form: Array.from(document.forms).indexOf(form), entries };
}

/** Sets a field as typing would, so React and react-hook-form see the value. */
function fill(form: HTMLFormElement, entries: [string, string][]) {
  const names = new Set(entries.map(([name]) => name));
  for (const element of Array.from(form.elements)) {
    if (!kept(element) || !names.has(element.name)) continue;
    if (element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox")) {
      const checked = entries.some(([name, value]) => name === element.name && value === element.value);
      if (element.checked !== checked) element.click();
      continue;
    }
    const value = entries.find(([name]) => name === element.name)?.[1] ?? "";
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), "value")?.set;
    setter?.call(element, value);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }),
    );
  }
}

/** With JavaScript: keep what the last submitted form held, and load the page again. */
export function recoverFromStaleAction() {
  if (lastSubmitted) sessionStorage.setItem(storageKey, JSON.stringify(lastSubmitted));
  window.location.replace(window.location.href);
}

function takeSaved(): Saved | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    sessionStorage.removeItem(storageKey);
    const saved = JSON.parse(raw) as Saved;
    return saved.url === currentUrl() ? saved : null;
  } catch {
    return null;
  }
}

export function StaleFormProvider({
  stale,
  notice,
  children,
}: {
  stale: StaleForm | null;
  /** "This page was updated…", rendered by the server in the page's language (StaleNotice). */
  notice: ReactNode;
  children: ReactNode;
}) {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const capture = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement) lastSubmitted = snapshot(event.target);
    };
    document.addEventListener("submit", capture, true);
    const saved = takeSaved();
    if (saved) {
      const form = document.forms[saved.form];
      if (form) fill(form, saved.entries);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage exists only in the browser
      setRestored(true);
    }
    return () => document.removeEventListener("submit", capture, true);
  }, []);
  return (
    <StaleFormContext.Provider value={stale}>
      {stale || restored ? notice : null}
      {children}
    </StaleFormContext.Provider>
  );
}
