export interface UsersTable {
  id: string;
  name: string;
  /** Lower-cased name: the directory's sort and keyset key. */
  sort_name: string;
  email: string;
  email_verified: number;
  image: string | null;
  role: 'admin' | 'member' | 'guest';
  status: 'active' | 'deactivated';
  job_title: string | null;
  department: string | null;
  location: string | null;
  phone: string | null;
  about: string | null;
  /** JSON array of strings. */
  skills: string;
  manager_id: string | null;
  avatar_file_id: string | null;
  cover_file_id: string | null;
  locale: 'de' | 'en' | null;
  theme: 'system' | 'light' | 'dark';
  deactivated_at: string | null;
  /** Last time the person had an open connection (presence). */
  last_seen_at: string | null;
  /** Notification e-mails paused until then. */
  email_paused_until: string | null;
  /** IANA time zone for digests (null: the default, Europe/Berlin). */
  time_zone: string | null;
  /** The recipient's local date (YYYY-MM-DD) of the last daily digest. */
  digest_sent_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleFtsTable {
  user_id: string;
  content: string;
}
