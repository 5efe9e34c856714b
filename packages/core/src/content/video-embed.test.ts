import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../authoring/course-schemas';
import { videoEmbed } from './video-embed';

const ID = 'dQw4w9WgXcQ';
const YOUTUBE = `https://www.youtube-nocookie.com/embed/${ID}`;

describe('videoEmbed', () => {
  it.each([
    [`https://www.youtube.com/watch?v=${ID}`, YOUTUBE],
    [`https://m.youtube.com/watch?v=${ID}&t=42`, YOUTUBE],
    [`https://youtu.be/${ID}`, YOUTUBE],
    [`https://www.youtube.com/embed/${ID}`, YOUTUBE],
    [`https://www.youtube.com/shorts/${ID}`, YOUTUBE],
    [`https://www.youtube-nocookie.com/embed/${ID}`, YOUTUBE],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://media.example.org/lessons/intro.MP4', 'https://media.example.org/lessons/intro.MP4'],
  ])('embeds %s', (url, src) => {
    expect(videoEmbed(url)?.src).toBe(src);
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/channel/UCabcdef',
    'https://vimeo.com/channels/staffpicks',
    'https://example.org/video',
    'ftp://media.example.org/intro.mp4',
    'javascript:alert(1)//.mp4',
    'not a url',
  ])('refuses %s', (url) => {
    expect(videoEmbed(url)).toBeNull();
  });

  // Authoring used to accept any URL on a video host (e.g. a channel page), which learners then
  // saw as "not available": the lesson form now accepts exactly what learners can play.
  it('the lesson form refuses a video URL that learners could not play', () => {
    const lesson = (videoUrl: string) =>
      lessonSchema.safeParse({
        title: 'Video lesson',
        kind: 'VIDEO',
        videoUrl,
        estimatedMinutes: 10,
      });
    expect(lesson('https://www.youtube.com/channel/UCabcdef').success).toBe(false);
    expect(lesson('https://vimeo.com/channels/staffpicks').success).toBe(false);
    expect(lesson(`https://youtu.be/${ID}`).success).toBe(true);
  });
});
