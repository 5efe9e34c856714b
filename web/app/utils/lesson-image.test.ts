import { describe, expect, it } from 'vitest';
import { placeholderAlt, placeLessonImage } from './lesson-image';

const URL = '/media/lesson-images/abc.png';

describe('placing an uploaded lesson image', () => {
  it('fills the first placeholder where the author put it', () => {
    const body = 'Box 21 holds the codes.\n\n![Describe the image](https://)\n\nThen box 24.';
    expect(placeLessonImage(body, 'Claim form, box 21', URL)).toBe(
      `Box 21 holds the codes.\n\n![Claim form, box 21](${URL})\n\nThen box 24.`,
    );
  });

  it('appends it when the text has no placeholder', () => {
    expect(placeLessonImage('Box 21 holds the codes.  \n', 'Claim [form]', URL)).toBe(
      `Box 21 holds the codes.\n\n![Claim  form ](${URL})\n`,
    );
  });

  it('takes the alt text from a described placeholder only', () => {
    expect(placeholderAlt('See ![Box 21 of the claim form](https://) here')).toBe(
      'Box 21 of the claim form',
    );
    expect(placeholderAlt('See ![Describe the image](https://) here')).toBeNull();
    expect(placeholderAlt('No image here')).toBeNull();
  });
});
