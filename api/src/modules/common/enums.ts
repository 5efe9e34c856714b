import {
  CourseInstructorRole,
  CourseKind,
  CourseLevel,
  CourseStatus,
  CreditBody,
  LessonKind,
  Role,
} from '@lms/db';
import { registerEnumType } from 'type-graphql';

registerEnumType(Role, { name: 'Role', description: 'What a user may do on the platform.' });
registerEnumType(CourseKind, {
  name: 'CourseKind',
  description: 'EXAM_PREP prepares for a credential exam; CE earns continuing-education credit.',
});
registerEnumType(CourseLevel, { name: 'CourseLevel', description: 'Expected prior knowledge.' });
registerEnumType(LessonKind, {
  name: 'LessonKind',
  description: 'TEXT (Markdown), VIDEO, or QUIZ.',
});
registerEnumType(CreditBody, {
  name: 'CreditBody',
  description: 'The body that approved a course for continuing-education credit.',
});

registerEnumType(CourseStatus, {
  name: 'CourseStatus',
  description:
    'DRAFT: never published. PUBLISHED: in the catalog. UNPUBLISHED: hidden, learners keep access. ARCHIVED: retired and read-only.',
});
registerEnumType(CourseInstructorRole, {
  name: 'CourseInstructorRole',
  description: 'OWNER created the course; INSTRUCTOR co-teaches it.',
});

export {
  CourseInstructorRole,
  CourseKind,
  CourseLevel,
  CourseStatus,
  CreditBody,
  LessonKind,
  Role,
};
