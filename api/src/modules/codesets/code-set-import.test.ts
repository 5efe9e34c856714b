import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import { FIXTURES, fixture, orderLine, uploadCodeFile, waitForImport } from './code-set-testing';

let api: TestApi;
let admin: Actor;
let instructor: Actor;

beforeAll(async () => {
  api = await startTestApi();
  [admin, instructor] = await Promise.all([
    registerActor(api, 'ADMIN', 'Ada Admin'),
    registerActor(api, 'INSTRUCTOR', 'Ivan Instructor'),
  ]);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const codesOf = (releaseId: string) =>
  api.database.db.codeSetCode.findMany({
    where: { releaseId },
    orderBy: { code: 'asc' },
    select: { code: true, billable: true, shortDescription: true, longDescription: true },
  });

describe('importing a code-set release', () => {
  it('refuses anyone but an admin', async () => {
    const response = await uploadCodeFile(api, instructor.token, {
      system: 'ICD10CM',
      effectiveOn: '2026-10-01',
      file: fixture(FIXTURES.cm2027),
    });
    expect(response.status).toBe(403);
    expect(await api.database.db.codeSetImport.count()).toBe(0);
  });

  it('imports the ICD-10-CM order file: codes, header flags, descriptions, progress', async () => {
    const response = await uploadCodeFile(api, admin.token, {
      system: 'ICD10CM',
      effectiveOn: '2026-10-01',
      file: fixture(FIXTURES.cm2027),
    });
    expect(response.status).toBe(202);
    const job = await waitForImport(api, response.body.import.id);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      name: 'ICD-10-CM FY2027',
      totalLines: 42,
      processedLines: 42,
      errorLine: null,
    });
    const release = await api.database.db.codeSetRelease.findUniqueOrThrow({
      where: { id: job.releaseId! },
    });
    expect(release).toMatchObject({ system: 'ICD10CM', year: 2027, codeCount: 42 });
    const codes = await codesOf(release.id);
    expect(codes).toHaveLength(42);
    expect(codes.find((c) => c.code === 'E11')).toEqual({
      code: 'E11',
      billable: false,
      shortDescription: 'Type 2 diabetes mellitus',
      longDescription: 'Type 2 diabetes mellitus',
    });
    expect(codes.find((c) => c.code === 'U071')).toMatchObject({ billable: true });
    expect(codes.find((c) => c.code === 'S52501A')?.longDescription).toBe(
      'Unspecified fracture of the lower end of right radius, initial encounter for closed fracture',
    );
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await api.database.db.codeSetRelease.findMany({ select: { id: true } });
    const codeCount = await api.database.db.codeSetCode.count();
    const response = await uploadCodeFile(api, admin.token, {
      system: 'ICD10CM',
      effectiveOn: '2026-10-01',
      name: 'Another name for the same file',
      file: fixture(FIXTURES.cm2027),
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.message).toBe(
      'This file is already imported as “ICD-10-CM FY2027”; nothing changed.',
    );
    expect(await api.database.db.codeSetRelease.findMany({ select: { id: true } })).toEqual(before);
    expect(await api.database.db.codeSetCode.count()).toBe(codeCount);
  });

  it('computes the diff against the previous release of the system', async () => {
    const response = await uploadCodeFile(api, admin.token, {
      system: 'ICD10CM',
      effectiveOn: '2027-10-01',
      file: fixture(FIXTURES.cm2028),
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job.status).toBe('SUCCEEDED');
    const release = await api.database.db.codeSetRelease.findUniqueOrThrow({
      where: { id: job.releaseId! },
    });
    expect(release).toMatchObject({
      name: 'ICD-10-CM FY2028',
      addedCount: 2,
      deletedCount: 1,
      changedCount: 2,
    });
    const changes = await api.database.db.codeSetChange.findMany({
      where: { releaseId: release.id },
      orderBy: { code: 'asc' },
      select: {
        code: true,
        kind: true,
        oldBillable: true,
        newBillable: true,
        oldDescription: true,
        newDescription: true,
      },
    });
    expect(changes).toEqual([
      {
        code: 'M545',
        kind: 'CHANGED',
        oldBillable: true,
        newBillable: false,
        oldDescription: 'Low back pain',
        newDescription: 'Low back pain',
      },
      {
        code: 'M5450',
        kind: 'ADDED',
        oldBillable: null,
        newBillable: true,
        oldDescription: null,
        newDescription: 'Low back pain, unspecified',
      },
      {
        code: 'M5459',
        kind: 'ADDED',
        oldBillable: null,
        newBillable: true,
        oldDescription: null,
        newDescription: 'Other low back pain',
      },
      {
        code: 'N1831',
        kind: 'DELETED',
        oldBillable: true,
        newBillable: null,
        oldDescription: 'Chronic kidney disease, stage 3a',
        newDescription: null,
      },
      {
        code: 'Z794',
        kind: 'CHANGED',
        oldBillable: true,
        newBillable: true,
        oldDescription: 'Long term (current) use of insulin',
        newDescription: 'Long term (current) use of insulin or injectable antidiabetic drug',
      },
    ]);
  });

  it('aborts on a malformed line, names it, and imports nothing', async () => {
    const lines = fixture(FIXTURES.pcs2027).split('\n');
    lines[5] = `${lines[5]!.slice(0, 14)}X${lines[5]!.slice(15)}`;
    const releasesBefore = await api.database.db.codeSetRelease.count();
    const codesBefore = await api.database.db.codeSetCode.count();
    const response = await uploadCodeFile(api, admin.token, {
      system: 'ICD10PCS',
      effectiveOn: '2026-10-01',
      file: lines.join('\n'),
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job).toMatchObject({
      status: 'FAILED',
      errorLine: 6,
      message: 'Line 6: column 15 must be 0 (header) or 1 (billable), not “X”.',
      releaseId: null,
    });
    expect(await api.database.db.codeSetRelease.count()).toBe(releasesBefore);
    expect(await api.database.db.codeSetCode.count()).toBe(codesBefore);
  });

  it('refuses a CPT-shaped code and names the line', async () => {
    const text = `${fixture(FIXTURES.cm2027)}${orderLine(43, '12345', true, 'Fake level I code')}\n`;
    const response = await uploadCodeFile(api, admin.token, {
      system: 'ICD10CM',
      effectiveOn: '2028-10-01',
      file: text,
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job.status).toBe('FAILED');
    expect(job.errorLine).toBe(43);
    expect(job.message).toMatch(
      /^Line 43: 12345 is a CPT \(HCPCS Level I\) code\. CPT is the AMA's/,
    );
    expect(await api.database.db.codeSetRelease.count({ where: { year: 2029 } })).toBe(0);
  });

  it('refuses a CPT-shaped record in the HCPCS file (four digits and a letter)', async () => {
    const text = `${fixture(FIXTURES.hcpcs2027)}${'0000T'.padEnd(5)}00100${'3'}${'Fake category III code'.padEnd(80)}${'Fake'.padEnd(28)}\n`;
    const response = await uploadCodeFile(api, admin.token, {
      system: 'HCPCS',
      effectiveOn: '2027-01-01',
      file: text,
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/^Line \d+: 0000T is a CPT \(HCPCS Level I\) code/);
  });

  it('imports the HCPCS Level II file: continuation records merged, modifiers skipped', async () => {
    const response = await uploadCodeFile(api, admin.token, {
      system: 'HCPCS',
      effectiveOn: '2027-01-01',
      file: fixture(FIXTURES.hcpcs2027),
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', name: 'HCPCS Level II 2027-01' });
    const codes = await codesOf(job.releaseId!);
    expect(codes.map((c) => c.code)).toEqual([
      'A4206',
      'A4253',
      'E0100',
      'E0110',
      'E0112',
      'E0114',
      'G0008',
      'G0009',
      'J0696',
      'J1100',
      'J3420',
      'K0001',
    ]);
    expect(codes.find((c) => c.code === 'E0110')).toEqual({
      code: 'E0110',
      billable: true,
      shortDescription: 'Crutch forearm pair',
      longDescription:
        'Crutches, forearm, includes crutches of various materials, adjustable or fixed, pair, complete with tips and handgrips',
    });
  });

  it('leaves out HCPCS codes terminated by the effective date and keeps those ending later', async () => {
    // A record of the official layout with its termination date (cols 285–292) filled in.
    const record = (code: string, description: string, terminatedOn: string) =>
      `${code}00100${'3'}${description.padEnd(80)}${description.slice(0, 28).padEnd(28)}`
        .padEnd(284)
        .concat(terminatedOn.padEnd(8))
        .padEnd(320);
    const text = [
      fixture(FIXTURES.hcpcs2027).trimEnd(),
      record('E0999', 'Fake equipment code ended in December', '20261231'),
      record('E0998', 'Fake equipment code ended on the effective date', '20270401'),
      record('E0997', 'Fake equipment code ending in the summer', '20270630'),
      '',
    ].join('\n');
    const response = await uploadCodeFile(api, admin.token, {
      system: 'HCPCS',
      effectiveOn: '2027-04-01',
      file: text,
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job.status, job.message ?? '').toBe('SUCCEEDED');
    const codes = (await codesOf(job.releaseId!)).map((c) => c.code);
    expect(codes).not.toContain('E0999');
    expect(codes).not.toContain('E0998');
    expect(codes).toContain('E0997');
    expect(job.message).toContain('2 codes terminated on or before the effective date left out.');
  });

  it('refuses an HCPCS termination date that is not CCYYMMDD, naming the line', async () => {
    const bad = 'E0996001003Fake code with a bad date'.padEnd(284).concat('2027-6-1').padEnd(320);
    const response = await uploadCodeFile(api, admin.token, {
      system: 'HCPCS',
      effectiveOn: '2027-07-01',
      file: `${fixture(FIXTURES.hcpcs2027).trimEnd()}\n${bad}\n`,
    });
    const job = await waitForImport(api, response.body.import.id);
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(
      /^Line \d+: columns 285–292 must be the termination date as CCYYMMDD/,
    );
  });

  it('refuses a missing effective date with a field error and starts nothing', async () => {
    const before = await api.database.db.codeSetImport.count();
    const response = await uploadCodeFile(api, admin.token, {
      system: 'ICD10CM',
      effectiveOn: 'next october',
      file: fixture(FIXTURES.cm2027),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fieldErrors).toEqual({
      effectiveOn: ['Enter the effective date as YYYY-MM-DD, e.g. 2026-10-01.'],
    });
    expect(await api.database.db.codeSetImport.count()).toBe(before);
  });
});

it('fixtures are in the official fixed-width layouts', () => {
  for (const line of readFileSync(FIXTURES.cm2027, 'utf8').trimEnd().split('\n')) {
    expect(line).toMatch(/^[0-9]{5} [A-Z0-9 ]{7} [01] .{60} \S/);
  }
  for (const line of readFileSync(FIXTURES.hcpcs2027, 'utf8').split('\n').filter(Boolean)) {
    expect(line).toHaveLength(320);
  }
});
