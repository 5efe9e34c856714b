export type PageSize = 'A4' | 'LETTER';

export const INK = '#1c2b4a';
export const ACCENT = '#8c6d32';
export const TEXT = '#2b2b2b';
export const MUTED = '#5f6570';
export const RULE = '#b9a57a';
