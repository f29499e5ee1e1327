import { errorsSection } from './errors.js';

/** One part of the demo report. */
export interface DemoSection {
  title: string;
  render: () => string;
}

/** The demo's sections, in the order they are printed. */
export const sections: DemoSection[] = [errorsSection];
