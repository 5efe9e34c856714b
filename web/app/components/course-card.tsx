import { Link } from '@remix-run/react';
import type { CourseCardFragment } from '../graphql/generated/graphql';
import {
  courseKindLabel,
  formatCredit,
  formatMinutes,
  formatPrice,
  levelLabel,
} from '../utils/format';

export function CourseCard({ course }: { course: CourseCardFragment }) {
  const headingId = `course-${course.id}`;
  return (
    <article className="card course-card" aria-labelledby={headingId}>
      {course.coverImageUrl ? (
        <img
          className="course-card-cover"
          src={course.coverImageUrl}
          alt={course.coverImageAlt}
          width={400}
          height={225}
          loading="lazy"
        />
      ) : null}
      <p className="card-eyebrow">
        {courseKindLabel(course.kind)} · {levelLabel(course.level)}
      </p>
      <h3 id={headingId} className="card-title">
        <Link to={`/courses/${course.slug}`}>{course.title}</Link>
      </h3>
      <p className="card-summary">{course.summary}</p>
      <dl className="card-facts">
        <div>
          <dt>Instructor</dt>
          <dd>{course.instructor.name}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatMinutes(course.instructionalMinutes)}</dd>
        </div>
        {course.credits.length > 0 ? (
          <div>
            <dt>Credit</dt>
            <dd>
              {course.credits
                .map((credit) =>
                  credit.available ? formatCredit(credit) : `${formatCredit(credit)} (expired)`,
                )
                .join('; ')}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="card-price">{formatPrice(course.price, course.isFree)}</p>
    </article>
  );
}

export function CourseGrid({ courses }: { courses: CourseCardFragment[] }) {
  return (
    <ul className="course-grid">
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} />
        </li>
      ))}
    </ul>
  );
}
