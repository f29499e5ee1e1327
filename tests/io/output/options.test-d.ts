import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type {
  RecordsArrowOptions as RecordsArrowSchema,
  RecordsCsvOptions as RecordsCsvSchema,
  TidyOptions as TidySchema,
} from '../../../src/io/index.js';
import {
  type GvcParticipationRecord,
  type RecordsArrowOptions,
  type RecordsCsvOptions,
  recordsToArrow,
  recordsToCsv,
  type TidyOptions,
  type TidyRecord,
  tidyRecords,
  type WwzRecord,
} from '../../../src/io/index.js';

test('every options type of io/output is what a caller may pass: {} and partial objects', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<TidyOptions>();
  expectTypeOf<{ year: number }>().toExtend<TidyOptions>();
  expectTypeOf(empty).toExtend<RecordsCsvOptions>();
  expectTypeOf<{ delimiter: string }>().toExtend<RecordsCsvOptions>();
  expectTypeOf(empty).toExtend<RecordsArrowOptions>();
  expectTypeOf<{ format: 'stream' }>().toExtend<RecordsArrowOptions>();
  expectTypeOf<TidyOptions>().toEqualTypeOf<z.input<typeof TidySchema>>();
  expectTypeOf<RecordsCsvOptions>().toEqualTypeOf<z.input<typeof RecordsCsvSchema>>();
  expectTypeOf<RecordsArrowOptions>().toEqualTypeOf<z.input<typeof RecordsArrowSchema>>();
});

test('the output functions take the records of any indicator and tidy records', () => {
  expectTypeOf(tidyRecords).toBeCallableWith([] as WwzRecord[]);
  expectTypeOf(tidyRecords).toBeCallableWith([] as GvcParticipationRecord[], { keep: ['positionReason'] });
  expectTypeOf(tidyRecords([] as WwzRecord[])).toEqualTypeOf<TidyRecord[]>();
  expectTypeOf(recordsToCsv).toBeCallableWith([] as TidyRecord[]);
  expectTypeOf(recordsToArrow([] as TidyRecord[], { format: 'file' })).toEqualTypeOf<Uint8Array>();
});
