// One lint config, which also guards the folder boundaries of docs/house-style:
// client is browser code, shared is pure, plugin and client import only shared,
// orchestrator never imports server, server never spawns.
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'This folder runs in the browser or is pure: no Node builtins.' };
const spawners = {
  group: ['node:child_process', 'execa', '@lydell/node-pty'],
  message: 'The server never spawns: ask the orchestrator.',
};
const folder = (name, allowed) => ({
  group: ['../*', '!../shared', '!../shared/*', ...allowed.flatMap((a) => [`!../${a}`, `!../${a}/*`])],
  message: `src/${name} may import only ${['shared', ...allowed].join(', ')} from other folders.`,
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'workspace/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No enum: use a union of string literals (erasable syntax).' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'No namespace (erasable syntax).' },
        { selector: 'TSParameterProperty', message: 'No parameter properties (erasable syntax).' },
      ],
    },
  },
  { files: ['src/shared/**'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, folder('shared', [])] }] } },
  { files: ['src/client/**'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, folder('client', [])] }] } },
  { files: ['src/plugin/**'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, folder('plugin', [])] }] } },
  {
    files: ['src/orchestrator/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../server', '../server/*', '../client', '../client/*'], message: 'The orchestrator never imports the server or the client.' }] }] },
  },
  { files: ['src/server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [spawners, { group: ['../client', '../client/*'], message: 'The server serves the client bundle; it does not import it.' }] }] } },
);
