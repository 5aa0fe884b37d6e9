// Addresses of a photo's derivatives on the custom scheme the shell serves
// (see src-tauri/src/media_scheme.rs). Originals are never sent.

import type { DerivativeKind } from '../bindings/DerivativeKind';

export function mediaUrl(kind: DerivativeKind, sha256: string): string {
  return `amparo-media://localhost/${kind}/${sha256}`;
}
