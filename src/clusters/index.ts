export type {
  DynamismOutcome,
  FisherAlternative,
  FisherExactTestOptions,
  JointActionAssociation,
  OddsRatioOptions,
} from './association.js';
export {
  fisherExactTest,
  jointActionAssociation,
  MAX_FISHER_STEPS,
  oddsRatio,
  TwoByTwoTable,
} from './association.js';
export type { ClusterTableColumn, TableDifference } from './compare.js';
export { compareTables } from './compare.js';
export type { CheckTableConsistencyOptions, ConsistencyRule, TableInconsistency } from './consistency.js';
export { checkTableConsistency } from './consistency.js';
export type { CrossTabOptions, CrossTabRow } from './crosstab.js';
export { crossTab, MAX_CROSSTAB_CELLS, MAX_CROSSTAB_COLUMNS, MAX_CROSSTAB_ROWS } from './crosstab.js';
export type { DynamismAssessment, IndicatorGrowthRates } from './dynamism.js';
export { AssessDynamismOptions, assessDynamism, classifyDynamism, DynamismClass } from './dynamism.js';
export type { CollectiveEfficiency } from './efficiency.js';
export { collectiveEfficiency } from './efficiency.js';
export { classifyMarketOrientation } from './markets.js';
export {
  Cluster,
  ClusterIndicator,
  ClusterOrigin,
  ClusterTrust,
  CollectiveActionKind,
  DynamismEvidence,
  EndMarket,
  ExternalEconomy,
  InstitutionalSupportSource,
  TrustLevel,
} from './model.js';
export type { SafeParseClusterResult } from './parse.js';
export { parseCluster, safeParseCluster } from './parse.js';
export {
  ClusterTableName,
  ClusterTables,
  CollectiveActionRow,
  CollectiveActionRowKey,
  ExternalEconomyRow,
  ExternalEconomyRowKey,
  InstitutionalSupportKey,
  InstitutionalSupportRow,
  MarketOrientation,
  MarketOrientationRow,
} from './table-model.js';
export { clusterTables } from './tables.js';
export type { ReadClustersTsvOptions } from './tsv.js';
export { readClustersTsv } from './tsv.js';
