"use server";

import { redirect } from "next/navigation";
import { bulkAssign, parseBulkItem, type BulkItem } from "@/lib/dossiers/bulkAssign";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { bulkOutcomeParams } from "@/components/staff/bulkOutcome";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bulk assign from the queue. Always answers with a redirect back to the same view (post, redirect,
 * get: a reload does not post twice, and it works the same with JavaScript off), the outcome per
 * dossier in the address for the page to report.
 */
export async function bulkAssignAction(lang: string, returnTo: string, formData: FormData): Promise<void> {
  const safeLang = isLang(lang) ? lang : "vi";
  // The view the list was showing, bound by the page; anything else goes back to the plain queue.
  const base = new URL(
    typeof returnTo === "string" && returnTo.startsWith(`/${safeLang}/staff`) && !returnTo.startsWith("//")
      ? returnTo
      : `/${safeLang}/staff`,
    "http://portal.invalid",
  );
  for (const key of ["bulk", "assigned", "failed", "assignee", "after", "before"])
    base.searchParams.delete(key);
  const back = (params: Record<string, string>) => {
    for (const [key, value] of Object.entries(params)) base.searchParams.set(key, value);
    redirect(`${base.pathname}?${base.searchParams.toString()}#bulk-assign-title`);
  };

  const assigneeId = formText(formData, "assigneeId");
  const items = formData
    .getAll("dossier")
    .map(parseBulkItem)
    .filter((item): item is BulkItem => item !== null);
  const kept: Record<string, string> = uuid.test(assigneeId) ? { assignee: assigneeId } : {};
  if (items.length === 0) back({ bulk: "none", ...kept });
  if (!uuid.test(assigneeId)) back({ bulk: "noassignee" });

  const actor = await getActor();
  if (actor.kind !== "staff") back({ bulk: "forbidden" });
  let outcomes: Awaited<ReturnType<typeof bulkAssign>>;
  try {
    outcomes = await bulkAssign(actor, { assigneeId, items });
  } catch (error) {
    console.error("bulk assign failed", error);
    back({ bulk: "failed" });
    return;
  }
  back({ bulk: "done", ...bulkOutcomeParams(outcomes) });
}
