import "server-only";

/*
 * The dossier module's public face: pages and server actions call these. Each use case lives in its
 * own file: drafts, attachments, transitions (the one path that changes a dossier) and reads.
 */

export { startDraft, saveDraft, type SaveDraftInput, type SavedDraft } from "./drafts";
export {
  addAttachment,
  addAttachments,
  removeAttachment,
  readAttachment,
  refusalIssues,
  scanPendingAttachments,
  type AttachmentDownload,
  type DownloadError,
  type ChosenFile,
  type FileRefusal,
} from "./attachments";
export {
  attachFromStore,
  listStoredDocuments,
  storedDocumentsFor,
  type AttachFromStoreError,
  type StoredDocument,
} from "./documentStore";
export { fileAtDesk, listDeskProcedures, receivingAgencyIds, type DeskIntakeInput } from "./desk";
export { submitDossier, supplementDossier, withdrawDossier, performStaffAction } from "./transitions";
export {
  consultationKinds,
  listConsultableAgencies,
  listOpenConsultations,
  type ConsultationView,
  type OpenConsultation,
  type TransferLegView,
} from "./interagency";
export {
  getDossierDetail,
  listApplicantDossiers,
  listQueue,
  listAssignableSpecialists,
  getPublicStatus,
  type DossierDetail,
  type QueuePage,
} from "./reads";
export { queueBuckets, isQueueBucket, type QueueBucket } from "./buckets";
