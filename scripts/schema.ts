// Writes schema/config.schema.json from the rule registry (`npm run schema`); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeConfigSchema } from '../src/config/load.js';
import { CONFIG_SCHEMA_FILE } from '../src/config/schema.js';

const target = join(import.meta.dirname, '..', CONFIG_SCHEMA_FILE);
writeFileSync(target, serializeConfigSchema());
console.log(`wrote ${CONFIG_SCHEMA_FILE}`);
