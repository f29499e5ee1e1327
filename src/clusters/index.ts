export {
  DynamismOutcome,
  FisherAlternative,
  FisherExactTestOptions,
  fisherExactTest,
  type JointActionAssociation,
  JointActionAssociationOptions,
  jointActionAssociation,
  MAX_FISHER_STEPS,
  OddsRatioOptions,
  oddsRatio,
  TwoByTwoTable,
} from './association.js';
export { classifyDynamism, DynamismEvidence } from './classify-dynamism.js';
export type { ClusterDynamism, DynamismRuleId, StaticKind } from './cluster-dynamism.js';
export { ClusterDynamismOptions, clusterDynamism } from './cluster-dynamism.js';
export type { ClusterTableColumn, TableDifference } from './compare.js';
export { compareTables } from './compare.js';
export type { ConsistencyRule, TableInconsistency } from './consistency.js';
export { CheckTableConsistencyOptions, checkTableConsistency } from './consistency.js';
export type { CrossTabRow } from './crosstab.js';
export {
  CrossTabOptions,
  crossTab,
  MAX_CROSSTAB_CELLS,
  MAX_CROSSTAB_COLUMNS,
  MAX_CROSSTAB_ROWS,
} from './crosstab.js';
export type { DynamismAssessment, IndicatorGrowthRates } from './dynamism.js';
export { AssessDynamismOptions, assessDynamism } from './dynamism.js';
export { DynamismClass } from './dynamism-class.js';
export type { CollectiveEfficiency, EfficiencyRuleId, JointActionFoundation } from './efficiency.js';
export { CollectiveEfficiencyOptions, collectiveEfficiency } from './efficiency.js';
export { EndMarket } from './end-markets.js';
export type { ExactTableTest } from './exact.js';
export { exactTableTest, MAX_EXACT_STEPS, RowsByTwoTable } from './exact.js';
export type { GrowthBasis, RealGrowth } from './growth-rates.js';
export { classifyMarketOrientation } from './markets.js';
export {
  Cluster,
  ClusterIndicator,
  ClusterOrigin,
  ClusterTrust,
  CollectiveActionKind,
  ExternalEconomy,
  InstitutionalSupportSource,
  TrustLevel,
} from './model.js';
export type { SafeParseClusterResult } from './parse.js';
export { parseCluster, safeParseCluster } from './parse.js';
export type { JointActionTrend, MarketOrientationTest } from './statistics.js';
export {
  JointActionTrendOptions,
  jointActionTrend,
  MarketOrientationTestOptions,
  marketOrientationTest,
} from './statistics.js';
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
export {
  EXACT_TREND_DEFAULT_MAX_N,
  type StatisticsRuleId,
  TrendAlternative,
  type TrendTest,
  TrendTestOptions,
  trendTest,
} from './trend.js';
export { ReadClustersTsvOptions, readClustersTsv } from './tsv.js';
