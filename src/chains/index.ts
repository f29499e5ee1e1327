export * from './accounts.js';
export * from './capture.js';
export * from './decompose.js';
export {
  addPurchase,
  addPurchaseWithPatches,
  Relocation,
  relocateStage,
  relocateStageWithPatches,
  setPrice,
  setPriceWithPatches,
  updateChain,
  updateChainWithPatches,
} from './edit.js';
export type { ChainEdit, ChainPatch } from './edit-core.js';
export type { NewStage } from './edit-stages.js';
export {
  addStage,
  addStageWithPatches,
  RemoveStageOptions,
  removeStage,
  removeStageWithPatches,
  StagePlacement,
} from './edit-stages.js';
export type { ChainFamilyInference, FamilyReason, FamilyReasonId } from './family.js';
export { FamilyEvidence, InferFamilyOptions, inferChainFamily } from './family.js';
export type { ChainFamily, IncomeType, StandardStageFunction, ValueChainInput } from './model.js';
export {
  Actor,
  AdditiveValueChain,
  Distribution,
  incomeTypes,
  Purchase,
  Stage,
  StageFunction,
  StageInput,
  StageOutput,
  standardStageFunctions,
  ValueChain,
  VerticallySpecialisedValueChain,
} from './model.js';
export type { ParseResult } from './parse.js';
export {
  parseActor,
  parseRent,
  parseStage,
  parseValueChain,
  safeParseActor,
  safeParseRent,
  safeParseStage,
  safeParseValueChain,
} from './parse.js';
export * from './rent-measure.js';
export * from './rents.js';
export * from './smile.js';
export * from './tiva.js';
