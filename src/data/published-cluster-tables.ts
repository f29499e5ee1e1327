import type { ClusterTables } from '../clusters/table-model.js';
import { deepFreeze } from '../core/freeze.js';

/**
 * Tables 2–5 of Kaplinsky (2015), drawn by hand from the 25 African clusters of Kaplinsky & Morris
 * (2014a), transcribed as printed — including their inconsistencies — and mapped to the row keys of
 * {@link ClusterTables} (the printed row is kept in `label`):
 *
 * - `marketOrientation` (Table 2, market orientation versus dynamism): "Local only" → `local-only`,
 *   "Domestic (Local and National)" → `domestic`, "Domestic and Regional" → `domestic-and-regional`,
 *   "Domestic and International" → `domestic-and-international`, "International only" →
 *   `international-only`;
 * - `externalEconomies` (Table 3): "Availability of Labour Supply" → `labour-supply`, "Availability
 *   of Suppliers" → `suppliers`, "Customer Attraction" → `customer-attraction`, "Inter-firm
 *   specialization" → `specialised-services`, "2 External Economies", "3 External Economies", "All 4
 *   External Economies" → `exactly-2` … `exactly-4`;
 * - `collectiveAction` (Table 4, collective action versus dynamism): "Learning", "Marketing",
 *   "Logistics", "1 Collective Activity", "2 Collective Activities", "All 3 Collective Activities" →
 *   `learning`, `marketing`, `logistics`, `exactly-1` … `exactly-3`;
 * - `institutionalSupport` (Table 5): "Only Government" → `government`, "Only Cluster/sectoral" →
 *   `cluster-sectoral`, "Only External" → `external`, "Government & Cluster/sectoral" →
 *   `government+cluster-sectoral`, "Government & External" → `government+external`,
 *   "Cluster/sectoral & External" → `cluster-sectoral+external`, "Government, Cluster/sectoral,
 *   External" → `government+cluster-sectoral+external`. The table prints no row for clusters without
 *   support, so there is no `none` row.
 *
 * Compare them with the tables recomputed from Table 1 with `compareTables(clusterTables(africanClusters),
 * publishedClusterTables)`, and look for contradictions within them with `checkTableConsistency`.
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * publishedClusterTables.marketOrientation[2];
 * //=> { key: 'domestic-and-regional', label: 'Domestic and Regional', growth: 1, upgrading: 0,
 * //     growthAndUpgrading: 1, clusters: 4 }
 * ```
 */
export const publishedClusterTables: ClusterTables = /* @__PURE__ */ deepFreeze({
  marketOrientation: [
    { key: 'local-only', label: 'Local only', growth: 1, upgrading: 2, growthAndUpgrading: 0, clusters: 7 },
    {
      key: 'domestic',
      label: 'Domestic (Local and National)',
      growth: 2,
      upgrading: 2,
      growthAndUpgrading: 2,
      clusters: 6,
    },
    {
      key: 'domestic-and-regional',
      label: 'Domestic and Regional',
      growth: 1,
      upgrading: 0,
      growthAndUpgrading: 1,
      clusters: 4,
    },
    {
      key: 'domestic-and-international',
      label: 'Domestic and International',
      growth: 5,
      upgrading: 5,
      growthAndUpgrading: 5,
      clusters: 5,
    },
    {
      key: 'international-only',
      label: 'International only',
      growth: 3,
      upgrading: 3,
      growthAndUpgrading: 3,
      clusters: 3,
    },
  ],
  collectiveAction: [
    { key: 'learning', label: 'Learning', growth: 12, upgrading: 11, growthAndUpgrading: 10, clusters: 16 },
    { key: 'marketing', label: 'Marketing', growth: 8, upgrading: 6, growthAndUpgrading: 6, clusters: 10 },
    { key: 'logistics', label: 'Logistics', growth: 10, upgrading: 10, growthAndUpgrading: 10, clusters: 11 },
    {
      key: 'exactly-1',
      label: '1 Collective Activity',
      growth: 0,
      upgrading: 3,
      growthAndUpgrading: 2,
      clusters: 5,
    },
    {
      key: 'exactly-2',
      label: '2 Collective Activities',
      growth: 7,
      upgrading: 5,
      growthAndUpgrading: 5,
      clusters: 9,
    },
    {
      key: 'exactly-3',
      label: 'All 3 Collective Activities',
      growth: 5,
      upgrading: 5,
      growthAndUpgrading: 5,
      clusters: 5,
    },
  ],
  externalEconomies: [
    { key: 'labour-supply', label: 'Availability of Labour Supply', clusters: 18 },
    { key: 'suppliers', label: 'Availability of Suppliers', clusters: 23 },
    { key: 'customer-attraction', label: 'Customer Attraction', clusters: 22 },
    { key: 'specialised-services', label: 'Inter-firm specialization', clusters: 19 },
    { key: 'exactly-2', label: '2 External Economies', clusters: 5 },
    { key: 'exactly-3', label: '3 External Economies', clusters: 8 },
    { key: 'exactly-4', label: 'All 4 External Economies', clusters: 12 },
  ],
  institutionalSupport: [
    { key: 'government', label: 'Only Government', clusters: 1 },
    { key: 'cluster-sectoral', label: 'Only Cluster/sectoral', clusters: 4 },
    { key: 'external', label: 'Only External', clusters: 2 },
    { key: 'government+cluster-sectoral', label: 'Government & Cluster/sectoral', clusters: 3 },
    { key: 'government+external', label: 'Government & External', clusters: 1 },
    { key: 'cluster-sectoral+external', label: 'Cluster/sectoral & External', clusters: 2 },
    {
      key: 'government+cluster-sectoral+external',
      label: 'Government, Cluster/sectoral, External',
      clusters: 9,
    },
  ],
  clusters: 25,
  source: {
    citation:
      'Kaplinsky, R. (2015) Technological upgrading in global value chains and clusters and their contribution to sustaining economic growth in low and middle income economies, UNU-MERIT Working Paper 2015-027 (drawn from Kaplinsky & Morris 2014a)',
    page: 'Tables 2-5',
  },
  notes: [
    'Transcribed as printed, including any inconsistencies.',
    "Table 1 column 'specialised service providers' is what Table 3 calls 'Inter-firm specialization' (row key specialised-services).",
    "Table 1 column 'Collective Action' values Learning/Marketing/Logistics are what the text calls skill development (learning), marketing and logistics.",
    'Table 5 prints no row for clusters without institutional support, so the published table has no none row.',
    'clusters is the 25 clusters of Table 1 from which the tables were drawn.',
  ],
});
