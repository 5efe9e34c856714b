import { useFetchers, useNavigation } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * What the app shows while the next page or a form's answer is on its way (JavaScript only;
 * without it the browser's own indicator does the job):
 * - a thin bar at the top of the window and a polite "Loading…" for screen readers;
 * - the submit button that was pressed is marked `data-pending` (styled with a spinner and
 *   `aria-disabled`) until the answer arrives. One document-level `submit` listener covers every
 *   form, Remix `<Form>`s and fetchers alike, without each route wiring its own button.
 */
export function NavigationProgress() {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const busy = navigation.state !== 'idle' || fetchers.some((f) => f.state !== 'idle');

  useEffect(() => {
    function onSubmit(event: SubmitEvent) {
      const button = event.submitter;
      if (!(button instanceof HTMLButtonElement || button instanceof HTMLInputElement)) return;
      // Let the submission go out first (a disabled-looking button is not part of it anyway).
      queueMicrotask(() => {
        button.dataset.pending = 'true';
        button.setAttribute('aria-disabled', 'true');
      });
      // A form the browser handles itself (a download, a document reload) never makes the
      // router busy: do not leave its button looking stuck.
      setTimeout(() => {
        delete button.dataset.pending;
        button.removeAttribute('aria-disabled');
      }, 15_000);
    }
    document.addEventListener('submit', onSubmit);
    return () => document.removeEventListener('submit', onSubmit);
  }, []);

  useEffect(() => {
    if (busy) return;
    for (const button of document.querySelectorAll<HTMLElement>('[data-pending]')) {
      delete button.dataset.pending;
      button.removeAttribute('aria-disabled');
    }
  }, [busy]);

  return (
    <>
      <div
        className={busy ? 'nav-progress nav-progress-active' : 'nav-progress'}
        aria-hidden="true"
        data-state={navigation.state}
      />
      <p className="visually-hidden" aria-live="polite">
        {navigation.state === 'loading' ? 'Loading…' : ''}
        {navigation.state === 'submitting' ? 'Sending…' : ''}
      </p>
    </>
  );
}
