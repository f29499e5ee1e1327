/** Declarations of bench/synthetic-table.mjs (see there). */
export declare function syntheticTable(
  G: number,
  N: number,
): { countries: string[]; sectors: string[]; Z: Float64Array<ArrayBuffer>; Y: Float64Array<ArrayBuffer> };
