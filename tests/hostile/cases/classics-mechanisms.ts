/** Seeding placements and per-agent distributions (stockPlacement, channels.peer.perAgent) given wrongly. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../../src/messages/scenario.js';
import type { HostileCase } from '../case.js';

/** A country of 50 agents with a stock of 2; `tail` is appended (line 9 on). */
const scenario = (tail: string) => [
  'title: T',
  'places:',
  '  regions:',
  '    - name: R',
  '      countries:',
  '        - name: C',
  '          population: 50',
  '          stock: { abroad: 2 }',
  tail,
].join('\n');

const validate = (name: string, tail: string): Pick<HostileCase, 'setup' | 'args' | 'exit'> => ({
  setup: (cwd) => writeFileSync(join(cwd, name), scenario(tail)),
  args: ['validate', name],
  exit: 2,
});

const peer = (lines: string) => `channels:\n  peer:\n${lines}\n`;

export const classicsMechanismsCases: HostileCase[] = [
  {
    name: 'a seeding placement of an unknown kind (American spelling)',
    ...validate('kind.yaml', 'stockPlacement: { kind: neighborhood }\n'),
    message: messages.wrongValue({ file: 'kind.yaml', line: 9, column: 25 }, 'stockPlacement.kind', 'one of "uniform", "clusters", "neighbourhood", "central"', 'neighborhood', 'did you mean "neighbourhood"?').message,
  },
  {
    name: 'a neighbourhood of negative radius',
    ...validate('radius.yaml', 'stockPlacement: { kind: neighbourhood, radius: -1 }\n'),
    message: messages.wrongValue({ file: 'radius.yaml', line: 9, column: 48 }, 'stockPlacement.radius', '1 or 2', -1).message,
  },
  {
    name: 'a threshold list of the wrong length (3 values for 50 agents)',
    ...validate('list.yaml', peer('    rule: threshold\n    perAgent:\n      threshold: { kind: values, values: [1, 2, 3] }')),
    message: messages.perAgentListLength({ file: 'list.yaml', line: 13, column: 42 }, 'channels.peer.perAgent.threshold.values', 50, 3).message,
  },
  {
    name: 'per-agent thresholds with the cascade rule, which has none',
    ...validate('rule.yaml', peer('    perAgent:\n      threshold: { kind: normal, mean: 2, sd: 1 }')),
    message: messages.perAgentThresholdRule({ file: 'rule.yaml', line: 12, column: 18 }, 'channels.peer.perAgent.threshold', 'cascade').message,
  },
  {
    name: 'a uniform receptivity whose max is below its min',
    ...validate('bounds.yaml', peer('    rule: fractional\n    perAgent:\n      receptivity: { kind: uniform, min: 0.5, max: 0.2 }')),
    message: messages.uniformBounds({ file: 'bounds.yaml', line: 13, column: 52 }, 'channels.peer.perAgent.receptivity.max', 0.5, 0.2).message,
  },
  {
    name: 'a normal distribution of thresholds with a negative standard deviation',
    ...validate('sd.yaml', peer('    rule: threshold\n    perAgent:\n      threshold: { kind: normal, mean: 2, sd: -1 }')),
    message: messages.wrongValue({ file: 'sd.yaml', line: 13, column: 47 }, 'channels.peer.perAgent.threshold.sd', 'a number ≥ 0', -1).message,
  },
];
