import type { VersionContent } from './editable-course';
import { describeQuizChanges } from './quiz-changes';

/**
 * What changed between two versions, in words an instructor reads before publishing.
 * Modules, lessons and approvals are matched by their cross-version key.
 */
export function describeChanges(previous: VersionContent, next: VersionContent): string[] {
  const changes: string[] = [];
  const detail = (label: string, before: unknown, after: unknown) => {
    if (before !== after) changes.push(`${label} changed`);
  };
  if (previous.title !== next.title) changes.push(`Title changed to “${next.title}”`);
  detail('Summary', previous.summary, next.summary);
  detail('Description', previous.description, next.description);
  detail('Kind', previous.kind, next.kind);
  detail('Level', previous.level, next.level);
  if (previous.priceCents !== next.priceCents) {
    changes.push(`Price changed from ${cents(previous.priceCents)} to ${cents(next.priceCents)}`);
  }
  detail('Cover image', previous.coverImageUrl, next.coverImageUrl);
  detail(
    'Minimum time per lesson',
    previous.minimumLessonTimePercent,
    next.minimumLessonTimePercent,
  );
  detail('Minimum study time', previous.minimumSeatMinutes, next.minimumSeatMinutes);

  const beforeModules = new Map(previous.modules.map((module) => [module.key, module]));
  const afterModules = new Map(next.modules.map((module) => [module.key, module]));
  for (const module of next.modules) {
    const old = beforeModules.get(module.key);
    if (!old) {
      changes.push(`Module added: “${module.title}”`);
      continue;
    }
    if (old.title !== module.title)
      changes.push(`Module renamed: “${old.title}” → “${module.title}”`);
    if (sameKeysInOtherOrder(old.lessons, module.lessons)) {
      changes.push(`Lessons reordered in “${module.title}”`);
    }
  }
  for (const module of previous.modules) {
    if (!afterModules.has(module.key)) changes.push(`Module removed: “${module.title}”`);
  }
  if (sameKeysInOtherOrder(previous.modules, next.modules)) changes.push('Modules reordered');

  const beforeLessons = new Map(
    previous.modules.flatMap((m) => m.lessons.map((l) => [l.key, { ...l, moduleKey: m.key }])),
  );
  const afterLessons = new Map(
    next.modules.flatMap((m) => m.lessons.map((l) => [l.key, { ...l, moduleKey: m.key }])),
  );
  for (const [key, lesson] of afterLessons) {
    const old = beforeLessons.get(key);
    if (!old) {
      changes.push(`Lesson added: “${lesson.title}”`);
      changes.push(...describeQuizChanges(lesson.title, null, lesson.quiz ?? null));
      continue;
    }
    const edits: string[] = [];
    if (old.title !== lesson.title) edits.push('title');
    if (old.kind !== lesson.kind) edits.push('kind');
    if (old.body !== lesson.body) edits.push('content');
    if (old.videoUrl !== lesson.videoUrl || old.videoSeconds !== lesson.videoSeconds)
      edits.push('video');
    if (old.estimatedMinutes !== lesson.estimatedMinutes) edits.push('minutes');
    if (old.required !== lesson.required)
      edits.push(lesson.required ? 'now required' : 'now optional');
    if (old.moduleKey !== lesson.moduleKey) edits.push('moved to another module');
    if (edits.length) changes.push(`Lesson “${lesson.title}” changed: ${edits.join(', ')}`);
    changes.push(...describeQuizChanges(lesson.title, old.quiz ?? null, lesson.quiz ?? null));
  }
  for (const [key, lesson] of beforeLessons) {
    if (!afterLessons.has(key)) changes.push(`Lesson removed: “${lesson.title}”`);
  }

  const beforeApprovals = new Map(previous.creditApprovals.map((a) => [a.key, a]));
  const afterApprovals = new Map(next.creditApprovals.map((a) => [a.key, a]));
  for (const approval of next.creditApprovals) {
    const old = beforeApprovals.get(approval.key);
    const label = `${approval.bodyName ?? approval.body} approval ${approval.approvalNumber}`;
    if (!old) changes.push(`Credit approval added: ${label} (${approval.ceuAmount} CEUs)`);
    else if (JSON.stringify(old) !== JSON.stringify({ ...approval, id: old.id })) {
      changes.push(`Credit approval changed: ${label}`);
    }
  }
  for (const approval of previous.creditApprovals) {
    if (!afterApprovals.has(approval.key)) {
      changes.push(
        `Credit approval removed: ${approval.bodyName ?? approval.body} ${approval.approvalNumber}`,
      );
    }
  }
  return changes;
}

function sameKeysInOtherOrder(before: { key: string }[], after: { key: string }[]): boolean {
  const common = new Set(after.map((item) => item.key));
  const beforeOrder = before.map((item) => item.key).filter((key) => common.has(key));
  const afterOrder = after.map((item) => item.key).filter((key) => beforeOrder.includes(key));
  return beforeOrder.join() !== afterOrder.join();
}

function cents(amount: number): string {
  return amount === 0 ? 'free' : `$${(amount / 100).toFixed(2)}`;
}
