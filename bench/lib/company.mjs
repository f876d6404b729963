// A generated company of realistic shape: departments of different sizes, a manager tree
// (CEO → department heads → team leads → members), German and English names, job titles and skills.
// Deterministic (seeded), so two runs bench the same data.

export const LOCATIONS = [
  { name: 'Berlin', weight: 35 },
  { name: 'München', weight: 25 },
  { name: 'Hamburg', weight: 18 },
  { name: 'Wien', weight: 10 },
  { name: 'Remote', weight: 12 },
];

export const DEPARTMENTS = [
  {
    name: 'Engineering',
    weight: 22,
    head: 'VP Engineering',
    lead: 'Engineering Manager',
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Backend-Entwicklerin',
      'Frontend-Entwickler',
      'DevOps Engineer',
      'QA Engineer',
      'Staff Engineer',
    ],
    skills: ['TypeScript', 'Node.js', 'PostgreSQL', 'React', 'Kubernetes', 'Go', 'Rust', 'Testing', 'Security', 'Architektur', 'CI/CD', 'Linux'],
  },
  {
    name: 'Vertrieb',
    weight: 14,
    head: 'Vertriebsleiterin',
    lead: 'Teamleiter Vertrieb',
    titles: ['Account Executive', 'Key Account Manager', 'Vertriebsmitarbeiterin', 'Sales Development Rep', 'Inside Sales'],
    skills: ['Verhandlung', 'CRM', 'Salesforce', 'Kaltakquise', 'Präsentation', 'Public Sector', 'B2B', 'Französisch'],
  },
  {
    name: 'Kundenservice',
    weight: 12,
    head: 'Head of Customer Support',
    lead: 'Teamleiterin Kundenservice',
    titles: ['Support Agent', 'Customer Success Manager', 'Technical Support Engineer', 'Kundenberater'],
    skills: ['Zendesk', 'Kommunikation', 'Deeskalation', 'Englisch', 'Spanisch', 'Onboarding', 'Dokumentation'],
  },
  {
    name: 'Operations',
    weight: 9,
    head: 'COO',
    lead: 'Operations Lead',
    titles: ['Operations Manager', 'Logistiker', 'Facility Manager', 'Office Managerin', 'Projektmanager'],
    skills: ['Logistik', 'Lean', 'SAP', 'Prozessoptimierung', 'Einkauf', 'Excel', 'Projektmanagement'],
  },
  {
    name: 'Marketing',
    weight: 8,
    head: 'CMO',
    lead: 'Marketing Lead',
    titles: ['Content Marketing Manager', 'SEO-Spezialistin', 'Grafikdesigner', 'Performance Marketer', 'Social Media Manager'],
    skills: ['SEO', 'Copywriting', 'Figma', 'Google Ads', 'Analytics', 'Fotografie', 'Events', 'Branding'],
  },
  {
    name: 'Produkt',
    weight: 7,
    head: 'Chief Product Officer',
    lead: 'Group Product Manager',
    titles: ['Product Manager', 'Product Owner', 'UX-Designerin', 'UX Researcher', 'Product Designer'],
    skills: ['Discovery', 'User Research', 'Figma', 'Roadmapping', 'Scrum', 'Accessibility', 'Data Analysis'],
  },
  {
    name: 'Finanzen',
    weight: 6,
    head: 'CFO',
    lead: 'Leiter Buchhaltung',
    titles: ['Buchhalterin', 'Controller', 'Financial Analyst', 'Steuerfachangestellte', 'Treasury Manager'],
    skills: ['DATEV', 'IFRS', 'HGB', 'Controlling', 'Excel', 'SAP', 'Reporting'],
  },
  {
    name: 'IT',
    weight: 6,
    head: 'CIO',
    lead: 'IT-Teamleiter',
    titles: ['Systemadministrator', 'IT-Support', 'Netzwerkadministratorin', 'IT Security Analyst'],
    skills: ['Windows', 'Linux', 'Netzwerk', 'Active Directory', 'M365', 'Security', 'ITIL'],
  },
  {
    name: 'People & Culture',
    weight: 5,
    head: 'Chief People Officer',
    lead: 'HR Business Partner Lead',
    titles: ['HR Business Partner', 'Recruiterin', 'Personalreferent', 'Learning & Development Manager'],
    skills: ['Recruiting', 'Arbeitsrecht', 'Coaching', 'Onboarding', 'Personio', 'Moderation'],
  },
  {
    name: 'Einkauf',
    weight: 4,
    head: 'Head of Procurement',
    lead: 'Teamleiterin Einkauf',
    titles: ['Einkäufer', 'Strategische Einkäuferin', 'Lieferantenmanager'],
    skills: ['Verhandlung', 'SAP', 'Lieferantenmanagement', 'Ausschreibungen', 'Logistik'],
  },
  {
    name: 'Forschung',
    weight: 4,
    head: 'Head of Research',
    lead: 'Research Lead',
    titles: ['Data Scientist', 'Research Engineer', 'Wissenschaftliche Mitarbeiterin', 'ML Engineer'],
    skills: ['Python', 'Machine Learning', 'Statistik', 'PyTorch', 'SQL', 'Publikationen'],
  },
  {
    name: 'Recht',
    weight: 3,
    head: 'General Counsel',
    lead: 'Senior Legal Counsel',
    titles: ['Syndikusrechtsanwältin', 'Legal Counsel', 'Datenschutzbeauftragter', 'Compliance Manager'],
    skills: ['DSGVO', 'Vertragsrecht', 'Compliance', 'Arbeitsrecht', 'Markenrecht'],
  },
];

// Common first and last names (Germany, Austria, UK/US), so search prefixes hit many people.
const FIRST = [
  'Anna',
  'Maria',
  'Julia',
  'Laura',
  'Sarah',
  'Lena',
  'Lea',
  'Katharina',
  'Sophie',
  'Hannah',
  'Lisa',
  'Johanna',
  'Marie',
  'Emma',
  'Charlotte',
  'Ursula',
  'Sabine',
  'Petra',
  'Claudia',
  'Stefanie',
  'Emily',
  'Olivia',
  'Jessica',
  'Elizabeth',
  'Zeynep',
  'Aylin',
  'Thomas',
  'Michael',
  'Andreas',
  'Stefan',
  'Christian',
  'Markus',
  'Martin',
  'Alexander',
  'Sebastian',
  'Daniel',
  'Tobias',
  'Jan',
  'Lukas',
  'Jonas',
  'Felix',
  'Maximilian',
  'Jürgen',
  'Klaus',
  'Matthias',
  'Florian',
  'James',
  'John',
  'David',
  'Oliver',
  'William',
  'Mehmet',
  'Luca',
  'Mark',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Huber',
  'Gruber',
  'Pichler',
  'Yılmaz',
  'Kaya',
  'Nowak',
  'Kowalski',
  'Smith',
  'Jones',
  'Williams',
  'Brown',
  'Taylor',
  'Johnson',
  'Martin',
  'Walker',
  'Thompson',
  'Roberts',
];

/** As-you-type search: first three letters of common names (several people match each). */
export const SEARCH_PREFIXES = ['mül', 'sch', 'mar', 'ann', 'tho', 'web', 'mei', 'jul', 'smi', 'chr', 'ste', 'kra'];

export const PASSWORD = 'bench-password-2024';

/** mulberry32: small, fast, seeded. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ascii(s) {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/**
 * Plans a company of `size` people (including the CEO, who is the setup admin).
 * Returns people with a `key` (their index), a `managerKey` and their profile; keys are in creation order
 * (every manager comes before their reports).
 */
export function planCompany(size, seed = 42) {
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const weighted = (items) => {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = rand() * total;
    for (const i of items) {
      r -= i.weight;
      if (r < 0) return i;
    }
    return items[items.length - 1];
  };
  const usedEmails = new Set();
  const person = (extra) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    let local = `${ascii(first)}.${ascii(last)}`;
    for (let n = 2; usedEmails.has(local); n++) local = `${ascii(first)}.${ascii(last)}${n}`;
    usedEmails.add(local);
    return { name: `${first} ${last}`, email: `${local}@beispiel-gmbh.example`, ...extra };
  };
  const skillsOf = (dept) => {
    const count = 2 + Math.floor(rand() * 4);
    const set = new Set();
    while (set.size < count) set.add(pick(dept.skills));
    return [...set];
  };

  const people = [];
  const add = (p) => {
    p.key = people.length;
    people.push(p);
    return p;
  };
  const ceo = add(
    person({ level: 'ceo', jobTitle: 'Geschäftsführerin', department: 'Operations', location: 'Berlin', skills: ['Strategie', 'Führung'], managerKey: null }),
  );

  // Department sizes by weight, at least 3 people each (head, lead, one member) when there is room.
  const rest = Math.max(0, size - 1);
  const totalWeight = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);
  const sizes = DEPARTMENTS.map((d) => Math.max(Math.min(3, Math.floor(rest / DEPARTMENTS.length)), Math.floor((rest * d.weight) / totalWeight)));
  let diff = rest - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % sizes.length) {
    if (diff > 0) {
      sizes[i]++;
      diff--;
    } else if (sizes[i] > 1) {
      sizes[i]--;
      diff++;
    }
  }

  const heads = [];
  const leads = [];
  const members = [];
  DEPARTMENTS.forEach((dept, i) => {
    const n = sizes[i];
    if (n <= 0) return;
    const head = add(
      person({ level: 'head', jobTitle: dept.head, department: dept.name, location: weighted(LOCATIONS).name, skills: skillsOf(dept), managerKey: ceo.key }),
    );
    heads.push(head);
    const leadCount = Math.max(0, Math.min(n - 1, Math.ceil((n - 1) / 9)));
    const deptLeads = [];
    for (let l = 0; l < leadCount; l++) {
      const lead = add(
        person({ level: 'lead', jobTitle: dept.lead, department: dept.name, location: weighted(LOCATIONS).name, skills: skillsOf(dept), managerKey: head.key }),
      );
      deptLeads.push(lead);
      leads.push(lead);
    }
    for (let m = 0; m < n - 1 - leadCount; m++) {
      const lead = deptLeads[m % deptLeads.length];
      // Teams mostly sit together: the member's location follows the lead's most of the time.
      const location = rand() < 0.7 ? lead.location : weighted(LOCATIONS).name;
      members.push(
        add(person({ level: 'member', jobTitle: pick(dept.titles), department: dept.name, location, skills: skillsOf(dept), managerKey: lead.key })),
      );
    }
  });
  return { people, ceo, heads, leads, members };
}
