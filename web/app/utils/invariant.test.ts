import { describe, expect, it } from 'vitest';
import { invariantResponse, requireParam } from './invariant';

async function thrown(run: () => void): Promise<Response> {
  try {
    run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('invariantResponse', () => {
  it('passes a true condition and narrows the value', () => {
    const id: string | undefined = 'abc';
    invariantResponse(id, 'Course id missing');
    expect(id.length).toBe(3);
  });

  it('throws a 400 Response with the message, or the status given', async () => {
    const bad = await thrown(() => invariantResponse('', 'Unknown action'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('Unknown action');
    const missing = await thrown(() =>
      invariantResponse(undefined, 'Course not found', { status: 404 }),
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});

describe('requireParam', () => {
  it('returns a present param and answers 404 for a missing or empty one', async () => {
    expect(requireParam({ id: 'c1' }, 'id')).toBe('c1');
    for (const params of [{}, { id: '' }]) {
      const missing = await thrown(() => requireParam(params, 'id'));
      expect(missing.status).toBe(404);
    }
  });
});
