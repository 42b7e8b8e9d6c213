/**
 * Whether a form definition can be filed (pure): what the form builder checks before it saves or
 * publishes a version, and what an imported catalogue is checked with. Problems are codes with the
 * place they are about; the builder words them.
 */
import { fieldTypes, type FormDefinition, type FormField } from "./types";

export type DefinitionProblemCode =
  | "noPages"
  | "duplicatePageId"
  | "badId"
  | "duplicateFieldName"
  | "unknownType"
  | "missingLabel"
  | "noOptions"
  | "duplicateOption"
  | "conditionUnknownField"
  | "conditionLaterField"
  | "conditionNoValues"
  | "groupWithoutFields"
  | "nestedGroup"
  | "documentInGroup"
  | "documentWithoutKey"
  | "minOverMax"
  | "unknownSection";

export type DefinitionProblem = {
  code: DefinitionProblemCode;
  /** The page's id. */
  page?: string;
  /** The field's name ("members.fullName" for a group's child). */
  field?: string;
};

/** Page ids and field names go into addresses and input names: letters, digits, "_" and "-". */
const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const choiceTypes = new Set(["select", "radio", "checkboxes"]);

/** Every problem of the definition, in the form's order; [] when it can be filed. */
export function definitionProblems(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (definition.pages.length === 0) problems.push({ code: "noPages" });
  const sectionIds = new Set((definition.sections ?? []).map((section) => section.id));
  const pageIds = new Set<string>();
  // Top-level names seen so far: a condition may only name an earlier field.
  const earlier = new Set<string>();
  const all = new Set(definition.pages.flatMap((page) => page.fields.map((field) => field.name)));

  const checkCondition = (
    condition: FormField["showIf"],
    page: string,
    field: string | undefined,
    known: Set<string>,
    everywhere: Set<string>,
  ) => {
    if (!condition) return;
    if (condition.in.length === 0) problems.push({ code: "conditionNoValues", page, field });
    if (!everywhere.has(condition.field)) problems.push({ code: "conditionUnknownField", page, field });
    else if (!known.has(condition.field)) problems.push({ code: "conditionLaterField", page, field });
  };

  const checkField = (field: FormField, page: string, path: string, inGroup: boolean) => {
    if (!idPattern.test(field.name)) problems.push({ code: "badId", page, field: path });
    if (!fieldTypes.includes(field.type)) problems.push({ code: "unknownType", page, field: path });
    if (!field.label?.vi?.trim() || !field.label?.en?.trim())
      problems.push({ code: "missingLabel", page, field: path });
    if (choiceTypes.has(field.type)) {
      const values = (field.options ?? []).map((option) => option.value);
      if (values.length === 0) problems.push({ code: "noOptions", page, field: path });
      if (new Set(values).size !== values.length)
        problems.push({ code: "duplicateOption", page, field: path });
    }
    if (
      (field.min !== undefined && field.max !== undefined && field.min > field.max) ||
      (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) ||
      (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems)
    )
      problems.push({ code: "minOverMax", page, field: path });
    if (field.type === "document") {
      if (inGroup) problems.push({ code: "documentInGroup", page, field: path });
      if (!field.documentKey) problems.push({ code: "documentWithoutKey", page, field: path });
    }
    if (field.type === "group") {
      if (inGroup) problems.push({ code: "nestedGroup", page, field: path });
      const children = field.fields ?? [];
      if (children.length === 0) problems.push({ code: "groupWithoutFields", page, field: path });
      const siblings = new Set<string>();
      const childNames = new Set(children.map((child) => child.name));
      for (const child of children) {
        const childPath = `${path}.${child.name}`;
        if (siblings.has(child.name)) problems.push({ code: "duplicateFieldName", page, field: childPath });
        // A child's condition names an earlier sibling or an earlier top-level field.
        if (child.showIf && childNames.has(child.showIf.field))
          checkCondition(child.showIf, page, childPath, siblings, childNames);
        else checkCondition(child.showIf, page, childPath, earlier, all);
        checkField(child, page, childPath, true);
        siblings.add(child.name);
      }
    }
  };

  for (const page of definition.pages) {
    if (!idPattern.test(page.id)) problems.push({ code: "badId", page: page.id });
    if (pageIds.has(page.id)) problems.push({ code: "duplicatePageId", page: page.id });
    pageIds.add(page.id);
    if (!page.title?.vi?.trim() || !page.title?.en?.trim())
      problems.push({ code: "missingLabel", page: page.id });
    if (page.section && !sectionIds.has(page.section))
      problems.push({ code: "unknownSection", page: page.id });
    checkCondition(page.showIf, page.id, undefined, earlier, all);
    for (const field of page.fields) {
      if (earlier.has(field.name))
        problems.push({ code: "duplicateFieldName", page: page.id, field: field.name });
      checkCondition(field.showIf, page.id, field.name, earlier, all);
      checkField(field, page.id, field.name, false);
      earlier.add(field.name);
    }
  }
  return problems;
}
