/** Test fixtures shared by the cluster tests. */

/** A valid cluster, as plain JSON-like input. */
export function sampleCluster(): Record<string, unknown> {
  return {
    id: 'ken-ngong-furniture',
    name: 'Ngong Furniture',
    country: 'KEN',
    sector: 'furniture',
    endMarkets: ['local'],
    dynamism: { growth: true, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers'],
    collectiveAction: [],
    institutionalSupport: [],
  };
}

/** The header line of the Table-1 TSV layout. */
export const tsvHeader =
  'country\tcluster\tend_market\tevidence_of_dynamism\texternal_economies\tcollective_action\tinstitutional_support';
