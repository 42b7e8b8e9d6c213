import type { ErrorLink } from "@/components/ui/ErrorSummary";
import type { Translate } from "@/lib/i18n/messages";

type Shown = {
  issues: Record<string, string[]>;
  formError?: string | null;
  formErrorField?: string;
  formErrorParams?: Record<string, string | number>;
};

/**
 * Translates the message keys a form shows: one message per field next to it, and the same
 * messages, linked to the fields, in the error summary. Keys without a namespace are in "forms".
 */
export class FormIssues {
  readonly links: ErrorLink[];
  readonly any: boolean;

  constructor(
    private readonly shown: Shown,
    private readonly t: Translate,
    private readonly idFor: (field: string) => string = (field) => field,
    private readonly params: (field: string) => Record<string, unknown> = () => ({}),
    /** On a long form, the summary names the question: "Child's name: Enter this information". */
    labelFor?: (field: string) => string | undefined,
  ) {
    const links: ErrorLink[] = [];
    if (shown.formError) {
      links.push({
        href: `#${idFor(shown.formErrorField ?? "")}`,
        message: t(shown.formError, shown.formErrorParams),
      });
    }
    for (const field of Object.keys(shown.issues)) {
      const label = labelFor?.(field);
      for (const message of this.messages(field)) {
        links.push({ href: `#${idFor(field)}`, message: label ? `${label}: ${message}` : message });
      }
    }
    this.links = links;
    this.any = links.length > 0;
  }

  message(field: string): string | undefined {
    const entry = this.shown.issues[field]?.[0];
    if (entry) return this.translate(field, entry);
    return this.shown.formError && this.shown.formErrorField === field
      ? this.t(this.shown.formError, this.shown.formErrorParams)
      : undefined;
  }

  /** Every message of a field (e.g. one per rejected file). */
  messages(field: string): string[] {
    return (this.shown.issues[field] ?? []).map((entry) => this.translate(field, entry));
  }

  /** "key::subject" names what the message is about, e.g. the rejected file: "photo.heic: The file must…". */
  private translate(field: string, entry: string): string {
    const [key, subject] = entry.split(/::(.*)/s);
    const message = this.t(key ?? entry, this.params(field));
    return subject ? `${subject}: ${message}` : message;
  }
}
