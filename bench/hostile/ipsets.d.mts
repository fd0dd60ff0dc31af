// Types of ipsets.mjs, for the tests that reuse its shapes at moderate sizes.
export type Files = Record<string, string>;
export interface HostileCase {
  name: string;
  generate(): { base: Files; head: Files };
}
export interface BlockPeer {
  cidr: string;
  except: string[];
}
export interface PathSpec {
  path: string;
  pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
}
export const WORKLOAD: string;
export function ipv4(n: number): string;
export function ipBlockPolicy(peers: BlockPeer[]): string;
export function distinctBlocks(count: number, excepts: number): BlockPeer[];
export function everyAddressMinusExcepts(count: number, excepts: number): BlockPeer[];
export function everyIpv6AddressMinusExcepts(count: number, excepts: number): BlockPeer[];
export function ingress(paths: PathSpec[], annotations?: Record<string, string>): string;
export function manyPaths(count: number): PathSpec[];
export function scatteredHosts(count: number): string[];
export function consecutiveHosts(start: number, count: number): string[];
declare const cases: HostileCase[];
export default cases;
