import { defaultConfig, type SegguardConfig, type TiersConfig } from '../../../src/config/config.js';

/** The configuration of the tier rule tests: the example of the documentation, with `overrides` over it. */
export function withTiers(overrides: Partial<TiersConfig> = {}): SegguardConfig {
  return {
    ...defaultConfig(),
    tiers: { order: ['critical', 'internal', 'public'], default: 'internal', namespaces: { payments: 'critical', blog: 'public' }, label: 'segguard.io/tier', ...overrides },
  };
}
