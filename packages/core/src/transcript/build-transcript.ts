import { type CertificateSnapshot } from '@lms/credentials';
import type { CreditBody } from '@lms/db';
import { addMonths, fromHundredths, toHundredths } from './ceu';
import { type CeuRequirementView } from './ceu-requirements';
import type { LearnerCredentialView, SelfReportedCreditView } from './learner-credentials';

export type TranscriptSource = 'CERTIFICATE' | 'SELF_REPORTED';

export interface TranscriptEntryView {
  /** YYYY-MM-DD: the program (completion) date. */
  date: string;
  title: string;
  body: CreditBody;
  ceuAmount: string;
  category: string;
  source: TranscriptSource;
  /** Certificate serial (certificates only). */
  serial: string | null;
  /** Index number of the approval (certificates only). */
  indexNumber: string | null;
  /** Who provided it (self-reported only; our sponsor for certificates). */
  provider: string;
  /** The self-reported entry's id (to remove it). */
  selfReportedId: string | null;
}

/** One renewal cycle of a body's credentials. Bodies are never added together. */
export interface TranscriptCycleView {
  body: CreditBody;
  /** The credentials this cycle maintains, e.g. ["CPC"] or ["CPC", "CRC"]. */
  credentials: string[];
  /** "CPC (AAPC)". */
  label: string;
  cycleStart: string;
  cycleEnd: string;
  /** The cycle containing today. */
  current: boolean;
  required: string;
  earned: string;
  remaining: string;
  coreMinimum: string | null;
  coreEarned: string | null;
  coreCategory: string | null;
  /** Specialty credentials' own minimums (AAPC), each with what counts toward it. */
  credentialMinimums: { credential: string; minimum: string; earned: string }[];
  /** 0–100, for the progress bar: 100 only when nothing remains (core and specialty included). */
  percent: number;
  entries: TranscriptEntryView[];
}

/**
 * CEUs of a body the learner holds no (measurable) credential of: earned and shown at once, but
 * in no renewal cycle until the learner adds the credential they count toward.
 */
export interface UncountedCreditsView {
  body: CreditBody;
  /** Sum of the entries, e.g. "1.75". */
  earned: string;
  /** Credentials the body's renewal rules name (e.g. ["CMC"]); empty when its rule is generic. */
  suggestedCredentials: string[];
  /** Newest first. */
  entries: TranscriptEntryView[];
}

export interface Transcript {
  learnerName: string;
  generatedAt: Date;
  cycles: TranscriptCycleView[];
  /** Per body without a cycle, in body order. */
  uncounted: UncountedCreditsView[];
}

export interface CertificateCreditRecord {
  serial: string;
  snapshot: CertificateSnapshot;
}

/** The rule for one credential on a day: its own row over the body's "*" row; newest in effect. */
export function ruleFor(
  requirements: CeuRequirementView[],
  body: CreditBody,
  credential: string,
  day: string,
): CeuRequirementView | null {
  const pick = (rows: CeuRequirementView[]) => {
    if (rows.length === 0) return null;
    const sorted = [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const inEffect = sorted.filter((row) => row.effectiveFrom <= day);
    return inEffect.at(-1) ?? sorted[0]!;
  };
  return (
    pick(requirements.filter((r) => r.body === body && r.credential === credential)) ??
    pick(requirements.filter((r) => r.body === body && r.credential === '*'))
  );
}

interface Cycle {
  start: string;
  end: string;
}

function cyclesThrough(anchor: string, months: number, calendar: boolean, today: string): Cycle[] {
  const cycles: Cycle[] = [];
  let start = calendar ? `${anchor.slice(0, 4)}-01-01` : anchor;
  const step = calendar ? Math.max(12, Math.round(months / 12) * 12) : months;
  for (let i = 0; i < 200; i++) {
    const end = addMonths(start, step, -1);
    cycles.push({ start, end });
    if (end >= today) break;
    start = addMonths(start, step);
  }
  return cycles;
}

/**
 * The transcript, computed from plain records (pure, for tests): per body, the learner's
 * credentials of that body share one cycle (anchored on the earliest certification date, length
 * and requirement from the dated rule in effect when the cycle starts: the highest base among the
 * credentials plus the per-extra-credential amount). Entries are certificate credits and
 * self-reported credits of that body only, dated inside the cycle. Shown: the current cycle and
 * every earlier one with entries, newest first.
 */
export function buildTranscript(input: {
  learnerName: string;
  credentials: LearnerCredentialView[];
  requirements: CeuRequirementView[];
  certificates: CertificateCreditRecord[];
  selfReported: SelfReportedCreditView[];
  today: string;
  generatedAt: Date;
  sponsor: string;
}): Transcript {
  const byBody = new Map<CreditBody, LearnerCredentialView[]>();
  for (const credential of input.credentials) {
    byBody.set(credential.body, [...(byBody.get(credential.body) ?? []), credential]);
  }
  const allEntries: TranscriptEntryView[] = [];
  for (const certificate of input.certificates) {
    for (const credit of certificate.snapshot.credits) {
      allEntries.push({
        date: certificate.snapshot.completionDate,
        title: certificate.snapshot.programTitle,
        body: credit.body as CreditBody,
        ceuAmount: credit.ceuAmount,
        category: credit.category,
        source: 'CERTIFICATE',
        serial: certificate.serial,
        indexNumber: credit.indexNumber,
        provider: certificate.snapshot.sponsoringOrganization,
        selfReportedId: null,
      });
    }
  }
  for (const credit of input.selfReported) {
    allEntries.push({
      date: credit.completedOn,
      title: credit.title,
      body: credit.body,
      ceuAmount: credit.ceuAmount,
      category: credit.category,
      source: 'SELF_REPORTED',
      serial: null,
      indexNumber: null,
      provider: credit.provider,
      selfReportedId: credit.id,
    });
  }

  const cycles: TranscriptCycleView[] = [];
  for (const [body, credentials] of byBody) {
    const anchor = credentials.map((c) => c.certifiedOn).sort()[0]!;
    const names = credentials.map((c) => c.credential);
    const anchorRules = credentials
      .map((c) => ruleFor(input.requirements, body, c.credential, anchor))
      .filter((r): r is CeuRequirementView => r !== null);
    if (anchorRules.length === 0) continue; // no rule known for this body: nothing to measure
    const shape = anchorRules.reduce((a, b) =>
      toHundredths(b.baseCeus) > toHundredths(a.baseCeus) ? b : a,
    );
    const periods = cyclesThrough(
      anchor,
      shape.cycleMonths,
      shape.cycleAnchor === 'CALENDAR_YEAR',
      input.today,
    );
    const bodyEntries = allEntries.filter((entry) => entry.body === body);
    periods.forEach((period, index) => {
      const current = index === periods.length - 1;
      const entries = bodyEntries
        .filter((entry) => entry.date >= period.start && entry.date <= period.end)
        .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
      if (!current && entries.length === 0) return;
      const rules = credentials
        .map((c) => ruleFor(input.requirements, body, c.credential, period.start))
        .filter((r): r is CeuRequirementView => r !== null);
      const main = rules.reduce((a, b) =>
        toHundredths(b.baseCeus) > toHundredths(a.baseCeus) ? b : a,
      );
      const extras = Math.min(
        credentials.length - 1,
        main.maxAdditional ?? Number.POSITIVE_INFINITY,
      );
      const required = toHundredths(main.baseCeus) + extras * toHundredths(main.additionalCeus);
      const sameCategory = (entry: TranscriptEntryView, category: string) =>
        entry.category.trim().toLowerCase() === category.trim().toLowerCase();
      const total = entries.reduce((sum, entry) => sum + toHundredths(entry.ceuAmount), 0);
      // A cap counts at most capCeus of the capped category toward the cycle.
      const capped =
        main.capCeus && main.capCategory
          ? entries
              .filter((entry) => sameCategory(entry, main.capCategory))
              .reduce((sum, entry) => sum + toHundredths(entry.ceuAmount), 0)
          : 0;
      const earned = total - Math.max(0, capped - (main.capCeus ? toHundredths(main.capCeus) : 0));
      const credentialMinimums = credentials.flatMap((held) => {
        const own = ruleFor(input.requirements, body, held.credential, period.start);
        if (!own?.credentialMinimum || own.credential !== held.credential) return [];
        const earnedOwn = entries
          .filter((entry) => sameCategory(entry, held.credential))
          .reduce((sum, entry) => sum + toHundredths(entry.ceuAmount), 0);
        return [
          {
            credential: held.credential,
            minimum: toHundredths(own.credentialMinimum),
            earned: earnedOwn,
          },
        ];
      });
      const coreMinimum = main.coreMinimum ? toHundredths(main.coreMinimum) : null;
      const coreEarned =
        coreMinimum === null
          ? null
          : entries
              .filter((e) => e.category.trim().toLowerCase() === main.coreCategory.toLowerCase())
              .reduce((sum, entry) => sum + toHundredths(entry.ceuAmount), 0);
      const remaining = Math.max(
        0,
        required - earned,
        coreMinimum === null ? 0 : coreMinimum - (coreEarned ?? 0),
        ...credentialMinimums.map((own) => own.minimum - own.earned),
      );
      cycles.push({
        body,
        credentials: names,
        label: `${names.join(', ')} (${body})`,
        cycleStart: period.start,
        cycleEnd: period.end,
        current,
        required: fromHundredths(required),
        earned: fromHundredths(earned),
        remaining: fromHundredths(remaining),
        coreMinimum: coreMinimum === null ? null : fromHundredths(coreMinimum),
        coreEarned: coreEarned === null ? null : fromHundredths(coreEarned),
        coreCategory: coreMinimum === null ? null : main.coreCategory,
        credentialMinimums: credentialMinimums.map((own) => ({
          credential: own.credential,
          minimum: fromHundredths(own.minimum),
          earned: fromHundredths(own.earned),
        })),
        // The bar follows what remains, so it reads 100 % only when nothing does.
        percent:
          remaining === 0
            ? 100
            : required === 0
              ? 0
              : Math.max(0, Math.min(99, Math.floor(((required - remaining) * 100) / required))),
        entries,
      });
    });
  }
  cycles.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      a.body.localeCompare(b.body) ||
      b.cycleStart.localeCompare(a.cycleStart),
  );
  const measured = new Set(cycles.map((cycle) => cycle.body));
  const uncountedBodies = new Map<CreditBody, TranscriptEntryView[]>();
  for (const entry of allEntries) {
    if (measured.has(entry.body)) continue;
    uncountedBodies.set(entry.body, [...(uncountedBodies.get(entry.body) ?? []), entry]);
  }
  const uncounted = [...uncountedBodies]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([body, entries]) => ({
      body,
      earned: fromHundredths(
        entries.reduce((sum, entry) => sum + toHundredths(entry.ceuAmount), 0),
      ),
      suggestedCredentials: [
        ...new Set(
          input.requirements
            .filter((rule) => rule.body === body && rule.credential !== '*')
            .map((rule) => rule.credential),
        ),
      ].sort(),
      entries: entries.sort((a, b) => b.date.localeCompare(a.date)),
    }));
  return { learnerName: input.learnerName, generatedAt: input.generatedAt, cycles, uncounted };
}
