import { Link } from '@remix-run/react';
import type { AttemptCompletionQuery } from '../graphql/generated/graphql';

type Completion = AttemptCompletionQuery['attemptCompletion'];

function creditLine(credits: Completion['certificates'][number]['credits']): string {
  if (credits.length === 0) return 'certificate of completion';
  return credits
    .map(
      (credit) =>
        `${credit.body === 'OTHER' ? credit.bodyName : credit.body} ${credit.ceuAmount} CEUs`,
    )
    .join(', ');
}

/**
 * On the results of the attempt that completed the course: the certificates the completion
 * issued, each linked, or the one step still missing (the name to print).
 */
export function CompletionCertificates({ completion }: { completion: Completion | null }) {
  if (!completion?.completedCourse) return null;
  return (
    <section aria-labelledby="completion-title" className="card completion-certificates">
      <h2 id="completion-title" className="panel-title">
        Course complete
      </h2>
      {completion.certificates.length > 0 ? (
        <>
          <p>
            {completion.certificates.length === 1
              ? 'Your certificate is ready:'
              : 'Your certificates are ready:'}
          </p>
          <ul className="plain-list">
            {completion.certificates.map((certificate) => (
              <li key={certificate.serial}>
                <a href={`/certificates/${certificate.serial}/pdf`} download>
                  Certificate {certificate.serial} (PDF)
                </a>{' '}
                <span className="muted">· {creditLine(certificate.credits)} ·</span>{' '}
                <Link to={`/verify/${certificate.serial}`}>
                  Verify page<span className="visually-hidden"> of {certificate.serial}</span>
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/certificates">All your certificates</Link>
          </p>
        </>
      ) : completion.awaitingCertificateName ? (
        <p>
          Your certificate is waiting for one thing:{' '}
          <Link to="/certificates/name">confirm the name to print on it</Link>.
        </p>
      ) : (
        <p>
          <Link to="/certificates">See your certificates</Link>.
        </p>
      )}
    </section>
  );
}
