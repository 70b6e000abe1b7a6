/** `hotbed compare --variant`: variants that cannot be read, named badly, or whose changes the scenario refuses. */
import { messages } from '../../../src/messages/scenario.js';
import type { HostileCase } from '../case.js';

const compare = (...variants: string[]) => ['compare', 'minimal.yaml', ...variants.flatMap((v) => ['--variant', v]), '--replicates', '1', '--no-report', '--out', 'results/new'];

export const variantCases: HostileCase[] = [
  {
    name: 'a variant with an unknown path',
    args: compare('fast:channels.peer.rul=threshold'),
    exit: 2,
    message: messages.setUnknownPath('channels.peer.rul=threshold', 'channels.peer.rul', 'rul', 'did you mean "rule"?', messages.variantSource('fast')).message,
  },
  {
    name: 'a variant with a value of the wrong type',
    args: compare('ok:seed=2', 'bad:channels.peer.threshold.ties=two'),
    exit: 2,
    message: messages.setWrongType('channels.peer.threshold.ties=two', 'channels.peer.threshold.ties', 'a number', 'two', messages.variantSource('bad')).message,
  },
  {
    name: 'a variant named as the reference file',
    args: compare('minimal:seed=2'),
    exit: 2,
    message: messages.variantDuplicateName('minimal', 'minimal.yaml').message,
  },
  {
    name: 'two variants of one name',
    args: compare('a:seed=2', 'a:seed=3'),
    exit: 2,
    message: messages.variantDuplicateName('a', messages.variantLabel('a', 'minimal.yaml')).message,
  },
  {
    name: 'a variant with no name',
    args: compare(':seed=2'),
    exit: 2,
    message: messages.variantBadName(':seed=2', '').message,
  },
  {
    name: 'a variant named like a path out of results/ (it would name the default folder)',
    args: ['compare', 'minimal.yaml', '--variant', '../../escape:seed=2', '--replicates', '1', '--no-report'],
    exit: 2,
    message: messages.variantBadName('../../escape:seed=2', '../../escape').message,
  },
  {
    name: 'a variant with an empty change (two commas)',
    args: compare('v:seed=2,,scale=1'),
    exit: 2,
    message: messages.variantEmptyChange('v', 'v:seed=2,,scale=1').message,
  },
  {
    name: 'a variant given without a name (a --set argument)',
    args: compare('channels.peer.rule=threshold'),
    exit: 2,
    message: messages.variantSyntax('channels.peer.rule=threshold').message,
  },
  {
    name: 'a variant that cannot be paired with the reference (another scale)',
    args: compare('coarse:scale=5'),
    exit: 2,
    message: /^hotbed: scenarios differ: scale is 1 in minimal\.yaml but 5 in variant "coarse" of minimal\.yaml/,
  },
];
