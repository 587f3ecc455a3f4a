// The server's entry: the heap settings first, then the server. Its packages are imported only
// once the settings hold: a static import would load them (and grow the heap) before any line here.
import './heap-sizing';

await import('./serve');
