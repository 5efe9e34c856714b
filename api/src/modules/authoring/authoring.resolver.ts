import {
  addCourseInstructor,
  addCreditApproval,
  addLesson,
  addModule,
  archiveCourse,
  createCourse,
  deleteDraftCourse,
  deleteLesson,
  deleteModule,
  getEditableCourse,
  getPublishPreview,
  listCourseInstructors,
  listManageableCourses,
  moveLesson,
  moveModule,
  previewMarkdown,
  publishCourse,
  relistCourse,
  removeCourseInstructor,
  removeCreditApproval,
  renameModule,
  renderMarkdown,
  restoreCourse,
  unpublishCourse,
  updateCourseDetails,
  updateCreditApproval,
  updateLesson,
} from '@lms/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../context';
import { toConnection } from '../common/connection';
import { DraftEditArgs } from '../common/draft-edit-args';
import { CourseStatus } from '../common/enums';
import { toEditableCourse } from './authoring.mapper';
import {
  CourseDetailsInput,
  CourseInstructorEntry,
  CreditApprovalInput,
  EditableCourse,
  EditableLesson,
  LessonInput,
  ManagedCourseConnection,
  PublishPreview,
  PublishResult,
} from './authoring.types';

const COURSE_ID = { description: 'The course’s id.' };

@Resolver(() => EditableCourse)
export class AuthoringResolver {
  @Authorized('INSTRUCTOR', 'ADMIN')
  @Query(() => ManagedCourseConnection, {
    description: 'Courses the viewer can manage (every course for an admin), newest first.',
  })
  async manageableCourses(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after:
      | string
      | null,
    @Arg('status', () => CourseStatus, {
      nullable: true,
      description: 'Only courses in this status.',
    })
    status: CourseStatus | null,
    @Ctx() ctx: Context,
  ) {
    const page = await listManageableCourses({
      db: ctx.db,
      viewer: ctx.viewer,
      first,
      after,
      status,
    });
    return toConnection(page, ({ draftTitle, draftRevision, ...course }) => ({
      ...course,
      title: draftTitle,
      revision: draftRevision,
    }));
  }

  @Authorized()
  @Query(() => EditableCourse, {
    description:
      'A course’s working draft, for its instructors and admins. Anyone else: NOT_FOUND.',
  })
  async editableCourse(@Arg('id', () => ID, COURSE_ID) id: string, @Ctx() ctx: Context) {
    return toEditableCourse(
      await getEditableCourse({ db: ctx.db, viewer: ctx.viewer, courseId: id }),
    );
  }

  @Authorized()
  @Query(() => String, {
    description:
      'Markdown rendered to the sanitised HTML learners would see (the editor’s live preview). Authors only; at most 200 KB.',
  })
  markdownPreview(
    @Arg('markdown', () => String, { description: 'The Markdown source.' }) markdown: string,
    @Ctx() ctx: Context,
  ): string {
    return previewMarkdown({ viewer: ctx.viewer, markdown });
  }

  @Query(() => PublishPreview, {
    description: 'What publishing the draft now would do, and what prevents it.',
  })
  async publishPreview(
    @Arg('courseId', () => ID, COURSE_ID) courseId: string,
    @Ctx() ctx: Context,
  ) {
    const preview = await getPublishPreview({ db: ctx.db, viewer: ctx.viewer, courseId });
    return { ...preview, canPublish: preview.problems.length === 0 };
  }

  @FieldResolver(() => [CourseInstructorEntry], {
    description: 'Who can edit this course, owner first.',
  })
  instructors(@Root() course: EditableCourse, @Ctx() ctx: Context) {
    return listCourseInstructors({ db: ctx.db, viewer: ctx.viewer, courseId: course.id });
  }

  @Authorized('INSTRUCTOR', 'ADMIN')
  @Mutation(() => EditableCourse, { description: 'Creates a draft course owned by the viewer.' })
  async createCourse(
    @Arg('input', () => CourseDetailsInput, { description: 'The course details.' })
    input: CourseDetailsInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(await createCourse({ db: ctx.db, viewer: ctx.viewer, input }));
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Edits the draft’s details.' })
  async updateCourseDetails(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('input', () => CourseDetailsInput, { description: 'The course details.' })
    input: CourseDetailsInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await updateCourseDetails({ db: ctx.db, viewer: ctx.viewer, ...draft, input }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Adds a module at the end of the draft syllabus.',
  })
  async addModule(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('title', () => String, { description: 'Module title.' }) title: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(await addModule({ db: ctx.db, viewer: ctx.viewer, ...draft, title }));
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Renames a module of the draft.' })
  async renameModule(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('moduleId', () => ID, { description: 'The module.' }) moduleId: string,
    @Arg('title', () => String, { description: 'New title.' }) title: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await renameModule({ db: ctx.db, viewer: ctx.viewer, ...draft, moduleId, title }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Moves a module to a position (1 = first).' })
  async moveModule(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('moduleId', () => ID, { description: 'The module.' }) moduleId: string,
    @Arg('position', () => Int, { description: 'Target position, from 1 (clamped).' })
    position: number,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await moveModule({ db: ctx.db, viewer: ctx.viewer, ...draft, moduleId, position }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Deletes a module and its lessons from the draft.',
  })
  async deleteModule(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('moduleId', () => ID, { description: 'The module.' }) moduleId: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await deleteModule({ db: ctx.db, viewer: ctx.viewer, ...draft, moduleId }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Adds a lesson at the end of a module.' })
  async addLesson(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('moduleId', () => ID, { description: 'The module to add to.' }) moduleId: string,
    @Arg('input', () => LessonInput, { description: 'The lesson content and settings.' })
    input: LessonInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await addLesson({ db: ctx.db, viewer: ctx.viewer, ...draft, moduleId, input }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Replaces a lesson’s content and settings.' })
  async updateLesson(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('lessonId', () => ID, { description: 'The lesson.' }) lessonId: string,
    @Arg('input', () => LessonInput, { description: 'The lesson content and settings.' })
    input: LessonInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await updateLesson({ db: ctx.db, viewer: ctx.viewer, ...draft, lessonId, input }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Moves a lesson to a position (1 = first), optionally into another module.',
  })
  async moveLesson(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('lessonId', () => ID, { description: 'The lesson.' }) lessonId: string,
    @Arg('position', () => Int, { description: 'Target position in the module, from 1 (clamped).' })
    position: number,
    @Arg('moduleId', () => ID, { nullable: true, description: 'Target module; default: its own.' })
    moduleId: string | null,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await moveLesson({
        db: ctx.db,
        viewer: ctx.viewer,
        ...draft,
        lessonId,
        position,
        moduleId,
      }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Deletes a lesson from the draft.' })
  async deleteLesson(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('lessonId', () => ID, { description: 'The lesson.' }) lessonId: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await deleteLesson({ db: ctx.db, viewer: ctx.viewer, ...draft, lessonId }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Attaches a credit approval to the draft.' })
  async addCreditApproval(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('input', () => CreditApprovalInput, { description: 'The approval.' })
    input: CreditApprovalInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await addCreditApproval({ db: ctx.db, viewer: ctx.viewer, ...draft, input }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Replaces a credit approval of the draft.' })
  async updateCreditApproval(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('approvalId', () => ID, { description: 'The approval.' }) approvalId: string,
    @Arg('input', () => CreditApprovalInput, { description: 'The approval.' })
    input: CreditApprovalInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await updateCreditApproval({
        db: ctx.db,
        viewer: ctx.viewer,
        ...draft,
        approvalId,
        input,
      }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Removes a credit approval from the draft.' })
  async removeCreditApproval(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('approvalId', () => ID, { description: 'The approval.' }) approvalId: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await removeCreditApproval({
        db: ctx.db,
        viewer: ctx.viewer,
        ...draft,
        approvalId,
      }),
    );
  }

  @Authorized()
  @Mutation(() => PublishResult, {
    description:
      'Publishes the draft as the next version (frozen; the catalog shows it) and opens a new draft. BAD_USER_INPUT lists what prevents it.',
  })
  async publishCourse(@Args(() => DraftEditArgs) draft: DraftEditArgs, @Ctx() ctx: Context) {
    const result = await publishCourse({ db: ctx.db, viewer: ctx.viewer, ...draft });
    return { ...result, course: toEditableCourse(result.course) };
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Hides a published course from the catalog.' })
  async unpublishCourse(
    @Arg('courseId', () => ID, COURSE_ID) courseId: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(await unpublishCourse({ db: ctx.db, viewer: ctx.viewer, courseId }));
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Puts an unpublished course back in the catalog.',
  })
  async relistCourse(@Arg('courseId', () => ID, COURSE_ID) courseId: string, @Ctx() ctx: Context) {
    return toEditableCourse(await relistCourse({ db: ctx.db, viewer: ctx.viewer, courseId }));
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Archives a course: out of the catalog and read-only.',
  })
  async archiveCourse(@Arg('courseId', () => ID, COURSE_ID) courseId: string, @Ctx() ctx: Context) {
    return toEditableCourse(await archiveCourse({ db: ctx.db, viewer: ctx.viewer, courseId }));
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Restores an archived course for editing.' })
  async restoreCourse(@Arg('courseId', () => ID, COURSE_ID) courseId: string, @Ctx() ctx: Context) {
    return toEditableCourse(await restoreCourse({ db: ctx.db, viewer: ctx.viewer, courseId }));
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Deletes a course that was never published (owner or admin). Published courses are archived instead.',
  })
  deleteCourse(@Arg('courseId', () => ID, COURSE_ID) courseId: string, @Ctx() ctx: Context) {
    return deleteDraftCourse({ db: ctx.db, viewer: ctx.viewer, courseId });
  }

  @Authorized()
  @Mutation(() => [CourseInstructorEntry], {
    description: 'Adds a co-instructor by email (owner or admin).',
  })
  addCourseInstructor(
    @Arg('courseId', () => ID, COURSE_ID) courseId: string,
    @Arg('email', () => String, { description: 'The instructor’s account email.' }) email: string,
    @Ctx() ctx: Context,
  ) {
    return addCourseInstructor({ db: ctx.db, viewer: ctx.viewer, courseId, email });
  }

  @Authorized()
  @Mutation(() => [CourseInstructorEntry], {
    description: 'Removes a co-instructor (owner or admin).',
  })
  removeCourseInstructor(
    @Arg('courseId', () => ID, COURSE_ID) courseId: string,
    @Arg('userId', () => ID, { description: 'The co-instructor’s user id.' }) userId: string,
    @Ctx() ctx: Context,
  ) {
    return removeCourseInstructor({ db: ctx.db, viewer: ctx.viewer, courseId, userId });
  }
}

@Resolver(() => EditableLesson)
export class EditableLessonResolver {
  @FieldResolver(() => String, { description: 'The lesson text rendered to sanitised HTML.' })
  bodyHtml(@Root() lesson: EditableLesson): string {
    return renderMarkdown(lesson.body);
  }
}
