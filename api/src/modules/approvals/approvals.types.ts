import { EnrollmentStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { CertificateStatus } from '../certificates/certificate.types';
import { Connection } from '../common/connection';
import { CreditBody } from '../common/enums';
import { ApprovalStatus } from './approval-status.enum';

/**
 * The terms of a credit approval and where it stands today: what the dashboard and a roster
 * both show. One GraphQL interface, so the two types cannot drift apart field by field.
 */
@InterfaceType({
  description:
    'A credit approval of one published course version: its terms and where it stands today.',
})
export abstract class CreditApprovalTerms {
  @Field(() => ID, { description: 'Approval id (of one published version).' })
  id!: string;

  @Field(() => CreditBody, { description: 'The approving body.' })
  body!: CreditBody;

  @Field(() => String, { nullable: true, description: 'The body’s name when body is OTHER.' })
  bodyName!: string | null;

  @Field(() => String, { description: 'Approval or index number.' })
  approvalNumber!: string;

  @Field(() => String, { description: 'The exact program title the body approved.' })
  approvedTitle!: string;

  @Field(() => String, { description: 'Approved CEUs, two decimals.' })
  ceuAmount!: string;

  @Field(() => String, { description: 'Credit category.' })
  category!: string;

  @Field(() => DateTimeResolver, { description: 'First valid day (UTC midnight).' })
  validFrom!: Date;

  @Field(() => DateTimeResolver, { description: 'Last valid day (UTC midnight).' })
  validUntil!: Date;

  @Field(() => ApprovalStatus, { description: 'Where the approval stands today.' })
  status!: ApprovalStatus;

  @Field(() => Int, {
    description: 'Days on which a completion still earns it, today and the last day included.',
  })
  daysLeft!: number;

  @Field(() => ID, { description: 'The course.' })
  courseId!: string;

  @Field(() => String, { description: 'Title of the version the approval belongs to.' })
  courseTitle!: string;

  @Field(() => Int, { description: 'The version the approval belongs to.' })
  versionNumber!: number;
}

@ObjectType({
  description: 'A credit approval as the providers who hold it see it.',
  implements: CreditApprovalTerms,
})
export class ApprovalOverview extends CreditApprovalTerms {
  @Field(() => String, { description: 'The course’s slug.' })
  courseSlug!: string;

  @Field(() => Boolean, { description: 'Whether that version is the latest published one.' })
  isLatestVersion!: boolean;

  @Field(() => Int, { description: 'Enrolments in that version.' })
  learners!: number;

  @Field(() => Int, {
    description: 'Active, not completed enrolments in that version (who can still earn it there).',
  })
  inProgressLearners!: number;
}

export const ApprovalOverviewConnection = Connection(
  ApprovalOverview,
  'ApprovalOverview',
  'credit approval',
);

@ObjectType({ description: 'The approval a roster is for.', implements: CreditApprovalTerms })
export class RosterApproval extends CreditApprovalTerms {}

@ObjectType({ description: 'One learner on an approval’s roster.' })
export class RosterRow {
  @Field(() => ID, { description: 'Enrolment id.' })
  enrollmentId!: string;

  @Field(() => String, { description: 'Learner’s name.' })
  learnerName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Member id from the learner’s receipt (bill-to) for this course; null if none.',
  })
  memberId!: string | null;

  @Field(() => EnrollmentStatus, { description: 'Enrolment status.' })
  enrollmentStatus!: EnrollmentStatus;

  @Field(() => DateTimeResolver, { description: 'When they enrolled.' })
  enrolledAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When they completed.' })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'Seat minutes (the completion’s figure, or progress so far).' })
  seatMinutes!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Post-test score in percent (passing attempt, else the latest), two decimals.',
  })
  postTestPercent!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether that attempt passed.' })
  postTestPassed!: boolean | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When that attempt was submitted.',
  })
  postTestAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Serial of the newest certificate for this approval; null when none.',
  })
  certificateSerial!: string | null;

  @Field(() => CertificateStatus, { nullable: true, description: 'That certificate’s status.' })
  certificateStatus!: `${CertificateStatus}` | null;
}

@ObjectType({ description: 'Every learner of a credit approval’s course version.' })
export class ApprovalRoster {
  @Field(() => RosterApproval, { description: 'The approval.' })
  approval!: RosterApproval;

  @Field(() => [RosterRow], { description: 'Every learner, in enrolment order.' })
  rows!: RosterRow[];

  @Field(() => String, {
    description: 'The same as CSV (UTF-8 with a byte-order mark, CRLF), for download.',
  })
  csv!: string;
}
