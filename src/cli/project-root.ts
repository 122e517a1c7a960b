// The project folder: where slides/, demos/ and binaries/ live (this file is src/cli/).
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
