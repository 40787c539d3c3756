// The demo company's customers: accounts, contacts, leads and cases as fixed tables, so names and
// emails are stable and readable. Some match examples/ (Ana Ruiz, Jordan Lee, Marco Rossi, Priya
// Shah, Sam Kim) so the example mapping deploy links them.

export interface DemoAccount {
  Name: string;
  Industry: string;
  Type: string;
  Website: string;
  BillingCity: string;
  BillingCountry: string;
  NumberOfEmployees: number;
}

export const ACCOUNTS: DemoAccount[] = [
  {
    Name: 'Northwind Outfitters',
    Industry: 'Retail',
    Type: 'Customer',
    Website: 'https://northwind-outfitters.example.com',
    BillingCity: 'Portland',
    BillingCountry: 'United States',
    NumberOfEmployees: 420,
  },
  {
    Name: 'Bluebird Coffee Roasters',
    Industry: 'Hospitality',
    Type: 'Customer',
    Website: 'https://bluebird-coffee.example.com',
    BillingCity: 'Seattle',
    BillingCountry: 'United States',
    NumberOfEmployees: 85,
  },
  {
    Name: 'Summit Trail Gear',
    Industry: 'Retail',
    Type: 'Customer',
    Website: 'https://summit-trail.example.com',
    BillingCity: 'Denver',
    BillingCountry: 'United States',
    NumberOfEmployees: 160,
  },
  {
    Name: 'Harborview Hotels',
    Industry: 'Hospitality',
    Type: 'Customer',
    Website: 'https://harborview.example.com',
    BillingCity: 'San Diego',
    BillingCountry: 'United States',
    NumberOfEmployees: 1200,
  },
  {
    Name: 'Pixel & Pine Studio',
    Industry: 'Media',
    Type: 'Partner',
    Website: 'https://pixelandpine.example.com',
    BillingCity: 'Austin',
    BillingCountry: 'United States',
    NumberOfEmployees: 24,
  },
  {
    Name: 'Greenleaf Grocers',
    Industry: 'Retail',
    Type: 'Customer',
    Website: 'https://greenleaf.example.com',
    BillingCity: 'Toronto',
    BillingCountry: 'Canada',
    NumberOfEmployees: 640,
  },
  {
    Name: 'Atlas Bikes',
    Industry: 'Retail',
    Type: 'Prospect',
    Website: 'https://atlas-bikes.example.com',
    BillingCity: 'Amsterdam',
    BillingCountry: 'Netherlands',
    NumberOfEmployees: 55,
  },
  {
    Name: 'Lumen Learning Co.',
    Industry: 'Education',
    Type: 'Customer',
    Website: 'https://lumen-learning.example.com',
    BillingCity: 'Boston',
    BillingCountry: 'United States',
    NumberOfEmployees: 310,
  },
  {
    Name: 'Riverside Clinic',
    Industry: 'Consulting',
    Type: 'Customer',
    Website: 'https://riverside-clinic.example.com',
    BillingCity: 'Chicago',
    BillingCountry: 'United States',
    NumberOfEmployees: 95,
  },
  {
    Name: 'Copperline Media',
    Industry: 'Media',
    Type: 'Prospect',
    Website: 'https://copperline.example.com',
    BillingCity: 'London',
    BillingCountry: 'United Kingdom',
    NumberOfEmployees: 130,
  },
  {
    Name: 'Maple Street Bakery',
    Industry: 'Hospitality',
    Type: 'Customer',
    Website: 'https://maplestreet.example.com',
    BillingCity: 'Vancouver',
    BillingCountry: 'Canada',
    NumberOfEmployees: 18,
  },
  {
    Name: 'Orbit Analytics',
    Industry: 'Technology',
    Type: 'Customer',
    Website: 'https://orbit-analytics.example.com',
    BillingCity: 'Berlin',
    BillingCountry: 'Germany',
    NumberOfEmployees: 220,
  },
];

export interface DemoContact {
  FirstName: string;
  LastName: string;
  /** Index into ACCOUNTS. */
  account: number;
  Title: string;
  Email: string;
  MobilePhone?: string;
}

/** The first contact is the one with the most interactions (the lead's and helpers' demo person). */
export const CONTACTS: DemoContact[] = [
  {
    FirstName: 'Maya',
    LastName: 'Chen',
    account: 0,
    Title: 'Head of Customer Experience',
    Email: 'maya.chen@example.com',
    MobilePhone: '+1 503 555 0140',
  },
  { FirstName: 'Ana', LastName: 'Ruiz', account: 0, Title: 'Buyer', Email: 'ana.ruiz@example.com' },
  {
    FirstName: 'Jordan',
    LastName: 'Lee',
    account: 2,
    Title: 'Trail Guide',
    Email: 'jordan.lee@summit-trail.example.com',
    MobilePhone: '(415) 555-0102',
  },
  { FirstName: 'Marco', LastName: 'Rossi', account: 11, Title: 'Developer Advocate', Email: 'marco.rossi@example.com' },
  {
    FirstName: 'Liam',
    LastName: "O'Brien",
    account: 1,
    Title: 'Owner',
    Email: 'liam@bluebird-coffee.example.com',
    MobilePhone: '+1 206 555 0111',
  },
  {
    FirstName: 'Sofia',
    LastName: 'Rossi',
    account: 1,
    Title: 'Store Manager',
    Email: 'sofia.rossi@bluebird-coffee.example.com',
  },
  {
    FirstName: 'Noah',
    LastName: 'Williams',
    account: 2,
    Title: 'Purchasing Lead',
    Email: 'noah.williams@summit-trail.example.com',
  },
  {
    FirstName: 'Emma',
    LastName: 'Schmidt',
    account: 11,
    Title: 'Data Engineer',
    Email: 'emma.schmidt@orbit-analytics.example.com',
  },
  {
    FirstName: 'Lucas',
    LastName: 'Martin',
    account: 3,
    Title: 'Guest Relations Manager',
    Email: 'lucas.martin@harborview.example.com',
    MobilePhone: '+1 619 555 0123',
  },
  {
    FirstName: 'Olivia',
    LastName: 'Brown',
    account: 3,
    Title: 'Events Coordinator',
    Email: 'olivia.brown@harborview.example.com',
  },
  {
    FirstName: 'Ethan',
    LastName: 'Nguyen',
    account: 4,
    Title: 'Creative Director',
    Email: 'ethan@pixelandpine.example.com',
  },
  {
    FirstName: 'Isabella',
    LastName: 'Garcia',
    account: 5,
    Title: 'Category Manager',
    Email: 'isabella.garcia@greenleaf.example.com',
  },
  {
    FirstName: 'Mason',
    LastName: 'Dubois',
    account: 5,
    Title: 'Store Operations',
    Email: 'mason.dubois@greenleaf.example.com',
  },
  {
    FirstName: 'Mia',
    LastName: 'de Vries',
    account: 6,
    Title: 'Founder',
    Email: 'mia@atlas-bikes.example.com',
    MobilePhone: '+31 20 555 0199',
  },
  {
    FirstName: 'James',
    LastName: 'Okafor',
    account: 7,
    Title: 'Curriculum Lead',
    Email: 'james.okafor@lumen-learning.example.com',
  },
  {
    FirstName: 'Charlotte',
    LastName: 'Kowalski',
    account: 7,
    Title: 'Program Manager',
    Email: 'charlotte.kowalski@lumen-learning.example.com',
  },
  {
    FirstName: 'Benjamin',
    LastName: 'Cohen',
    account: 8,
    Title: 'Practice Manager',
    Email: 'ben.cohen@riverside-clinic.example.com',
  },
  {
    FirstName: 'Amelia',
    LastName: 'Patel',
    account: 8,
    Title: 'Nurse Lead',
    Email: 'amelia.patel@riverside-clinic.example.com',
  },
  {
    FirstName: 'Henry',
    LastName: 'Walker',
    account: 9,
    Title: 'Producer',
    Email: 'henry.walker@copperline.example.com',
  },
  {
    FirstName: 'Harper',
    LastName: 'Jensen',
    account: 9,
    Title: 'Social Media Lead',
    Email: 'harper.jensen@copperline.example.com',
  },
  {
    FirstName: 'Alexander',
    LastName: 'Moreau',
    account: 10,
    Title: 'Head Baker',
    Email: 'alex@maplestreet.example.com',
  },
  {
    FirstName: 'Evelyn',
    LastName: 'Tanaka',
    account: 10,
    Title: 'Owner',
    Email: 'evelyn.tanaka@maplestreet.example.com',
    MobilePhone: '+1 604 555 0175',
  },
  {
    FirstName: 'Daniel',
    LastName: 'Haddad',
    account: 11,
    Title: 'CTO',
    Email: 'daniel.haddad@orbit-analytics.example.com',
  },
  {
    FirstName: 'Abigail',
    LastName: 'Foster',
    account: 0,
    Title: 'Store Manager',
    Email: 'abigail.foster@northwind-outfitters.example.com',
  },
  {
    FirstName: 'Matthew',
    LastName: 'Silva',
    account: 0,
    Title: 'E-commerce Lead',
    Email: 'matthew.silva@northwind-outfitters.example.com',
  },
  {
    FirstName: 'Ella',
    LastName: 'Novak',
    account: 1,
    Title: 'Barista Trainer',
    Email: 'ella.novak@bluebird-coffee.example.com',
  },
  {
    FirstName: 'Samuel',
    LastName: 'Adeyemi',
    account: 2,
    Title: 'Community Manager',
    Email: 'samuel.adeyemi@summit-trail.example.com',
  },
  {
    FirstName: 'Grace',
    LastName: 'Lindqvist',
    account: 3,
    Title: 'Revenue Manager',
    Email: 'grace.lindqvist@harborview.example.com',
  },
  { FirstName: 'David', LastName: 'Kim', account: 4, Title: 'Designer', Email: 'david.kim@pixelandpine.example.com' },
  {
    FirstName: 'Chloe',
    LastName: 'Martins',
    account: 5,
    Title: 'Marketing Manager',
    Email: 'chloe.martins@greenleaf.example.com',
  },
  { FirstName: 'Joseph', LastName: 'Mwangi', account: 6, Title: 'Mechanic', Email: 'joseph@atlas-bikes.example.com' },
  {
    FirstName: 'Zoe',
    LastName: 'Andersson',
    account: 7,
    Title: 'Teacher',
    Email: 'zoe.andersson@lumen-learning.example.com',
  },
  {
    FirstName: 'Ryan',
    LastName: 'Murphy',
    account: 8,
    Title: 'Office Manager',
    Email: 'ryan.murphy@riverside-clinic.example.com',
  },
  { FirstName: 'Lily', LastName: 'Huang', account: 9, Title: 'Editor', Email: 'lily.huang@copperline.example.com' },
  {
    FirstName: 'Nathan',
    LastName: 'Petrov',
    account: 11,
    Title: 'Account Executive',
    Email: 'nathan.petrov@orbit-analytics.example.com',
  },
  { FirstName: 'Aria', LastName: 'Costa', account: 3, Title: 'Concierge', Email: 'aria.costa@harborview.example.com' },
  {
    FirstName: 'Owen',
    LastName: 'Fischer',
    account: 2,
    Title: 'Ultrarunner (sponsored)',
    Email: 'owen.fischer@example.net',
  },
  {
    FirstName: 'Nora',
    LastName: 'Berg',
    account: 10,
    Title: 'Cafe Manager',
    Email: 'nora.berg@maplestreet.example.com',
  },
  { FirstName: 'Leo', LastName: 'Romano', account: 6, Title: 'Sales', Email: 'leo@atlas-bikes.example.com' },
  { FirstName: 'Hannah', LastName: 'Clarke', account: 0, Title: 'Loyalty Member', Email: 'hannah.clarke@example.org' },
];

export interface DemoLead {
  FirstName: string;
  LastName: string;
  Company: string;
  Email: string;
  Status: string;
  LeadSource: string;
}

export const LEADS: DemoLead[] = [
  {
    FirstName: 'Priya',
    LastName: 'Shah',
    Company: 'Shah Design',
    Email: 'priya.shah@example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Sam',
    LastName: 'Kim',
    Company: 'Kim & Co',
    Email: 'sam.kim@example.org',
    Status: 'Working - Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Tariq',
    LastName: 'Aziz',
    Company: 'Dunes Outdoor',
    Email: 'tariq@dunes-outdoor.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Freya',
    LastName: 'Olsen',
    Company: 'Fjord Rentals',
    Email: 'freya@fjord-rentals.example.com',
    Status: 'Working - Contacted',
    LeadSource: 'Web',
  },
  {
    FirstName: 'Diego',
    LastName: 'Fernandez',
    Company: 'Casa Verde Cafe',
    Email: 'diego@casaverde.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Yuki',
    LastName: 'Sato',
    Company: 'Sato Ceramics',
    Email: 'yuki@sato-ceramics.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Partner Referral',
  },
  {
    FirstName: 'Kwame',
    LastName: 'Mensah',
    Company: 'Accra Threads',
    Email: 'kwame@accra-threads.example.com',
    Status: 'Working - Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Ingrid',
    LastName: 'Halvorsen',
    Company: 'Nordic Paddle',
    Email: 'ingrid@nordicpaddle.example.com',
    Status: 'Closed - Not Converted',
    LeadSource: 'Web',
  },
  {
    FirstName: 'Rafael',
    LastName: 'Souza',
    Company: 'Rio Bikes',
    Email: 'rafael@riobikes.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Aisha',
    LastName: 'Khan',
    Company: 'Khan Learning',
    Email: 'aisha@khanlearning.example.com',
    Status: 'Working - Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Tom',
    LastName: 'Becker',
    Company: 'Becker Brewing',
    Email: 'tom@becker-brewing.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Phone Inquiry',
  },
  {
    FirstName: 'Elena',
    LastName: 'Popescu',
    Company: 'Carpathian Tours',
    Email: 'elena@carpathian.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Marcus',
    LastName: 'Grant',
    Company: 'Grant Fitness',
    Email: 'marcus@grantfitness.example.com',
    Status: 'Working - Contacted',
    LeadSource: 'Social',
  },
  {
    FirstName: 'Sienna',
    LastName: 'Wright',
    Company: 'Wright Florals',
    Email: 'sienna@wrightflorals.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Web',
  },
  {
    FirstName: 'Felix',
    LastName: 'Wagner',
    Company: 'Wagner Optics',
    Email: 'felix@wagner-optics.example.com',
    Status: 'Open - Not Contacted',
    LeadSource: 'Social',
  },
];

export interface DemoCase {
  /** Index into CONTACTS. */
  contact: number;
  Subject: string;
  Description: string;
  Status: string;
  Priority: string;
  Origin: string;
}

export const CASES: DemoCase[] = [
  {
    contact: 0,
    Subject: 'Order #4471 stuck in processing',
    Description: 'Customer reported on X that her order has not shipped after 8 days.',
    Status: 'Working',
    Priority: 'High',
    Origin: 'Social',
  },
  {
    contact: 0,
    Subject: 'Return label not received',
    Description: 'Asked on Instagram DM for a return label for a jacket.',
    Status: 'Closed',
    Priority: 'Medium',
    Origin: 'Social',
  },
  {
    contact: 1,
    Subject: 'Wrong size delivered',
    Description: 'Received size M instead of L.',
    Status: 'New',
    Priority: 'Medium',
    Origin: 'Social',
  },
  {
    contact: 4,
    Subject: 'Espresso grinder warranty claim',
    Description: 'Grinder stopped after 3 months.',
    Status: 'Escalated',
    Priority: 'High',
    Origin: 'Email',
  },
  {
    contact: 8,
    Subject: 'Loyalty points missing after stay',
    Description: 'Points for the October stay did not post.',
    Status: 'Working',
    Priority: 'Low',
    Origin: 'Social',
  },
  {
    contact: 11,
    Subject: 'Damaged pallet on delivery',
    Description: 'Two cases crushed in transit.',
    Status: 'Closed',
    Priority: 'High',
    Origin: 'Phone',
  },
  {
    contact: 13,
    Subject: 'Invoice shows the wrong VAT number',
    Description: 'Needs a corrected invoice for October.',
    Status: 'New',
    Priority: 'Medium',
    Origin: 'Web',
  },
  {
    contact: 16,
    Subject: 'Cannot log in to the patient portal',
    Description: 'Password reset email never arrives.',
    Status: 'Working',
    Priority: 'High',
    Origin: 'Social',
  },
  {
    contact: 22,
    Subject: 'API rate limit questions',
    Description: 'Asked in the community about limits on the export API.',
    Status: 'Closed',
    Priority: 'Low',
    Origin: 'Web',
  },
  {
    contact: 39,
    Subject: 'Gift card balance not showing',
    Description: 'Complained on Facebook that the balance shows zero.',
    Status: 'New',
    Priority: 'Medium',
    Origin: 'Social',
  },
];
