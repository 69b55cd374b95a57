import { vi } from 'vitest';
import { describeEachEnforcerAlone } from './eachEnforcerAlone.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/backroom/pack.json';
});

describeEachEnforcerAlone('backroom', 100);
