export { createInAppNotifier } from './in-app-notifier'
