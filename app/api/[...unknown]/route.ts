import { apiError } from "@/lib/http/errors";

/** Any API address that does not exist: a JSON 404 rather than the HTML error page. */
function notFound() {
  return apiError(404, "not_found");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
