import "server-only";
import type { Tx } from "@/db/client";
import { decisions } from "@/db/schema/decisions";
import { dossierPersonalData } from "@/lib/dossiers/personal";
import { err, ok, type Result } from "@/lib/result";
import { searchable } from "@/lib/text/normalize";
import { personalDataIssues } from "./rules";

/**
 * A deciding body's conclusion notice (thông báo kết luận, lib/meetings) into the public decisions
 * registry, in the meeting's transaction. The same privacy guard as a dossier's decision: nothing
 * published may hold the personal data of any dossier the meeting decided on (names, ID and phone
 * numbers, e-mails, home addresses); the issues name the field and the kind, as message keys of
 * the "forms" namespace (`errors.personalData.<kind>`).
 */
export async function publishBodyConclusion(
  tx: Tx,
  input: {
    number: string;
    issuedOn: string;
    summaryVi: string;
    summaryEn: string;
    agencyId: string;
    agencyNames: string[];
    publishedBy: string;
    dossierIds: readonly string[];
  },
  now: Date = new Date(),
): Promise<Result<{ id: string }, "invalid_input">> {
  const personal = (await Promise.all(input.dossierIds.map((id) => dossierPersonalData(tx, id)))).flat();
  const leaks = personalDataIssues(
    { number: input.number, summaryVi: input.summaryVi, summaryEn: input.summaryEn },
    personal,
  );
  if (leaks) return err("invalid_input", leaks);
  const [row] = await tx
    .insert(decisions)
    .values({
      number: input.number,
      issuedOn: input.issuedOn,
      agencyId: input.agencyId,
      dossierId: null,
      summaryVi: input.summaryVi,
      summaryEn: input.summaryEn,
      searchText: searchable(
        [input.number, input.summaryVi, input.summaryEn, ...input.agencyNames].join(" "),
      ),
      publishedBy: input.publishedBy,
      publishedAt: now,
    })
    .returning({ id: decisions.id });
  return ok({ id: row!.id });
}
