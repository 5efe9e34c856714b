import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker';
import { AccountResolver } from './modules/account/account.resolver';
import { AdminResolver } from './modules/admin/admin.resolver';
import { ApprovalsResolver } from './modules/approvals/approvals.resolver';
import {
  AssessmentResolver,
  AttemptQuestionResolver,
  LearnerQuizResolver,
  QuestionDetailResolver,
  QuestionReviewResolver,
  QuizStatisticsResolver,
} from './modules/assessment/assessment.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { AuthoringResolver, EditableLessonResolver } from './modules/authoring/authoring.resolver';
import { CourseResolver, InstructorResolver } from './modules/catalog/course.resolver';
import { CertificateResolver } from './modules/certificates/certificate.resolver';
import { CertificateNameResolver } from './modules/certificates/certificate-name.resolver';
import {
  CodeSetResolver,
  CourseCodeSetResolver,
  ManagedCourseCodeSetResolver,
  QuestionDetailCodeSetResolver,
} from './modules/codesets/codesets.resolver';
import { GradebookResolver } from './modules/learning/gradebook.resolver';
import { CourseEnrollmentResolver, LearningResolver } from './modules/learning/learning.resolver';
import { VersionMoveResolver } from './modules/learning/version-move.resolver';
import { EmailPreferencesResolver } from './modules/mail/email-preferences.resolver';
import { PaymentsResolver } from './modules/payments/payments.resolver';
import { PrivacyResolver } from './modules/privacy/privacy.resolver';
import { ProfileResolver } from './modules/profile/profile.resolver';
import { TimeZoneResolver } from './modules/profile/time-zone.resolver';

export const resolvers = [
  AuthResolver,
  AccountResolver,
  CourseResolver,
  InstructorResolver,
  AuthoringResolver,
  EditableLessonResolver,
  ProfileResolver,
  EmailPreferencesResolver,
  PrivacyResolver,
  TimeZoneResolver,
  AdminResolver,
  LearningResolver,
  CourseEnrollmentResolver,
  GradebookResolver,
  VersionMoveResolver,
  ApprovalsResolver,
  AssessmentResolver,
  AttemptQuestionResolver,
  QuestionReviewResolver,
  LearnerQuizResolver,
  QuestionDetailResolver,
  QuizStatisticsResolver,
  CertificateResolver,
  CertificateNameResolver,
  PaymentsResolver,
  CodeSetResolver,
  CourseCodeSetResolver,
  ManagedCourseCodeSetResolver,
  QuestionDetailCodeSetResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    validate: false,
  });
  return built;
}

/** The SDL committed as api/schema.graphql, in a stable order. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
