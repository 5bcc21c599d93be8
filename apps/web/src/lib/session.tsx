import { createContext, useContext } from 'react';
import type { Me } from './api-types';

/** The signed-in user, provided by the app layout so features can read it without importing auth. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me | null {
  return useContext(SessionContext);
}
