import type { LoaderFunctionArgs } from '@remix-run/node';
import { GradebookCsvDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { invariantResponse } from '../utils/invariant';
import { requireAuthor } from '../utils/teach.server';

/**
 * The gradebook as the API's CSV (RFC 4180), downloaded as "<slug>-gradebook.csv". It starts
 * with a UTF-8 byte-order mark: without one, spreadsheet programs (Excel above all) read the
 * file as a legacy code page and garble accented names ("Zoë" becomes "ZoÃ«").
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  invariantResponse(params.id, 'Not found', { status: 404 });
  const { editableCourse, gradebook } = await gqlData(request, GradebookCsvDocument, {
    courseId: params.id,
  });
  // Slugs are lower-case letters, digits and hyphens; anything else never reaches the header.
  const slug = editableCourse.slug.replace(/[^a-z0-9-]/gi, '') || 'course';
  return new Response(`\uFEFF${gradebook.csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}-gradebook.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
