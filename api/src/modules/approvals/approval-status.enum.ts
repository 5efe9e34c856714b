import { ApprovalStatus } from '@lms/core';
import { registerEnumType } from 'type-graphql';

registerEnumType(ApprovalStatus, {
  name: 'ApprovalStatus',
  description: 'Where a credit approval stands today (UTC).',
  valuesConfig: {
    NOT_YET_VALID: { description: 'Its first valid day is still ahead.' },
    VALID: { description: 'Valid, for more than 60 more days.' },
    EXPIRING: { description: 'Valid, but its last valid day is within 60 days.' },
    EXPIRED: { description: 'Its last valid day has passed: no credit for new completions.' },
  },
});

export { ApprovalStatus };
