/**
 * Public consultation on a draft plan (征求意见): comments per clause, moderation, replies, the
 * feedback summary and the revised draft. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as comments from './comments.service.ts';
import * as documents from './consultation-documents.service.ts';
import type { PlanRevisions } from './consultation.deps.ts';
import { consultationRoutes } from './consultation.routes.ts';
import * as consultations from './consultation.service.ts';
import { createConsultationAlerts } from './consultation.alerts.ts';
import { consultationDemo } from './consultation.demo.ts';
import { publicConsultationRoutes } from './public-consultation.routes.ts';
import * as publicComments from './public-comments.service.ts';
import * as consultationSearch from './consultation-search.service.ts';
import { RenderedSummaries } from './rendered-summaries.ts';
import { createConsultationTodos } from './consultation.todos.ts';

/**
 * The consultation module's services. Closing a consultation's revision creates the next plan
 * version through the plan module (which hears of it, like of every write, by `records.changed`).
 */
function createConsultationServices(deps: ModuleDeps, modules: { plans: { imports: PlanRevisions } }) {
  const own = { ...deps, plans: modules.plans.imports, summaries: new RenderedSummaries() };
  return {
    consultations: { ...bindUseCases(own, consultations), ...bindUseCases(own, comments) },
    publicComments: bindUseCases(own, publicComments),
    documents: bindUseCases(own, documents),
    search: bindUseCases(own, consultationSearch),
  };
}

export type ConsultationServices = ReturnType<typeof createConsultationServices>;

export const consultationModule = defineModule({
  key: 'consultation',
  needs: ['plans'],
  create: createConsultationServices,
  routes: async (app, options) => {
    await app.register(consultationRoutes, options);
    await app.register(publicConsultationRoutes, options);
  },
  alertSources: (_services, deps) => ({ consultation: createConsultationAlerts(deps) }),
  todoSources: (_services, deps) => ({ consultation: createConsultationTodos(deps) }),
  searchSources: (services) => ({
    consultation: { kinds: ['document'], search: services.search.searchConsultations },
  }),
  demo: consultationDemo,
});
