import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';

const PREVIEW = 'query($markdown: String!) { markdownPreview(markdown: $markdown) }';

describe('markdownPreview (the editor’s live preview)', () => {
  let api: TestApi;
  let instructor: Actor;
  let student: Actor;
  beforeAll(async () => {
    api = await startTestApi();
    [instructor, student] = await Promise.all([
      registerActor(api, 'INSTRUCTOR'),
      registerActor(api, 'STUDENT'),
    ]);
  });
  afterAll(() => api?.close());

  it('renders with the learners’ renderer and sanitiser', async () => {
    const image = `/media/lesson-images/${'c'.repeat(64)}.png`;
    const html = await api.must<string>(
      PREVIEW,
      {
        markdown: `## Z codes\n\n**Bold** <script>alert(1)</script>\n\n![Form](${image})\n\n![x](/sign-out)`,
      },
      instructor,
    );
    expect(html).toContain('<h2>Z codes</h2>');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).toContain(`<img src="${image}" alt="Form" loading="lazy" />`);
    expect(html).not.toContain('/sign-out');
  });

  it('is for authors only and refuses text over the lesson limit', async () => {
    const asStudent = await api.gql(PREVIEW, { markdown: 'hi' }, { token: student.token });
    expect(asStudent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLong = await api.gql(
      PREVIEW,
      { markdown: 'x'.repeat(201 * 1024) },
      { token: instructor.token },
    );
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
