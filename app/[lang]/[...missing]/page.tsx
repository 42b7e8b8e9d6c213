import { notFound } from "next/navigation";

/** Any unknown path under a language gets the localised 404 page. */
export default function Missing() {
  notFound();
}
