import { identityKey, type Identity } from './identity.js';
import type { Model } from './load.js';
import type { Resource } from './resource.js';

/**
 * The object a reference names (an Ingress's Service, a route's Gateway, an IngressClass): in the referencing
 * object's own render target first (dev's Gateway for dev's route, never prod's), else among the plain files,
 * which every target shares.
 */
export function lookup(model: Model, id: Omit<Identity, 'scope'>, from: { scope?: string }): Resource | undefined {
  if (from.scope !== undefined) {
    const own = model.byKey.get(identityKey({ ...id, scope: from.scope }));
    if (own) return own;
  }
  return model.byKey.get(identityKey(id));
}
