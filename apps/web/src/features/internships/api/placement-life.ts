import { api, type ApiBody } from '@/lib/api-client';
import { useInternshipMutation } from './mutate';

export type IncidentInput = ApiBody<'post', '/api/internship-placements/{id}/incidents'>;
export type EvaluationInput = ApiBody<'put', '/api/internship-placements/{id}/evaluation'>;
export type InsurerNotificationInput = ApiBody<'post', '/api/internship-incidents/{id}/insurer-notification'>;

/** Reports an incident (the school or the host enterprise); answers the placement. */
export async function reportIncident({ id, body }: { id: string; body: IncidentInput }) {
  return (await api.post('/api/internship-placements/{id}/incidents', { path: { id }, body })).placement;
}

/** Records when the insurer was notified of an incident; answers the placement. */
export async function notifyInsurer({ id, body }: { id: string; body: InsurerNotificationInput }) {
  return (await api.post('/api/internship-incidents/{id}/insurer-notification', { path: { id }, body }))
    .placement;
}

/** Writes the actor's party's evaluation of a running placement. */
export async function evaluatePlacement({ id, body }: { id: string; body: EvaluationInput }) {
  return (await api.put('/api/internship-placements/{id}/evaluation', { path: { id }, body })).placement;
}

export const useReportIncident = () => useInternshipMutation(reportIncident);
export const useNotifyInsurer = () => useInternshipMutation(notifyInsurer);
export const useEvaluatePlacement = () => useInternshipMutation(evaluatePlacement);
