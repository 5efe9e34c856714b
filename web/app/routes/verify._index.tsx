import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field } from '../components/form';
import { pageTitle } from '../utils/brand';

export const meta: MetaFunction = () => [{ title: pageTitle('Verify a certificate') }];

export function loader({ request }: LoaderFunctionArgs) {
  const serial = new URL(request.url).searchParams.get('serial')?.trim();
  if (serial) throw redirect(`/verify/${encodeURIComponent(serial)}`);
  return null;
}

export default function VerifyFormPage() {
  return (
    <section aria-labelledby="verify-title" className="narrow-page">
      <h1 id="verify-title">Verify a certificate</h1>
      <p className="lead">
        Type the serial printed on the certificate (for example CEU-7K3M-9QXD-H2TB). Case, spaces
        and dashes do not matter.
      </p>
      <Form method="get" className="card form" aria-labelledby="verify-title">
        <Field name="serial" label="Serial" autoComplete="off" spellCheck={false} required />
        <div className="form-actions">
          <button type="submit" className="button">
            Verify
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
