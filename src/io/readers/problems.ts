import { IssueList } from '../../core/boundary.js';
import { GvcError, MAX_REPORTED_ISSUES } from '../../core/errors.js';

/**
 * The problems found while reading a file, each located as `FILE:LINE:COLUMN` (1-based; COLUMN is
 * the field number in a delimited file, or a cell reference such as `B7` in a workbook). A reader
 * records one problem per real fault and goes on (a bad row label is one problem at its line, not
 * one per later row), then throws them all at once with {@link ReadProblems.throwIfAny}.
 */
export class ReadProblems {
  private readonly list = new IssueList();

  /**
   * @param file - the name the file goes by in paths (see `sourceName`)
   * @param what - the error's message, e.g. `invalid OECD ICIO file`
   */
  constructor(
    readonly file: string,
    readonly what: string,
  ) {}

  /** The path of a place in the file: `FILE:LINE` or `FILE:LINE:COLUMN`. */
  at(line?: number, column?: number | string): string {
    if (line === undefined) return this.file;
    return column === undefined ? `${this.file}:${line}` : `${this.file}:${line}:${column}`;
  }

  /** Records a problem at a line (and column) of the file. */
  add(line: number | undefined, column: number | string | undefined, message: string): void {
    this.list.add(this.at(line, column), message);
  }

  /** Records a problem at a path that is not a place in the file (an option, another file). */
  addPath(path: string, message: string): void {
    this.list.add(path, message);
  }

  /** How many problems have been recorded. */
  get size(): number {
    return this.list.size;
  }

  /**
   * Whether reading should stop: past {@link MAX_REPORTED_ISSUES} problems nothing more would be
   * shown, so a reader stops there instead of scanning the rest of a broken file.
   */
  get full(): boolean {
    return this.list.size > MAX_REPORTED_ISSUES;
  }

  /** The error listing every problem recorded. */
  error(): GvcError {
    return new GvcError('INVALID_INPUT', this.what, this.list.issues());
  }

  /** Throws {@link ReadProblems.error} when any problem has been recorded. */
  throwIfAny(): void {
    if (this.list.size > 0) throw this.error();
  }
}
