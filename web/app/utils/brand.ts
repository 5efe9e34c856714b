export const PRODUCT_NAME = 'CodeCred LMS';
export const PRODUCT_TAGLINE = 'Medical coding education with continuing-education credit';

/** "Page · CodeCred LMS" */
export function pageTitle(title?: string): string {
  return title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
}
