import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { FormError } from '../components/form';
import { UnsubscribeEmailDocument } from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { requireParam } from '../utils/invariant';

export const meta: MetaFunction = () => [{ title: pageTitle('Unsubscribe') }];

const LABELS: Record<string, string> = {
  enrolment: 'enrolment confirmation',
  ceuReminders: 'CEU cycle reminder',
  approvalExpiry: 'credit approval expiry',
  flaggedOrders: 'flagged order',
};

/** GET only shows the button (link scanners must not unsubscribe anyone); POST does it. */
export function loader({ request }: LoaderFunctionArgs) {
  const topic = new URL(request.url).searchParams.get('topic') ?? '';
  return { topic, label: LABELS[topic] ?? null };
}

/**
 * The button's form post, and RFC 8058 one-click unsubscribe: mail providers POST
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe address (this URL, with the topic in
 * its query).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const topic = new URL(request.url).searchParams.get('topic') ?? '';
  const result = await gql(request, UnsubscribeEmailDocument, {
    token: requireParam(params, 'token'),
    topic,
  });
  if (result.errors) {
    return Response.json(
      { done: false as const, error: result.errors[0]?.message ?? 'This link is not valid.' },
      { status: result.errors[0]?.code === 'NOT_FOUND' ? 404 : 400 },
    );
  }
  return { done: true as const, error: null };
}

export default function UnsubscribePage() {
  const { label } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const what = label ? `${label} emails` : 'these emails';
  return (
    <section aria-labelledby="unsubscribe-title" className="narrow-page">
      <h1 id="unsubscribe-title">Unsubscribe</h1>
      {result?.done ? (
        <p className="lead" role="status">
          Done: you will get no more {what}. You can turn them back on in your{' '}
          <Link to="/profile/email">email preferences</Link>.
        </p>
      ) : (
        <>
          <FormError message={result?.error ?? undefined} />
          <p className="lead">{`Stop sending me ${what}?`}</p>
          <Form method="post" className="card form" aria-labelledby="unsubscribe-title">
            <button type="submit">{`Unsubscribe from ${what}`}</button>
          </Form>
          <p>
            Or choose in your <Link to="/profile/email">email preferences</Link> (sign-in needed).
          </p>
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
