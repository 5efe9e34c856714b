import { CourseKind, CourseLevel, CreditBody, LessonKind, Role } from '@lms/db';
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

export { CourseKind, CourseLevel, CreditBody, LessonKind, Role };
