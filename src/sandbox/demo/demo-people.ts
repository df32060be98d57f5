/** Names and job titles for the demo's contacts and FlowPilot's own users. */

export const FIRST_NAMES =
  `Ava Liam Sofia Noah Maya Ethan Priya Lucas Chloe Mateo Hannah Omar Grace Diego Amara Julian Leah Tomas
Nina Samuel Aisha Daniel Elena Marcus Ines Kenji Rosa Victor Zara Felix Ingrid Caleb Mei Rafael Tessa Andre Lena Hugo Keiko
Jonah Farah Oscar Clara Emeka Lucia Theo Yara Malik Freya Arjun Wren Stefan Camila Dmitri Nadia Graham Paloma Desmond Lin`
    .split(/\s+/)
    .filter(Boolean);

export const LAST_NAMES =
  `Okafor Lindqvist Moreau Patel Nakamura Alvarez Brennan Castillo Dubois Eriksen Fischer Garcia Haddad Ivanova
Jensen Kowalski Laurent Mendes Novak Oyelaran Park Quinn Rossi Sato Thornton Ueda Varga Whitaker Xu Yilmaz Zamora Abbott Bianchi
Chen Delgado Ellison Foster Gupta Holloway Iqbal Jovanovic Keller Lindgren Marsh Nguyen Osei Pereira Ramirez Schofield Tanaka
Underwood Vance Wexler Young Zielinski Achebe Bauer Costa Drummond`
    .split(/\s+/)
    .filter(Boolean);

/** Job titles by the part a contact plays in the account. */
export const TITLES = {
  champion: [
    'Director of Operations',
    'Head of Revenue Operations',
    'Director of Business Systems',
    'Senior Operations Manager',
    'Head of Customer Operations',
    'Director of IT Applications',
  ],
  executive: [
    'Chief Operating Officer',
    'VP Operations',
    'Chief Financial Officer',
    'VP Customer Success',
    'Chief Technology Officer',
    'VP Finance',
  ],
  user: [
    'Operations Analyst',
    'Business Systems Analyst',
    'Support Team Lead',
    'Finance Manager',
    'IT Administrator',
    'Customer Success Manager',
    'Implementation Specialist',
    'Procurement Specialist',
    'Marketing Operations Manager',
  ],
} as const;

/** Hard-bounce reasons HubSpot records (hs_email_hard_bounce_reason_enum). */
export const BOUNCE_REASONS = ['UNKNOWN_USER', 'MAILBOX_FULL', 'OTHER'] as const;

/** Outside advisers a customer brings in when it is evaluating alternatives (outside_access). */
export const OUTSIDE_ADVISERS = [
  { company: 'Northstar Advisory', domain: 'northstaradvisory.com', title: 'Senior Consultant, Northstar Advisory' },
  { company: 'Brightline Agency', domain: 'brightlineagency.com', title: 'Account Director, Brightline Agency' },
  { company: 'Keel & Co Consulting', domain: 'keelco.com', title: 'Procurement Consultant' },
  { company: 'Vector Partners', domain: 'vectorpartners.io', title: 'Systems Integration Partner' },
] as const;
