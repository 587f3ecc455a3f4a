import { html } from 'hono/html';

/** What the README of a package says of it; every value is escaped where it is shown. */
export type ReadmeFacts = {
  material: { id: string; url: string; status: string };
  generatedAt: string;
  files: { path: string; token: string | null }[];
  chainPath: string | null;
};

const VERIFY_CHAIN = `python3 - <<'PY'
import hashlib, json
prev = "0" * 64
for n, line in enumerate(open("custody.jsonl", encoding="utf-8"), 1):
    e = json.loads(line)
    body = {k: v for k, v in e.items() if k != "hash"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    ok = e["seq"] == n and e["prevHash"] == prev and hashlib.sha256(text.encode()).hexdigest() == e["hash"]
    print(n, "OK" if ok else "BROKEN")
    prev = e["hash"]
PY`;

const TEXT = {
  ru: {
    title: 'Пакет доказательств',
    intro:
      'Пакет содержит файлы доказательств материала байт в байт, метки времени RFC 3161 для каждого файла, журнал хранения (цепочку хешей) и манифест. Его можно проверить без доступа к серверу стандартными средствами.',
    material: 'Материал',
    generated: 'Пакет сформирован',
    contents: 'Состав',
    items: [
      'manifest.json — материал, время формирования и SHA-256 каждого файла пакета;',
      'evidence/<sha256>.<расширение> — файлы доказательств; имя файла — его SHA-256;',
      'timestamps/<sha256>.tsr — ответ службы меток времени (TimeStampResp, DER) для файла с этим хешем;',
      'timestamps/tsa-chain.pem — цепочка сертификатов службы меток времени;',
      'custody.jsonl — журнал хранения: одно событие JSON в строке;',
      'SHA256SUMS — контрольные суммы для sha256sum.',
    ],
    step1: '1. Целостность файлов',
    step1text: 'В папке пакета выполните команду; каждая строка должна заканчиваться на «OK»:',
    step2: '2. Метки времени',
    step2text:
      'Для каждого файла выполните команду; ответ «Verification: OK» означает, что служба меток времени подписала хеш именно этого файла в указанное время:',
    step2none: 'Меток времени в пакете нет: служба меток времени не настроена или ещё не ответила.',
    show: 'Время метки показывает команда',
    step3: '3. Журнал хранения',
    step3text:
      'Поле hash каждого события — SHA-256 события без поля hash, сериализованного по RFC 8785 (JCS); prevHash — hash предыдущего события (64 нуля у первого). Правка, удаление или вставка строки разрывает цепочку. Проверка (для событий из строк и целых чисел JCS совпадает с выводом json.dumps ниже):',
  },
  kk: {
    title: 'Дәлелдер пакеті',
    intro:
      'Пакетте материалдың дәлел файлдары байтпа-байт, әр файлға RFC 3161 уақыт белгілері, сақтау журналы (хештер тізбегі) және манифест бар. Оны серверге қосылмай-ақ стандартты құралдармен тексеруге болады.',
    material: 'Материал',
    generated: 'Пакет жасалған уақыт',
    contents: 'Құрамы',
    items: [
      'manifest.json — материал, жасалған уақыты және пакеттегі әр файлдың SHA-256 мәні;',
      'evidence/<sha256>.<кеңейтім> — дәлел файлдары; файл атауы — оның SHA-256 мәні;',
      'timestamps/<sha256>.tsr — осы хеші бар файлға уақыт белгісі қызметінің жауабы (TimeStampResp, DER);',
      'timestamps/tsa-chain.pem — уақыт белгісі қызметінің сертификаттар тізбегі;',
      'custody.jsonl — сақтау журналы: әр жолда бір JSON оқиғасы;',
      'SHA256SUMS — sha256sum үшін бақылау сомалары.',
    ],
    step1: '1. Файлдардың тұтастығы',
    step1text: 'Пакет қалтасында команданы орындаңыз; әр жол «OK» деп аяқталуы тиіс:',
    step2: '2. Уақыт белгілері',
    step2text:
      'Әр файл үшін команданы орындаңыз; «Verification: OK» жауабы уақыт белгісі қызметі дәл осы файлдың хешіне көрсетілген уақытта қол қойғанын білдіреді:',
    step2none: 'Пакетте уақыт белгілері жоқ: қызмет бапталмаған немесе әлі жауап бермеген.',
    show: 'Белгінің уақытын мына команда көрсетеді',
    step3: '3. Сақтау журналы',
    step3text:
      'Әр оқиғаның hash өрісі — hash өрісінсіз, RFC 8785 (JCS) бойынша сериализацияланған оқиғаның SHA-256 мәні; prevHash — алдыңғы оқиғаның hash мәні (біріншісінде 64 нөл). Жолды өзгерту, жою немесе қосу тізбекті үзеді. Тексеру (жолдар мен бүтін сандардан тұратын оқиғалар үшін JCS төмендегі json.dumps нәтижесімен сәйкес келеді):',
  },
  en: {
    title: 'Evidence package',
    intro:
      'This package holds the material’s evidence files byte for byte, an RFC 3161 time-stamp for each file, the custody log (a hash chain) and a manifest. Anyone can verify it offline with standard tools.',
    material: 'Material',
    generated: 'Package generated',
    contents: 'Contents',
    items: [
      'manifest.json — the material, when the package was made and the SHA-256 of every other file;',
      'evidence/<sha256>.<ext> — the evidence files; each is named by its SHA-256;',
      'timestamps/<sha256>.tsr — the time-stamp authority’s answer (TimeStampResp, DER) for the file with that hash;',
      'timestamps/tsa-chain.pem — the time-stamp authority’s certificate chain;',
      'custody.jsonl — the custody log, one JSON event per line;',
      'SHA256SUMS — checksums for sha256sum.',
    ],
    step1: '1. The files are intact',
    step1text: 'In the package folder run the command; every line must end in “OK”:',
    step2: '2. Trusted time',
    step2text:
      'For each file run the command; “Verification: OK” means the time-stamp authority signed the hash of exactly this file at the time it states:',
    step2none:
      'The package has no time-stamps: no authority is configured, or it has not answered yet.',
    show: 'The stamped time is shown by',
    step3: '3. The custody log',
    step3text:
      'Each event’s hash is the SHA-256 of the event without its hash field, serialized by RFC 8785 (JCS); prevHash is the previous event’s hash (64 zeros for the first). Editing, removing or inserting a line breaks the chain. To check (for events of strings and integers JCS equals the json.dumps output below):',
  },
} as const;

/** README.html of an evidence package: what it holds and how to verify it, in ru, kk and en. */
export function packageReadme(facts: ReadmeFacts): string {
  const stamped = facts.files.filter((f) => f.token);
  const section = (lang: keyof typeof TEXT) => {
    const t = TEXT[lang];
    return html`<section lang="${lang}">
<h2>${t.title}</h2>
<p>${t.intro}</p>
<dl><dt>${t.material}</dt><dd><code>${facts.material.id}</code> — ${facts.material.url} (${facts.material.status})</dd>
<dt>${t.generated}</dt><dd>${facts.generatedAt}</dd></dl>
<h3>${t.contents}</h3>
<ul>${t.items.map((item) => html`<li>${item}</li>`)}</ul>
<h3>${t.step1}</h3>
<p>${t.step1text}</p>
<pre>sha256sum -c SHA256SUMS</pre>
<h3>${t.step2}</h3>
${
  stamped.length === 0 || !facts.chainPath
    ? html`<p>${t.step2none}</p>`
    : html`<p>${t.step2text}</p>
<pre>${stamped.map((f) => `openssl ts -verify -in ${f.token} -data ${f.path} -CAfile ${facts.chainPath}\n`)}</pre>
<p>${t.show}: <code>openssl ts -reply -in ${stamped[0]?.token} -text</code></p>`
}
<h3>${t.step3}</h3>
<p>${t.step3text}</p>
<pre>${VERIFY_CHAIN}</pre>
</section>`;
  };
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Evidence package ${escapeHtml(facts.material.id)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.75rem;overflow-x:auto}section+section{border-top:1px solid #ccc;margin-top:2rem}</style>
</head><body>
${section('ru')}
${section('kk')}
${section('en')}
</body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
