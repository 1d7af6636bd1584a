import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV out (csv-stringify: RFC 4180 quoting, CRLF): a cell starting with =, +, -, @, tab or CR gets
 * a leading apostrophe so a spreadsheet shows it as text instead of running it as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  return stringify([header, ...rows], {
    record_delimiter: "windows",
    cast: { string: guard, number: (n) => String(n), date: (d) => d.toISOString(), boolean: (b) => (b ? "true" : "false") },
  });
}

export interface CsvRecord {
  /** The line the record starts on in the file (1 is the header). */
  line: number;
  cells: Record<string, string>;
}

export type ParsedCsv = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; line: number | null; reason: string };

/**
 * CSV in (csv-parse): the first line names the columns; each record keeps the line it starts on,
 * so every bad row can be named by its line. A file that isn't CSV at all is one error.
 */
export function parseCsv(text: string, { maxRecords }: { maxRecords: number }): ParsedCsv {
  try {
    // With `info`, each record comes with where it was read (csv-parse's types don't say so).
    const rows = parse(text.replace(/^\uFEFF/, ""), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      to: maxRecords + 1,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const [head, ...body] = rows;
    if (!head) return { ok: false, line: null, reason: "The file is empty." };
    const header = head.record.map((h) => h.toLowerCase());
    return {
      ok: true,
      header,
      records: body.map(({ record, info }) => ({ line: info.lines, cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])) })),
    };
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { ok: false, line: e.lines ?? null, reason: `The file is not valid CSV: ${(e.message ?? "unreadable").replace(/^Invalid [^:]*: /, "")}` };
  }
}
