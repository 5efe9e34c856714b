import { useEffect, useRef, useState } from 'react';
import { formatClock, formatSpan } from '../utils/learning';

interface Progress {
  seatSeconds: number;
  requiredSeconds: number;
  completedAt: string | null;
}

/**
 * Reports the lesson page's visibility to the API (through the page's activity resource
 * route): HEARTBEAT every `intervalSeconds` while the tab is visible, one more HEARTBEAT when
 * it is hidden (so the time until then counts), OPEN when it becomes visible again (the clock
 * restarts without crediting the hidden gap). Returns the live seat time: the server's value,
 * counted up locally every second while visible.
 */
export function useLessonSeatTime({
  activityUrl,
  intervalSeconds,
  initial,
}: {
  activityUrl: string;
  intervalSeconds: number;
  initial: Progress;
}) {
  const [progress, setProgress] = useState(initial);
  const [live, setLive] = useState(false);
  const lastSync = useRef(initial);

  // A new lesson (client navigation) or fresh loader data resets the clock.
  useEffect(() => {
    lastSync.current = initial;
    setProgress(initial);
  }, [initial]);

  useEffect(() => {
    setLive(true);
    let stopped = false;
    const send = async (event: 'OPEN' | 'HEARTBEAT', keepalive = false) => {
      try {
        const response = await fetch(activityUrl, {
          method: 'POST',
          body: new URLSearchParams({ event }),
          credentials: 'same-origin',
          keepalive,
        });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { progress?: Progress };
        if (body.progress && !stopped) {
          const synced = {
            seatSeconds: body.progress.seatSeconds,
            requiredSeconds: body.progress.requiredSeconds,
            completedAt: body.progress.completedAt,
          };
          lastSync.current = synced;
          // Never move the visible clock backwards by a second or two of rounding.
          setProgress((current) => ({
            ...synced,
            seatSeconds: Math.max(
              synced.seatSeconds,
              Math.min(current.seatSeconds, synced.seatSeconds + 2),
            ),
          }));
        }
      } catch {
        // Offline for a moment: the next heartbeat (or completing) credits the gap.
      }
    };

    const tick = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        setProgress((current) => ({ ...current, seatSeconds: current.seatSeconds + 1 }));
      }
    }, 1000);
    const heartbeat = window.setInterval(() => {
      if (document.visibilityState === 'visible') void send('HEARTBEAT');
    }, intervalSeconds * 1000);

    let wasHidden = document.visibilityState !== 'visible';
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        if (wasHidden) void send('OPEN');
        wasHidden = false;
      } else if (!wasHidden) {
        wasHidden = true;
        void send('HEARTBEAT', true);
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      window.clearInterval(tick);
      window.clearInterval(heartbeat);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [activityUrl, intervalSeconds]);

  return { ...progress, live };
}

/** The "time on this lesson" panel and, under a minimum-time rule, the time still needed. */
export function LessonClock({
  seatSeconds,
  requiredSeconds,
  completed,
  live,
  explanationId,
}: {
  seatSeconds: number;
  requiredSeconds: number;
  completed: boolean;
  live: boolean;
  explanationId: string;
}) {
  const remaining = Math.max(0, requiredSeconds - seatSeconds);
  const ruled = requiredSeconds > 0;
  const reached = ruled && remaining === 0;
  return (
    <div className="lesson-clock">
      <p className="lesson-clock-time">
        <span className="lesson-clock-label">Time on this lesson</span>{' '}
        <span className="lesson-clock-value">{formatClock(seatSeconds)}</span>
        {live ? null : <span className="small muted"> (as of when the page loaded)</span>}
      </p>
      {ruled && !completed ? (
        <>
          <p id={explanationId} className={reached ? 'clock-note clock-ok' : 'clock-note'}>
            {reached
              ? 'You have spent the minimum time on this lesson: you can mark it complete.'
              : `This course asks for at least ${formatSpan(requiredSeconds)} on this lesson. Marking it complete now would be refused: ${live ? `${formatClock(remaining)} to go` : `about ${formatSpan(remaining)} to go`}.`}
          </p>
          {live ? null : (
            <p className="small muted">
              Without JavaScript, the time since you opened this page counts when you press “Mark
              complete”.
            </p>
          )}
          {/* Announced once when the minimum is reached, not every second. */}
          <p className="visually-hidden" aria-live="polite">
            {reached ? 'Minimum time reached: you can mark this lesson complete.' : ''}
          </p>
        </>
      ) : null}
    </div>
  );
}
