import controllerConfigInvalid from './controller-config-invalid.js';
import manifestDuplicate from './manifest-duplicate.js';
import manifestInvalid from './manifest-invalid.js';
import manifestNoneRead from './manifest-none-read.js';
import manifestParseError from './manifest-parse-error.js';
import manifestTooComplex from './manifest-too-complex.js';
import renderFailed from './render-failed.js';
import suppressionInvalid from './suppression-invalid.js';

export const MANIFEST_RULES = [controllerConfigInvalid, manifestDuplicate, manifestInvalid, manifestNoneRead, manifestParseError, manifestTooComplex, renderFailed, suppressionInvalid];
