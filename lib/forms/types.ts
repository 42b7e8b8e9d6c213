/** A form is data in the procedure version; lib/forms turns it into one zod schema for browser and server. */

export type LocalisedText = { vi: string; en: string };

export type FieldType = "text" | "textarea" | "date" | "select" | "email" | "tel" | "number" | "idNumber";

export type FormField = {
  /** Key in the dossier's formData; stable across versions. */
  name: string;
  type: FieldType;
  label: LocalisedText;
  hint?: LocalisedText;
  required: boolean;
  /** select only */
  options?: { value: string; label: LocalisedText }[];
  minLength?: number;
  maxLength?: number;
  /** number only */
  min?: number;
  max?: number;
  /** date only: the date may not be after today */
  notInFuture?: boolean;
  /**
   * text only: the answer is a person's name or home address. Personal data (lib/forms/personal.ts,
   * with the idNumber, tel and email types): kept out of published decisions.
   */
  personal?: "name" | "address";
};

export type FormDefinition = {
  fields: FormField[];
};
