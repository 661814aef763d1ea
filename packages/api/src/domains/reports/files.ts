import ExcelJS from 'exceljs';
import type { Statement } from '../statements/order-statement';
import { MIME_TYPES, type StatementFormat, statementCsv, statementXlsx } from '../statements/render';

/**
 * A report or payout batch as a download, through the statements' renderers (CSV: UTF-8 with BOM, yuan written from
 * integer fen by string arithmetic; XLSX: amounts as numbers with a yuan format). Their worksheet is named for the
 * order statement, so the XLSX is read back once to give the sheet this document's name.
 */
export async function statementFile(
  statement: Statement,
  input: { format: StatementFormat; filename: string; sheetName: string; now: Date },
) {
  let content: Buffer;
  if (input.format === 'csv') content = statementCsv(statement);
  else {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await statementXlsx(statement, input.now)) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    workbook.worksheets[0]!.name = sheetName(input.sheetName);
    content = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  return {
    filename: `${input.filename}.${input.format}`,
    mimeType: MIME_TYPES[input.format],
    contentBase64: content.toString('base64'),
  };
}

/** Excel allows at most 31 characters and none of \ / ? * [ ] : in a sheet name. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}
