import { seedDemoData } from '@lms/db';
import { DEMO_PASSWORD } from '@lms/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import * as ops from '../../testing/authoring-operations';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoData(api.database.db);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

it('opens every seeded course in its instructor’s editor, at a draft of the next version', async () => {
  const signIn = await api.gql<{ signIn: { token: string } }>(
    `mutation { signIn(input: { email: "admin@example.com", password: "${DEMO_PASSWORD}" }) { token } }`,
  );
  const token = signIn.data!.signIn.token;
  const courses = await api.database.db.course.findMany({ select: { id: true, status: true } });
  expect(courses.length).toBeGreaterThanOrEqual(5);
  for (const course of courses) {
    const editable = await api.gql<{
      editableCourse: { versionNumber: number; latestPublishedVersionNumber: number | null };
    }>(ops.EDITABLE_COURSE, { id: course.id }, { token });
    expect(editable.errors).toBeUndefined();
    const published = course.status === 'PUBLISHED';
    expect(editable.data?.editableCourse).toMatchObject({
      versionNumber: published ? 2 : 1,
      latestPublishedVersionNumber: published ? 1 : null,
    });
    if (published) {
      const preview = await api.gql<{ publishPreview: { problems: string[] } }>(
        ops.PUBLISH_PREVIEW,
        { courseId: course.id },
        { token },
      );
      expect(preview.data?.publishPreview.problems).toEqual([
        'Nothing has changed since version 1.',
      ]);
    }
  }
});
