// Runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules plus target-size, and fails on any violation.
import 'axe-core/axe.min.js';

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}
declare global {
  interface Window {
    axe: { run(context: Element | Document, options: object): Promise<AxeResult> };
  }
}

export async function expectAccessible(context: Element | Document = document): Promise<void> {
  const result = await window.axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'target-size': { enabled: true } },
  });
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) =>
        `${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    );
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
