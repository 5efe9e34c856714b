import {
  countOpenCodeSetNotices,
  getCodeSetImport,
  getCodeSetRelease,
  listCodeSetChanges,
  listCodeSetImports,
  listCodeSetReleases,
  listCourseCodeSetNotices,
  listVersionCodeSets,
  lookupCodes,
} from '@lms/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CodeSystem } from '../assessment/assessment.enums';
import { QuestionDetail } from '../assessment/assessment.types';
import { ManagedCourse } from '../authoring/authoring.types';
import { CourseType } from '../catalog/course.type';
import {
  CodeLookup,
  CodeSetChange,
  CodeSetChangeKind,
  CodeSetImport,
  CodeSetNotice,
  CodeSetRelease,
  toRelease,
} from './codesets.types';

@Resolver(() => CodeSetRelease)
export class CodeSetResolver {
  @Query(() => [CodeSetRelease], {
    description: 'Loaded code-set releases, by system, newest first (public, like the codes).',
  })
  async codeSetReleases(
    @Arg('system', () => CodeSystem, { nullable: true, description: 'Only this system.' })
    system: CodeSystem | null,
    @Ctx() ctx: Context,
  ) {
    return (await listCodeSetReleases({ db: ctx.db, system })).map(toRelease);
  }

  @Query(() => CodeSetRelease, { description: 'One code-set release.' })
  async codeSetRelease(
    @Arg('id', () => ID, { description: 'Release id.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return toRelease(await getCodeSetRelease({ db: ctx.db, id }));
  }

  @FieldResolver(() => [CodeSetChange], {
    description: 'The diff against the previous release, by code (at most `first`, ≤ 1000).',
  })
  changes(
    @Root() release: CodeSetRelease,
    @Arg('kind', () => CodeSetChangeKind, { nullable: true, description: 'Only this kind.' })
    kind: CodeSetChangeKind | null,
    @Arg('first', () => Int, { defaultValue: 200, description: 'How many, 1–1000.' }) first: number,
    @Ctx() ctx: Context,
  ) {
    return listCodeSetChanges({ db: ctx.db, releaseId: release.id, kind, first });
  }

  @Authorized('ADMIN')
  @Query(() => [CodeSetImport], { description: 'The latest code-set imports (admins).' })
  async codeSetImports(
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1–100.' }) first: number,
    @Ctx() ctx: Context,
  ) {
    return (await listCodeSetImports({ db: ctx.db, viewer: ctx.viewer, first })).map(toRelease);
  }

  @Authorized('ADMIN')
  @Query(() => CodeSetImport, { description: 'One code-set import and its progress (admins).' })
  async codeSetImport(
    @Arg('id', () => ID, { description: 'Import id.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return toRelease(await getCodeSetImport({ db: ctx.db, viewer: ctx.viewer, id }));
  }

  @Query(() => CodeLookup, {
    description:
      'Code look-up in a release (default: the one in force): by code prefix, or by words of the description, ranked.',
  })
  codeLookup(
    @Arg('system', () => CodeSystem, { description: 'The code system.' }) system: CodeSystem,
    @Arg('query', () => String, {
      description: 'A code prefix (E11, e11.6) or words (low back pain).',
    })
    query: string,
    @Arg('releaseId', () => ID, {
      nullable: true,
      description: 'A release; default: the one in force.',
    })
    releaseId: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1–50.' }) first: number,
    @Ctx() ctx: Context,
  ) {
    return lookupCodes({ db: ctx.db, input: { system, query, releaseId, first } });
  }

  @Authorized()
  @Query(() => [CodeSetNotice], {
    description:
      'Open code-set notices of a course (its instructors and admins): deleted or changed codes it still uses, and where.',
  })
  courseCodeSetNotices(
    @Arg('courseId', () => ID, { description: 'The course.' }) courseId: string,
    @Ctx() ctx: Context,
  ) {
    return listCourseCodeSetNotices({ db: ctx.db, viewer: ctx.viewer, courseId });
  }
}

@Resolver(() => ManagedCourse)
export class ManagedCourseCodeSetResolver {
  @FieldResolver(() => Int, {
    description: 'Open code-set notices: deleted or changed codes the course still uses.',
  })
  openCodeSetNotices(@Root() course: ManagedCourse, @Ctx() ctx: Context) {
    return countOpenCodeSetNotices({ db: ctx.db, viewer: ctx.viewer, courseId: course.id });
  }
}

@Resolver(() => QuestionDetail)
export class QuestionDetailCodeSetResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'CODE_SET: name of the release the key is checked against.',
  })
  codeSetReleaseName(
    @Root() question: QuestionDetail & { codeSetRelease?: { name: string } | null },
  ) {
    return question.codeSetRelease?.name ?? null;
  }
}

@Resolver(() => CourseType)
export class CourseCodeSetResolver {
  @FieldResolver(() => [String], {
    description:
      'The code-set years the published version teaches, e.g. ["ICD-10-CM FY2027"] (from its coding items).',
  })
  codeSetsTaught(@Root() course: CourseType, @Ctx() ctx: Context) {
    return listVersionCodeSets({ db: ctx.db, versionId: course.versionId });
  }
}
