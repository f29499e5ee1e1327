import { dominicanJeans } from '../../src/data/index.js';
import { classifyGovernance, classifyGrowthPath, type Level, upgradingTrajectory } from '../../src/index.js';
import type { DemoSection } from './sections.js';

const pad = (s: string, n: number): string => s.padEnd(n);

function governanceTable(): string {
  const levels: Level[] = ['low', 'high'];
  const lines = [`${pad('complexity', 11)}${pad('codify', 7)}${pad('capability', 11)}type`];
  for (const complexity of levels)
    for (const codifiability of levels)
      for (const supplierCapability of levels) {
        const r = classifyGovernance({ complexity, codifiability, supplierCapability });
        const type = r.type === null ? '(none)' : `${r.type} (coordination ${r.explicitCoordination}/5)`;
        lines.push(`${pad(complexity, 11)}${pad(codifiability, 7)}${pad(supplierCapability, 11)}${type}`);
      }
  return lines.join('\n');
}

function trajectory(): string {
  const apparel = (position: 'OEA' | 'OEM' | 'ODM' | 'OBM') => ({ chain: 'apparel', position });
  const t = upgradingTrajectory([
    { subject: 'firm-a', period: 1995, kind: 'process', from: apparel('OEA'), to: apparel('OEM') },
    { subject: 'firm-a', period: 2000, kind: 'product', from: apparel('OEM'), to: apparel('ODM') },
    { subject: 'firm-a', period: 2006, kind: 'functional', from: apparel('ODM'), to: apparel('OBM') },
    { subject: 'firm-b', period: 2000, kind: 'process', from: apparel('OEA'), to: apparel('OEM') },
    { subject: 'firm-c', period: 2003, kind: 'downgrading', from: apparel('OEM'), to: apparel('OEA') },
  ]);
  const lines = t.subjects.map(
    (s) =>
      `${pad(s.subject, 8)}${s.start.position} → ${s.final.position}  ${s.kinds.join(', ')}  (knowledge index ${s.disembodied.start} → ${s.disembodied.final})`,
  );
  lines.push(`cluster: ${t.cluster?.change ?? 'single firm'}`);
  return lines.join('\n');
}

function jeans(): string {
  const r = classifyGrowthPath(dominicanJeans.series);
  const lines = r.points.map(
    (p, i) =>
      `${pad(String(p.period), 34)}${String(p.activity).padStart(6)} jeans/week  $${p.income.toFixed(0).padStart(6)}/week${i > 0 ? `  ${r.transitions[i - 1]?.path}` : ''}`,
  );
  lines.push(`overall: ${r.overall}`);
  return lines.join('\n');
}

/** Governance table, an upgrading trajectory and the Dominican jeans series. */
export const dynamicsSection: DemoSection = {
  title: 'Dynamics: governance (Gereffi et al. 2005), upgrading, and growth without rents',
  render: () => [governanceTable(), '', trajectory(), '', `${dominicanJeans.name}:`, jeans()].join('\n'),
};
