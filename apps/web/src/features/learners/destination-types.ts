import type { ApiBody, ApiResponse } from '@/lib/api-client';

/** Shapes of the graduates' destinations API (毕业去向), named by their routes. */

export type LearnerDestination = ApiResponse<'get', '/api/learners/{id}/destination'>;
export type Destination = NonNullable<LearnerDestination['destination']>;
export type DestinationBody = ApiBody<'put', '/api/learners/{id}/destination'>;
export type GraduateDestinations = ApiResponse<'get', '/api/graduate-destinations'>;
export type Graduate = GraduateDestinations['graduates'][number];
export type DestinationFigures = GraduateDestinations['figures'];
