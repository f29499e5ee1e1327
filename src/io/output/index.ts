export { RecordsArrowOptions, recordsToArrow } from './arrow.js';
export { MAX_OUTPUT_CELLS } from './columns.js';
export { RecordsCsvOptions, recordsToCsv } from './csv.js';
export { TidyOptions, type TidyRecord, tidyRecords } from './tidy.js';
