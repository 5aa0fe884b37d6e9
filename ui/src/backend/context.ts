// The context entry that carries the backend, for tests that render a
// component on its own.

import type { Backend } from './index';

export const backendKey = Symbol.for('amparo.backend');

export function backendContext(backend: Backend): Map<symbol, Backend> {
  return new Map([[backendKey, backend]]);
}
