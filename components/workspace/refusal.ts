import type { FormState } from "@/components/forms/formState";
import { workspaceFormHeading } from "./WorkspaceForm.client";

/**
 * A workspace service's refusal as its form's answer (the officials' and the administrator's
 * forms): the fields' messages, or one message for the whole form (workspace:errors.<code>).
 */
export function refusal(
  result: { error: string; issues?: Record<string, string[]> },
  values: Record<string, string>,
): FormState {
  if (result.issues && Object.keys(result.issues).length > 0) return { values, issues: result.issues };
  return {
    values,
    issues: {},
    formError: `workspace:errors.${result.error}`,
    formErrorField: workspaceFormHeading,
  };
}
