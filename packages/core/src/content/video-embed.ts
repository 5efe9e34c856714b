/**
 * The video-URL rule lives in @lms/video, a dependency-free package the web app's instructor
 * preview uses too: authoring, learners and the preview embed a video by the same rule.
 */
export { type VideoEmbed, videoEmbed } from '@lms/video';
