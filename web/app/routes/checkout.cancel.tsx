import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { pageTitle } from '../utils/brand';

export const meta: MetaFunction = () => [{ title: pageTitle('Checkout cancelled') }];

export function loader({ request }: LoaderFunctionArgs) {
  const course = new URL(request.url).searchParams.get('course') ?? '';
  return { course: /^[a-z0-9-]{1,200}$/.test(course) ? course : null };
}

export default function CheckoutCancelPage() {
  const { course } = useLoaderData<typeof loader>();
  return (
    <section className="narrow" aria-labelledby="cancel-title">
      <h1 id="cancel-title">Checkout cancelled</h1>
      <p>Nothing was charged. You can come back and buy the course whenever you are ready.</p>
      <p>
        {course ? (
          <Link to={`/courses/${course}`} className="button">
            Back to the course
          </Link>
        ) : (
          <Link to="/courses" className="button">
            Back to the catalog
          </Link>
        )}
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
