import { CodeSetChangeKind, CodeSetImportStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CodeSystem } from '../assessment/assessment.enums';

registerEnumType(CodeSetChangeKind, {
  name: 'CodeSetChangeKind',
  description:
    'How a code differs from the previous release: ADDED, DELETED, or CHANGED (description or billable flag).',
});
registerEnumType(CodeSetImportStatus, {
  name: 'CodeSetImportStatus',
  description: 'RUNNING (see processedLines), SUCCEEDED, or FAILED (nothing was imported).',
});

export { CodeSetChangeKind, CodeSetImportStatus };

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

@ObjectType({
  description: 'A loaded release of a public code set (ICD-10-CM, ICD-10-PCS, HCPCS Level II).',
})
export class CodeSetRelease {
  @Field(() => ID, { description: 'Release id.' })
  id!: string;

  @Field(() => CodeSystem, { description: 'The code system.' })
  system!: CodeSystem;

  @Field(() => String, { description: 'Name, e.g. "ICD-10-CM FY2027".' })
  name!: string;

  @Field(() => Int, {
    description: 'Code-set year (fiscal year for ICD-10, calendar year for HCPCS).',
  })
  year!: number;

  @Field(() => String, { description: 'Effective date, YYYY-MM-DD.' })
  effectiveOn!: string;

  @Field(() => Int, { description: 'Codes in the release (headers included).' })
  codeCount!: number;

  @Field(() => Int, { description: 'Billable (valid for claims) codes.' })
  billableCount!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The release of the same system this one was compared with.',
  })
  previousReleaseName!: string | null;

  @Field(() => Int, { description: 'Codes added since the previous release.' })
  addedCount!: number;

  @Field(() => Int, { description: 'Codes deleted since the previous release.' })
  deletedCount!: number;

  @Field(() => Int, { description: 'Codes whose description or billable flag changed.' })
  changedCount!: number;

  @Field(() => DateTimeResolver, { description: 'When it was imported.' })
  importedAt!: Date;
}

export function toRelease<T extends { effectiveOn: Date }>(
  release: T,
): Omit<T, 'effectiveOn'> & { effectiveOn: string } {
  return { ...release, effectiveOn: dateOnly(release.effectiveOn) };
}

@ObjectType({ description: 'One line of a release’s diff against the previous release.' })
export class CodeSetChange {
  @Field(() => String, { description: 'The code, as shown (ICD-10-CM with its dot).' })
  code!: string;

  @Field(() => CodeSetChangeKind, { description: 'Added, deleted or changed.' })
  kind!: CodeSetChangeKind;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Billable before (null: not in the previous release).',
  })
  oldBillable!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Billable now (null: deleted).' })
  newBillable!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Long description before.' })
  oldDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'Long description now.' })
  newDescription!: string | null;
}

@ObjectType({ description: 'An admin’s import of a code-set file, with its progress.' })
export class CodeSetImport {
  @Field(() => ID, { description: 'Import id.' })
  id!: string;

  @Field(() => CodeSystem, { description: 'The code system.' })
  system!: CodeSystem;

  @Field(() => String, { description: 'Name of the release being imported.' })
  name!: string;

  @Field(() => String, { description: 'Effective date, YYYY-MM-DD.' })
  effectiveOn!: string;

  @Field(() => String, { description: 'Uploaded file name.' })
  fileName!: string;

  @Field(() => Int, { description: 'Lines in the file.' })
  totalLines!: number;

  @Field(() => Int, { description: 'Lines read so far.' })
  processedLines!: number;

  @Field(() => CodeSetImportStatus, { description: 'Running, succeeded or failed.' })
  status!: CodeSetImportStatus;

  @Field(() => String, { nullable: true, description: 'Summary, or what to fix when it failed.' })
  message!: string | null;

  @Field(() => Int, { nullable: true, description: 'The line that stopped a failed import.' })
  errorLine!: number | null;

  @Field(() => ID, { nullable: true, description: 'The release (once imported).' })
  releaseId!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the upload arrived.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it finished.' })
  finishedAt!: Date | null;
}

@ObjectType({ description: 'The release a look-up searched.' })
export class CodeLookupRelease {
  @Field(() => ID, { description: 'Release id.' })
  id!: string;

  @Field(() => String, { description: 'Release name.' })
  name!: string;

  @Field(() => CodeSystem, { description: 'The code system.' })
  system!: CodeSystem;
}

@ObjectType({ description: 'A code found by the look-up.' })
export class CodeLookupResult {
  @Field(() => String, { description: 'The code, as shown (ICD-10-CM with its dot).' })
  code!: string;

  @Field(() => Boolean, { description: 'false: a header (category), not valid on a claim.' })
  billable!: boolean;

  @Field(() => String, { description: 'Short description.' })
  shortDescription!: string;

  @Field(() => String, { description: 'Long description.' })
  longDescription!: string;
}

@ObjectType({ description: 'Codes matching a look-up, best first.' })
export class CodeLookup {
  @Field(() => CodeLookupRelease, {
    nullable: true,
    description: 'The release searched (null: none of this system is loaded).',
  })
  release!: CodeLookupRelease | null;

  @Field(() => [CodeLookupResult], {
    description: 'Matches: code prefix first, then description words by rank.',
  })
  results!: CodeLookupResult[];
}

@ObjectType({ description: 'A place in a course that uses a code.' })
export class CodeUsePlace {
  @Field(() => Boolean, {
    description: 'true: the draft; false: the published version learners see.',
  })
  draft!: boolean;

  @Field(() => Int, { description: 'Version number.' })
  versionNumber!: number;

  @Field(() => ID, { description: 'The lesson (for a quiz key: the quiz lesson).' })
  lessonId!: string;

  @Field(() => String, { description: 'Lesson title.' })
  lessonTitle!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The quiz question whose key uses the code (null: lesson text).',
  })
  questionId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Position of that question in its quiz.' })
  questionPosition!: number | null;

  @Field(() => String, { description: 'The code as written there.' })
  written!: string;
}

@ObjectType({ description: 'A deleted or changed code a course uses, with where it is used.' })
export class CodeSetNoticeChange extends CodeSetChange {
  @Field(() => [CodeUsePlace], { description: 'Where the course still uses it.' })
  uses!: CodeUsePlace[];
}

@ObjectType({
  description:
    'A code-set update that affects a course: what changed and where the course uses it.',
})
export class CodeSetNotice {
  @Field(() => ID, { description: 'Notice id.' })
  id!: string;

  @Field(() => String, { description: 'The release that made the change.' })
  releaseName!: string;

  @Field(() => CodeSystem, { description: 'The code system.' })
  system!: CodeSystem;

  @Field(() => DateTimeResolver, { description: 'When the release was imported.' })
  createdAt!: Date;

  @Field(() => [CodeSetNoticeChange], { description: 'The changes the course is affected by.' })
  changes!: CodeSetNoticeChange[];
}
