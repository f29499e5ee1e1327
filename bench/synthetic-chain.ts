/**
 * Generated value chains for the chain benchmarks (bench/chains.bench.ts, bench/chain-compile.bench.ts).
 */

// 60 countries (ISO 3166-1 alpha-3): stage i is in countries[i mod 60].
const countries = [
  ...['CHN', 'USA', 'JPN', 'DEU', 'KOR', 'TWN', 'VNM', 'MEX', 'GHA', 'NLD', 'FRA', 'ITA', 'ESP', 'GBR'],
  ...['CAN', 'BRA', 'IND', 'IDN', 'THA', 'MYS', 'PHL', 'SGP', 'AUS', 'NZL', 'ZAF', 'NGA', 'KEN', 'EGY'],
  ...['MAR', 'TUR', 'POL', 'CZE', 'HUN', 'ROU', 'SVK', 'AUT', 'CHE', 'BEL', 'SWE', 'NOR', 'FIN', 'DNK'],
  ...['IRL', 'PRT', 'GRC', 'ISR', 'SAU', 'ARE', 'RUS', 'UKR', 'KAZ', 'ARG', 'CHL', 'PER', 'COL', 'BGD'],
  ...['PAK', 'LKA', 'KHM', 'CIV'],
];

/**
 * A vertically specialised chain of `n` stages: stage 0 is final; stage i (i ≥ 1) is a chain input of
 * stage ⌊(i − 1) / 4⌋ (a tree with fan-in 4, depth log4 n); every 10th stage buys an outside input.
 */
export function generate(n: number) {
  const stages = new Array(n);
  for (let i = 0; i < n; i++) {
    const inputs = [];
    for (let c = 4 * i + 1; c <= Math.min(4 * i + 4, n - 1); c++)
      inputs.push({ stage: `s${c}`, quantity: 1 });
    stages[i] = {
      id: `s${i}`,
      name: `Stage ${i}`,
      country: countries[i % countries.length],
      output: { unit: 'unit', unitPrice: 10 + (n - i) * 0.001 + 5 * inputs.length * (1 + (n - i) * 0.001) },
      inputs,
      purchases: i % 10 === 0 ? [{ description: 'energy', value: 0.5, country: 'ROW' }] : [],
    };
  }
  return {
    id: `gen-${n}`,
    name: 'Generated',
    family: 'vertically-specialised',
    currency: 'USD',
    finalStage: 's0',
    stages,
  };
}
