/** Alerting: routing of the monitor's alerts to PagerDuty, Slack and the email digest. */
export { createEmailDigest, type EmailDigest, type EmailDigestOptions } from './email.js';
export { AlertDeliveryError } from './errors.js';
export type { RetryOptions } from './http.js';
export { createPagerDutyChannel, PAGERDUTY_EVENTS_URL, type PagerDutyOptions } from './pagerduty.js';
export {
  AlertRouter,
  type AlertRouterOptions,
  type AlertRoutes,
  type Delivery,
  type EvaluateResult,
  type FailedDelivery,
} from './router.js';
export { createSlackChannel, type SlackOptions } from './slack.js';
export type { OpenAlert, PendingDelivery } from './state.js';
export type { Alert, Channel, Notification, Severity } from './types.js';
