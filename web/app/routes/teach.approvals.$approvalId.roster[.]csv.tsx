import type { LoaderFunctionArgs } from '@remix-run/node';
import { ApprovalRosterCsvDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { requireParam } from '../utils/invariant';
import { requireAuthor } from '../utils/teach.server';

/** The roster as the API's CSV (UTF-8 with BOM), downloaded as "roster-<approval number>.csv". */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const { approvalRoster } = await gqlData(request, ApprovalRosterCsvDocument, {
    approvalId: requireParam(params, 'approvalId'),
  });
  // Approval numbers are free text: only safe characters reach the header.
  const number = approvalRoster.approval.approvalNumber.replace(/[^a-z0-9-]/gi, '') || 'approval';
  return new Response(approvalRoster.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="roster-${number}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
