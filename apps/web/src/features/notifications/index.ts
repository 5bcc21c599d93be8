/** What the app shell takes from the message centre: the header's bell. */
export { NotificationsBell } from './components/notifications-bell';
