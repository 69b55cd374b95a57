import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layering = (message, patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message, allowTypeImports: true })) }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // One-way dependencies: permissions/ is a leaf; server/ and admin/ import it, never each other
  // (admin may import the metadata contract's types, which compile away).
  { files: ['permissions/**'], rules: layering('permissions/ is a leaf: it imports neither server/ nor admin/.', [['**/server/**', '**/admin/**']]) },
  { files: ['admin/**'], rules: layering('admin/ talks to the server over HTTP only; share code through permissions/.', [['**/server/**']]) },
  { files: ['server/**'], rules: layering('server/ never imports the SPA.', [['**/admin/**']]) },
);
