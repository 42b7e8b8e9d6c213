/**
 * Reading a posted form page (pure: works on a FormData or any list of [name, value] entries), with
 * the input names the field renderer writes (COMMON contract):
 * - simple fields: `<name>`; checkboxes: `<name>` once per ticked box;
 * - date: `<name>.day`, `<name>.month`, `<name>.year` -> "YYYY-MM-DD" when the boxes hold digits of
 *   the right length, otherwise "Y-M-D" as typed ("" parts kept) (joinDate, splitDate);
 * - address: `<name>.province`, `<name>.commune`, `<name>.street`;
 * - group items: `<group>[<i>].<child>` (and `.day`, `.province`… below a child);
 * - documents: file inputs `doc_<documentKey>`, not read here;
 * - "Add another" / "Remove" with JavaScript off: a button named `groupAction` (groupActionName)
 *   with the value `add:<group>` or `remove:<group>:<i>`.
 * Ids (the error summary's anchors) are the paths with ".", "[" and "]" replaced by "-".
 */
import { cleanText } from "./formText";
import type { FormField, FormPage } from "./types";

export type Answers = Record<string, unknown>;

export type PostedEntries = Iterable<readonly [string, unknown]>;

/** The posted texts by input name (files and other non-text values are left out). */
function textsByName(entries: PostedEntries): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const list = texts.get(name);
    if (list) list.push(cleanText(value));
    else texts.set(name, [cleanText(value)]);
  }
  return texts;
}

type Texts = Map<string, string[]>;

function readField(field: FormField, path: string, texts: Texts): unknown {
  const read = (name: string) => texts.get(name);
  const first = (name: string) => read(name)?.[0];
  switch (field.type) {
    case "document":
      return undefined;
    case "checkboxes": {
      const ticked = (read(path) ?? []).filter((value) => value.trim() !== "");
      return ticked.length > 0 ? ticked : undefined;
    }
    case "date": {
      const part = (box: string) => first(`${path}.${box}`) ?? "";
      return joinDate(part("day"), part("month"), part("year"));
    }
    case "address": {
      const address: Record<string, string> = {};
      for (const part of ["province", "commune", "street"]) {
        const value = (first(`${path}.${part}`) ?? "").trim();
        if (value) address[part] = value;
      }
      return Object.keys(address).length > 0 ? address : undefined;
    }
    case "group": {
      const items = readGroupItems(field, path, texts);
      return items.length > 0 ? items : undefined;
    }
    default: {
      const value = first(path);
      return value === undefined || value.trim() === "" ? undefined : value;
    }
  }
}

/** Item indexes a post may name (a group keeps far fewer: schema.ts groupItemsLimit). */
const postedItemsLimit = 100;

/**
 * A group's items from names like `members[2].fullName`: as many as the highest index posted, so each
 * item keeps the index its inputs and its "Remove" button were rendered with. An empty item (one
 * just added by "Add another", or left blank) stays: it is asked about, not dropped.
 */
function readGroupItems(field: FormField, path: string, texts: Texts): Answers[] {
  const prefix = `${path}[`;
  let count = 0;
  for (const name of texts.keys()) {
    if (!name.startsWith(prefix)) continue;
    const index = Number(name.slice(prefix.length, name.indexOf("]", prefix.length)));
    if (Number.isInteger(index) && index >= 0 && index < postedItemsLimit) count = Math.max(count, index + 1);
  }
  const items: Answers[] = [];
  for (let index = 0; index < count; index += 1) {
    const item: Answers = {};
    for (const child of field.fields ?? []) {
      const value = readField(child, `${path}[${index}].${child.name}`, texts);
      if (value !== undefined) item[child.name] = value;
    }
    items.push(item);
  }
  return items;
}

/** "2026-11-20" from the day, month and year boxes; all blank: undefined; otherwise as typed, Y-M-D. */
export function joinDate(day: string, month: string, year: string): string | undefined {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (d === "" && m === "" && y === "") return undefined;
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return `${y}-${m}-${d}`;
}

/** The three boxes of a stored date: a valid "YYYY-MM-DD" without leading zeros, otherwise as typed. */
export function splitDate(value: unknown): { day: string; month: string; year: string } {
  if (typeof value !== "string") return { day: "", month: "", year: "" };
  const [year = "", month = "", day = ""] = value.split("-");
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return valid ? { day: String(Number(day)), month: String(Number(month)), year } : { day, month, year };
}

/**
 * The answers posted for a page's fields, in the stored shape (types.ts), as typed: nothing is
 * checked here (schema.ts does it). With `answers`, the result is those answers with this page's
 * fields replaced by what was posted (a field not posted, e.g. no box ticked, has no answer).
 */
export function answersFromPost(page: FormPage, entries: PostedEntries, answers?: Answers): Answers {
  const texts = textsByName(entries);
  const result: Answers = { ...(answers ?? {}) };
  for (const field of page.fields) {
    if (field.type === "document") continue;
    delete result[field.name];
    const value = readField(field, field.name, texts);
    if (value !== undefined) result[field.name] = value;
  }
  return result;
}

/** The id of an input (and the error summary's `#anchor`) from its path: "members[0].name" -> "members-0--name". */
export function inputId(path: string): string {
  return path.replace(/[.[\]]/g, "-");
}

export function fieldAtKey(page: FormPage, key: string): { field: FormField; rest: string } | null {
  const match = /^([^.[]+)(?:\[(\d+)\]\.([^.[]+))?(.*)$/.exec(key);
  if (!match) return null;
  const top = page.fields.find((field) => field.name === match[1]);
  if (!top) return null;
  if (match[3] && top.type === "group") {
    const child = (top.fields ?? []).find((field) => field.name === match[3]);
    return child ? { field: child, rest: match[4] ?? "" } : null;
  }
  return { field: top, rest: match[3] ? "" : (match[4] ?? "") };
}

/**
 * The id the error summary links to for an issue key: a date's day box, an address's province when
 * the issue is the whole address, a group's "Add another" button for its number of items, the input
 * itself otherwise (for radios and checkboxes the first option carries the field's id).
 */
export function issueAnchor(page: FormPage, key: string): string {
  const found = fieldAtKey(page, key);
  if (found && found.rest === "") {
    if (found.field.type === "date") return inputId(`${key}.day`);
    if (found.field.type === "address") return inputId(`${key}.province`);
    if (found.field.type === "group") return inputId(`${key}.add`);
  }
  return inputId(key);
}

export type GroupAction = { kind: "add"; group: string } | { kind: "remove"; group: string; index: number };

/** The input name of the "Add another" and "Remove" buttons (the renderer's and this parser's). */
export const groupActionName = "groupAction";

/**
 * The group button pressed (JavaScript off), if any: `add:<group>` or `remove:<group>:<i>`. Only a
 * group of the page counts, when a page is given.
 */
export function groupActions(entries: PostedEntries, page?: FormPage): GroupAction | null {
  for (const [name, value] of entries) {
    if (name !== groupActionName || typeof value !== "string") continue;
    const match = /^(add|remove):([^:]+)(?::(\d{1,4}))?$/.exec(value.trim());
    if (!match) return null;
    const group = match[2]!;
    if (page && !page.fields.some((field) => field.name === group && field.type === "group")) return null;
    if (match[1] === "add") return match[3] === undefined ? { kind: "add", group } : null;
    return match[3] === undefined ? null : { kind: "remove", group, index: Number(match[3]) };
  }
  return null;
}

/**
 * The answers after a group button: "add" appends an empty item (no more than the group's
 * maxItems, when the field is given), "remove" takes the item out. Other answers are untouched.
 */
export function applyGroupAction(answers: Answers, action: GroupAction, field?: FormField): Answers {
  const current = answers[action.group];
  const items = Array.isArray(current) ? [...(current as unknown[])] : [];
  if (action.kind === "add") {
    if (field?.maxItems !== undefined && items.length >= field.maxItems) return answers;
    items.push({});
  } else {
    if (action.index < 0 || action.index >= items.length) return answers;
    items.splice(action.index, 1);
  }
  return { ...answers, [action.group]: items };
}
