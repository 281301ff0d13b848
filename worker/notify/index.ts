export { deliverEmail, outboxEmail, readOutbox } from './email-outbox'
export type { OutgoingEmail } from './email-outbox'
export { createInAppNotifier } from './in-app-notifier'
