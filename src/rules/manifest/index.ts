import manifestDuplicate from './manifest-duplicate.js';
import manifestInvalid from './manifest-invalid.js';
import manifestParseError from './manifest-parse-error.js';
import suppressionInvalid from './suppression-invalid.js';

export const MANIFEST_RULES = [manifestDuplicate, manifestInvalid, manifestParseError, suppressionInvalid];
