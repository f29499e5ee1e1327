export { PANEL_INDICATORS, PANEL_RELEASES, type PanelIndicatorName, type PanelRelease } from './catalogue.js';
export {
  IcioPanelOptions,
  IcioPanelSpec,
  icioPanel,
  PanelFiles,
  type PanelIndicator,
  type PanelLoad,
  type PanelProgress,
  type PanelRecord,
} from './panel.js';
export type { PanelPhase } from './year.js';
