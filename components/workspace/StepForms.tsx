import type { ComponentProps } from "react";
import type { Lang } from "@/lib/i18n/settings";
import { WorkspaceForm, type WorkspaceFieldSpec } from "./WorkspaceForm";

/** One step the reader may take on a workspace item (approve, return, remind, answer, edit…). */
export type Step = {
  /** The form's id prefix (its fields' ids begin with it) and its key. */
  name: string;
  heading: string;
  intro?: string;
  submit: string;
  /** None for a step that is only a button. */
  fields?: WorkspaceFieldSpec[];
  /** Hidden inputs, usually the item's version: a post from a stale page is refused. */
  hidden?: Record<string, string>;
  variant?: ComponentProps<typeof WorkspaceForm>["variant"];
  action: ComponentProps<typeof WorkspaceForm>["action"];
};

/**
 * The steps the reader may take, each a workspace form, in the order given (`false` or `null`:
 * not theirs). The first writes the page's <title> (with "Error: " in front when its post fails);
 * with none, the title is written here.
 */
export function StepForms({
  lang,
  title,
  steps,
}: {
  lang: Lang;
  title: string;
  steps: readonly (Step | false | null)[];
}) {
  const shown = steps.filter((step): step is Step => Boolean(step));
  if (shown.length === 0) return <title>{title}</title>;
  return (
    <>
      {shown.map((step, index) => (
        <WorkspaceForm
          key={step.name}
          lang={lang}
          ownsTitle={index === 0}
          title={title}
          heading={step.heading}
          intro={step.intro}
          idPrefix={step.name}
          fields={step.fields ?? []}
          hidden={step.hidden}
          submit={step.submit}
          variant={step.variant}
          action={step.action}
        />
      ))}
    </>
  );
}
