import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { DocumentRenderer } from '../../platform/documents/document-model.ts';
import { createConsultationDocumentsService } from './consultation-documents.service.ts';
import { createConsultationService, type PlanRevisions } from './consultation.service.ts';
import { createPublicCommentsService, type AntiSpamOptions } from './public-comments.service.ts';

export { consultationRoutes } from './consultation.routes.ts';
export { publicConsultationRoutes } from './public-consultation.routes.ts';
export { solveChallenge } from './challenge.ts';

/** Wires the consultation module (征求意见): editor workflow, public comments, documents. */
export function createConsultationModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  plans: PlanRevisions;
  renderer: DocumentRenderer;
  antiSpam?: Partial<AntiSpamOptions>;
}) {
  return {
    consultations: createConsultationService(deps),
    publicComments: createPublicCommentsService(deps),
    documents: createConsultationDocumentsService(deps),
  };
}

export type ConsultationModule = ReturnType<typeof createConsultationModule>;
