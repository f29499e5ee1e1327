// Synthetic inter-country input–output tables for the benchmarks.
import * as io from '../src/io/index.js';
import { syntheticTable } from './synthetic-table.mjs';

/** A deterministic synthetic table: G countries × N sectors, domestic blocks heavier than foreign. */
export function syntheticIcio(G: number, N: number): io.Icio {
  return io.createIcio(syntheticTable(G, N));
}
