import ExcelJS from 'exceljs';
import type { Statement, StatementColumn, StatementRow } from './order-statement';
import { fenToYuan } from './yuan';

export type StatementFormat = 'csv' | 'xlsx';

export const MIME_TYPES: Record<StatementFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab / carriage return) as a formula; text
 * from other parties (offering titles, provider names) is prefixed with an apostrophe so it stays text (OWASP
 * "CSV injection"). Amounts are written by us and never prefixed.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvCell(column: StatementColumn, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.kind === 'fen') return fenToYuan(value as number);
  if (column.kind === 'integer') return String(value);
  return csvField(neutralised(String(value)));
}

/** RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends, yuan as decimals. */
export function statementCsv(statement: Statement): Buffer {
  const line = (row: StatementRow) => statement.columns.map((c) => csvCell(c, row[c.key])).join(',');
  const lines = [
    statement.columns.map((c) => csvField(c.header)).join(','),
    ...statement.rows.map(line),
    line(statement.totals),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

const YUAN_FORMAT = '#,##0.00';

/**
 * An XLSX workbook with one sheet. Amount cells are numbers with a `#,##0.00` format, so totals can be summed in
 * the spreadsheet. Their value is `fen / 100`: the one place a float meets an amount, and only as the stored cell
 * value — every integer fen below 2^53 divided by 100 gives the double nearest the exact yuan decimal, which
 * displays and rounds back to the same two decimals. Sums are made in integer fen before the division.
 */
export async function statementXlsx(statement: Statement, createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '南山区人工智能算力券平台 Nanshan AI compute vouchers';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const sheet = workbook.addWorksheet('订单 Orders', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = statement.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.kind === 'fen' ? { numFmt: YUAN_FORMAT } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const values = (row: StatementRow) =>
    Object.fromEntries(
      statement.columns.map((c) => {
        const v = row[c.key];
        if (v === null || v === undefined) return [c.key, null];
        return [c.key, c.kind === 'fen' ? (v as number) / 100 : v];
      }),
    );
  for (const row of statement.rows) sheet.addRow(values(row));
  const totals = sheet.addRow(values(statement.totals));
  totals.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
