import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { ActionPlansModule } from '../action-plans/index.ts';
import { createConsultationDocumentsService } from './consultation-documents.service.ts';
import { createConsultationService } from './consultation.service.ts';
import { createPublicCommentsService } from './public-comments.service.ts';
import { consultationRoutes } from './consultation.routes.ts';
import { publicConsultationRoutes } from './public-consultation.routes.ts';

export { solveChallenge } from './challenge.ts';

/**
 * Wires the consultation module's services. Closing a consultation's revision creates the next
 * plan version through the plan module's import service.
 */
function createConsultationServices(deps: ModuleDeps, modules: { plans: ActionPlansModule }) {
  const withPlans = {
    ...deps,
    renderer: deps.documents,
    plans: { createRevision: modules.plans.imports.createRevision, invalidate: modules.plans.invalidate },
  };
  return {
    consultations: createConsultationService(withPlans),
    publicComments: createPublicCommentsService(withPlans),
    documents: createConsultationDocumentsService(withPlans),
  };
}

export type ConsultationModule = ReturnType<typeof createConsultationServices>;

/** Public consultation on a draft plan (征求意见): comments per clause, moderation, replies, the summary. */
export const consultationModule = defineModule({
  key: 'consultation',
  needs: ['plans'],
  create: createConsultationServices,
  routes: async (app, { services }) => {
    await app.register(consultationRoutes, services);
    await app.register(publicConsultationRoutes, services);
  },
});
