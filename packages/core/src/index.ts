// Account security (issue 12 item 3): reset, verification, password and email changes, sessions.

export type { Viewer } from './access/viewer';
export { ACCOUNT_TOKEN_TTL_MS } from './account/account-token';
export { cancelEmailChange } from './account/cancel-email-change';
export { changePassword } from './account/change-password';
export { checkPasswordResetToken } from './account/check-password-reset-token';
export { type ConfirmedEmail, confirmEmail } from './account/confirm-email';
export { deviceLabel } from './account/device-label';
export { EMAIL_LINK_INVALID } from './account/email-verification';
export {
  type AccountSecurity,
  type AccountSession,
  getAccountSecurity,
} from './account/get-account-security';
export { registerUser } from './account/register-user';
export { requestEmailChange } from './account/request-email-change';
export { type PasswordResetLimits, requestPasswordReset } from './account/request-password-reset';
export { resendVerificationEmail } from './account/resend-verification-email';
export { RESET_LINK_INVALID, resetPassword } from './account/reset-password';
export { revokeSession } from './account/revoke-session';
export { signOutOtherSessions } from './account/sign-out-other-sessions';
export { AUDIT_ACTION_LABELS, auditActionLabel } from './admin/audit-descriptions';
export type { AuditLogEntry } from './admin/list-audit-log';
export { listAuditLog } from './admin/list-audit-log';
export { type FailedJob, listFailedJobs } from './admin/list-failed-jobs';
export { type ListUsersOptions, listUsers } from './admin/list-users';
export { type SetUserRoleOptions, setUserRole } from './admin/set-user-role';
export type { UserSummary } from './admin/user-summary';
export type { ApprovalOverview } from './approvals/approval-dashboard';
export { listApprovalDashboard } from './approvals/approval-dashboard';
export type { ApprovalRoster, RosterApproval, RosterRow } from './approvals/approval-roster';
export { approvalRosterCsv, getApprovalRoster } from './approvals/approval-roster';
export type { CreditOfferingForSale } from './approvals/credit-offerings';
export {
  creditNotices,
  creditOfferingsForSale,
  saleItemName,
} from './approvals/credit-offerings';
export { addQuestion } from './assessment/add-question';
export type {
  AreaScore,
  AttemptResult,
  AttemptSection,
  LearnerAttempt,
  LearnerQuestion,
  QuestionReview,
} from './assessment/attempt-views';
export { configureQuiz } from './assessment/configure-quiz';
export { deleteQuestion } from './assessment/delete-question';
export { deleteQuiz } from './assessment/delete-quiz';
export { getQuizAttempt } from './assessment/get-quiz-attempt';
export type { AttemptSummary, LearnerQuiz } from './assessment/get-quiz-for-learner';
export { getQuizForLearner } from './assessment/get-quiz-for-learner';
export type {
  QuestionStatistics,
  QuizStatistics,
  ScoreBucket,
} from './assessment/get-quiz-statistics';
export { getQuizStatistics } from './assessment/get-quiz-statistics';
export type { GradeOutcome } from './assessment/grade-attempt';
export { gradeAttempt } from './assessment/grade-attempt';
export { gradeExpiredAttempt } from './assessment/grade-expired-attempt';
export { gradeExpiredAttempts } from './assessment/grade-expired-attempts';
export type { GradebookColumn, GradebookPage } from './assessment/gradebook-page';
export { getGradebookPage } from './assessment/gradebook-page';
export type { QuizAttemptRow } from './assessment/list-quiz-attempts';
export { listQuizAttempts } from './assessment/list-quiz-attempts';
export { moveQuestion } from './assessment/move-question';
export type { QuestionInput, QuizSettingsInput } from './assessment/quiz-schemas';
export { questionSchema } from './assessment/quiz-schemas';
export type { AnswerInput, SavedAnswer } from './assessment/save-answer';
export { saveAnswer } from './assessment/save-answer';
export type { LearnerResponse } from './assessment/scoring';
export { normalizeText, scoreAnswer } from './assessment/scoring';
export { startQuizAttempt } from './assessment/start-quiz-attempt';
export { submitQuizAttempt } from './assessment/submit-quiz-attempt';
export { updateQuestion } from './assessment/update-question';
export { PASSWORD_MIN_LENGTH } from './auth/credentials';
export { getViewerByToken } from './auth/get-viewer-by-token';
export { stopPasswordCheck } from './auth/password-strength';
export { pruneExpiredRecords } from './auth/prune-expired-records';
export { SIGN_IN_FAILED, signIn } from './auth/sign-in';
export { signOut } from './auth/sign-out';
export type { SessionClient, StartedSession } from './auth/start-session';
export { addCourseInstructor } from './authoring/add-course-instructor';
export { addCreditApproval } from './authoring/add-credit-approval';
export { addLesson } from './authoring/add-lesson';
export { addModule } from './authoring/add-module';
// Provider and auditor tools (issue 9): approval lifecycle, credit at sale.
export type {
  ApprovalDates,
  CreditSaleTerms,
} from './authoring/approval-status';
export {
  ApprovalStatus,
  approvalStatus,
  creditSaleTerms,
  daysLeft,
  EXPIRING_WITHIN_DAYS,
  typicalCompletionDays,
} from './authoring/approval-status';
export { archiveCourse } from './authoring/archive-course';
export type { CourseInstructorEntry } from './authoring/course-instructors';
export { createCourse } from './authoring/create-course';
export { deleteDraftCourse } from './authoring/delete-draft-course';
export { deleteLesson } from './authoring/delete-lesson';
export { deleteModule } from './authoring/delete-module';
export type {
  EditableCourse,
  EditableCreditApproval,
  EditableLesson,
  EditableModule,
  EditableQuestion,
  EditableQuestionOption,
  EditableQuiz,
  VersionContent,
} from './authoring/editable-course';
export { getEditableCourse } from './authoring/editable-course';
export { getPublishPreview } from './authoring/get-publish-preview';
export { LIMITS } from './authoring/limits';
export { listCourseInstructors } from './authoring/list-course-instructors';
export type { ManagedCourseSummary } from './authoring/list-manageable-courses';
export { listManageableCourses } from './authoring/list-manageable-courses';
export { moveLesson } from './authoring/move-lesson';
export { moveModule } from './authoring/move-module';
export { previewMarkdown } from './authoring/preview-markdown';
export type { PublishPreview } from './authoring/publish-course';
export { publishCourse } from './authoring/publish-course';
export type {
  PublishingProblem,
  PublishingProblemKind,
} from './authoring/publishing-problems';
export { quizProblems } from './authoring/quiz-problems';
export { relistCourse } from './authoring/relist-course';
export { removeCourseInstructor } from './authoring/remove-course-instructor';
export { removeCreditApproval } from './authoring/remove-credit-approval';
export { renameModule } from './authoring/rename-module';
export { restoreCourse } from './authoring/restore-course';
export { unpublishCourse } from './authoring/unpublish-course';
export { updateCourseDetails } from './authoring/update-course-details';
export { updateCreditApproval } from './authoring/update-credit-approval';
export { updateLesson } from './authoring/update-lesson';
export type { CatalogCourse } from './catalog/catalog-course';
export { CatalogSort } from './catalog/cursor';
export { getPublishedCourse } from './catalog/get-published-course';
export type { CatalogFilter, CoursePage } from './catalog/list-published-courses';
export {
  CatalogPrice,
  listPublishedCourses,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  normalizeSearch,
} from './catalog/list-published-courses';
export type {
  CreditOffering,
  InstructorCredentialView,
  InstructorProfile,
  SyllabusModule,
} from './catalog/load-course-parts';
export {
  loadCourseInstructors,
  loadCreditOfferings,
  loadInstructorCredentials,
  loadInstructors,
  loadSyllabi,
} from './catalog/load-course-parts';
export type { AttemptCompletion } from './certificates/attempt-certificates';
export { getAttemptCompletion } from './certificates/attempt-certificates';
export type { AuditPacket } from './certificates/audit-packet';
export {
  exportCertificateAuditPacket,
  getCertificateAuditPacket,
} from './certificates/audit-packet';
export type {
  CertificateNameCorrectionView,
  CertificateNameState,
} from './certificates/certificate-name';
export type { CertificateStatus, CertificateView } from './certificates/certificate-views';
export {
  type ConfirmCertificateNameOptions,
  confirmCertificateName,
} from './certificates/confirm-certificate-name';
export { getIssuerProfile } from './certificates/documents';
export { getCertificate } from './certificates/get-certificate';
export { getCertificateCredentialJwt } from './certificates/get-certificate-credential-jwt';
export { getCertificatePdf } from './certificates/get-certificate-pdf';
export {
  type GetMyCertificateNameOptions,
  getMyCertificateName,
} from './certificates/get-my-certificate-name';
export { getStatusListCredentialJwt } from './certificates/get-status-list-credential-jwt';
export {
  COMPLETION_CREDIT_KEY,
  creditQualifies,
  issueCertificatesForCompletion,
} from './certificates/issue-certificates';
export {
  type ListCertificateNameCorrectionsOptions,
  listCertificateNameCorrections,
} from './certificates/list-certificate-name-corrections';
export { listMyCertificates } from './certificates/list-my-certificates';
export {
  type ReissueCertificateOptions,
  reissueCertificate,
} from './certificates/reissue-certificate';
export {
  type RequestCertificateNameCorrectionOptions,
  requestCertificateNameCorrection,
} from './certificates/request-certificate-name-correction';
export {
  type ResolveCertificateNameCorrectionOptions,
  resolveCertificateNameCorrection,
} from './certificates/resolve-certificate-name-correction';
export { revokeEnrollmentCertificates } from './certificates/revocation';
export {
  type RevokeCertificateOptions,
  revokeCertificate,
} from './certificates/revoke-certificate';
export type { CertificateSearchHit } from './certificates/search-certificates';
export { searchCertificates } from './certificates/search-certificates';
export type { CertificateVerification } from './certificates/verify-certificate';
export { verifyCertificate } from './certificates/verify-certificate';
export type { CodeUse } from './codesets/code-uses';
export {
  codeProblem,
  currentCodeSetYear,
  displayCode,
  isStaleCodeSetYear,
  parseCodes,
} from './codesets/codes';
export { countOpenCodeSetNotices } from './codesets/count-open-code-set-notices';
export { CodeFileLineError, CPT_CODE_SHAPE } from './codesets/file-formats';
export { getCodeSetImport } from './codesets/get-code-set-import';
export { getCodeSetRelease } from './codesets/get-code-set-release';
export type {
  CodeSetImportInput,
  CodeSetImportJob,
  UploadedCodeFile,
} from './codesets/import-release';
export {
  CODE_FILE_MAX_BYTES,
  defaultReleaseName,
  requireCodeSetAdmin,
  startCodeSetImport,
} from './codesets/import-release';
export type { CodeSetChangeView } from './codesets/list-code-set-changes';
export { listCodeSetChanges } from './codesets/list-code-set-changes';
export { listCodeSetImports } from './codesets/list-code-set-imports';
export { listCodeSetReleases } from './codesets/list-code-set-releases';
export { listCourseCodeSetNotices } from './codesets/list-course-code-set-notices';
export type { CodeLookup, CodeLookupResult } from './codesets/lookup-codes';
export { lookupCodes } from './codesets/lookup-codes';
export type { CodeSetNoticeView, NoticeChange } from './codesets/notices';
export { refreshCodeSetNotices } from './codesets/notices';
export type { CodeSetReleaseView } from './codesets/releases';
export { releaseInForce } from './codesets/releases';
export { listVersionCodeSets } from './codesets/version-code-sets';
export type { CertificateSettings } from './common/certificate-settings';
export {
  certificateSettings,
  configureCertificates,
  issuerInfo,
  statusListUrl,
} from './common/certificate-settings';
export {
  isMediaUrl,
  MEDIA_KINDS,
  MEDIA_MAX_BYTES,
  MEDIA_PATH_PREFIX,
  type MediaKind,
} from './content/media-limits';
export { renderMarkdown } from './content/render-markdown';
export type { VideoEmbed } from './content/video-embed';
export { videoEmbed } from './content/video-embed';
export { configureJobScheduler, type JobScheduler, jobScheduler } from './db/job-scheduler';
export type { AppErrorCode, FieldErrors } from './errors/app-error';
export { AppError, isAppError } from './errors/app-error';
// Email (issue 12): the outbox, templates, delivery and notification preferences.
export * from './jobs';
export { completeLesson } from './learning/complete-lesson';
export type { CompletionOutcome } from './learning/completion';
export { evaluateCompletion, markLessonComplete } from './learning/completion';
export { endEnrollment } from './learning/end-enrollment';
export type { EnrollmentSummary } from './learning/enroll-in-course';
export { enrollInCourse, grantEnrollment } from './learning/enroll-in-course';
export { requireEnrolledLesson } from './learning/enrollment-access';
export type { LearnerLessonView } from './learning/get-lesson-for-learner';
export { getLessonForLearner } from './learning/get-lesson-for-learner';
export { getMyLearningCourse } from './learning/get-my-learning-course';
export type { GradebookQuizResult, GradebookRow } from './learning/gradebook';
export { getGradebook, gradebookCsv } from './learning/gradebook';
export type { LearningCourse, ViewerEnrollmentState } from './learning/learner-views';
export { loadViewerEnrollments } from './learning/learner-views';
export type { LessonProgressState } from './learning/lesson-progress';
export { listMyLearning } from './learning/list-my-learning';
export type { VersionMoveResult } from './learning/move-to-latest-version';
export { moveLearnersToLatestVersion } from './learning/move-to-latest-version';
export { recordLessonActivity } from './learning/record-lesson-activity';
export { HEARTBEAT_INTERVAL_SECONDS } from './learning/seat-time';
export { unenrollFromCourse } from './learning/unenroll-from-course';
export * from './mail';
export { readMedia } from './media/read-media';
export { type UploadedMedia, uploadMedia } from './media/upload-media';
export type { Page } from './pagination/keyset';
export type {
  BillToInput,
  CheckoutConfirmation,
  HandledEvent,
  OrderView,
  PaymentOutcome,
  Receipt,
  StartedCheckout,
} from './payments/index';
export {
  closeCheckoutSession,
  confirmCheckout,
  fulfilCheckoutSession,
  getOrder,
  getReceipt,
  getReceiptPdf,
  handlePaymentEvent,
  listMyOrders,
  listOrders,
  recordChargeRefunded,
  refundOrder,
  startCheckout,
  updateOrderBillTo,
} from './payments/index';
export { DELETE_CONFIRMATION, deleteMyAccount } from './privacy/delete-my-account';
export { ERASURE_PLAN, type ErasureStep, type ErasureSubject } from './privacy/erasure-plan';
export {
  DATA_EXPORT_FORMAT,
  type DataExport,
  exportMyData,
  exportMyDataFile,
} from './privacy/export-my-data';
export type { Profile } from './profile/get-my-profile';
export { getMyProfile } from './profile/get-my-profile';
export { setMyTimeZone } from './profile/set-time-zone';
export { updateMyProfile } from './profile/update-profile';
export type { RateLimitName, RateLimitPolicy, RateRule } from './rate-limit/policy';
export { DEFAULT_RATE_LIMITS, rateLimitPolicy } from './rate-limit/policy';
export type { RateBucket } from './rate-limit/rate-limit';
export { enforceRateLimits } from './rate-limit/rate-limit';
export {
  configureProviderTimeZone,
  providerDay,
  providerDayAsDate,
  providerTimeZone,
} from './time/provider-day';
export type { LearnerCredentialInput } from './transcript/add-credential';
export { addCredential } from './transcript/add-credential';
export type { SelfReportedCreditInput } from './transcript/add-self-reported-credit';
export { addSelfReportedCredit } from './transcript/add-self-reported-credit';
export type {
  Transcript,
  TranscriptCycleView,
  TranscriptEntryView,
  TranscriptSource,
} from './transcript/build-transcript';
export { buildTranscript } from './transcript/build-transcript';
export type { CeuRequirementView } from './transcript/ceu-requirements';
export { exportMyTranscript, transcriptCsv } from './transcript/export-my-transcript';
export { getMyTranscript } from './transcript/get-my-transcript';
export type {
  LearnerCredentialView,
  SelfReportedCreditView,
} from './transcript/learner-credentials';
export { listCeuRequirements } from './transcript/list-ceu-requirements';
export { listMyCredentials } from './transcript/list-my-credentials';
export { listSelfReportedCredits } from './transcript/list-self-reported-credits';
export { removeCredential } from './transcript/remove-credential';
export { removeSelfReportedCredit } from './transcript/remove-self-reported-credit';
export type { CeuRequirementInput } from './transcript/update-ceu-requirement';
export { updateCeuRequirement } from './transcript/update-ceu-requirement';
