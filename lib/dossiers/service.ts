import "server-only";

/*
 * The dossier module's public face: pages and server actions call these. Each use case lives in its
 * own file: drafts, attachments, transitions (the one path that changes a dossier) and reads.
 */

export { startDraft, saveDraftAnswers } from "./drafts";
export { addAttachment, removeAttachment, readAttachment, type AttachmentDownload } from "./attachments";
export { submitDossier, supplementDossier, withdrawDossier, performStaffAction } from "./transitions";
export {
  getDossierDetail,
  listApplicantDossiers,
  listQueue,
  listAssignableSpecialists,
  getPublicStatus,
  queueBuckets,
  type DossierDetail,
  type QueueBucket,
  type QueuePage,
} from "./reads";
