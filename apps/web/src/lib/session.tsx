import type { ApiResponse } from '@zhijiao/contracts/api';
import { createContext, useContext } from 'react';

/** The signed-in user, with their unit, permissions and any restriction on the session. */
export type Me = ApiResponse<'get', '/api/auth/me'>['user'];

/** The signed-in user, provided by the app layout so features can read it without importing auth. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me | null {
  return useContext(SessionContext);
}
