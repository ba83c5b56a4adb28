// `contract-fuzz models import FILE [--with OTHER_FILE] [--operations A,B] [--out DIR]`.
// Prints, returns 0, throws HarnessError on failure (the CLI turns it into one line and exit code 2).
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../errors.ts';
import { formatDifference } from './compare.ts';
import { importModel } from './import.ts';
import { DEFAULT_MODELS_DIR } from './load.ts';

export const MODELS_USAGE = 'usage: contract-fuzz models import FILE [--with OTHER_FILE] [--operations A,B] [--out DIR]';

/** argv: the arguments after `models` (a leading "models" is tolerated). */
export async function runModelsCommand(argv: string[], print: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const args = argv[0] === 'models' ? argv.slice(1) : argv;
  if (args.includes('--help') || args.includes('-h')) {
    print(MODELS_USAGE);
    return 0;
  }
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new HarnessError('CF_ERR_USAGE', sub === undefined ? MODELS_USAGE : `unknown models subcommand '${sub}'; ${MODELS_USAGE}`);
  const { values, positionals } = parse(rest);
  if (positionals.length !== 1) throw new HarnessError('CF_ERR_USAGE', `expected one model FILE, got ${positionals.length}; ${MODELS_USAGE}`);
  const operations = values.operations?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (operations !== undefined && operations.length === 0) throw new HarnessError('CF_ERR_USAGE', '--operations needs at least one name');
  const result = importModel({
    file: positionals[0]!,
    ...(values.with !== undefined ? { with: values.with } : {}),
    ...(operations ? { operations } : {}),
    outDir: values.out ?? DEFAULT_MODELS_DIR,
  });
  const rel = relative(process.cwd(), result.file);
  print(`wrote ${rel.startsWith('..') ? result.file : rel} (${Object.keys(result.model.operations).length} operations, ${Object.keys(result.model.shapes).length} shapes)`);
  const [left, right] = result.compared ?? ['left', 'right'];
  for (const d of result.differences) print(`differs: ${formatDifference(d, left, right)}`);
  return 0;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { with: { type: 'string' }, operations: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (e) {
    throw new HarnessError('CF_ERR_USAGE', `${(e as Error).message}; ${MODELS_USAGE}`);
  }
}
