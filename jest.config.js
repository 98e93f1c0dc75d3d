// Native ESM: run through `npm run jest` (node --experimental-vm-modules).
import { availableParallelism } from 'node:os'

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  setupFiles: ['<rootDir>/__tests__/helpers/quiet-debug.ts'],
  testTimeout: 30000,
  // Many suites wait on loopback servers and child processes more than they compute: two workers per
  // core keep a two-core machine busy (jest's default, one worker fewer than the cores, leaves it idle).
  // (A percentage here would be read as a plain number.)
  maxWorkers: 2 * availableParallelism()
}
