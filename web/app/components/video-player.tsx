/**
 * A lesson video, for learners and for the instructor's preview: an MP4 file in a <video> (with
 * its WebVTT captions track when the lesson has one), a YouTube or Vimeo player in an iframe.
 * `video` comes from the one video-URL rule (@lms/video, also behind the API's lesson video).
 */
export function VideoPlayer({
  video,
  captions,
  title,
  noCaptionsNote,
}: {
  video: { provider: string; src: string };
  captions: { src: string; language: string; label: string } | null;
  title: string;
  /** Shown under an MP4 that has no captions file. */
  noCaptionsNote: React.ReactNode;
}) {
  if (video.provider !== 'MP4') {
    return (
      <div className="video-frame">
        <iframe
          src={video.src}
          title={`Video: ${title}`}
          loading="lazy"
          allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    );
  }
  return (
    <>
      {/* biome-ignore lint/a11y/useMediaCaption: the captions track is added whenever the lesson has a WebVTT file; without one the note below says so (the rule cannot see a conditional <track>) */}
      <video className="lesson-video" controls preload="metadata" src={video.src}>
        {captions ? (
          <track
            kind="captions"
            src={captions.src}
            srcLang={captions.language}
            label={captions.label}
            default
          />
        ) : null}
        <a href={video.src}>Download the video “{title}”</a>
      </video>
      {captions ? null : noCaptionsNote}
    </>
  );
}
