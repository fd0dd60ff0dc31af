import type { Rule } from '../rule.js';
import nginxAllowlistLoosened from './nginx-allowlist-loosened.js';
import nginxAuthRemoved from './nginx-auth-removed.js';
import nginxCorsWildcard from './nginx-cors-wildcard.js';
import nginxHttpsDowngraded from './nginx-https-downgraded.js';
import nginxInjectionVector from './nginx-injection-vector.js';
import nginxMtlsWeakened from './nginx-mtls-weakened.js';
import nginxScopeSideEffect from './nginx-scope-side-effect.js';
import nginxSnippetAdded from './nginx-snippet-added.js';

/** ingress-nginx annotation rules, one file each. */
export const NGINX_RULES: Rule[] = [
  nginxAllowlistLoosened,
  nginxAuthRemoved,
  nginxCorsWildcard,
  nginxHttpsDowngraded,
  nginxInjectionVector,
  nginxMtlsWeakened,
  nginxScopeSideEffect,
  nginxSnippetAdded,
];
