import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { formatTime } from '../../utils/format';
import { formatClock } from '../../utils/learning';
import { useTimeZone } from '../../utils/time-zone';

/**
 * Time left, counted down in the browser from the server's `secondsRemaining` (the server's
 * clock is the truth; the learner's clock may be wrong). At zero the page reloads, and the API
 * grades the attempt on what was saved by the deadline.
 */
export function Countdown({
  secondsRemaining,
  deadlineAt,
}: {
  secondsRemaining: number;
  deadlineAt: string;
}) {
  const timeZone = useTimeZone();
  const [left, setLeft] = useState(secondsRemaining);
  const [live, setLive] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const revalidator = useRevalidator();
  const reloaded = useRef(false);

  useEffect(() => {
    setLive(true);
    const end = Date.now() + secondsRemaining * 1000;
    setLeft(secondsRemaining);
    const id = window.setInterval(() => {
      const next = Math.max(0, Math.round((end - Date.now()) / 1000));
      setLeft(next);
      if (next === 300) setAnnouncement('5 minutes left.');
      if (next === 60)
        setAnnouncement('1 minute left. Your saved answers will be graded at the deadline.');
      if (next === 0 && !reloaded.current) {
        reloaded.current = true;
        setAnnouncement('Time is up. Your saved answers are being graded.');
        window.setTimeout(() => revalidator.revalidate(), 1500);
      }
    }, 1000);
    return () => window.clearInterval(id);
  }, [secondsRemaining, revalidator]);

  const urgent = left <= 300;
  return (
    <div className={urgent ? 'countdown is-urgent' : 'countdown'}>
      <p className="countdown-line">
        {live ? (
          <>
            <span className="countdown-label">Time left</span>{' '}
            <span role="timer" className="countdown-value" aria-live="off">
              {formatClock(left)}
            </span>
          </>
        ) : (
          <span className="countdown-label">Time limit</span>
        )}
      </p>
      <p className="small countdown-deadline">
        Ends at <time dateTime={deadlineAt}>{formatTime(deadlineAt, timeZone)}</time>
      </p>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}
