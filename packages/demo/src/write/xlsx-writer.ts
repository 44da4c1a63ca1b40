import type { Cell } from '../agencies/native-tables.js';
import { ZipWriter } from './zip-writer.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Data rows per sheet before the writer starts the next one (Excel's limit is 1,048,576 rows). */
export const XLSX_ROWS_PER_SHEET = 1_000_000;
const FLUSH_AT = 1 << 18;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const columnName = (i: number): string => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - EPOCH) / 86_400_000;

const styles = (dateCode: string): string =>
  `${XML_HEAD}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(dateCode)}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * A streaming XLSX writer for one table: inline strings, real date cells, a bold header row, a new
 * sheet every million rows. Output is byte-identical for the same rows (fixed ZIP timestamps, no
 * creation dates), which a seeded demo world needs and general-purpose writers do not give.
 */
export class XlsxWriter {
  private sheets = 0;
  private rows = 0;
  private buf: string[] = [];
  private size = 0;
  private readonly cols: string[];

  private constructor(
    private readonly zip: ZipWriter,
    private readonly sheetName: string,
    private readonly header: readonly string[],
    private readonly rowsPerSheet: number,
  ) {
    this.cols = header.map((_, i) => columnName(i));
  }

  /** Create the file; `dateCode` is the Excel number format of date cells (e.g. "dd.mm.yyyy"). */
  static async create(
    path: string,
    sheetName: string,
    header: readonly string[],
    dateCode: string,
    rowsPerSheet = XLSX_ROWS_PER_SHEET,
  ): Promise<XlsxWriter> {
    const zip = await ZipWriter.create(path);
    await zip.add('xl/styles.xml', styles(dateCode));
    const w = new XlsxWriter(zip, sheetName, header, rowsPerSheet);
    await w.startSheet();
    return w;
  }

  private async startSheet(): Promise<void> {
    this.sheets++;
    this.rows = 0;
    await this.zip.begin(`xl/worksheets/sheet${String(this.sheets)}.xml`);
    this.push(`${XML_HEAD}<worksheet xmlns="${NS}"><sheetData>`);
    this.push(this.rowXml(1, this.header, 2));
  }

  private push(s: string): void {
    this.buf.push(s);
    this.size += s.length;
  }

  private rowXml(r: number, cells: readonly Cell[], style = 0): string {
    let xml = `<row r="${String(r)}">`;
    cells.forEach((c, i) => {
      if (c === undefined || c === '') return;
      const ref = `${this.cols[i] ?? columnName(i)}${String(r)}`;
      const s = style ? ` s="${String(style)}"` : '';
      if (typeof c === 'number') xml += `<c r="${ref}"${s}><v>${String(c)}</v></c>`;
      else if (typeof c === 'object') xml += `<c r="${ref}" s="1"><v>${String(serial(c.date))}</v></c>`;
      else xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(c)}</t></is></c>`;
    });
    return `${xml}</row>`;
  }

  /** True when enough rows are buffered to be worth a flush. */
  get pending(): boolean {
    return this.size >= FLUSH_AT;
  }

  /** Add a data row (rolls over to a new sheet when the current one is full). */
  async addRow(cells: readonly Cell[]): Promise<void> {
    if (this.rows >= this.rowsPerSheet) {
      await this.endSheet();
      await this.startSheet();
    }
    this.rows++;
    this.push(this.rowXml(this.rows + 1, cells));
    if (this.pending) await this.flush();
  }

  /** Compress and write what is buffered. */
  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    await this.zip.write(chunk);
  }

  private async endSheet(): Promise<void> {
    this.push('</sheetData></worksheet>');
    await this.flush();
    await this.zip.end();
  }

  /** Finish the last sheet, write the workbook parts and close the file. */
  async close(): Promise<void> {
    await this.endSheet();
    const n = Array.from({ length: this.sheets }, (_, i) => i + 1);
    const name = (i: number): string =>
      escapeXml(i === 1 ? this.sheetName : `${this.sheetName} (${String(i)})`);
    await this.zip.add(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${n.map((i) => `<sheet name="${name(i)}" sheetId="${String(i)}" r:id="rId${String(i)}"/>`).join('')}</sheets></workbook>`,
    );
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${n.map((i) => `<Relationship Id="rId${String(i)}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${String(i)}.xml"/>`).join('')}` +
        `<Relationship Id="rId${String(this.sheets + 1)}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    );
    await this.zip.add(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    await this.zip.add(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
        `${n.map((i) => `<Override PartName="/xl/worksheets/sheet${String(i)}.xml" ContentType="${CT}.worksheet+xml"/>`).join('')}</Types>`,
    );
    await this.zip.close();
  }

  /** Close the file without finishing it (after an error). */
  async abort(): Promise<void> {
    await this.zip.abort();
  }
}
