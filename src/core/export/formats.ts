/**
 * How records become bytes, per export format. Encoders are stateless about the file: the caller
 * says how many rows are already in it, so a resumed export continues a JSON array correctly.
 */
import { ByteBuilder } from './byteBuilder';
import { csvCell, csvRecord, csvRow } from './csv';
import { type QueryHeader } from './document';
import { isUnreadable, type LogRecord, recordJson } from '../records/untrusted';

export type ExportFormat = 'json' | 'ndjson' | 'csv';

export const FORMAT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { json: 'json', ndjson: 'ndjson', csv: 'csv' };

export interface Encoder {
  /** Written once when a file is created. */
  header(): string;
  /**
   * A page of records as UTF-8; `rowsBefore` is how many the file already holds. The buffer is
   * reused: it is valid until the next call.
   */
  records(records: readonly LogRecord[], rowsBefore: number): Buffer;
  /** Written once when the file is complete. */
  footer(): string;
}

export function encoderFor(format: ExportFormat, header: QueryHeader, columns: readonly string[] | undefined): Encoder {
  const out = new ByteBuilder();
  switch (format) {
    case 'ndjson':
      return {
        header: () => '',
        records: (rs) => {
          for (const r of rs) {
            out.add(recordJson(r));
            out.add('\n');
          }
          return out.take();
        },
        footer: () => '',
      };
    case 'json':
      // The header's count is unknown until the end, so it is left out; the manifest has it.
      return {
        header: () => `{"query":${JSON.stringify(header)},"value":[`,
        records: (rs, before) => {
          rs.forEach((r, i) => {
            out.add(before + i === 0 ? '\n' : ',\n');
            out.add(recordJson(r));
          });
          return out.take();
        },
        footer: () => '\n]}\n',
      };
    case 'csv': {
      const cols = columns && columns.length > 0 ? columns : ['id'];
      return {
        header: () => csvRow(cols.map(csvCell)),
        records: (rs) => {
          // An unreadable record keeps its text in the first column (neutralised like any cell).
          for (const r of rs) out.add(isUnreadable(r) ? csvRow([csvCell(r.raw), ...cols.slice(1).map(() => '')]) : csvRecord(r, cols));
          return out.take();
        },
        footer: () => '',
      };
    }
  }
}
