/** Declarations of bench/memory.mjs (see there). */
export declare function peakRssMiB(): number;
export declare function settledRssMiB(): Promise<number>;
