/** `hotbed explore`: options, scenario files and output folders it must refuse before serving or writing anything. */
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explorerMessages } from '../../../src/messages/explorer.js';
import type { HostileCase } from '../case.js';

/** A port something already listens on, held for the run of the case. */
let heldPort = 0;
const holder = createServer();
holder.listen(0, '127.0.0.1', () => {
  const address = holder.address();
  heldPort = typeof address === 'object' && address ? address.port : 0;
});
holder.unref();

export const explorerCases: HostileCase[] = [
  { name: 'explore --port 70000', args: ['explore', '--port', '70000'], exit: 2, message: explorerMessages.port(70000).message },
  { name: 'explore --port -1', args: ['explore', '--port=-1'], exit: 2, message: explorerMessages.port(-1).message },
  { name: 'explore --port 1.5', args: ['explore', '--port', '1.5'], exit: 2, message: explorerMessages.port(1.5).message },
  { name: 'explore on a port already in use', args: () => ['explore', '--port', String(heldPort)], exit: 2, message: () => explorerMessages.portTaken(heldPort).message },
  {
    name: 'explore a scenario with a mistake: refused with its line, as run refuses it',
    setup: (cwd) => writeFileSync(join(cwd, 'broken.yaml'), 'extends: minimal.yaml\nchannels:\n  peer:\n    cascade: { probability: 7 }\n'),
    args: ['explore', 'broken.yaml', '--build', 'site'],
    exit: 2,
    message: /^hotbed: broken\.yaml:4.*probability/m,
  },
  { name: 'explore a scenario that does not exist', args: ['explore', 'nowhere.yaml', '--build', 'site'], exit: 2, message: /nowhere\.yaml/ },
  {
    name: 'explore --build into a folder that exists',
    setup: (cwd) => mkdirSync(join(cwd, 'site')),
    args: ['explore', '--build', 'site'],
    exit: 2,
    message: /site/,
  },
];
