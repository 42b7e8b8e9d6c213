/**
 * How much an applicant may send, in one place: the server enforces these (lib/files/check,
 * lib/dossiers/attachments) and the forms say them next to the file inputs before anything is sent
 * (locales: dossiers.limits.*, whose numbers come from here).
 *
 * next.config.ts sets Next's own hard limit on a request body a little above `maxPostBytes`, so a
 * post over the portal's limit still reaches the server action whole: the action can refuse the
 * files with a message and show the answers again, instead of Next answering 500.
 */

/** One file. */
export const maxFileBytes = 10 * 1024 * 1024;

/** Files kept for one document of one dossier (a multi-page scan sent as photos fits). */
export const maxFilesPerDocument = 10;

/** All the files of one save (one post of the draft or supplement form), taken together. */
export const maxPostBytes = 40 * 1024 * 1024;

/**
 * Next's own limits on a request body (serverActions.bodySizeLimit and proxyClientMaxBodySize in
 * next.config.ts): above this the body cannot be read whole, so the form cannot be shown again with
 * what was typed; proxy.ts answers such a post with a plain 413 page in the reader's language.
 */
export const hardBodyLimitBytes = 60 * 1024 * 1024;

/** The limits as the text next to a file input says them (in whole megabytes). */
export const limitParams = {
  fileMb: maxFileBytes / (1024 * 1024),
  postMb: maxPostBytes / (1024 * 1024),
  files: maxFilesPerDocument,
};
