import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { SelectField, TextAreaField, useHydrated } from '../components/fields';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import { useActionFailure } from '../components/teach-course';
import {
  MyProfileDocument,
  SetMyTimeZoneDocument,
  TimeZoneChoicesDocument,
  UpdateMyProfileDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData, toFormErrors } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { list, text } from '../utils/form-schemas';
import { failForm, parseForm, rejectFields, rejectForm } from '../utils/forms.server';
import { requireViewer } from '../utils/session.server';
import { redirectWithFlash } from '../utils/teach.server';
import { detectedTimeZone } from '../utils/time-zone.server';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Your profile') }];

/** Empty credential rows offered below the existing ones (enough without JavaScript). */
const BLANK_ROWS = 3;

type Row = { credential: string; awardedYear: string };

/** Instructors' credentials appear on their course pages; a learner's live on the transcript. */
const listsCredentials = (role: string) => role === 'INSTRUCTOR' || role === 'ADMIN';

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [{ myProfile }, choices] = await Promise.all([
    gqlData(request, MyProfileDocument),
    gqlData(request, TimeZoneChoicesDocument),
  ]);
  return {
    profile: myProfile,
    timeZones: choices.timeZones,
    storedTimeZone: viewer.timeZone ?? null,
    // Offered until a zone is saved: what the browser reported, else the provider's.
    suggestedTimeZone: detectedTimeZone(request) ?? choices.providerTimeZone,
    providerTimeZone: choices.providerTimeZone,
    showCredentials: listsCredentials(viewer.role),
  };
}

const ProfileSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('timeZone'), timeZone: text() }),
  z.object({
    intent: z.literal('profile'),
    name: text(),
    bio: text(),
    // Repeated rows: the n-th credential goes with the n-th year.
    credential: list(text()),
    awardedYear: list(text()),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const submission = parseForm(await request.formData(), ProfileSchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    return rejectForm(submission, { intent: 'profile' });
  }
  const form = submission.value;
  if (form.intent === 'timeZone') {
    const result = await gql(request, SetMyTimeZoneDocument, { timeZone: form.timeZone });
    if (result.errors) {
      return failForm(request, submission, result.errors, { intent: 'timeZone' });
    }
    return redirectWithFlash(
      '/profile',
      `Times are now shown in ${form.timeZone.replaceAll('_', ' ')}.`,
    );
  }
  // Blank rows are ignored; each kept row remembers its place in the form for its errors.
  const kept = form.credential
    .map((credential, index) => ({ credential, awardedYear: form.awardedYear[index] ?? '', index }))
    .filter((row) => row.credential !== '' || row.awardedYear !== '');
  const fieldErrors: Record<string, string[]> = {};
  for (const row of kept) {
    if (!/^\d{4}$/.test(row.awardedYear)) {
      fieldErrors[`credentials.${row.index}.awardedYear`] = ['Enter the year, like 2015.'];
    }
  }
  const context = { intent: 'profile' };
  if (Object.keys(fieldErrors).length > 0) return rejectFields(submission, context, fieldErrors);

  const result = await gql(request, UpdateMyProfileDocument, {
    input: {
      name: form.name,
      bio: form.bio || null,
      // Left out for learners (their form has no list): the API keeps what is saved.
      credentials: listsCredentials(viewer.role)
        ? kept.map((row) => ({
            credential: row.credential,
            awardedYear: Number.parseInt(row.awardedYear, 10),
          }))
        : null,
    },
  });
  if (result.errors) {
    const errors = toFormErrors(request, result.errors);
    // The API numbers the rows it received; map them back to the rows of the form.
    const mapped: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(errors.fieldErrors)) {
      const match = /^credentials\.(\d+)\.(\w+)$/.exec(field);
      const row = match ? kept[Number(match[1])] : undefined;
      mapped[row && match ? `credentials.${row.index}.${match[2]}` : field] = messages;
    }
    if (Object.keys(mapped).length === 0) {
      return failForm(request, submission, result.errors, context);
    }
    return rejectFields(submission, context, mapped);
  }
  return redirectWithFlash('/profile', 'Your profile is saved.');
}

export default function ProfilePage() {
  const {
    profile,
    timeZones,
    storedTimeZone,
    suggestedTimeZone,
    providerTimeZone,
    showCredentials,
  } = useLoaderData<typeof loader>();
  const allActionData = useActionFailure();
  const zoneAction = allActionData?.intent === 'timeZone' ? allActionData : undefined;
  const actionData = allActionData?.intent === 'timeZone' ? undefined : allActionData;
  const zoneFormRef = useFormErrorFocus(zoneAction);
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const formRef = useFormErrorFocus(actionData);
  const hydrated = useHydrated();
  const values = actionData?.values;
  const errors = actionData?.fieldErrors ?? {};
  const submittedRows: Row[] | null = actionData
    ? (actionData.lists.credential ?? []).map((credential, index) => ({
        credential,
        awardedYear: actionData.lists.awardedYear?.[index] ?? '',
      }))
    : null;
  const initialRows: Row[] = submittedRows ?? [
    ...profile.credentials.map((c) => ({
      credential: c.credential,
      awardedYear: String(c.awardedYear),
    })),
    ...Array.from({ length: BLANK_ROWS }, () => ({ credential: '', awardedYear: '' })),
  ];
  const [extraRows, setExtraRows] = useState(0);
  const rows = [
    ...initialRows,
    ...Array.from({ length: extraRows }, () => ({ credential: '', awardedYear: '' })),
  ];

  return (
    <section aria-labelledby="profile-title" className="narrow-page card-stack">
      <h1 id="profile-title">Your profile</h1>
      <p className="lead">
        Your name is printed on certificates. Instructors’ bios and credentials appear on their
        course pages.
      </p>
      <FormError message={actionData?.formError} />
      <Form
        ref={formRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="profile-title"
      >
        <Field
          name="email"
          label="Email"
          value={profile.email}
          readOnly
          hint="Your sign-in address. Change it on the Account security page."
        />
        <p>
          <Link to="/account/security">
            Account security: email address, password and where you are signed in
          </Link>
        </p>
        <Field
          name="name"
          label="Full name"
          autoComplete="name"
          required
          defaultValue={values?.name ?? profile.name}
          errors={errors.name}
        />
        <TextAreaField
          name="bio"
          label="Bio"
          rows={5}
          hint="A few sentences about your experience (at most 2,000 characters)."
          defaultValue={values?.bio ?? profile.bio ?? ''}
          errors={errors.bio}
        />
        {showCredentials ? (
          <fieldset className="subfieldset">
            <legend>Professional credentials</legend>
            <p className="field-hint" id="credentials-hint">
              Shown on your course pages, for example CPC awarded in 2015. Your own CEU renewal
              cycles are on the <Link to="/transcript#credentials-title">CEU transcript</Link>.
              Leave a row empty to skip it; empty a row to remove that credential.
            </p>
            <ol className="credential-rows">
              {rows.map((row, index) => (
                // Rows have no identity beyond their place in the form.
                // biome-ignore lint/suspicious/noArrayIndexKey: positional rows
                <li key={index} className="field-row credential-row">
                  <Field
                    name="credential"
                    id={`credential-${index}`}
                    label={`Credential ${index + 1}`}
                    defaultValue={row.credential}
                    maxLength={40}
                    errors={errors[`credentials.${index}.credential`]}
                  />
                  <Field
                    name="awardedYear"
                    id={`awarded-year-${index}`}
                    label={`Year awarded ${index + 1}`}
                    inputMode="numeric"
                    maxLength={4}
                    defaultValue={row.awardedYear}
                    errors={errors[`credentials.${index}.awardedYear`]}
                  />
                </li>
              ))}
            </ol>
            {errors.credentials ? (
              <FormError message={errors.credentials.join(' ')} id="credentials-error" />
            ) : null}
            {hydrated ? (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setExtraRows((count) => count + 1)}
              >
                Add another credential
              </button>
            ) : null}
          </fieldset>
        ) : (
          <p className="field-hint">
            Your certifications (CPC, CCS and the like) and their CEU renewal cycles are kept on
            your <Link to="/transcript#credentials-title">CEU transcript</Link>.
          </p>
        )}
        <button type="submit" disabled={saving} name="intent" value="profile">
          {saving ? 'Saving…' : 'Save profile'}
        </button>
      </Form>
      <section aria-labelledby="email-preferences-title" id="email-preferences" className="card">
        <h2 id="email-preferences-title">Email</h2>
        <p>
          Choose which notification emails you receive (enrolments, CEU cycle reminders and more) in
          your <Link to="/profile/email">email preferences</Link>.
        </p>
      </section>

      <Form
        ref={zoneFormRef}
        method="post"
        noValidate
        className="card form"
        aria-labelledby="time-zone-title"
      >
        <h2 id="time-zone-title">Time zone</h2>
        <FormError message={zoneAction?.formError} />
        <input type="hidden" name="intent" value="timeZone" />
        <SelectField
          name="timeZone"
          label="Show dates and times in"
          hint={
            storedTimeZone
              ? 'Deadlines, payments and activity are shown in this zone, on pages, PDFs and emails.'
              : `Not saved yet: pages use ${suggestedTimeZone.replaceAll('_', ' ')}${suggestedTimeZone === providerTimeZone ? ' (the provider’s zone)' : ' (detected from your browser)'}.`
          }
          defaultValue={zoneAction?.values?.timeZone ?? storedTimeZone ?? suggestedTimeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
          errors={zoneAction?.fieldErrors?.timeZone}
        />
        <p className="field-hint">
          Completion and certificate dates follow the provider’s calendar (
          {providerTimeZone.replaceAll('_', ' ')}), whatever zone you choose.
        </p>
        <button type="submit">Save time zone</button>
      </Form>

      <section className="card" aria-labelledby="privacy-title">
        <h2 id="privacy-title">Your data</h2>
        <p>
          <a href="/profile/data-export.json" download>
            Download my data (JSON)
          </a>
          : your profile, enrolments, progress, quiz attempts, certificates, orders and CEU
          transcript.
        </p>
        <p>
          <Link to="/profile/delete">Delete my account</Link>: erases your personal data.
          Certificates you earned stay verifiable, as the credit bodies require.
        </p>
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
