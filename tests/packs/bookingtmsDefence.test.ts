import { vi } from 'vitest';
import { describeEachEnforcerAlone } from './eachEnforcerAlone.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/bookingtms/pack.json';
});

describeEachEnforcerAlone('bookingtms', 100);
