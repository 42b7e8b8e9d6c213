import { catalogueText, exportCatalogue } from "@/lib/catalog/exchange";
import { getActor } from "@/lib/identity/actor";

/** The whole catalogue as one JSON file (system administrators only). */
export async function GET(): Promise<Response> {
  const result = await exportCatalogue(await getActor());
  if (!result.ok) return Response.json({ error: result.error }, { status: 403 });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(catalogueText(result.value), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="catalogue-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
