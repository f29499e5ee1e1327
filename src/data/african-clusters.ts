import type { Cluster } from '../clusters/model.js';
import { deepFreeze } from '../core/freeze.js';
import type { Source } from '../core/primitives.js';

/**
 * The source of {@link africanClusters}: Table 1 of Kaplinsky (2015), which reports the survey of
 * African clusters by Kaplinsky & Morris (2014a).
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * africanClustersSource.page;
 * //=> 'Table 1'
 * ```
 */
export const africanClustersSource: Source = /* @__PURE__ */ deepFreeze({
  citation:
    'Kaplinsky, R. & Morris, M. (2014a), as reported in Kaplinsky, R. (2015) Technological upgrading in global value chains and clusters and their contribution to sustaining economic growth in low and middle income economies, UNU-MERIT Working Paper 2015-027',
  page: 'Table 1',
});

const table1 = africanClustersSource;

/**
 * The 25 African clusters of Kaplinsky & Morris (2014a), as printed in Table 1 of Kaplinsky (2015)
 * and transcribed in `african-clusters-table1.tsv`: names as printed, countries as ISO 3166-1 alpha-3
 * codes, and end markets, evidence of dynamism, external economies, collective action and
 * institutional support in the model's values, in the order printed.
 *
 * Table 1 has no sector or id column. The `sector` is derived from the cluster's name (furniture,
 * leather footwear, handloom weaving, metalwork, vehicle repair — "Ziwani Vehicle" is read as the
 * Nairobi vehicle-repair cluster —, garments, fish processing — Nile perch —, cut flowers, computer
 * hardware, auto parts, textiles and clothing, automotive, wine, handicrafts), by the same keyword
 * rule as `readClustersTsv` (from `gvckit`); the `id` is the lower-case country code and the slug of the
 * name.
 * Origin, trust and quantitative indicators are not reported in Table 1 and are left out.
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * africanClusters.length;
 * //=> 25
 * africanClusters[0]?.name;
 * //=> 'Dormiatt Furniture (Domestic)'
 * ```
 */
export const africanClusters: Cluster[] = /* @__PURE__ */ deepFreeze([
  {
    id: 'egy-dormiatt-furniture-domestic',
    name: 'Dormiatt Furniture (Domestic)',
    country: 'EGY',
    sector: 'furniture',
    endMarkets: ['local', 'national'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: [],
    institutionalSupport: ['cluster-sectoral'],
    source: table1,
  },
  {
    id: 'egy-dormiatt-furniture-export',
    name: 'Dormiatt Furniture (Export)',
    country: 'EGY',
    sector: 'furniture',
    endMarkets: ['international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['marketing', 'learning', 'logistics'],
    institutionalSupport: ['external'],
    source: table1,
  },
  {
    id: 'eth-merkato-leather-footwear',
    name: 'Merkato Leather Footwear',
    country: 'ETH',
    sector: 'leather footwear',
    endMarkets: ['local', 'national'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['logistics'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'eth-shiro-meda-handloom',
    name: 'Shiro Meda Handloom',
    country: 'ETH',
    sector: 'handloom weaving',
    endMarkets: ['local', 'national'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction'],
    collectiveAction: [],
    institutionalSupport: ['external'],
    source: table1,
  },
  {
    id: 'gha-suame-metalwork',
    name: 'Suame Metalwork',
    country: 'GHA',
    sector: 'metalwork',
    endMarkets: ['local'],
    dynamism: { growth: false, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction'],
    collectiveAction: [],
    institutionalSupport: ['government'],
    source: table1,
  },
  {
    id: 'gha-suame-vehicle-repair',
    name: 'Suame Vehicle Repair',
    country: 'GHA',
    sector: 'vehicle repair',
    endMarkets: ['local', 'regional'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['learning'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'ken-gikomba-furniture',
    name: 'Gikomba Furniture',
    country: 'KEN',
    sector: 'furniture',
    endMarkets: ['local'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'specialised-services'],
    collectiveAction: [],
    institutionalSupport: [],
    source: table1,
  },
  {
    id: 'ken-ngong-furniture',
    name: 'Ngong Furniture',
    country: 'KEN',
    sector: 'furniture',
    endMarkets: ['local'],
    dynamism: { growth: true, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers'],
    collectiveAction: [],
    institutionalSupport: [],
    source: table1,
  },
  {
    id: 'ken-kibuye-furniture',
    name: 'Kibuye Furniture',
    country: 'KEN',
    sector: 'furniture',
    endMarkets: ['local'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'specialised-services'],
    collectiveAction: ['logistics'],
    institutionalSupport: ['cluster-sectoral'],
    source: table1,
  },
  {
    id: 'ken-eastland-garment',
    name: 'Eastland Garment',
    country: 'KEN',
    sector: 'garments',
    endMarkets: ['local'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: [],
    institutionalSupport: [],
    source: table1,
  },
  {
    id: 'ken-kamukunji-metalwork',
    name: 'Kamukunji Metalwork',
    country: 'KEN',
    sector: 'metalwork',
    endMarkets: ['local'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['suppliers', 'customer-attraction'],
    collectiveAction: ['marketing', 'learning'],
    institutionalSupport: ['government', 'cluster-sectoral'],
    source: table1,
  },
  {
    id: 'ken-ziwani-vehicle',
    name: 'Ziwani Vehicle',
    country: 'KEN',
    sector: 'vehicle repair',
    endMarkets: ['local'],
    dynamism: { growth: false, upgrading: true },
    externalEconomies: ['suppliers', 'customer-attraction'],
    collectiveAction: ['learning'],
    institutionalSupport: ['cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'ken-lake-victoria-nile-perch',
    name: 'Lake Victoria Nile Perch',
    country: 'KEN',
    sector: 'fish processing',
    endMarkets: ['local', 'national', 'international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['logistics', 'learning'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'ken-lake-naivasha-cut-flower',
    name: 'Lake Naivasha Cut Flower',
    country: 'KEN',
    sector: 'cut flowers',
    endMarkets: ['international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['marketing', 'learning', 'logistics'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'nga-otigba-computer-hardware',
    name: 'Otigba Computer Hardware',
    country: 'NGA',
    sector: 'computer hardware',
    endMarkets: ['national', 'regional', 'international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['marketing', 'learning', 'logistics'],
    institutionalSupport: ['cluster-sectoral'],
    source: table1,
  },
  {
    id: 'nga-nnewi-auto-parts',
    name: 'Nnewi Auto Parts',
    country: 'NGA',
    sector: 'auto parts',
    endMarkets: ['national', 'regional'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['logistics'],
    institutionalSupport: ['cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'mus-textile-clothing',
    name: 'Textile & Clothing',
    country: 'MUS',
    sector: 'textiles and clothing',
    endMarkets: ['international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['marketing', 'learning', 'logistics'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'zaf-cape-clothing-textile',
    name: 'Cape Clothing & Textile',
    country: 'ZAF',
    sector: 'textiles and clothing',
    endMarkets: ['national'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['logistics', 'learning'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'zaf-kzn-clothing-textile',
    name: 'KZN Clothing & Textile',
    country: 'ZAF',
    sector: 'textiles and clothing',
    endMarkets: ['national'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['logistics', 'learning'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'zaf-durban-automotive',
    name: 'Durban Automotive',
    country: 'ZAF',
    sector: 'automotive',
    endMarkets: ['national', 'international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['marketing', 'learning', 'logistics'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
  {
    id: 'zaf-south-african-wine',
    name: 'South African Wine',
    country: 'ZAF',
    sector: 'wine',
    endMarkets: ['local', 'national', 'international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction'],
    collectiveAction: ['marketing', 'learning'],
    institutionalSupport: ['government', 'external'],
    source: table1,
  },
  {
    id: 'tza-mwenge-handcrafts',
    name: 'Mwenge Handcrafts',
    country: 'TZA',
    sector: 'handicrafts',
    endMarkets: ['local', 'national', 'regional'],
    dynamism: { growth: true, upgrading: false },
    externalEconomies: ['customer-attraction', 'specialised-services'],
    collectiveAction: ['learning', 'marketing'],
    institutionalSupport: ['government', 'cluster-sectoral'],
    source: table1,
  },
  {
    id: 'tza-gerezani-metalworks',
    name: 'Gerezani Metalworks',
    country: 'TZA',
    sector: 'metalwork',
    endMarkets: ['local', 'national'],
    dynamism: { growth: false, upgrading: false },
    externalEconomies: ['customer-attraction', 'specialised-services'],
    collectiveAction: ['learning', 'marketing'],
    institutionalSupport: ['government', 'cluster-sectoral'],
    source: table1,
  },
  {
    id: 'tza-keko-furniture',
    name: 'Keko Furniture',
    country: 'TZA',
    sector: 'furniture',
    endMarkets: ['local', 'regional'],
    dynamism: { growth: true, upgrading: false },
    externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['learning', 'marketing'],
    institutionalSupport: ['cluster-sectoral'],
    source: table1,
  },
  {
    id: 'uga-fish-processing',
    name: 'Fish Processing',
    country: 'UGA',
    sector: 'fish processing',
    endMarkets: ['local', 'national', 'international'],
    dynamism: { growth: true, upgrading: true },
    externalEconomies: ['suppliers', 'customer-attraction', 'specialised-services'],
    collectiveAction: ['logistics', 'learning'],
    institutionalSupport: ['government', 'cluster-sectoral', 'external'],
    source: table1,
  },
]);
