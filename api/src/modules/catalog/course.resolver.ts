import { type CatalogCourse, getPublishedCourse, listPublishedCourses } from '@lms/core';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Money } from '../common/money';
import {
  CourseConnection,
  CourseModule,
  CourseType,
  CreditOffering,
  Instructor,
} from './course.type';

function toCourseType(course: CatalogCourse): CourseType {
  const { version } = course;
  return {
    id: course.id,
    slug: course.slug,
    publishedAt: course.publishedAt,
    ownerId: course.ownerId,
    versionId: version.id,
    versionNumber: version.number,
    title: version.title,
    summary: version.summary,
    description: version.description,
    kind: version.kind,
    level: version.level,
    coverImageUrl: version.coverImageUrl,
    instructionalMinutes: version.instructionalMinutes,
    priceCents: version.priceCents,
    currency: version.currency,
  };
}

@Resolver(() => CourseType)
export class CourseResolver {
  @Query(() => CourseConnection, {
    description: 'The catalog: published courses, newest first. `first` is 1–50.',
  })
  async courses(
    @Arg('first', () => Int, { defaultValue: 12, description: 'Page size, 1–50.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last edge of the previous page.',
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<CourseConnection> {
    const page = await listPublishedCourses({ db: ctx.db, first, after });
    const edges = page.edges.map((edge) => ({
      cursor: edge.cursor,
      node: toCourseType(edge.node),
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => CourseType, {
    nullable: true,
    description: 'A published course by slug; null when unknown or not published.',
  })
  async course(
    @Arg('slug', () => String, { description: 'The course’s URL slug.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<CourseType | null> {
    const course = await getPublishedCourse({ db: ctx.db, slug });
    return course ? toCourseType(course) : null;
  }

  @FieldResolver(() => Money, { description: 'Price of the published version.' })
  price(@Root() course: CourseType): Money {
    return { amountCents: course.priceCents, currency: course.currency };
  }

  @FieldResolver(() => Boolean, { description: 'True when the course costs nothing.' })
  isFree(@Root() course: CourseType): boolean {
    return course.priceCents === 0;
  }

  @FieldResolver(() => Instructor, { description: 'The course’s owner and lead instructor.' })
  async instructor(@Root() course: CourseType, @Ctx() ctx: Context): Promise<Instructor> {
    const instructor = await ctx.loaders.instructor.load(course.ownerId);
    if (!instructor) throw new Error(`Course ${course.id} has no owner row`);
    return instructor;
  }

  @FieldResolver(() => [CreditOffering], {
    description: 'Continuing-education credit the published version carries, one per body.',
  })
  credits(@Root() course: CourseType, @Ctx() ctx: Context): Promise<CreditOffering[]> {
    return ctx.loaders.credits.load(course.versionId);
  }

  @FieldResolver(() => [CourseModule], { description: 'The syllabus: modules with their lessons.' })
  modules(@Root() course: CourseType, @Ctx() ctx: Context): Promise<CourseModule[]> {
    return ctx.loaders.syllabus.load(course.versionId);
  }
}
