import { useFetcher } from '@remix-run/react';
import { type DragEvent, useMemo, useState } from 'react';
import { useHydrated } from '../../components/fields';
import { type FormReply, failureOf, isFormReply } from '../../utils/form-reply';

export type Drag =
  | { type: 'module'; id: string; title: string }
  | { type: 'lesson'; id: string; title: string };

export function useSyllabusDrag(revision: number) {
  const hydrated = useHydrated();
  const fetcher = useFetcher<FormReply>();
  /** A refused drop (a conflict, a stale revision), read like a refused form. */
  const failure = useMemo(
    () => (isFormReply(fetcher.data) ? failureOf(fetcher.data) : null),
    [fetcher.data],
  );
  const [drag, setDrag] = useState<Drag | null>(null);
  const [over, setOver] = useState<string | null>(null);

  const start = (event: DragEvent<HTMLElement>, item: Drag) => {
    event.stopPropagation();
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', item.title);
    const row = event.currentTarget.closest('li');
    if (row) event.dataTransfer.setDragImage(row, 16, 16);
    setDrag(item);
  };
  const end = () => {
    setDrag(null);
    setOver(null);
  };
  const allow = (event: DragEvent<HTMLElement>, type: Drag['type'], key: string) => {
    if (drag?.type !== type) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    if (over !== key) setOver(key);
  };
  const drop = (event: DragEvent<HTMLElement>, target: { moduleId?: string; position: number }) => {
    if (!drag) return;
    event.preventDefault();
    event.stopPropagation();
    const fields: Record<string, string> = {
      revision: String(revision),
      position: String(target.position),
      label: drag.title,
    };
    if (drag.type === 'module') {
      if (drag.id === target.moduleId) return end();
      Object.assign(fields, { intent: 'move-module', moduleId: drag.id });
    } else {
      Object.assign(fields, {
        intent: 'move-lesson',
        lessonId: drag.id,
        moduleId: target.moduleId ?? '',
      });
    }
    fetcher.submit(fields, { method: 'post', preventScrollReset: true });
    end();
  };
  return { enabled: hydrated, drag, over, start, end, allow, drop, fetcher, failure };
}
