import type { Role } from '../generated/client';

export const DEMO_PASSWORD = 'demo-password-123';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  bio?: string;
  credentials?: { credential: string; awardedYear: number }[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@example.com', name: 'Alex Morgan', role: 'ADMIN' },
  {
    email: 'dana.whitfield@example.com',
    name: 'Dana Whitfield',
    role: 'INSTRUCTOR',
    bio:
      'CPC, CRC. Fifteen years of outpatient and risk-adjustment coding, eight of them leading ' +
      'a coding-quality team for a multi-specialty physician group. Dana has coached more than ' +
      'four hundred coders through the CPC exam.',
    credentials: [
      { credential: 'CPC', awardedYear: 2010 },
      { credential: 'CRC', awardedYear: 2017 },
    ],
  },
  {
    email: 'marcus.lee@example.com',
    name: 'Marcus Lee',
    role: 'INSTRUCTOR',
    bio:
      'CCS, CPC, COC. Former hospital coding educator and DME billing auditor. Marcus writes ' +
      'about ICD-10-CM guidelines and HCPCS Level II supply coding, and teaches the yearly ' +
      'code-update workshops.',
    credentials: [
      { credential: 'CCS', awardedYear: 2008 },
      { credential: 'CPC', awardedYear: 2011 },
      { credential: 'COC', awardedYear: 2014 },
    ],
  },
  { email: 'priya.shah@example.com', name: 'Priya Shah', role: 'STUDENT' },
  { email: 'tomas.alvarez@example.com', name: 'Tomás Alvarez', role: 'STUDENT' },
  { email: 'grace.okafor@example.com', name: 'Grace Okafor', role: 'STUDENT' },
];
