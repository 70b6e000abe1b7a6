/**
 * Experiment files asking for per-run statistics the way the classics do (indicators with
 * `atLeast`/`above`, outputs `given` an indicator, days to a share) and for reference ranges
 * on the charts, but asking wrongly: each is refused before any run with the one message its
 * builder makes, pointing at the line and column of the fault.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { statisticMessages } from '../../../src/messages/statistics.js';
import { sweepMessages } from '../../../src/messages/sweep.js';
import { at } from '../../scenario/fixtures.js';
import type { HostileCase } from '../case.js';
import { gridExperiment } from './grid-experiment.js';

/** A grid of 2 points over the working folder's minimal.yaml, recording `outputs`, with `extra` lines at the end. */
const experiment = (outputs: string[], extra: string[] = []) => gridExperiment('Hostile statistics', outputs, extra);

const FILE = 'exp.yaml';
const ARGS = ['sweep', FILE, '--out', 'results/new', '--workers', '1'];
const CASCADE = '{ measure: adopted_share, name: cascade, atLeast: 0.1 }';

/** A case: the file's text, and its message from the text (for the line and column). */
function refused(name: string, text: string, message: (text: string) => Error): HostileCase {
  return { name, setup: (cwd) => writeFileSync(join(cwd, FILE), text), args: ARGS, exit: 2, message: message(text).message };
}

const references = (line: string) => experiment([CASCADE], ['references:', `  - ${line}`]);

export const classicsStatisticsCases: HostileCase[] = [
  refused('an indicator given both levels, above and atLeast', experiment(['{ measure: adopted_share, above: 0.1, atLeast: 0.1 }']),
    (t) => statisticMessages.twoLevels(at(FILE, t, '0.1 }'), 'outputs.0.atLeast')),
  refused('an indicator of a share at a level above 1', experiment(['{ measure: adopted_share, atLeast: 10 }']),
    (t) => statisticMessages.levelOutsideShare(at(FILE, t, '10 }'), 'outputs.0.atLeast', 'adopted_share', 10)),
  refused('days_to_share without the share to reach', experiment(['{ measure: days_to_share }']),
    (t) => statisticMessages.needsShare(at(FILE, t, '{ measure: days'), 'outputs.0.share', 'days_to_share')),
  refused('a share to reach on a statistic that takes none', experiment(['{ measure: adopted, share: 0.5 }']),
    (t) => statisticMessages.takesNoShare(at(FILE, t, '0.5 }'), 'outputs.0.share', 'adopted')),
  refused('given an output the list does not have (with "did you mean")', experiment([CASCADE, '{ measure: adopted_share, name: size, given: cascde }']),
    (t) => statisticMessages.unknownCondition(at(FILE, t, 'cascde'), 'outputs.size.given', 'cascde', 'did you mean "cascade"?')),
  refused('given an output that is not an indicator', experiment(['{ measure: adopted_share, name: share }', '{ measure: adopted, name: size, given: share }']),
    (t) => statisticMessages.conditionNotIndicator(at(FILE, t, 'given: share', 7), 'outputs.size.given', 'share')),
  refused('given an output that is itself conditional', experiment([CASCADE, '{ measure: adopted_share, name: big, atLeast: 0.5, given: cascade }', '{ measure: adopted, name: size, given: big }']),
    (t) => statisticMessages.conditionConditional(at(FILE, t, 'big }'), 'outputs.size.given', 'big', 'cascade')),
  refused('given itself', experiment(['{ measure: adopted_share, name: loop, atLeast: 0.1, given: loop }']),
    (t) => statisticMessages.unknownCondition(at(FILE, t, 'loop }'), 'outputs.loop.given', 'loop', undefined)),
  refused('a reference range on a factor the file does not have (with "did you mean")', references('{ factor: susceptibilty, from: 1.1, to: 1.2, label: Window }'),
    (t) => sweepMessages.referenceUnknownFactor(at(FILE, t, 'susceptibilty'), 'references.0.factor', 'susceptibilty', ['susceptibility'], 'did you mean "susceptibility"?')),
  refused('a reference range running backwards', references('{ factor: susceptibility, from: 1.4, to: 1.2, label: Window }'),
    (t) => sweepMessages.referenceReversed(at(FILE, t, '1.4'), 'references.0.from', 1.4, 1.2)),
  refused('a reference range wholly outside the values swept', references('{ factor: susceptibility, from: 2, to: 3, label: Window }'),
    (t) => sweepMessages.referenceOutsideRange(at(FILE, t, '2, to'), 'references.0.from', 2, 3, 'susceptibility', 1, 1.5)),
  {
    name: 'a reference range without a label',
    setup: (cwd) => writeFileSync(join(cwd, FILE), references('{ factor: susceptibility, from: 1.1, to: 1.2 }')),
    args: ARGS,
    exit: 2,
    message: /^hotbed: exp\.yaml:11:\d+: references\.0\.label: /,
  },
];
