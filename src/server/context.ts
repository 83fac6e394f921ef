/** What the HTTP layer hands to services: configuration, the database, the PII cipher. */
import type { Config } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import type { PersonalDataCipher } from '../shared/crypto.ts';
import type { AuthSettings } from '../modules/auth/service.ts';

export interface AppContext {
  config: Config;
  database: Database;
  cipher: PersonalDataCipher;
  auth: AuthSettings;
}
