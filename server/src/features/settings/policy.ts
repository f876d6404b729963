import { defineRules } from '../../core/policy/index.js';
import type { InstanceFacts } from '../users/policy.js';

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'settings.update': InstanceFacts;
    'mail_outbox.view': InstanceFacts;
  }
}

defineRules({
  'settings.update': (a) => a.role === 'admin',
  'mail_outbox.view': (a) => a.role === 'admin',
});
