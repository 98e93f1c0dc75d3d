import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

// The layers of src/, top-down (docs/architecture.md draws them): each may import only what is below it.
const ENTRY = ['src/index.ts', 'src/main.ts', 'src/outputs.ts', 'src/summary.ts']
const INPUTS = ['src/inputs.ts', 'src/inputs']
const OPERATIONS = ['src/operations']
const LINKS = ['src/links']
const DOCSPACE = ['src/docspace']
const GITHUB = ['src/github']
// What comes in and what goes out of an operation: importable from every layer.
const CONTRACT = ['src/request.ts', 'src/result.ts', 'src/context.ts']
// Leaves that every layer uses and that import no layer.
const SHARED = [
  'src/time',
  'src/text.ts',
  'src/log.ts',
  'src/secrets.ts',
  'src/scrub.ts',
  'src/concurrency.ts'
]

const layer = (target, from, message) => ({ target, from, message })
const LAYERS = [
  layer(
    SHARED,
    [...ENTRY, ...INPUTS, ...OPERATIONS, ...LINKS, ...DOCSPACE, ...GITHUB, ...CONTRACT],
    'shared modules import no layer'
  ),
  layer(
    CONTRACT,
    [...ENTRY, ...INPUTS, ...OPERATIONS, ...GITHUB],
    'the contract sits above the layers'
  ),
  layer(
    INPUTS,
    [...ENTRY, ...OPERATIONS, ...DOCSPACE, ...GITHUB],
    "inputs read the action's inputs only"
  ),
  layer(OPERATIONS, [...ENTRY, ...INPUTS], 'operations get a parsed request'),
  // The registry (operations/index.ts) is the one module that knows every operation.
  layer(
    'src/operations/!(index).ts',
    ['src/operations/**'],
    'operations do not import each other: move shared code to links/'
  ),
  layer(LINKS, [...ENTRY, ...INPUTS, ...OPERATIONS, ...GITHUB], 'links/ sits below the operations'),
  layer(
    GITHUB,
    [...ENTRY, ...INPUTS, ...OPERATIONS, ...LINKS],
    'github/ sits below the operations'
  ),
  layer(
    DOCSPACE,
    [...ENTRY, ...INPUTS, ...OPERATIONS, ...LINKS, ...GITHUB, 'src/result.ts', 'src/context.ts'],
    'docspace/ is the bottom layer'
  ),
  layer('src', 'emulator', 'the action never depends on its emulator'),
  layer('emulator', 'src', 'the emulator follows the server, not the action')
]

export default tseslint.config(
  { ignores: ['dist/', 'emulator/dist/', 'contract/dist/', 'node_modules/', 'coverage/', 'lib/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/**/*.ts', 'emulator/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Imports name the compiled `.js`; the files are `.ts`.
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })]
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }]
    }
  },
  {
    // Type-aware checks: a promise is awaited, returned or handled, and never passed where none is expected.
    files: ['src/**/*.ts', 'emulator/**/*.ts', '__tests__/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  }
)
