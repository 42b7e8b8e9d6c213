import { saveDraft } from "@/lib/dossiers/service";
import { formText } from "@/lib/forms/formText";
import { apiError, apiOk, draftPoster, postedForm } from "../../_shared";

/**
 * One file for one document of a draft (with JavaScript on, the page sends each file on its own so
 * it can show its progress and no request nears the size limit). Refused: 422 with the reasons.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await draftPoster(request);
  if (actor instanceof Response) return actor;
  const { id } = await params;
  const data = await postedForm(request);
  const file = data?.get("file");
  const documentKey = data ? formText(data, "documentKey") : "";
  if (!data || !(file instanceof File) || documentKey === "") return apiError(400, "invalid_input");
  const saved = await saveDraft(actor, {
    dossierId: id,
    files: [{ documentKey, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }],
    otherDescription: formText(data, "otherDescription"),
  });
  if (!saved.ok) return apiError(saved.error === "not_found" ? 404 : 409, saved.error);
  const refused = saved.value.refused;
  if (Object.keys(refused).length > 0) return apiError(422, "file_refused", refused);
  return apiOk({ uploaded: true });
}
