// The project folder: where slides/, demos/ and binaries/ live (this file is src/cli/).
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every command's default workspace: the project's, whatever the current directory. */
export const PROJECT_WORKSPACE = fileURLToPath(new URL('../../workspace', import.meta.url));
