import { Blob as NodeBlob } from 'node:buffer';

// The extension keeps evidence files as Blobs in IndexedDB, as browsers store them. IndexedDB in
// the tests (fake-indexeddb) stores values through Node's structured clone, which keeps Node's
// Blob and would turn happy-dom's into an empty object: the tests make Blobs as Node does.
globalThis.Blob = NodeBlob as unknown as typeof globalThis.Blob;
