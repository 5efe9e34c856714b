import { type TeachCourseFragment } from '../../graphql/generated/graphql';

export type Module = TeachCourseFragment['modules'][number];

export type Lesson = Module['lessons'][number];
