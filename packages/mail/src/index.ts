export { createSmtpTransport, type SmtpMessage, type SmtpTransport } from './transport';
