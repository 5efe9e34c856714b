import { NameCorrectionStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(NameCorrectionStatus, {
  name: 'NameCorrectionStatus',
  description:
    'PENDING: waiting for an admin. APPLIED: the name was changed and the certificates reissued. REJECTED: left unchanged.',
});

@ObjectType({
  description: 'A learner’s request to change the name printed on their certificates.',
})
export class CertificateNameCorrection {
  @Field(() => ID, { description: 'Request id.' })
  id!: string;

  @Field(() => ID, { description: 'The learner.' })
  userId!: string;

  @Field(() => String, { description: 'The learner’s email (admins see who asked).' })
  learnerEmail!: string;

  @Field(() => String, { description: 'The name printed when the request was made.' })
  currentName!: string;

  @Field(() => String, { description: 'The name asked for.' })
  requestedName!: string;

  @Field(() => String, { nullable: true, description: 'The learner’s note (why).' })
  note!: string | null;

  @Field(() => NameCorrectionStatus, { description: 'Where the request stands.' })
  status!: NameCorrectionStatus;

  @Field(() => DateTimeResolver, { description: 'When it was asked.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When an admin resolved it.' })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The admin’s note.' })
  resolution!: string | null;
}

@ObjectType({ description: 'The name printed on the viewer’s certificates.' })
export class CertificateName {
  @Field(() => String, {
    description: 'The confirmed name; before confirmation, the account name as a suggestion.',
  })
  name!: string;

  @Field(() => Boolean, {
    description: 'Whether the learner confirmed it. No certificate is issued before that.',
  })
  confirmed!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was confirmed.' })
  confirmedAt!: Date | null;

  @Field(() => Int, {
    description: 'Completed courses whose certificates wait for the confirmation.',
  })
  pendingCompletions!: number;

  @Field(() => CertificateNameCorrection, {
    nullable: true,
    description: 'The open correction request, if any.',
  })
  pendingCorrection!: CertificateNameCorrection | null;
}
