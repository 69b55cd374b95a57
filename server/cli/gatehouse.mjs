#!/usr/bin/env node
// `npx gatehouse ...`: the TypeScript CLI, run through tsx like `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('./gatehouse.ts');
