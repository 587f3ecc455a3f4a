import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { t, uiLocale } from '@/lib/i18n/i18n';

document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
