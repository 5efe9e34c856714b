import { type ActionFunctionArgs, data } from '@remix-run/node';
import { RecordLessonActivityDocument } from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { requireParam } from '../utils/invariant';
import { getSessionToken } from '../utils/session.server';

/**
 * Resource route for the lesson player's script: POST event=OPEN|HEARTBEAT records seat time
 * and answers the lesson's progress as JSON. Called with fetch (not a Remix form), so it does
 * not revalidate the page's loaders: a heartbeat every 30 s costs one API call.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (!(await getSessionToken(request))) {
    return data({ error: 'Sign in again to keep recording your study time.' }, { status: 401 });
  }
  const form = await request.formData();
  const event = form.get('event');
  if (event !== 'OPEN' && event !== 'HEARTBEAT') {
    return data({ error: 'Send OPEN or HEARTBEAT.' }, { status: 400 });
  }
  const result = await gql(request, RecordLessonActivityDocument, {
    lessonId: requireParam(params, 'lessonId'),
    event,
  });
  if (result.errors) {
    const [error] = result.errors;
    const status =
      error.code === 'UNAUTHENTICATED'
        ? 401
        : error.code === 'FORBIDDEN'
          ? 403
          : error.code === 'NOT_FOUND'
            ? 404
            : error.code === 'TOO_MANY_REQUESTS'
              ? 429
              : 500;
    return data({ error: error.message }, { status });
  }
  return data({ progress: result.data.recordLessonActivity });
}

export function loader() {
  return new Response('Method not allowed', { status: 405, headers: { allow: 'POST' } });
}
