#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { Sandbox, SandboxError, type SandboxOptions, ServiceError, TrapError } from "./index.js";
import { inspect } from "./inspect.js";

const usage = `Usage: kobako [options] (-e CODE | FILE | -)

Runs Ruby in a kobako sandbox (mruby on WebAssembly), prints what the script wrote to
stdout and stderr, then the value of its last expression.

  -e CODE          run CODE (may be given more than once: one line each)
  FILE             run the Ruby file FILE
  -                run Ruby read from standard input
  --timeout MS     stop the script after MS milliseconds (default 60000)
  --memory-limit BYTES|none
                   cap the script's Ruby heap at BYTES (default 4194304)
  -h, --help       show this help

Exit status: 0 on success, 1 when the script fails, 2 on a usage error.`;

class UsageError extends Error {}

interface Command {
  help: boolean;
  code: string[];
  file: string | undefined;
  timeout: number | undefined;
  memoryLimit: number | null | undefined;
}

function parse(args: string[]): Command {
  const command: Command = {
    help: false,
    code: [],
    file: undefined,
    timeout: undefined,
    memoryLimit: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "-h" || arg === "--help") command.help = true;
    else if (arg === "-e" || arg === "--timeout" || arg === "--memory-limit") {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === "-e") command.code.push(value);
      else if (arg === "--timeout") {
        command.timeout = Number(value);
        if (!(command.timeout > 0)) throw new UsageError(`--timeout needs a positive number`);
      } else {
        command.memoryLimit = value === "none" ? null : Number(value);
        if (
          command.memoryLimit !== null &&
          !(Number.isSafeInteger(command.memoryLimit) && command.memoryLimit > 0)
        ) {
          throw new UsageError(`--memory-limit needs a positive number of bytes, or none`);
        }
      }
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    else if (command.file !== undefined) throw new UsageError(`unexpected argument ${arg}`);
    else command.file = arg;
  }
  if (!command.help && command.code.length === 0 && command.file === undefined) {
    throw new UsageError("no program given");
  }
  if (command.code.length > 0 && command.file !== undefined) {
    throw new UsageError("give either -e CODE or a FILE, not both");
  }
  return command;
}

async function source(command: Command): Promise<string> {
  if (command.code.length > 0) return command.code.join("\n");
  if (command.file === "-") return text(process.stdin);
  return readFile(command.file as string, "utf8");
}

function describe(error: unknown): string {
  if (
    error instanceof SandboxError ||
    error instanceof TrapError ||
    error instanceof ServiceError
  ) {
    const head = error.klass
      ? `${error.klass}: ${error.message} (${error.name})`
      : `${error.name}: ${error.message}`;
    return [head, ...error.backtraceLines.map((line) => `\tfrom ${line}`)].join("\n");
  }
  return `kobako: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(args: string[]): Promise<number> {
  let command: Command;
  try {
    command = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kobako: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let code: string;
  try {
    code = await source(command);
  } catch (error) {
    process.stderr.write(`kobako: cannot read ${command.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const options: SandboxOptions = {};
  if (command.timeout !== undefined) options.timeout = command.timeout;
  if (command.memoryLimit !== undefined) options.memoryLimit = command.memoryLimit;
  let sandbox: Sandbox;
  try {
    sandbox = new Sandbox(options);
  } catch (error) {
    process.stderr.write(`kobako: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const value = await sandbox.eval(code).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    process.stdout.write(sandbox.stdout);
    process.stderr.write(sandbox.stderr);
    if (sandbox.stdoutTruncated) process.stderr.write("kobako: stdout was truncated\n");
    if (sandbox.stderrTruncated) process.stderr.write("kobako: stderr was truncated\n");
    if (!value.ok) {
      process.stderr.write(`${describe(value.error)}\n`);
      return 1;
    }
    process.stdout.write(`${inspect(value.result)}\n`);
    return 0;
  } finally {
    await sandbox.close();
  }
}

const status = await main(process.argv.slice(2));
// Exit explicitly once the output is flushed: after a hard timeout, a worker still inside one long
// wasm call must not keep the process alive where the runtime cannot stop it (Bun's
// worker.terminate() does not preempt a pure-wasm loop).
await Promise.all(
  [process.stdout, process.stderr].map(
    (stream) => new Promise<void>((resolve) => stream.write("", () => resolve())),
  ),
);
process.exit(status);
