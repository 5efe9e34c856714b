export { startStripeEmulator } from './emulator/start-stripe-emulator';
export type {
  ApiRequestRecord,
  CompletedCheckout,
  FailureMode,
  PromotionCodeRule,
  StripeEmulator,
  StripeEmulatorOptions,
  WebhookDelivery,
} from './emulator/types';
export {
  PaymentError,
  PaymentProviderUnavailableError,
  PaymentRequestError,
  WebhookSignatureError,
} from './errors';
export type * from './gateway';
export { formatMoney, minorUnitDigits } from './money';
export {
  type PaymentDomainEvent,
  type PaymentEventEnvelope,
  toPaymentDomainEvent,
} from './payment-event';
export { formatReceiptDate, type ReceiptInput, renderReceiptPdf } from './receipt-pdf';
export {
  createStripeGateway,
  type StripeGatewayOptions,
  toCheckoutSessionDetails,
  translateStripeError,
  WEBHOOK_TOLERANCE_SECONDS,
} from './stripe-gateway';
export { signWebhookPayload } from './webhook-signing';
