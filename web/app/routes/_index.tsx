import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { CourseGrid } from '../components/course-card';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CoursesDocument } from '../graphql/generated/graphql';
import type { loader as rootLoader } from '../root';
import { gqlData } from '../utils/api.server';
import { PRODUCT_NAME, PRODUCT_TAGLINE, pageTitle } from '../utils/brand';

export const meta: MetaFunction = () => [
  { title: pageTitle(PRODUCT_TAGLINE) },
  { name: 'description', content: `${PRODUCT_NAME}: ${PRODUCT_TAGLINE}.` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { courses } = await gqlData(request, CoursesDocument, { first: 3 });
  return {
    featured: courses.edges.map((edge) => edge.node),
    totalCount: courses.totalCount,
  };
}

export default function Home() {
  const { featured, totalCount } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const signedIn = Boolean(root?.viewer);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Learn medical coding. Keep your credential current.</h1>
        <p className="lead">
          {PRODUCT_NAME} is an open-source learning platform for medical coders: exam-prep courses
          for new coders, and continuing-education courses approved by credentialing bodies such as
          AAPC and AHIMA, with the credit each course carries shown up front.
        </p>
        <p className="hero-actions">
          <Link to="/courses" className="button button-large">
            Browse the catalog
          </Link>
          {signedIn ? null : (
            <Link to="/register" className="button button-large button-secondary">
              Create a free account
            </Link>
          )}
        </p>
        <ul className="value-points">
          <li>
            <strong>Exam prep</strong> with ICD-10-CM, ICD-10-PCS and HCPCS Level II practice.
          </li>
          <li>
            <strong>CE credit</strong> you can verify: body, amount and validity on every course.
          </li>
          <li>
            <strong>Self-paced</strong> modules with the instructional time of every lesson.
          </li>
        </ul>
      </section>

      <section aria-labelledby="featured-title" className="section">
        <div className="section-header">
          <h2 id="featured-title">Featured courses</h2>
          {totalCount > featured.length ? (
            <Link to="/courses">See all {totalCount} courses</Link>
          ) : null}
        </div>
        {featured.length > 0 ? (
          <CourseGrid courses={featured} />
        ) : (
          <p className="empty">No courses are published yet. Check back soon.</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
