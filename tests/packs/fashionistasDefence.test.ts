import { vi } from 'vitest';
import { describeEachEnforcerAlone } from './eachEnforcerAlone.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/fashionistas/pack.json';
});

describeEachEnforcerAlone('fashionistas', 100);
