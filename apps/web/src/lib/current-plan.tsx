import { createContext, useContext } from 'react';

/** The plan the signed-in pages work on (from the URL, else the last one visited, else the first). */
export interface CurrentPlan {
  code: string;
  title: string;
  titleEn: string | null;
}

export const CurrentPlanContext = createContext<CurrentPlan | null>(null);

/** The plan the app is showing, or null while plans load or when none is visible. */
export function useCurrentPlan(): CurrentPlan | null {
  return useContext(CurrentPlanContext);
}
