"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import {
  archiveBody,
  archiveFields,
  bodyFields,
  createBody,
  memberFields,
  removeBodyMember,
  setBodyMember,
  updateBody,
} from "@/lib/meetings/bodies";
import { textValues, type FormState } from "@/components/forms/formState";
import { refusal } from "@/components/workspace/refusal";

const langOf = (lang: string) => (isLang(lang) ? lang : "vi");

/** Adds (no `bodyId`) or changes a deciding body and its rule; back to the list or the body. */
export async function saveBodyAction(
  lang: string,
  bodyId: string | null,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, bodyFields);
  let id: string;
  try {
    const actor = await getActor();
    const result = bodyId ? await updateBody(actor, bodyId, values) : await createBody(actor, values);
    if (!result.ok) return refusal(result, values);
    id = result.value.id;
  } catch (error) {
    console.error("saving a body failed", error);
    return refusal({ error: "failed" }, values);
  }
  redirect(`/${langOf(lang)}/admin/bodies/${id}?done=${bodyId ? "bodySaved" : "bodyCreated"}`);
}

/** Adds a member or changes a member's role and title. */
export async function setMemberAction(
  lang: string,
  bodyId: string,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, memberFields);
  try {
    const result = await setBodyMember(await getActor(), bodyId, values);
    if (!result.ok) return refusal(result, values);
  } catch (error) {
    console.error("setting a body member failed", error);
    return refusal({ error: "failed" }, values);
  }
  redirect(`/${langOf(lang)}/admin/bodies/${bodyId}?done=memberSaved`);
}

/** Takes a member out of the body (never the chair or the last secretary). */
export async function removeMemberAction(
  lang: string,
  bodyId: string,
  userId: string,
  _state: FormState,
  _data: FormData,
): Promise<FormState> {
  void _data;
  try {
    const result = await removeBodyMember(await getActor(), bodyId, userId);
    if (!result.ok) return refusal(result, {});
  } catch (error) {
    console.error("removing a body member failed", error);
    return refusal({ error: "failed" }, {});
  }
  redirect(`/${langOf(lang)}/admin/bodies/${bodyId}?done=memberRemoved`);
}

/** Archives the body (a reason and a confirmation; refused while it has work under way). */
export async function archiveBodyAction(
  lang: string,
  bodyId: string,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, archiveFields);
  try {
    const result = await archiveBody(await getActor(), bodyId, values);
    if (!result.ok) return refusal(result, values);
  } catch (error) {
    console.error("archiving a body failed", error);
    return refusal({ error: "failed" }, values);
  }
  redirect(`/${langOf(lang)}/admin/bodies/${bodyId}?done=bodyArchived`);
}
