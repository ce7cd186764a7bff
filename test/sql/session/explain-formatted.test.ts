// explain('formatted'): Spark's outline with operator ids numbered children first, then one section per operator.
import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../../src/sql/session/explain-formatted.js';

describe('formatExplain', () => {
  it('numbers operators children first (both sides of a join) and lists their arguments', () => {
    const simple = [
      '== Physical Plan ==',
      'AdaptiveSparkPlan isFinalPlan=false',
      '+- BroadcastHashJoin [k#2], [k#6], Inner, BuildRight',
      '   :- LocalTableScan [id#1, k#2]',
      '   +- BroadcastExchange HashedRelationBroadcastMode',
      '      +- Filter (v#9 > 1)',
      '         +- LocalTableScan [k#6, v#9]',
      '',
    ].join('\n');
    expect(formatExplain(simple)).toBe([
      '== Physical Plan ==',
      'AdaptiveSparkPlan (6)',
      '+- BroadcastHashJoin (5)',
      '   :- LocalTableScan (1)',
      '   +- BroadcastExchange (4)',
      '      +- Filter (3)',
      '         +- LocalTableScan (2)',
      '',
      '',
      '(1) LocalTableScan\nArguments: [id#1, k#2]',
      '',
      '(2) LocalTableScan\nArguments: [k#6, v#9]',
      '',
      '(3) Filter\nArguments: (v#9 > 1)',
      '',
      '(4) BroadcastExchange\nArguments: HashedRelationBroadcastMode',
      '',
      '(5) BroadcastHashJoin\nArguments: [k#2], [k#6], Inner, BuildRight',
      '',
      '(6) AdaptiveSparkPlan\nArguments: isFinalPlan=false',
      '',
      '',
    ].join('\n'));
  });
  it('a single operator without arguments; text that is not a plan is left unchanged', () => {
    expect(formatExplain('== Physical Plan ==\nExecutedCommand\n')).toBe('== Physical Plan ==\nExecutedCommand (1)\n\n\n(1) ExecutedCommand\n\n');
    expect(formatExplain('something else')).toBe('something else');
  });
});
