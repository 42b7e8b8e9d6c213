"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { getDossierDetail, saveDraft } from "@/lib/dossiers/service";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { nextPageId } from "@/lib/forms/flow";
import {
  answersFromPost,
  applyGroupAction,
  groupActions,
  inputId,
  type GroupAction,
} from "@/lib/forms/posted";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";
import type { PageState } from "@/components/forms/fields/PageForm.client";
import { chosenFiles, draftPath } from "../../../../_shared/draft";

/** Where the page shows again after "Add another" (the new item) or "Remove" (the Add another button). */
function groupAnchor(action: GroupAction, answers: Record<string, unknown>): string {
  const items = answers[action.group];
  const count = Array.isArray(items) ? items.length : 0;
  return action.kind === "add" ? `${inputId(action.group)}-${count - 1}` : inputId(`${action.group}.add`);
}

/**
 * "Continue" on a question page: saves what was typed on the server, valid or not, then goes to the
 * next shown page (or back to check answers), or shows the page again with its errors and
 * everything typed. "Save and come back later", "Add another", "Remove" save too.
 */
export async function savePageAction(_previous: PageState, data: FormData): Promise<PageState> {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const dossierId = formText(data, "dossierId");
  const pageId = formText(data, "pageId");
  const back = formText(data, "return") === "check";
  const here = draftPath(
    lang,
    dossierId,
    `/pages/${encodeURIComponent(pageId)}${back ? "?return=check" : ""}`,
  );
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, here));

  const detail = await getDossierDetail(actor, { id: dossierId });
  if (!detail.ok) redirect(`/${lang}/dossiers`);
  const { dossier } = detail.value;
  if (dossier.status !== "draft")
    redirect(dossier.code ? `/${lang}/dossiers/${encodeURIComponent(dossier.code)}` : `/${lang}/dossiers`);
  const version = await getFilingVersion(dossier.procedureVersionId);
  const page = version?.form.pages.find((candidate) => candidate.id === pageId);
  if (!version || !page) redirect(draftPath(lang, dossierId));

  // "Add another" adds an empty item, "Remove" takes one out: what was typed is kept and saved.
  const groupAction = groupActions(data.entries(), page);
  const posted = answersFromPost(page, data.entries());
  const field = groupAction
    ? page.fields.find((candidate) => candidate.name === groupAction.group)
    : undefined;
  const typed = groupAction ? applyGroupAction(posted, groupAction, field) : posted;
  const anchor = groupAction ? groupAnchor(groupAction, typed) : null;
  const remove = formText(data, "remove");
  const saved = await saveDraft(actor, {
    dossierId,
    pageId,
    answers: typed,
    files: await chosenFiles(data),
    remove: remove || null,
  });
  if (!saved.ok) {
    if (saved.error === "invalid_transition" || saved.error === "not_found") redirect(`/${lang}/dossiers`);
    return { answers: typed, issues: { [page.fields[0]?.name ?? "_"]: [`dossiers:errors.${saved.error}`] } };
  }
  revalidatePath(here);
  const intent = formText(data, "intent");
  if (intent === "later") redirect(draftPath(lang, dossierId, "?saved=1"));
  // Add another / Remove: the page again, with the items changed and the answers saved.
  if (groupAction || remove) redirect(`${here}${anchor ? `#${anchor}` : ""}`);
  const { issues, refused } = saved.value;
  if (Object.keys(issues).length > 0 || intent === "stay")
    return {
      answers: typed,
      issues: intent === "stay" && Object.keys(issues).length === 0 ? refused : issues,
    };
  if (back) redirect(draftPath(lang, dossierId, "/check"));
  const next = nextPageId(version.form, answersFromPost(page, data.entries(), dossier.formData), pageId);
  redirect(
    next
      ? draftPath(lang, dossierId, `/pages/${encodeURIComponent(next)}`)
      : draftPath(lang, dossierId, "/documents"),
  );
}
