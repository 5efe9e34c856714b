import type { DragEvent } from 'react';
import { ActionButton } from '../../components/action-button';

/**
 * "Move up" and "Move down" for a module or a lesson: one-button forms sending the new
 * 1-based position with the item's other fields (intent, id, revision).
 */
export function MoveButtons({
  fields,
  title,
  index,
  count,
}: {
  fields: Record<string, string | number>;
  title: string;
  index: number;
  count: number;
}) {
  return (
    <>
      <ActionButton
        fields={{ ...fields, position: index, label: title }}
        label={`Move “${title}” up`}
        disabled={index === 0}
      >
        ↑
      </ActionButton>
      <ActionButton
        fields={{ ...fields, position: index + 2, label: title }}
        label={`Move “${title}” down`}
        disabled={index === count - 1}
      >
        ↓
      </ActionButton>
    </>
  );
}

/** The drag handle (with JavaScript only; the move buttons work without). */
export function DragHandle({
  onDragStart,
  onDragEnd,
}: {
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}) {
  return (
    <span
      className="drag-handle"
      draggable
      aria-hidden="true"
      title="Drag to reorder"
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      ⠿
    </span>
  );
}
