/** What the app shell takes from the auth feature: the signed-in user and signing out. */
export { useMe, type Me } from './api/get-me';
export { useLogout } from './api/logout';
