import { render } from 'preact';
import { App } from '@/components/App';
import { uiLocale } from '@/lib/i18n/i18n';

document.documentElement.lang = uiLocale();
render(<App />, document.getElementById('app')!);
