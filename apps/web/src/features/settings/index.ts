/** What the app shell takes from the settings feature: who sees its menu entry. */
export { SETTINGS_PERMISSIONS } from './lib/tabs';
