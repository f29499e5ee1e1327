/**
 * How each release's files begin, so that a reader handed the wrong file can say which layout it
 * looks like ("looks like the FIGARO flat CSV: read it with readFigaro") instead of listing every
 * cell it does not expect. Each entry tests the first line of a text file (or the first bytes of a
 * binary one); the first entry that matches names the layout.
 */
interface Layout {
  /** The layout's name in messages. */
  readonly name: string;
  /** The function that reads it. */
  readonly reader: string;
  /** Whether a file starting with this line (already stripped of a byte-order mark) has the layout. */
  readonly matches: (firstLine: string, firstBytes?: Uint8Array) => boolean;
}

const startsWithBytes = (b: Uint8Array | undefined, ...magic: number[]) =>
  b !== undefined && magic.every((m, i) => b[i] === m);

const LAYOUTS: readonly Layout[] = [
  // Binary containers first: their first "line" is not text.
  {
    name: 'a zip archive or an Excel workbook (.xlsx)',
    reader: 'readAdbMrio for an ADB MRIO workbook, readExiobase for an EXIOBASE 3 archive',
    matches: (_l, b) => startsWithBytes(b, 0x50, 0x4b, 0x03, 0x04),
  },
  {
    name: 'an R data file (.RData)',
    reader: 'readWiod',
    matches: (l, b) => startsWithBytes(b, 0x1f, 0x8b) || /^RD[ABX][23]/.test(l),
  },
  {
    name: 'the FIGARO flat CSV (one observation per line)',
    reader: 'readFigaro',
    matches: (l) => /(^|[,;])"?refArea"?[,;]/.test(l) && /rowPi|colPi|obsValue/.test(l),
  },
  {
    name: 'the long-run WIOD flat CSV (lr_wiod_wiot_final_filled.csv)',
    reader: 'readLongRunWiod',
    matches: (l) => /(^|,)"?row_country"?,/.test(l) && /(^|,)"?col_isic3"?(,|$)/.test(l),
  },
  {
    name: 'the FIGARO matrix CSV',
    reader: 'readFigaro',
    matches: (l) => /^"?rowLabels"?[,;]/.test(l),
  },
  {
    name: 'an Eora26 label file (labels_T.txt, labels_FD.txt)',
    reader: 'readEora26',
    matches: (l) => /^[^\t]*\t[A-Z]{3}\t(Industries|Commodities|Final Demand)\t/.test(l),
  },
  {
    name: 'the EXIOBASE 3 text layout (tab-separated, region and sector header rows)',
    reader: 'readExiobase',
    matches: (l) => /^(region|sector|stressor|category)\t/.test(l),
  },
  {
    name: 'the OECD ICIO CSV',
    reader: 'readOecdIcio (or readIcioCsv for text)',
    matches: (l) => /^"?[^,;\t]*"?[,;]"?[A-Z0-9]{2,4}_[A-Z0-9]/.test(l),
  },
];

/**
 * The name of the layout a file looks like, as `the FIGARO flat CSV (read it with readFigaro)`,
 * or `undefined` when it looks like none of them.
 */
export function describeLayout(firstLine: string, firstBytes?: Uint8Array): string | undefined {
  for (const l of LAYOUTS) {
    if (l.matches(firstLine, firstBytes)) return `${l.name} (read it with ${l.reader})`;
  }
  return undefined;
}
