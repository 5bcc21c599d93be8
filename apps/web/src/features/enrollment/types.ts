/**
 * Shapes of the enrolment (统一招生) API, named by their routes (the server's schemas are the only
 * definition). No shape here carries an ID number except masked (`idMasked`).
 */
import type { ApiResponse } from '@/lib/api-client';

export type SeasonSummary = ApiResponse<'get', '/api/enrollment/seasons'>['items'][number];
export type SeasonAbilities = SeasonSummary['abilities'];
export type Subject = SeasonSummary['subjects'][number];
export type SeasonDetail = ApiResponse<'get', '/api/enrollment/seasons/{id}'>['season'];
export type Batch = SeasonDetail['batches'][number];
/** A batch's preference window right now. */
export type WindowState = Batch['window'];
export type Program = SeasonDetail['programs'][number];

export type Candidate = ApiResponse<'get', '/api/enrollment/seasons/{id}/candidates'>['items'][number];
export type ImportResult = ApiResponse<'post', '/api/enrollment/seasons/{id}/candidate-imports'>;

export type Preferences = ApiResponse<'get', '/api/enrollment/candidates/{id}/preferences'>;
export type BatchPreferences = Preferences['batches'][number];
export type PreferenceChange = BatchPreferences['history'][number];

export type Run = ApiResponse<'get', '/api/enrollment/seasons/{id}/runs'>['items'][number];
export type RunDetail = ApiResponse<'get', '/api/enrollment/runs/{id}'>;
export type MatchSummary = Run['summary'];
export type Job = ApiResponse<'get', '/api/jobs/{id}'>['job'];

export type Admission = ApiResponse<'get', '/api/enrollment/seasons/{id}/admissions'>['items'][number];

export type Simulation = ApiResponse<'post', '/api/enrollment/batches/{id}/simulations'>['simulation'];

export type PublicSeason = ApiResponse<'get', '/api/public/enrollment/seasons'>['items'][number];
export type LookupResult = ApiResponse<'post', '/api/public/enrollment/result-lookups'>['result'];
export type PublicCutoffs = ApiResponse<'get', '/api/public/enrollment/seasons/{id}/cutoffs'>;
