/** What the app shell takes from the plan feature: the plans list, the remembered plan, the alerts badge. */
export { usePlans } from './api/get-plans';
export { rememberedPlan } from './remember-plan';
export { useAlerts } from './api/get-alerts';
