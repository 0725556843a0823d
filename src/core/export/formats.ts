/**
 * How records become bytes, per export format. Encoders are stateless about the file: the caller
 * says how many rows are already in it, so a resumed export continues a JSON array correctly.
 */
import { csvCell, csvRecord, csvRow } from './csv';
import { QueryHeader } from './document';

export type ExportFormat = 'json' | 'ndjson' | 'csv';

export const FORMAT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { json: 'json', ndjson: 'ndjson', csv: 'csv' };

export interface Encoder {
  /** Written once when a file is created. */
  header(): string;
  /** A page of records; `rowsBefore` is how many the file already holds. */
  records(records: readonly Record<string, unknown>[], rowsBefore: number): string;
  /** Written once when the file is complete. */
  footer(): string;
}

export function encoderFor(format: ExportFormat, header: QueryHeader, columns: readonly string[] | undefined): Encoder {
  switch (format) {
    case 'ndjson':
      return {
        header: () => '',
        records: (rs) => {
          let s = '';
          for (const r of rs) s += `${JSON.stringify(r)}\n`;
          return s;
        },
        footer: () => '',
      };
    case 'json':
      // The header's count is unknown until the end, so it is left out; the manifest has it.
      return {
        header: () => `{"query":${JSON.stringify(header)},"value":[`,
        records: (rs, before) => {
          let s = '';
          rs.forEach((r, i) => (s += `${before + i === 0 ? '' : ','}\n${JSON.stringify(r)}`));
          return s;
        },
        footer: () => '\n]}\n',
      };
    case 'csv': {
      const cols = columns && columns.length > 0 ? columns : ['id'];
      return {
        header: () => csvRow(cols.map(csvCell)),
        records: (rs) => {
          let s = '';
          for (const r of rs) s += csvRecord(r, cols);
          return s;
        },
        footer: () => '',
      };
    }
  }
}
