import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', require: 'readonly', __dirname: 'readonly', module: 'writable' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.service.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/no-foreign-entities': 'error' },
  },
);
