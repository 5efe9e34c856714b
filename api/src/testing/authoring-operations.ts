/** GraphQL documents for the authoring API, shared by its tests. */
export const COURSE_FIELDS = `id slug status revision versionNumber latestPublishedVersionNumber title summary
  description kind level price { amountCents currency } coverImageUrl instructionalMinutes
  modules { id title position lessons { id title position kind body bodyHtml videoUrl videoSeconds estimatedMinutes required } }
  creditApprovals { id body bodyName approvalNumber approvedTitle ceuAmount category validFrom validUntil problem }
  viewerIsOwner`;

export const CREATE_COURSE = `mutation($input: CourseDetailsInput!) { createCourse(input: $input) { ${COURSE_FIELDS} } }`;
export const EDITABLE_COURSE = `query($id: ID!) { editableCourse(id: $id) { ${COURSE_FIELDS} instructors { userId role } } }`;
export const UPDATE_DETAILS = `mutation($courseId: ID!, $revision: Int!, $input: CourseDetailsInput!) {
  updateCourseDetails(courseId: $courseId, revision: $revision, input: $input) { ${COURSE_FIELDS} } }`;
export const ADD_MODULE = `mutation($courseId: ID!, $revision: Int!, $title: String!) {
  addModule(courseId: $courseId, revision: $revision, title: $title) { ${COURSE_FIELDS} } }`;
export const RENAME_MODULE = `mutation($courseId: ID!, $revision: Int!, $moduleId: ID!, $title: String!) {
  renameModule(courseId: $courseId, revision: $revision, moduleId: $moduleId, title: $title) { ${COURSE_FIELDS} } }`;
export const MOVE_MODULE = `mutation($courseId: ID!, $revision: Int!, $moduleId: ID!, $position: Int!) {
  moveModule(courseId: $courseId, revision: $revision, moduleId: $moduleId, position: $position) { ${COURSE_FIELDS} } }`;
export const DELETE_MODULE = `mutation($courseId: ID!, $revision: Int!, $moduleId: ID!) {
  deleteModule(courseId: $courseId, revision: $revision, moduleId: $moduleId) { ${COURSE_FIELDS} } }`;
export const ADD_LESSON = `mutation($courseId: ID!, $revision: Int!, $moduleId: ID!, $input: LessonInput!) {
  addLesson(courseId: $courseId, revision: $revision, moduleId: $moduleId, input: $input) { ${COURSE_FIELDS} } }`;
export const UPDATE_LESSON = `mutation($courseId: ID!, $revision: Int!, $lessonId: ID!, $input: LessonInput!) {
  updateLesson(courseId: $courseId, revision: $revision, lessonId: $lessonId, input: $input) { ${COURSE_FIELDS} } }`;
export const MOVE_LESSON = `mutation($courseId: ID!, $revision: Int!, $lessonId: ID!, $position: Int!, $moduleId: ID) {
  moveLesson(courseId: $courseId, revision: $revision, lessonId: $lessonId, position: $position, moduleId: $moduleId) { ${COURSE_FIELDS} } }`;
export const DELETE_LESSON = `mutation($courseId: ID!, $revision: Int!, $lessonId: ID!) {
  deleteLesson(courseId: $courseId, revision: $revision, lessonId: $lessonId) { ${COURSE_FIELDS} } }`;
export const ADD_APPROVAL = `mutation($courseId: ID!, $revision: Int!, $input: CreditApprovalInput!) {
  addCreditApproval(courseId: $courseId, revision: $revision, input: $input) { ${COURSE_FIELDS} } }`;
export const UPDATE_APPROVAL = `mutation($courseId: ID!, $revision: Int!, $approvalId: ID!, $input: CreditApprovalInput!) {
  updateCreditApproval(courseId: $courseId, revision: $revision, approvalId: $approvalId, input: $input) { ${COURSE_FIELDS} } }`;
export const REMOVE_APPROVAL = `mutation($courseId: ID!, $revision: Int!, $approvalId: ID!) {
  removeCreditApproval(courseId: $courseId, revision: $revision, approvalId: $approvalId) { ${COURSE_FIELDS} } }`;
export const PUBLISH_PREVIEW = `query($courseId: ID!) { publishPreview(courseId: $courseId) { nextVersionNumber canPublish problems changes instructionalMinutes } }`;
export const PUBLISH = `mutation($courseId: ID!, $revision: Int!) {
  publishCourse(courseId: $courseId, revision: $revision) { publishedVersionNumber changes course { ${COURSE_FIELDS} } } }`;
export const UNPUBLISH = `mutation($courseId: ID!) { unpublishCourse(courseId: $courseId) { status } }`;
export const RELIST = `mutation($courseId: ID!) { relistCourse(courseId: $courseId) { status } }`;
export const ARCHIVE = `mutation($courseId: ID!) { archiveCourse(courseId: $courseId) { status } }`;
export const RESTORE = `mutation($courseId: ID!) { restoreCourse(courseId: $courseId) { status } }`;
export const DELETE_COURSE = `mutation($courseId: ID!) { deleteCourse(courseId: $courseId) }`;
export const ADD_INSTRUCTOR = `mutation($courseId: ID!, $email: String!) { addCourseInstructor(courseId: $courseId, email: $email) { userId role } }`;
export const REMOVE_INSTRUCTOR = `mutation($courseId: ID!, $userId: ID!) { removeCourseInstructor(courseId: $courseId, userId: $userId) { userId role } }`;
export const MANAGEABLE = `query { manageableCourses(first: 100) { totalCount edges { node { id title status revision } } } }`;

const isoDay = (daysFromToday: number) =>
  new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/**
 * An approval any draft with a lesson can publish: AHIMA (no post-test needed), valid today
 * and for less than a year (dates relative to the day the tests run).
 */
export const VALID_APPROVAL = {
  body: 'AHIMA',
  approvalNumber: 'AHIMA-TEST-0042',
  approvedTitle: 'Coding Diabetes with ICD-10-CM',
  ceuAmount: '1.50',
  category: 'core',
  validFrom: isoDay(-30),
  validUntil: isoDay(300),
};

/** An AAPC approval: publishable only with a post-test and the exact title. */
export const AAPC_APPROVAL = {
  ...VALID_APPROVAL,
  body: 'AAPC',
  approvalNumber: 'AAPC-TEST-0042',
};

export const TEXT_LESSON = {
  title: 'Combination codes',
  kind: 'TEXT',
  body: '## E11.9\n\nType 2 diabetes mellitus without complications.',
  estimatedMinutes: 20,
  required: true,
};
