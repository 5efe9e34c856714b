import { CatalogPrice, CatalogSort } from '@lms/core';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { CourseKind, CourseLevel, CreditBody } from '../common/enums';

registerEnumType(CatalogSort, {
  name: 'CourseSort',
  description:
    'Order of the catalog. Default: RELEVANCE when searching, NEWEST otherwise. Ties are broken by publication date (newest first) and then id, so pages never overlap.',
  valuesConfig: {
    NEWEST: { description: 'Most recently published first.' },
    RELEVANCE: {
      description:
        'Best full-text match first (title matches outrank summary matches, which outrank syllabus matches). Needs `search`.',
    },
    TITLE: { description: 'Title A→Z, ignoring case.' },
    PRICE_LOW_TO_HIGH: { description: 'Cheapest first (free courses first).' },
    PRICE_HIGH_TO_LOW: { description: 'Most expensive first.' },
  },
});

registerEnumType(CatalogPrice, {
  name: 'CoursePriceFilter',
  description: 'Free or paid courses.',
  valuesConfig: {
    FREE: { description: 'Courses that cost nothing.' },
    PAID: { description: 'Courses with a price.' },
  },
});

@InputType({ description: 'Narrows the catalog. Every field set must match (AND).' })
export class CourseFilter {
  @Field(() => CourseKind, { nullable: true, description: 'Only exam prep or only CE courses.' })
  kind?: CourseKind | null;

  @Field(() => CatalogPrice, { nullable: true, description: 'Only free or only paid courses.' })
  price?: CatalogPrice | null;

  @Field(() => CreditBody, {
    nullable: true,
    description:
      'Only courses whose latest published version carries a credit approval of this body.',
  })
  creditBody?: CreditBody | null;

  @Field(() => CourseLevel, { nullable: true, description: 'Only courses of this level.' })
  level?: CourseLevel | null;
}

export { CatalogPrice, CatalogSort };
