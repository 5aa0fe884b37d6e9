// Addresses of a photo's derivatives on the custom scheme the shell serves
// (see src-tauri/src/media_scheme.rs). Originals are never sent.

import type { DerivativeKind } from '../bindings/DerivativeKind';

export function mediaUrl(kind: DerivativeKind, sha256: string): string {
  return `amparo-media://localhost/${kind}/${sha256}`;
}

/** A page of the latest print preview, rendered by the shell (from 0). */
export function previewPageUrl(token: string, page: number): string {
  return `amparo-media://localhost/preview/${token}/${page}`;
}

/** A page of a filed document's PDF (from 0), rendered by the shell. */
export function pdfPageUrl(sha256: string, page: number): string {
  return `amparo-media://localhost/pdfpage/${sha256}/${page}`;
}
