/**
 * A real single-node Slurm for tests: Debian's slurmctld and slurmd (22.05),
 * configured in a temporary folder, started by the test and stopped by PID.
 *
 * Choices, each for a reason seen on CI-like machines (no systemd, containers):
 * - auth/none and cred/none: no munge daemon to start, no key to create.
 * - proctrack/linuxproc and task/none: no cgroups, which containers rarely allow.
 * - batch_sched_delay=0: without it jobs start on the scheduler's 3-second ticks.
 * - kill_invalid_depend: a merge after a failed shard is cancelled instead of
 *   waiting forever (22.05 reads it from DependencyParameters only).
 * - jobcomp/filetxt: without slurmdbd there is no sacct; this file gets one line per
 *   finished job (state and exit code), cancelled ones included.
 * - Daemons in the foreground (-D) as children of the test: their PIDs are known,
 *   they are reaped, and they are not reparented to an init that may not reap.
 * - Free ports and 127.0.0.1, so a second cluster or a real one on the machine does
 *   not interfere, and the host name need not resolve.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Slurm programs the tests need, and which of them are missing here. */
export function missingSlurmCommands(): string[] {
  return ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scancel'].filter(
    (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status !== 0);
}

/** Why a Slurm test cannot run here, or undefined when it can. */
export function slurmUnavailable(): string | undefined {
  const missing = missingSlurmCommands();
  if (missing.length > 0) {
    return `Slurm is not installed (missing ${missing.join(', ')}); install Debian's slurmctld, slurmd and slurm-client to run this test, as .ci/run does`;
  }
  if (process.getuid?.() !== 0) return 'a test cluster\'s slurmd must run as root, and this test runs as another user';
  return undefined;
}

export interface JobRecord {
  jobId: number;
  name: string;
  state: string;
  exitCode: string;
  arrayJobId?: number;
  arrayTaskId?: number;
}

export interface Cluster {
  /** The temporary folder holding slurm.conf, state, spool and logs. */
  dir: string;
  /** The environment for client commands (sbatch, squeue, …): SLURM_CONF set to this cluster's. */
  env: NodeJS.ProcessEnv;
  /** Runs a client command against this cluster (in cwd if given); throws with its stderr when it fails. */
  run(command: string, args: string[], cwd?: string): string;
  /** Waits until none of these jobs is pending or running; throws, naming the states, after timeoutMs. */
  waitUntilEnded(jobIds: number[], timeoutMs: number): Promise<void>;
  /** The finished jobs' records whose job or array job id is in jobIds, once every given job has one (or after timeoutMs). */
  records(jobIds: number[], expected: number, timeoutMs: number): Promise<JobRecord[]>;
  /** Cancels every job, stops both daemons by PID and removes the folder. */
  stop(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'hotbed-slurm-'));
  const conf = join(dir, 'slurm.conf');
  const jobcomp = join(dir, 'jobcomp.txt');
  for (const sub of ['state', 'spool', 'log']) mkdirSync(join(dir, sub));
  const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
  writeFileSync(conf, slurmConf(dir, jobcomp, ctldPort, slurmdPort));
  const env = { ...process.env, SLURM_CONF: conf };

  const daemons: ChildProcess[] = [];
  const start = (program: string, args: string[]) => {
    const log = openSync(join(dir, 'log', `${program}.stdio`), 'a');
    const child = spawn(program, ['-D', '-f', conf, ...args], { env, stdio: ['ignore', log, log] });
    daemons.push(child);
    return child;
  };
  const stopDaemons = async () => {
    await Promise.all(daemons.map((d) => stopProcess(d)));
  };
  // A test runner that dies mid-test still takes its daemons with it.
  const onExit = () => daemons.forEach((d) => d.exitCode === null && d.signalCode === null && d.pid !== undefined && kill(d.pid, 'SIGKILL'));
  process.once('exit', onExit);

  const run = (command: string, args: string[], cwd?: string): string => {
    const r = spawnSync(command, args, { env, cwd, encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr || r.error?.message || ''}`.trim());
    }
    return r.stdout;
  };

  const stop = async () => {
    try {
      if (daemons.every((d) => d.exitCode === null)) {
        spawnSync('scancel', ['--full', `--user=${process.getuid?.() ?? 0}`], { env, stdio: 'ignore', timeout: 10_000 });
        await until(() => queue(run).length === 0, 10_000).catch(() => undefined);
      }
    } finally {
      await stopDaemons();
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    // -i: ignore any saved state (there is none; a stale one must not matter).
    start('slurmctld', ['-i']);
    start('slurmd', []);
    await until(() => {
      for (const d of daemons) {
        if (d.exitCode !== null) throw new Error(`${d.spawnfile} exited with ${d.exitCode}; logs in ${join(dir, 'log')}:\n${logs(dir)}`);
      }
      const r = spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' });
      return r.status === 0 && r.stdout.trim() === 'idle';
    }, 20_000, () => `the node did not become idle within 20 s; logs:\n${logs(dir)}`);
  } catch (e) {
    await stopDaemons();
    process.removeListener('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  return {
    dir,
    env,
    run,
    stop,
    waitUntilEnded: async (jobIds, timeoutMs) => {
      const ours = (q: QueueEntry[]) => q.filter((j) => jobIds.includes(j.jobId));
      await until(() => ours(queue(run)).length === 0, timeoutMs,
        () => `jobs still queued after ${timeoutMs / 1000} s: ${ours(queue(run)).map((j) => `${j.id} ${j.state} (${j.reason})`).join(', ')}`);
    },
    records: async (jobIds, expected, timeoutMs) => {
      const ours = () => readRecords(jobcomp).filter((r) => jobIds.includes(r.arrayJobId ?? r.jobId));
      await until(() => ours().length >= expected, timeoutMs).catch(() => undefined);
      return ours();
    },
  };
}

function slurmConf(dir: string, jobcomp: string, ctldPort: number, slurmdPort: number): string {
  // slurmd -C describes this machine as a node line: CPUs, sockets, memory.
  const described = spawnSync('slurmd', ['-C'], { encoding: 'utf8' }).stdout.split('\n').find((l) => l.startsWith('NodeName='));
  if (!described) throw new Error('slurmd -C printed no NodeName= line');
  const host = hostname().split('.')[0]!;
  const node = described.replace(/^NodeName=\S+/, `NodeName=${host} NodeAddr=127.0.0.1`);
  return [
    '# A one-node test cluster written by tests/slurm/cluster.ts.',
    'ClusterName=hotbedtest',
    `SlurmctldHost=${host}(127.0.0.1)`,
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${slurmdPort}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/none',
    'CredType=cred/none',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/filetxt',
    `JobCompLoc=${jobcomp}`,
    'SchedulerParameters=batch_sched_delay=0',
    'DependencyParameters=kill_invalid_depend',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'MpiDefault=none',
    'ReturnToService=2',
    // Cancelled jobs are killed at once, so stop() is quick.
    'KillWait=2',
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    `${node} State=UNKNOWN`,
    'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
    '',
  ].join('\n');
}

interface QueueEntry { id: string; jobId: number; state: string; reason: string }

/** Every pending or running job (array tasks listed one by one), with the array's job id as jobId. */
function queue(run: Cluster['run']): QueueEntry[] {
  return run('squeue', ['-h', '-r', '-o', '%i|%F|%T|%r']).split('\n').filter(Boolean).map((line) => {
    const [id, arrayJob, state, reason] = line.split('|');
    // %F is the array job id for array tasks and the job id otherwise.
    return { id: id!, jobId: Number(arrayJob), state: state!, reason: reason! };
  });
}

/** One jobcomp/filetxt line per finished job: `Key=Value` pairs separated by spaces. */
function readRecords(file: string): JobRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const field = (key: string) => new RegExp(`(?:^| )${key}=(\\S*)`).exec(line)?.[1];
    const number = (key: string) => (field(key) === undefined ? undefined : Number(field(key)));
    return {
      jobId: number('JobId')!,
      name: field('Name') ?? '',
      state: field('JobState') ?? '',
      exitCode: field('ExitCode') ?? '',
      arrayJobId: number('ArrayJobId'),
      arrayTaskId: number('ArrayTaskId'),
    };
  });
}

async function until(done: () => boolean, timeoutMs: number, why?: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(why?.() ?? `timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s; resolves once it has exited. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const hard = setTimeout(() => kill(pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    kill(pid, 'SIGTERM');
  });
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function logs(dir: string): string {
  return ['slurmctld.log', 'slurmd.log', 'slurmctld.stdio', 'slurmd.stdio']
    .map((f) => join(dir, 'log', f))
    .filter(existsSync)
    .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`)
    .join('\n');
}
