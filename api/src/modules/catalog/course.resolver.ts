import {
  type CatalogCourse,
  creditNotices,
  creditOfferingsForSale,
  getPublishedCourse,
  listPublishedCourses,
} from '@lms/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { toConnection } from '../common/connection';
import { Money } from '../common/money';
import { CatalogSort, CourseFilter } from './course.input';
import {
  CourseConnection,
  CourseModule,
  CourseType,
  CreditOffering,
  Instructor,
  InstructorCredential,
} from './course.type';
import {
  creditsOf,
  instructorsOf,
  mapLoaded,
  readCoursePartsAhead,
  syllabusOf,
} from './course-parts';

/**
 * An instance of the GraphQL class: type-graphql hands a field resolver's root on as it is when
 * it already is one, and otherwise copies it into a new CourseType for every resolved field
 * (five per course on a catalog page).
 */
function toCourseType(course: CatalogCourse): CourseType {
  const { version } = course;
  return Object.assign(new CourseType(), {
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
    coverImageAlt: version.coverImageAlt,
    instructionalMinutes: version.instructionalMinutes,
    priceCents: version.priceCents,
    currency: version.currency,
  });
}

@Resolver(() => CourseType)
export class CourseResolver {
  @Query(() => CourseConnection, {
    description:
      'The catalog: published courses, optionally searched (full text over title, summary and syllabus), filtered and sorted. Keyset-paginated for every sort; `first` is 1–50.',
  })
  async courses(
    @Arg('first', () => Int, { defaultValue: 12, description: 'Page size, 1–50.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Cursor of the last edge of the previous page. Only valid with the same search, filter and sort it was issued for.',
    })
    after: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Words to search for, in web-search syntax: "quoted phrase", OR, -excluded. English stemming ("coding" finds "code"). Trimmed; at most 200 characters; empty means no search.',
    })
    search: string | null,
    @Arg('filter', () => CourseFilter, {
      nullable: true,
      description: 'Only courses matching all of these.',
    })
    filter: CourseFilter | null,
    @Arg('sort', () => CatalogSort, {
      nullable: true,
      description: 'Order of the results. Default: RELEVANCE with a search, NEWEST without.',
    })
    sort: CatalogSort | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CourseConnection> {
    const connection = toConnection(
      await listPublishedCourses({ db: ctx.db, first, after, search, filter, sort }),
      toCourseType,
    );
    await readCoursePartsAhead(
      connection.edges.map((edge) => edge.node),
      info,
      ctx,
    );
    return connection;
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
  instructor(@Root() course: CourseType, @Ctx() ctx: Context): Instructor | Promise<Instructor> {
    // The owner heads the instructors list: one loader (and one statement) serves both fields.
    return mapLoaded(instructorsOf(course, ctx), ([owner]) => {
      if (!owner || owner.id !== course.ownerId)
        throw new Error(`Course ${course.id} has no owner row`);
      return owner;
    });
  }

  @FieldResolver(() => [Instructor], {
    description:
      'Everyone who teaches the course: the owner first, then co-instructors in the order they joined.',
  })
  instructors(
    @Root() course: CourseType,
    @Ctx() ctx: Context,
  ): Instructor[] | Promise<Instructor[]> {
    return instructorsOf(course, ctx);
  }

  @FieldResolver(() => Int, { description: 'Number of lessons in the published version.' })
  totalLessons(@Root() course: CourseType, @Ctx() ctx: Context): number | Promise<number> {
    return mapLoaded(syllabusOf(course, ctx), (modules) =>
      modules.reduce((sum, module) => sum + module.lessons.length, 0),
    );
  }

  @FieldResolver(() => [CreditOffering], {
    description: 'Continuing-education credit the published version carries, one per body.',
  })
  credits(
    @Root() course: CourseType,
    @Ctx() ctx: Context,
  ): CreditOffering[] | Promise<CreditOffering[]> {
    return mapLoaded(creditsOf(course, ctx), (offerings) =>
      creditOfferingsForSale(offerings, course.instructionalMinutes),
    );
  }

  @FieldResolver(() => [String], {
    description:
      'What a buyer must know about the credit before buying or enrolling (expired credit not included, credit ending before a typical learner could finish); empty when nothing.',
  })
  creditNotices(@Root() course: CourseType, @Ctx() ctx: Context): string[] | Promise<string[]> {
    return mapLoaded(creditsOf(course, ctx), (offerings) =>
      creditNotices(offerings, course.instructionalMinutes),
    );
  }

  @FieldResolver(() => [CourseModule], { description: 'The syllabus: modules with their lessons.' })
  modules(
    @Root() course: CourseType,
    @Ctx() ctx: Context,
  ): CourseModule[] | Promise<CourseModule[]> {
    return syllabusOf(course, ctx);
  }
}

@Resolver(() => Instructor)
export class InstructorResolver {
  @FieldResolver(() => [InstructorCredential], {
    description: 'Professional credentials the instructor holds, in the order they list them.',
  })
  credentials(
    @Root() instructor: Instructor,
    @Ctx() ctx: Context,
  ): Promise<InstructorCredential[]> {
    return ctx.loaders.instructorCredentials.load(instructor.id);
  }
}
