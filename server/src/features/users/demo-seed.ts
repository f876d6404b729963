import sharp from 'sharp';
import { newId } from '../../core/ids.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import { countUsers } from './repository.js';
import { createAccount, hashPassword } from './service.js';

/** The demo company "Muster GmbH": everything is made up and made here — nothing is downloaded. */

export const DEMO_PASSWORD = 'demo-innenhof';

interface Person {
  key: string;
  first: string;
  last: string;
  title: string;
  dept: string;
  loc: string;
  boss: string | null;
  skills: string[];
  role?: 'admin';
  locale?: 'de' | 'en';
}

const LOCATIONS = ['Berlin', 'Hamburg', 'München', 'Leipzig (Remote)'];

// key, first, last, title, department, location index, manager key, skills
const PEOPLE: Array<[string, string, string, string, string, number, string | null, string[]]> = [
  ['anna', 'Anna', 'Schneider', 'Geschäftsführerin', 'Geschäftsführung', 0, null, ['Strategie', 'Führung', 'Finanzen']],
  ['markus', 'Markus', 'Weber', 'Leiter Vertrieb', 'Vertrieb', 1, 'anna', ['Verhandlung', 'CRM', 'Key Accounts']],
  ['julia', 'Julia', 'Fischer', 'Leiterin Kundenservice', 'Kundenservice', 0, 'anna', ['Eskalationen', 'Zendesk', 'Schulungen']],
  ['thomas', 'Thomas', 'Becker', 'Leiter IT', 'IT', 2, 'anna', ['Linux', 'Netzwerke', 'Datenschutz']],
  ['sabine', 'Sabine', 'Hoffmann', 'Leiterin Personal', 'Personal', 0, 'anna', ['Recruiting', 'Arbeitsrecht', 'Onboarding']],
  ['stefan', 'Stefan', 'Schäfer', 'Leiter Marketing', 'Marketing', 2, 'anna', ['Social Media', 'Kampagnen', 'SEO']],
  ['claudia', 'Claudia', 'Koch', 'Leiterin Finanzen', 'Finanzen', 0, 'anna', ['Controlling', 'DATEV', 'Budgetplanung']],
  ['michael', 'Michael', 'Richter', 'Key Account Manager', 'Vertrieb', 1, 'markus', ['Großkunden', 'Angebote', 'Englisch']],
  ['laura', 'Laura', 'Klein', 'Vertriebsmitarbeiterin', 'Vertrieb', 1, 'markus', ['Kaltakquise', 'CRM', 'Messen']],
  ['daniel', 'Daniel', 'Wolf', 'Vertriebsmitarbeiter', 'Vertrieb', 2, 'markus', ['Produktdemos', 'Excel']],
  ['katrin', 'Katrin', 'Schröder', 'Vertriebsinnendienst', 'Vertrieb', 1, 'markus', ['Auftragsabwicklung', 'SAP']],
  ['jan', 'Jan', 'Neumann', 'Account Manager', 'Vertrieb', 3, 'markus', ['Remote-Beratung', 'Videocalls']],
  ['lisa', 'Lisa', 'Schwarz', 'Teamleiterin Support', 'Kundenservice', 0, 'julia', ['Deeskalation', 'Telefon', 'Wissensdatenbank']],
  ['tobias', 'Tobias', 'Zimmermann', 'Kundenberater', 'Kundenservice', 0, 'lisa', ['Beschwerden', 'Chat-Support']],
  ['nina', 'Nina', 'Braun', 'Kundenberaterin', 'Kundenservice', 0, 'lisa', ['Social Media', 'Englisch', 'Französisch']],
  ['florian', 'Florian', 'Krüger', 'Kundenberater', 'Kundenservice', 3, 'lisa', ['Nachtschicht', 'Telefon']],
  ['melanie', 'Melanie', 'Hofmann', 'Kundenberaterin', 'Kundenservice', 0, 'lisa', ['Reklamationen', 'Zendesk']],
  ['sebastian', 'Sebastian', 'Hartmann', 'Qualitätsmanager Service', 'Kundenservice', 0, 'julia', ['Auswertungen', 'Rollenspiele', 'Coaching']],
  ['sarah', 'Sarah', 'Lange', 'Trainerin Kommunikation', 'Kundenservice', 1, 'julia', ['Workshops', 'Gesprächsführung', 'Rollenspiele']],
  ['alexander', 'Alexander', 'Schmitt', 'Systemadministrator', 'IT', 2, 'thomas', ['Linux', 'Backups', 'PostgreSQL']],
  ['christina', 'Christina', 'Werner', 'IT-Support', 'IT', 0, 'thomas', ['Hardware', 'Windows', 'Drucker']],
  ['patrick', 'Patrick', 'Krause', 'Softwareentwickler', 'IT', 2, 'thomas', ['TypeScript', 'React', 'APIs']],
  ['johanna', 'Johanna', 'Meier', 'Softwareentwicklerin', 'IT', 3, 'thomas', ['Python', 'Datenanalyse', 'SQL']],
  ['dennis', 'Dennis', 'Lehmann', 'IT-Sicherheit', 'IT', 2, 'thomas', ['Firewall', 'Phishing-Schulung', 'ISO 27001']],
  ['sandra', 'Sandra', 'Schmid', 'Personalreferentin', 'Personal', 0, 'sabine', ['Lohnabrechnung', 'Zeugnisse']],
  ['martin', 'Martin', 'Schulz', 'Recruiter', 'Personal', 1, 'sabine', ['Active Sourcing', 'Vorstellungsgespräche']],
  ['vanessa', 'Vanessa', 'Maier', 'Ausbildungsleiterin', 'Personal', 0, 'sabine', ['Azubis', 'Mentoring']],
  ['kevin', 'Kevin', 'Köhler', 'Auszubildender Kaufmann', 'Personal', 0, 'vanessa', ['Excel', 'Gaming']],
  ['lena', 'Lena', 'Herrmann', 'Social-Media-Managerin', 'Marketing', 2, 'stefan', ['Instagram', 'LinkedIn', 'Community']],
  ['felix', 'Felix', 'König', 'Grafikdesigner', 'Marketing', 2, 'stefan', ['Illustrator', 'Fotografie', 'Corporate Design']],
  ['marie', 'Marie', 'Walter', 'Content-Redakteurin', 'Marketing', 3, 'stefan', ['Texten', 'Newsletter', 'Englisch']],
  ['philipp', 'Philipp', 'Mayer', 'Online-Marketing', 'Marketing', 2, 'stefan', ['Google Ads', 'Analytics']],
  ['andrea', 'Andrea', 'Huber', 'Buchhalterin', 'Finanzen', 0, 'claudia', ['Kreditoren', 'DATEV']],
  ['oliver', 'Oliver', 'Kaiser', 'Controller', 'Finanzen', 0, 'claudia', ['Reporting', 'Power BI', 'Excel']],
  ['jessica', 'Jessica', 'Fuchs', 'Buchhalterin', 'Finanzen', 1, 'claudia', ['Debitoren', 'Mahnwesen']],
  ['benjamin', 'Benjamin', 'Peters', 'Leiter Einkauf', 'Einkauf', 1, 'anna', ['Lieferanten', 'Verträge', 'Logistik']],
  ['nadine', 'Nadine', 'Lang', 'Einkäuferin', 'Einkauf', 1, 'benjamin', ['Ausschreibungen', 'SAP']],
  ['marcel', 'Marcel', 'Scholz', 'Einkäufer', 'Einkauf', 2, 'benjamin', ['Rahmenverträge', 'Englisch']],
  ['carina', 'Carina', 'Möller', 'Office-Managerin', 'Geschäftsführung', 0, 'anna', ['Organisation', 'Veranstaltungen', 'Erste Hilfe']],
  ['robert', 'Robert', 'Weiß', 'Datenschutzbeauftragter', 'Geschäftsführung', 0, 'anna', ['DSGVO', 'Verträge', 'Schulungen']],
  ['emily', 'Emily', 'Jung', 'Werkstudentin Marketing', 'Marketing', 3, 'lena', ['Video', 'TikTok']],
  ['david', 'David', 'Hahn', 'Werkstudent IT', 'IT', 2, 'patrick', ['JavaScript', 'Testing']],
  ['sophie', 'Sophie', 'Vogel', 'Kundenberaterin', 'Kundenservice', 1, 'lisa', ['Niederländisch', 'Telefon']],
  ['lukas', 'Lukas', 'Friedrich', 'Lagerleiter', 'Einkauf', 3, 'benjamin', ['Logistik', 'Gabelstapler']],
];

function demoEmail(first: string, last: string): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z]/g, '');
  return `${clean(first)}.${clean(last)}@muster-gmbh.example`;
}

/** A generated avatar: soft gradient and geometric shapes, rendered to pixels by sharp (no fonts, no downloads). */
async function avatarPng(seed: number): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  const hue2 = (hue + 40) % 360;
  const shapes = [0, 1, 2]
    .map((i) => {
      const x = 20 + ((seed * (i + 3) * 37) % 160);
      const y = 20 + ((seed * (i + 5) * 53) % 160);
      const r = 30 + ((seed * (i + 7)) % 50);
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(hue + i * 70) % 360},70%,${60 + i * 8}%)" fill-opacity="0.55"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,45%)"/><stop offset="1" stop-color="hsl(${hue2},65%,35%)"/></linearGradient></defs><rect width="200" height="200" fill="url(#g)"/>${shapes}<circle cx="100" cy="82" r="34" fill="#fff" fill-opacity="0.85"/><ellipse cx="100" cy="180" rx="62" ry="52" fill="#fff" fill-opacity="0.85"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Fills an empty database with Muster GmbH. Refuses when any user exists. */
export async function seedDemo(ctx: AppContext, options: { avatars?: boolean } = {}): Promise<string> {
  if ((await countUsers(ctx.db.db)) > 0) {
    throw new Error('seed-demo only runs on an empty database (this one has users already). Use a fresh INNENHOF_DATA_DIR or database.');
  }
  const ids = new Map(PEOPLE.map(([key]) => [key, newId()]));
  const people: Person[] = PEOPLE.map(([key, first, last, title, dept, loc, boss, skills]) => ({
    key,
    first,
    last,
    title,
    dept,
    loc: LOCATIONS[loc] ?? 'Berlin',
    boss,
    skills,
    ...(key === 'anna' || key === 'thomas' ? { role: 'admin' as const } : {}),
    ...(key === 'jan' || key === 'marie' || key === 'emily' ? { locale: 'en' as const } : {}),
  }));

  // Avatars first, outside the transaction (image work must not hold the database).
  const avatarIds = new Map<string, string>();
  if (options.avatars !== false) {
    let i = 0;
    for (const p of people) {
      i++;
      const stored = await ctx.storage.saveImage(ctx.db.db, await avatarPng(i * 7 + p.first.length), 'avatar', ids.get(p.key) ?? null);
      avatarIds.set(p.key, stored.id);
    }
  }

  // One hash for the shared demo password (each account still gets its own copy of it).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction(async (tx) => {
    await settings.markSetupDone(tx.db);
    await settings.setCompany(tx.db, { ...settings.DEFAULTS, companyName: 'Muster GmbH', accentColor: '#0a7c66', defaultLocale: 'de' });
    let n = 0;
    for (const p of people) {
      n++;
      await createAccount(
        tx,
        { name: `${p.first} ${p.last}`, email: demoEmail(p.first, p.last), passwordHash, role: p.role ?? 'member', locale: p.locale ?? null },
        {
          id: ids.get(p.key),
          jobTitle: p.title,
          department: p.dept,
          location: p.loc,
          phone: `+49 30 1234-${String(100 + n).padStart(3, '0')}`,
          skills: p.skills,
          about:
            p.locale === 'en'
              ? `Hi, I am ${p.first}. Ask me about ${p.skills.join(', ')}.`
              : `Hallo, ich bin ${p.first}. Frag mich gern zu ${p.skills.join(', ')}.`,
          avatarFileId: avatarIds.get(p.key) ?? null,
        },
      );
    }
    // Managers after everyone exists (foreign keys).
    for (const p of people) {
      if (p.boss)
        await tx.db
          .updateTable('users')
          .set({ manager_id: ids.get(p.boss) ?? null })
          .where('id', '=', ids.get(p.key) ?? '')
          .execute();
    }
  });

  const departments = new Set(people.map((p) => p.dept)).size;
  const lines = [
    `Muster GmbH is ready: ${people.length} employees in ${departments} departments at ${LOCATIONS.length} locations.`,
    '',
    `Demo logins (password for everyone: ${DEMO_PASSWORD}):`,
    `  admin     ${demoEmail('Anna', 'Schneider')}   (Anna Schneider, Geschäftsführerin)`,
    `  admin     ${demoEmail('Thomas', 'Becker')}   (Thomas Becker, Leiter IT)`,
    `  employee  ${demoEmail('Lisa', 'Schwarz')}   (Lisa Schwarz, Teamleiterin Support)`,
    `  employee  ${demoEmail('Jan', 'Neumann')}   (Jan Neumann, English UI)`,
  ];
  return lines.join('\n');
}
