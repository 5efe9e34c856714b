import { GeneralErrorBoundary } from '../../components/error-boundary';
import { ConflictBanner } from '../../components/fields';
import { useActionFailure } from '../../components/teach-course';
import { DetailsForm } from './details-form';
import { StatusPanel } from './status-panel';
import { TeamPanel } from './team-panel';

export { action } from './course-editor.server';

export default function CourseEditor() {
  const failure = useActionFailure();
  return (
    <>
      <ConflictBanner message={failure?.conflict} />
      <div className="editor-layout">
        <DetailsForm />
        <div className="editor-aside">
          <StatusPanel />
          <TeamPanel />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
