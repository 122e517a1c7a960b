// Every command parses its options the same way: strict, no positionals, and a bad option becomes
// one clear line pointing at the command's --help (not a stack trace).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { DemystifyError } from '../shared/index.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<const T extends OptionsConfig>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${(error as Error).message}. Expected the options of \`demystify ${command} --help\`.`, { cause: error });
  }
}
