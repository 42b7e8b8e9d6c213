import { answersFromPost } from "@/lib/forms/posted";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { getDossierDetail, saveDraft } from "@/lib/dossiers/service";
import { apiError, apiOk, draftPoster, postedForm } from "../../../_shared";

/**
 * Saves what was typed on a draft's page when the person leaves it mid-way (a beacon on pagehide or
 * a hidden tab): the same save as "Continue", valid or not, without going anywhere.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string; pageId: string }> },
) {
  const actor = await draftPoster(request);
  if (actor instanceof Response) return actor;
  const { id, pageId } = await params;
  const data = await postedForm(request);
  if (!data) return apiError(400, "invalid_input");
  const detail = await getDossierDetail(actor, { id });
  if (!detail.ok) return apiError(404, "not_found");
  const version = await getFilingVersion(detail.value.dossier.procedureVersionId);
  const page = version?.form.pages.find((candidate) => candidate.id === pageId);
  if (!page) return apiError(404, "not_found");
  const saved = await saveDraft(actor, {
    dossierId: id,
    pageId,
    answers: answersFromPost(page, data.entries()),
  });
  if (!saved.ok) return apiError(saved.error === "not_found" ? 404 : 409, saved.error);
  return apiOk({ saved: true, issues: saved.value.issues });
}
