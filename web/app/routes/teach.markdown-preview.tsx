import type { ActionFunctionArgs } from '@remix-run/node';
import { MarkdownPreviewDocument } from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';

/**
 * The Markdown editor's live preview (JavaScript only; without it the author saves and sees the
 * rendered text below the form). POST `markdown` → `{ html }` rendered by the API with the
 * learners' renderer and sanitiser, or `{ error }`.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const markdown = form.get('markdown');
  const result = await gql(request, MarkdownPreviewDocument, {
    markdown: typeof markdown === 'string' ? markdown : '',
  });
  if (result.errors) {
    return Response.json({ error: result.errors[0].message }, { status: 400 });
  }
  return Response.json({ html: result.data.markdownPreview });
}
