import { startBackground } from '@/lib/browser/background';

export default defineBackground(() => startBackground());
