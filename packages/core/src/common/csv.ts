import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file as spreadsheet programs read it: CRLF line ends, and cells that start like a
 * formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'` so opening the file runs nothing
 * (OWASP "CSV injection"). `bom` starts the file with a byte-order mark, which Excel needs to
 * read UTF-8 (accented names); `quoteAll` quotes every cell, empty ones too.
 */
export function toCsv(
  rows: readonly (readonly string[])[],
  options: { bom?: boolean; quoteAll?: boolean } = {},
): string {
  const body = stringify(rows as string[][], {
    record_delimiter: 'windows',
    quoted: options.quoteAll ?? false,
    quoted_empty: options.quoteAll ?? false,
    cast: { string: defuseFormula },
  });
  return options.bom ? `\uFEFF${body}` : body;
}

function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
