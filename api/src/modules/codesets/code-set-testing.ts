import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestApi } from '../../test-support';

const dir = (name: string) =>
  fileURLToPath(new URL(`../../../../test/fixtures/code-sets/${name}`, import.meta.url));

/** Sample files in the official layouts (test/fixtures/code-sets/README.md). */
export const FIXTURES = {
  cm2027: dir('icd10cm_order_sample_fy2027.txt'),
  cm2028: dir('icd10cm_order_sample_fy2028.txt'),
  pcs2027: dir('icd10pcs_order_sample_fy2027.txt'),
  hcpcs2027: dir('HCPC_sample_2027_JAN_ANWEB.txt'),
};

export const fixture = (path: string) => readFileSync(path, 'utf8');

/** One line of an ICD-10-CM/PCS order file. */
export function orderLine(order: number, code: string, billable: boolean, description: string) {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${description.slice(0, 60).padEnd(60)} ${description}`;
}

/** Uploads a code-set file the way the web app does: multipart to POST /code-sets/imports. */
export async function uploadCodeFile(
  api: TestApi,
  token: string,
  options: { system: string; effectiveOn: string; name?: string; file: string; fileName?: string },
) {
  const form = new FormData();
  form.set('system', options.system);
  form.set('effectiveOn', options.effectiveOn);
  if (options.name) form.set('name', options.name);
  form.set(
    'file',
    new Blob([options.file], { type: 'text/plain' }),
    options.fileName ?? 'codes.txt',
  );
  const response = await fetch(`${api.url}/code-sets/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: test helper reading JSON
  return { status: response.status, body: (await response.json()) as any };
}

/** Polls the import job until it has finished. */
export async function waitForImport(api: TestApi, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const job = await api.database.db.codeSetImport.findUniqueOrThrow({ where: { id } });
    if (job.status !== 'RUNNING') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}
