import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ConflictBanner } from '../components/fields';
import { FormError } from '../components/form';
import { Pager } from '../components/pager';
import { useActionFailure } from '../components/teach-course';
import { AdminUsersDocument, SetUserRoleDocument } from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { optionOf, text } from '../utils/form-schemas';
import { formatDay, roleLabel } from '../utils/format';
import { failForm, parseForm, rejectForm } from '../utils/forms.server';
import { safeRedirect } from '../utils/session.server';
import { redirectWithFlash, requireAdmin } from '../utils/teach.server';
import { isOneOf, ROLE_OPTIONS } from '../utils/teach-options';
import { useTimeZone } from '../utils/time-zone';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Users') }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAdmin(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const roleParam = url.searchParams.get('role') ?? '';
  const role = isOneOf(ROLE_OPTIONS, roleParam) ? roleParam : null;
  const after = url.searchParams.get('after') || null;
  const { users } = await gqlData(request, AdminUsersDocument, {
    first: PAGE_SIZE,
    after,
    search: q || null,
    role,
  });
  const base = new URLSearchParams();
  if (q) base.set('q', q);
  if (role) base.set('role', role);
  const nextHref =
    users.pageInfo.hasNextPage && users.pageInfo.endCursor
      ? `/admin/users?${new URLSearchParams([...base, ['after', users.pageInfo.endCursor]])}`
      : null;
  return {
    viewerId: viewer.id,
    q,
    role: role ?? '',
    users: users.edges.map((edge) => edge.node),
    totalCount: users.totalCount,
    nextHref,
    firstHref: after ? `/admin/users${base.size ? `?${base}` : ''}` : null,
    here: `${url.pathname}${url.search}`,
  };
}

const SetRoleSchema = z.object({
  userId: text(),
  role: optionOf(ROLE_OPTIONS, 'Choose a role.'),
  name: text(),
  redirectTo: text(),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseForm(formData, SetRoleSchema);
  const context = { intent: 'set-role', target: String(formData.get('userId') ?? '').trim() };
  if (submission.status !== 'success') return rejectForm(submission, context);
  const { userId, role, name, redirectTo } = submission.value;
  const back = safeRedirect(redirectTo, '/admin/users');
  const result = await gql(request, SetUserRoleDocument, { userId, role });
  if (result.errors) return failForm(request, submission, result.errors, context);
  const user = result.data.setUserRole;
  return redirectWithFlash(back, `${user.name || name} is now ${roleArticle(user.role)}.`);
}

function roleArticle(role: string) {
  const label = roleLabel(role).toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

export default function AdminUsersPage() {
  const timeZone = useTimeZone();
  const { users, totalCount, q, role, nextHref, firstHref, viewerId, here } =
    useLoaderData<typeof loader>();
  const failureData = useActionFailure();
  const navigation = useNavigation();
  const savingFor =
    navigation.state !== 'idle' && navigation.formMethod === 'POST'
      ? navigation.formData?.get('userId')
      : null;

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <ConflictBanner message={failureData?.conflict} />
      <FormError message={failureData && !failureData.conflict ? failureData.formError : null} />
      <Form
        method="get"
        role="search"
        aria-label="Users"
        className="card filter-bar"
        key={`${q}|${role}`}
      >
        <div className="field">
          <label htmlFor="users-q">Name or email</label>
          <input id="users-q" type="search" name="q" defaultValue={q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="users-role">Role</label>
          <select id="users-role" name="role" defaultValue={role}>
            <option value="">Any role</option>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">Search</button>
          {q || role ? <Link to="/admin/users">Clear</Link> : null}
        </div>
      </Form>
      <p className="results-count" role="status">
        {totalCount === 1 ? '1 user' : `${totalCount} users`}
        {q ? ` matching “${q}”` : ''}
        {role ? ` with the role ${roleLabel(role)}` : ''}
      </p>
      {users.length === 0 ? (
        <p className="empty">No users match.</p>
      ) : (
        <DataTable columns={['Name', 'Email', 'Joined', 'Role']}>
          {users.map((user) => {
            const rowFailure =
              failureData?.target === user.id && !failureData.conflict ? failureData : null;
            const selectId = `role-${user.id}`;
            return (
              <tr key={user.id}>
                <th scope="row" data-label="Name">
                  {user.name}
                </th>
                <td data-label="Email">{user.email}</td>
                <td data-label="Joined">
                  <time dateTime={user.createdAt}>{formatDay(user.createdAt, timeZone)}</time>
                </td>
                <td data-label="Role">
                  {user.id === viewerId ? (
                    <span>
                      <span className={`badge badge-${user.role.toLowerCase()}`}>
                        {roleLabel(user.role)}
                      </span>{' '}
                      <span className="muted small">(you)</span>
                    </span>
                  ) : (
                    <Form method="post" className="role-form">
                      <input type="hidden" name="userId" value={user.id} />
                      <input type="hidden" name="name" value={user.name} />
                      <input type="hidden" name="redirectTo" value={here} />
                      <label htmlFor={selectId} className="visually-hidden">
                        Role of {user.name}
                      </label>
                      <select
                        id={selectId}
                        name="role"
                        defaultValue={rowFailure?.values.role ?? user.role}
                        key={user.role}
                        aria-invalid={rowFailure ? true : undefined}
                        aria-describedby={rowFailure ? `${selectId}-error` : undefined}
                      >
                        {ROLE_OPTIONS.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                      <button
                        type="submit"
                        className="button-secondary button-small"
                        disabled={savingFor === user.id}
                      >
                        {savingFor === user.id ? 'Saving…' : 'Save'}
                        <span className="visually-hidden"> role of {user.name}</span>
                      </button>
                      {rowFailure ? (
                        <p id={`${selectId}-error`} className="field-error">
                          {rowFailure.fieldErrors.role?.join(' ') ?? rowFailure.formError}
                        </p>
                      ) : null}
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pager firstHref={firstHref} nextHref={nextHref} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
