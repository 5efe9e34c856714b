import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CheckboxField } from '../components/fields';
import {
  MyEmailPreferencesDocument,
  UpdateMyEmailPreferencesDocument,
} from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { requireViewer } from '../utils/session.server';
import { redirectWithFlash } from '../utils/teach.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Email preferences') }];

type Topic = 'enrolment' | 'ceuReminders' | 'approvalExpiry' | 'flaggedOrders';

/** Which notifications each role can receive (students never get approval or order mail). */
const TOPICS: { topic: Topic; label: string; hint: string; roles: string[] }[] = [
  {
    topic: 'enrolment',
    label: 'Enrolment confirmations',
    hint: 'When you enrol in a free course.',
    roles: ['STUDENT', 'INSTRUCTOR', 'ADMIN'],
  },
  {
    topic: 'ceuReminders',
    label: 'CEU cycle reminders',
    hint: '90 and 30 days before a renewal cycle of a credential on your transcript ends, with the CEUs you still need.',
    roles: ['STUDENT', 'INSTRUCTOR', 'ADMIN'],
  },
  {
    topic: 'approvalExpiry',
    label: 'Credit approval expiry',
    hint: '60 and 14 days before a credit approval of a course you teach expires.',
    roles: ['INSTRUCTOR', 'ADMIN'],
  },
  {
    topic: 'flaggedOrders',
    label: 'Flagged orders',
    hint: 'When a payment does not match its order and needs review.',
    roles: ['ADMIN'],
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { myEmailPreferences } = await gqlData(request, MyEmailPreferencesDocument);
  return { preferences: myEmailPreferences, role: viewer.role as string };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await request.formData();
  // Unchecked boxes send nothing: every topic shown on the page is set from the form.
  const input = Object.fromEntries(
    TOPICS.filter(({ roles }) => roles.includes(viewer.role)).map(({ topic }) => [
      topic,
      form.get(topic) === 'on',
    ]),
  );
  await gqlData(request, UpdateMyEmailPreferencesDocument, { input });
  return redirectWithFlash('/profile/email', 'Your email preferences are saved.');
}

export default function EmailPreferencesPage() {
  const { preferences, role } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  return (
    <section aria-labelledby="email-title" className="narrow-page">
      <p>
        <Link to="/profile">← Your profile</Link>
      </p>
      <h1 id="email-title">Email preferences</h1>
      <p className="lead">
        Choose which notification emails you receive. Receipts, certificates and messages about your
        password and email address are always sent.
      </p>
      <Form method="post" className="card form" aria-labelledby="email-title">
        <fieldset className="subfieldset">
          <legend>Send me these emails</legend>
          {TOPICS.filter(({ roles }) => roles.includes(role)).map(({ topic, label, hint }) => (
            <CheckboxField
              key={topic}
              name={topic}
              label={label}
              hint={hint}
              defaultChecked={preferences[topic]}
            />
          ))}
        </fieldset>
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save email preferences'}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
