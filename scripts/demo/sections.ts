import { chainsSection } from './chains.js';
import { chartsSection } from './charts.js';
import { clustersSection } from './clusters.js';
import { decompositionsSection } from './decompositions.js';
import { dynamicsSection } from './dynamics.js';
import { ioSection } from './io.js';
import { modelSection } from './model.js';
import { thickeningSection } from './thickening.js';

/** One part of the demo report. */
export interface DemoSection {
  title: string;
  render: () => string;
}

/** The demo's sections, in the order they are printed. */
export const sections: DemoSection[] = [
  chainsSection,
  clustersSection,
  ioSection,
  decompositionsSection,
  dynamicsSection,
  thickeningSection,
  modelSection,
  chartsSection,
];
